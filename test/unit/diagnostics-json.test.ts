// The diagnostics JSON kept between publications (server/src/diagnostics-json.ts): the frame is byte for byte what
// JSON.stringify of the message gives, while typing and whatever changes in a diagnostic; kept copies are frozen;
// other messages take the usual path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, type Diagnostic, type Message } from 'vscode-languageserver/node';
import { lintText } from '../../shared-rules/engine/lint';
import { toDiagnostic } from '../../server/src/diagnostics';
import { DiagnosticsJson, publishFrame, sameJson } from '../../server/src/diagnostics-json';
import { SingleWriteMessageWriter } from '../../server/src/frame-writer';

const header = (n: number) => `Content-Length: ${n}\r\n\r\n`;
const PUBLISH = 'textDocument/publishDiagnostics';
const message = (uri: string, version: number, diagnostics: Diagnostic[]) => ({ jsonrpc: '2.0', method: PUBLISH, params: { uri, version, diagnostics } }) as Message;
/** What the writer sent before: JSON.stringify of the message with the diagnostics as converted. */
const expected = (msg: Message) => {
  const body = Buffer.from(JSON.stringify(msg), 'utf8');
  return Buffer.concat([Buffer.from(header(body.length), 'ascii'), body]);
};

test('typing in a deployment.toml: each frame is the bytes of JSON.stringify, and unchanged diagnostics are reused', () => {
  const file = path.join(__dirname, '..', 'fixtures', 'shared', 'corpus', 'docker-apim-master', 'apim-with-analytics', 'deployment.toml');
  const uri = 'file:///work/wso2am-4.2.0/repository/conf/deployment.toml';
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf('"', text.search(/^[ \t]*[A-Za-z_][\w.-]*[ \t]*=[ \t]*"/m)) + 1;
  // Letters typed into a value, a line added at the top (every range moves), a plain password added, all undone.
  const versions = [
    ...Array.from({ length: 6 }, (_, k) => text.slice(0, at) + 'abcdef'.slice(0, k) + text.slice(at)),
    `# a note\n${text}`,
    `${text}\n[super_admin]\npassword = "admin"\n`,
    text,
  ];
  const kept = new DiagnosticsJson();
  let previous: Diagnostic[] = [];
  let reused = 0;
  versions.forEach((t, v) => {
    const converted = lintText('/work/wso2am-4.2.0/repository/conf/deployment.toml', t).findings.map((f) => toDiagnostic(f, uri));
    assert.ok(converted.length > 10);
    const list = kept.reuse(uri, converted);
    const frame = publishFrame(message(uri, v + 1, list), header);
    assert.ok(frame, 'kept diagnostics take the kept bytes');
    assert.ok(frame.equals(expected(message(uri, v + 1, converted))), `version ${v + 1}`);
    reused += list.filter((d) => previous.includes(d)).length;
    previous = list;
  });
  assert.ok(reused > 50, `unchanged diagnostics are taken from the previous publication (${reused})`);
  assert.ok(JSON.stringify(previous).includes('…') || JSON.stringify(previous).includes('—'), 'non-ASCII messages are part of the check');
});

test('a diagnostic that differs in anything JSON writes is never served from the kept bytes', () => {
  const base = (): Diagnostic => ({
    range: { start: { line: 3, character: 0 }, end: { line: 3, character: 12 } }, severity: 2, source: 'carbonlint', code: 'r1',
    message: 'Weak cipher — see the guideline…', codeDescription: { href: 'file:///docs/r1.md' },
    relatedInformation: [{ location: { uri: 'file:///a.toml', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } }, message: 'set here' }],
  });
  const variants: Array<[string, (d: Diagnostic) => Diagnostic]> = [
    ['range end', (d) => ({ ...d, range: { ...d.range, end: { line: 3, character: 13 } } })],
    ['severity', (d) => ({ ...d, severity: 1 })],
    ['related message', (d) => ({ ...d, relatedInformation: [{ ...d.relatedInformation![0], message: 'set there' }] })],
    ['related uri', (d) => ({ ...d, relatedInformation: [{ ...d.relatedInformation![0], location: { ...d.relatedInformation![0].location, uri: 'file:///b.toml' } }] })],
    ['related range', (d) => ({ ...d, relatedInformation: [{ ...d.relatedInformation![0], location: { ...d.relatedInformation![0].location, range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } } } }] })],
    ['tags added', (d) => ({ ...d, tags: [1] })],
    ['href', (d) => ({ ...d, codeDescription: { href: 'file:///docs/r2.md' } })],
    ['key order', (d) => ({ message: d.message, range: d.range, severity: d.severity, source: d.source, code: d.code, codeDescription: d.codeDescription, relatedInformation: d.relatedInformation })],
    ['code type', (d) => ({ ...d, code: 1 })],
    ['undefined value', (d) => ({ ...d, tags: undefined })],
  ];
  const uri = 'file:///work/deployment.toml';
  for (const [what, change] of variants) {
    const kept = new DiagnosticsJson();
    const first = kept.reuse(uri, [base()]);
    assert.ok(publishFrame(message(uri, 1, first), header)!.equals(expected(message(uri, 1, [base()]))));
    const next = change(base());
    const list = kept.reuse(uri, [next]);
    assert.notEqual(list[0], first[0], what);
    assert.ok(publishFrame(message(uri, 2, list), header)!.equals(expected(message(uri, 2, [next]))), what);
    assert.equal(sameJson(first[0], next), false, what);
  }
  // And the same content (fresh objects, as a new lint gives) is the kept copy.
  const kept = new DiagnosticsJson();
  const first = kept.reuse(uri, [base(), base()]);
  const again = kept.reuse(uri, [base(), base()]);
  assert.deepEqual(again, first);
  assert.equal(again[0], first[0]);
  assert.ok(publishFrame(message(uri, 2, again), header)!.equals(expected(message(uri, 2, [base(), base()]))));
});

test('kept copies are frozen: the bytes kept for them cannot go stale', () => {
  const kept = new DiagnosticsJson();
  const [d] = kept.reuse('file:///x.toml', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' }]);
  assert.throws(() => {
    (d.range.start as { line: number }).line = 5;
  }, TypeError);
  assert.throws(() => {
    (d as { message: string }).message = 'other';
  }, TypeError);
});

test('a closed document forgets its kept copies', () => {
  const kept = new DiagnosticsJson();
  const d = (): Diagnostic => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' });
  const [a] = kept.reuse('file:///x.toml', [d()]);
  kept.reuse('file:///y.toml', [d()]);
  assert.equal(kept.size, 2);
  kept.forget('file:///x.toml');
  assert.equal(kept.size, 1);
  const [b] = kept.reuse('file:///x.toml', [d()]);
  assert.notEqual(b, a, 'nothing of the closed document is reused');
});

test('other messages, and publications with anything but kept diagnostics or in another shape, are stringified', () => {
  const uri = 'file:///x.toml';
  const [d] = new DiagnosticsJson().reuse(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' }]);
  const fresh: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' };
  assert.equal(publishFrame(message(uri, 1, [d, fresh]), header), undefined, 'a diagnostic without kept bytes');
  assert.equal(publishFrame({ jsonrpc: '2.0', method: PUBLISH, params: { diagnostics: [d], uri } } as Message, header), undefined, 'params in another order');
  assert.equal(publishFrame({ jsonrpc: '2.0', method: PUBLISH, params: { uri, version: 1, diagnostics: [d], extra: 1 } } as Message, header), undefined, 'an extra key');
  assert.equal(publishFrame({ method: PUBLISH, jsonrpc: '2.0', params: { uri, diagnostics: [d] } } as Message, header), undefined, 'message keys in another order');
  assert.equal(publishFrame({ jsonrpc: '2.0', method: PUBLISH, params: { uri, version: 1.5, diagnostics: [d] } } as Message, header), undefined, 'a version JSON-RPC does not send');
  assert.equal(publishFrame({ jsonrpc: '2.0', method: 'test/other', params: { uri, version: 1, diagnostics: [d] } } as Message, header), undefined, 'another method');
  const unversioned = { jsonrpc: '2.0', method: PUBLISH, params: { uri, diagnostics: [d] } } as Message;
  assert.ok(publishFrame(unversioned, header)!.equals(expected(unversioned)), 'no version: the other shape vscode-jsonrpc sends');
  const none = message(uri, 3, []);
  assert.ok(publishFrame(none, header)!.equals(expected(none)), 'no diagnostics at all');
});

test('the stdio writer sends kept diagnostics that a vscode-jsonrpc reader reads back as published', async () => {
  const pipe = new PassThrough();
  const writer = new SingleWriteMessageWriter(pipe);
  const reader = new StreamMessageReader(pipe);
  const got: Message[] = [];
  const done = new Promise<void>((resolve) => reader.listen((m) => {
    got.push(m);
    if (got.length === 2) resolve();
  }));
  const uri = 'file:///é/deployment.toml';
  const diagnostics: Diagnostic[] = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'ünïcödé — …', code: 'r' }];
  const kept = new DiagnosticsJson();
  await writer.write(message(uri, 1, kept.reuse(uri, diagnostics)));
  await writer.write({ jsonrpc: '2.0', method: 'test/note', params: { n: 1 } } as Message);
  await done;
  assert.deepEqual(got[0], message(uri, 1, diagnostics));
  assert.deepEqual(got[1], { jsonrpc: '2.0', method: 'test/note', params: { n: 1 } });
});
