// No stale results: 1,000 rapid incremental edits with code-action and hover requests in between. Every publish
// carries the version it was computed for and matches lintText of that version's text exactly; the last one is for
// the final text; every code action's edit is stamped with the version it was computed for (the one at request
// time, or a later one the server had already received), and a quick fix is the fix lintText offers at that version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { lintText } from '../../shared-rules/engine/lint';
import { startSpyClient } from './helpers/lsp';

const EDITS = Number(process.env.CARBONLINT_STALE_EDITS ?? 1000);
const START = fs.readFileSync(path.join(__dirname, '../../examples/wso2am-4.2.0/repository/conf/deployment.toml'), 'utf8');
// What typing inserts: fragments that add and remove findings and syntax errors.
const INSERTS = ['', 'x', '\n', '"', '[', ']', '=', ' ', '#', 'password = "admin"\n', '[super_admin]\n', 'admin', '{{ .Values.x }}', '\r\n', '"""', '[secrets]\n'];

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A diagnostic as compared: rule, range, severity and the message as the server words it (finding + guideline). */
const key = (d: { code?: unknown; range: Diagnostic['range']; severity?: number; message: Diagnostic['message'] }) =>
  `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}#${d.severity} ${typeof d.message === 'string' ? d.message : d.message.value}`;
const SEV = { error: 1, warning: 2, info: 3, hint: 4 } as const;

test(`${EDITS} rapid edits with code actions and hovers: no stale publish, no stale edit`, { timeout: 180_000 }, async () => {
  const uri = pathToFileURL('/tmp/carbonlint-stale/wso2am-4.2.0/repository/conf/deployment.toml').toString();
  const file = fileURLToPath(uri);
  const c = await startSpyClient();
  try {
    const texts = new Map<number, string>();
    let doc = TextDocument.create(uri, 'toml', 1, START);
    texts.set(1, START);
    c.open(uri, START, 'toml', 1);
    const rnd = prng(424242);
    const actions: Array<{ asked: number; reply: Promise<CodeAction[] | null> }> = [];
    const hovers: Array<Promise<unknown>> = [];
    for (let v = 2; v <= EDITS + 1; v++) {
      const text = doc.getText();
      const a = Math.floor(rnd() * (text.length + 1));
      const b = Math.min(text.length, a + Math.floor(rnd() * 12));
      const change = { range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: INSERTS[Math.floor(rnd() * INSERTS.length)] };
      doc = TextDocument.update(doc, [change], v);
      texts.set(v, doc.getText());
      void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
      if (v % 10 === 0) {
        const lines = doc.lineCount;
        const l = Math.floor(rnd() * lines);
        const range = rnd() < 0.3 ? { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } : { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } };
        const only = rnd() < 0.2 ? ['source.fixAll'] : undefined;
        actions.push({ asked: v, reply: c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only } }) as Promise<CodeAction[] | null> });
      }
      if (v % 7 === 0) hovers.push(c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(Math.floor(rnd() * doc.getText().length)) }));
      // Yield now and then, as an editor's event loop does, so requests interleave with the server's lints.
      if (v % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    const final = EDITS + 1;
    await Promise.all(hovers);
    const replies = await Promise.all(actions.map(async (x) => ({ asked: x.asked, actions: (await x.reply) ?? [] })));
    await c.diagnostics(uri, (p) => p.version === final, 30_000);
    await new Promise((r) => setTimeout(r, 300)); // nothing may come after the final publish

    // Every publish: versioned, in order, and exactly what lintText gives for that version.
    const mine = c.published.filter((p) => p.uri === uri);
    let last = 0;
    const cache = new Map<number, ReturnType<typeof lintText>>();
    const lintAt = (v: number) => cache.get(v) ?? cache.set(v, lintText(file, texts.get(v)!)).get(v)!;
    for (const p of mine) {
      assert.equal(typeof p.version, 'number', 'a publish without a version');
      assert.ok(p.version! >= last, `publish for version ${p.version} after one for ${last}`);
      last = p.version!;
      const expected = lintAt(p.version!).findings.map((f) =>
        key({ code: f.ruleId, range: f.range, severity: SEV[f.severity], message: f.guideline ? `${f.message} (${f.guidelineId}: ${f.guideline})` : f.message }));
      assert.deepEqual(p.diagnostics.map(key), expected, `diagnostics published for version ${p.version} are not those of its text`);
    }
    assert.equal(last, final, 'the last publish is for the final text');

    // Every code action: stamped with a version the server had when asked (or later), and a quick fix is a fix of that version.
    let checked = 0;
    for (const { asked, actions: list } of replies) {
      for (const a of list) {
        for (const ch of (a.edit?.documentChanges ?? []) as TextDocumentEdit[]) {
          const v = ch.textDocument.version!;
          assert.ok(Number.isInteger(v) && v >= asked && v <= final, `"${a.title}" asked at version ${asked} carries version ${v}`);
          const at = TextDocument.create(uri, 'toml', v, texts.get(v)!);
          for (const e of ch.edits) assert.ok(at.offsetAt(e.range.end) >= at.offsetAt(e.range.start), 'edit range inside the text');
          // A finding's own quick fix (not fix-all, not a suppression) must be one lintText offers at that version.
          const same = lintAt(v).findings.filter((f) => f.fix?.title === a.title);
          if (a.kind === 'quickfix' && same.length && !a.title.startsWith('Disable ') && a.title !== 'Fix all safe CarbonLint problems') {
            const edits = JSON.stringify(ch.edits);
            assert.ok(same.some((f) => JSON.stringify(f.fix!.edits.map((e) => ({ range: e.range, newText: e.newText }))) === edits), `"${a.title}" is a fix of version ${v}`);
          }
          checked++;
        }
      }
    }
    assert.ok(checked > 0, 'some code actions carried edits');
    assert.ok(c.alive());
    console.log(`${EDITS} edits: ${mine.length} publishes (all current), ${replies.length} code-action requests, ${checked} versioned edits checked, ${hovers.length} hovers`);
  } finally {
    await c.stop();
  }
});
