// XML is never trusted: entity bombs are not expanded, external entities and DTDs are neither read nor fetched,
// and each DOCTYPE gets an `xml-doctype-ignored` diagnostic — through the engine, the CLI and the language server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintText } from '../../shared-rules/engine/lint';
import { boundMs } from '../../scripts/fuzz/oracle';
import { MARKER, startListener, xxePayloads } from './helpers/xxe';
import { spyFs } from './helpers/fs-spy';
import { HOOKS, readSpyLog, runCli, tempDir } from './helpers/cli';
import { startSpyClient } from './helpers/lsp';

/** A local file an external entity points at; its content must never show up anywhere. */
function markerFile(dir: string): string {
  const f = path.join(dir, 'secret-marker.txt');
  fs.writeFileSync(f, `${MARKER}\n`);
  return f;
}

const WITH_DOCTYPE = (name: string) => name !== 'xinclude';

test('engine: no expansion, no file read, no request, a DOCTYPE diagnostic', async () => {
  const dir = tempDir('xxe-engine');
  const listener = await startListener();
  try {
    const marker = markerFile(dir);
    for (const p of xxePayloads(marker, listener.url)) {
      const spy = spyFs();
      const heapBefore = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      let findings;
      try {
        findings = lintText(path.join(dir, p.name, 'context.xml'), p.text).findings;
      } finally {
        spy.stop();
      }
      const ms = performance.now() - t0;
      const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
      assert.ok(ms < boundMs(p.text.length), `${p.name}: ${ms.toFixed(0)} ms`);
      assert.ok(heapGrowth < 64 << 20, `${p.name}: heap grew ${(heapGrowth / 2 ** 20).toFixed(0)} MiB`);
      const out = JSON.stringify(findings);
      assert.ok(!out.includes(MARKER), `${p.name}: marker in the output`);
      assert.ok(out.length < 2_000_000, `${p.name}: ${out.length} bytes of findings (expansion?)`);
      assert.deepEqual(spy.calls.filter((c) => c.includes(marker) || /^(net|http)\./.test(c)), [], `${p.name}: file read or request`);
      if (WITH_DOCTYPE(p.name)) assert.ok(findings.some((f) => f.ruleId === 'xml-doctype-ignored'), `${p.name}: xml-doctype-ignored`);
    }
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(listener.hits, [], 'the loopback listener was contacted');
  } finally {
    await listener.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: same, with its file and network calls recorded', async () => {
  const dir = tempDir('xxe-cli');
  const listener = await startListener();
  try {
    const marker = markerFile(dir);
    const payloads = xxePayloads(marker, listener.url);
    for (const p of payloads) {
      fs.mkdirSync(path.join(dir, 'ws', p.name), { recursive: true });
      fs.writeFileSync(path.join(dir, 'ws', p.name, 'context.xml'), p.text);
    }
    const spyLog = path.join(dir, 'spy.log');
    const r = await runCli([path.join(dir, 'ws'), '--format', 'json'], { hooks: ['spy.cjs'], env: { CARBONLINT_SPY_LOG: spyLog }, timeoutMs: 20000 });
    assert.equal(r.timedOut, false, 'the CLI finished');
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.ok(!r.stdout.includes(MARKER) && !r.stderr.includes(MARKER), 'marker in the output');
    assert.ok(r.maxRssKiB! < 400 * 1024, `peak memory ${r.maxRssKiB} KiB`);
    const rows = JSON.parse(r.stdout) as Array<{ file: string; rule: string }>;
    for (const p of payloads.filter((x) => WITH_DOCTYPE(x.name))) {
      assert.ok(rows.some((x) => x.rule === 'xml-doctype-ignored' && x.file.includes(p.name)), `${p.name}: xml-doctype-ignored`);
    }
    const log = readSpyLog(spyLog);
    assert.ok(log.some((e) => (e.op === 'readFileSync' || e.op === 'openSync') && e.target.endsWith('context.xml')), 'the spy sees the CLI read files (it works)');
    assert.deepEqual(log.filter((e) => e.target.includes(marker)), [], 'the marker file was touched');
    assert.deepEqual(log.filter((e) => e.op === 'net'), [], 'a connection was attempted');
    assert.deepEqual(listener.hits, []);
  } finally {
    await listener.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('language server: same, over the protocol, at verbose trace', async () => {
  const dir = tempDir('xxe-lsp');
  const listener = await startListener();
  const spyLog = path.join(dir, 'spy.log');
  const c = await startSpyClient({ nodeArgs: ['--require', path.join(HOOKS, 'spy.cjs')], env: { CARBONLINT_SPY_LOG: spyLog }, trace: 'verbose' });
  try {
    await c.conn.sendNotification('$/setTrace', { value: 'verbose' });
    const marker = markerFile(dir);
    const payloads = xxePayloads(marker, listener.url);
    for (const p of payloads) {
      const uri = pathToFileURL(path.join(dir, p.name, 'context.xml')).toString();
      c.open(uri, p.text, 'xml');
      const d = await c.diagnostics(uri);
      if (WITH_DOCTYPE(p.name)) assert.ok(d.diagnostics.some((x) => x.code === 'xml-doctype-ignored'), `${p.name}: xml-doctype-ignored`);
      // Hover and code actions where the entity is used: nothing resolved there either.
      await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 70 } });
      await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, context: { diagnostics: [] } });
    }
    assert.ok(c.alive());
    assert.ok(!JSON.stringify(c.received).includes(MARKER) && !c.stderr().includes(MARKER), 'marker sent to the client');
    const log = readSpyLog(spyLog);
    assert.deepEqual(log.filter((e) => e.target.includes(marker)), [], 'the marker file was touched');
    assert.deepEqual(log.filter((e) => e.op === 'net'), [], 'a connection was attempted');
    assert.deepEqual(listener.hits, []);
  } finally {
    await c.stop();
    await listener.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
