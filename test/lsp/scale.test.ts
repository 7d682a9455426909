// A workspace of 2,000 recognised files: an open document is answered within 200 ms while the scan runs, and the
// scan can be cancelled from the progress UI (window/workDoneProgress/cancel) or by the client's command.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeWorkspace, scanEnded, startClient, type TestClient } from './client';

const FILES = 2000;
const TOML = [
  '[server]', 'hostname = "am.example.com"', 'node_ip = "10.0.0.1"', '',
  '[super_admin]', 'username = "admin"', 'password = "admin"', 'create_admin_account = true', '',
  '[database.apim_db]', 'type = "mysql"', 'url = "jdbc:mysql://db:3306/apim"', 'username = "apim"', 'password = "apim123"', '',
  '[[apim.gateway.environment]]', 'name = "Default"', 'type = "hybrid"', 'username = "${admin.username}"', 'password = "${admin.password}"', '',
].join('\n');
const CONTEXT = '<Context>\n  <Manager pathname=""/>\n</Context>\n';

let ws: ReturnType<typeof makeWorkspace>;
before(() => {
  const files: Record<string, string> = {};
  for (let i = 0; i < FILES / 2; i++) {
    files[`nodes/n${i}/repository/conf/deployment.toml`] = TOML;
    files[`nodes/n${i}/repository/conf/tomcat/carbon/META-INF/context.xml`] = CONTEXT;
  }
  ws = makeWorkspace(files);
});
after(() => ws.cleanup());

const fromScan = (c: TestClient) => new Set(c.published.filter((p) => p.uri.includes('/nodes/')).map((p) => p.uri)).size;

test('an open document is answered first while 2,000 files are being scanned', { timeout: 120_000 }, async () => {
  const c = await startClient({ folders: [ws.root] });
  const doc = ws.uri('edited/repository/conf/deployment.toml');
  try {
    await c.until('the scan to be publishing', () => fromScan(c) >= 20);
    const latencies: number[] = [];
    for (let v = 1; v <= 5; v++) {
      const t0 = performance.now();
      if (v === 1) c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'toml', version: 1, text: TOML } });
      else c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: doc, version: v }, contentChanges: [{ text: TOML + `# edit ${v}\n` }] });
      await c.diagnostics(doc, (p) => p.version === v);
      latencies.push(performance.now() - t0);
    }
    const stillScanning = !c.notifications.some((n) => n.method === 'carbonlint/scanState' && (n.params as { state: string }).state === 'done');
    const end = await scanEnded(c, 0, 110_000);
    console.log(`# scan of ${end.files} files; open-document latencies during it: ${latencies.map((l) => l.toFixed(0)).join(', ')} ms`);
    assert.ok(stillScanning, 'the scan was still running while the document was answered');
    assert.ok(Math.max(...latencies) < 200, `every answer within 200 ms: ${latencies.map((l) => l.toFixed(0)).join(', ')}`);
    assert.equal(end.files, FILES);
    assert.equal(fromScan(c), FILES);
  } finally {
    await c.stop();
  }
});

test('the scan can be cancelled from the progress notification and by the client', { timeout: 120_000 }, async () => {
  const c = await startClient({ folders: [ws.root] });
  try {
    await c.until('the scan to be publishing', () => fromScan(c) >= 10);
    c.conn.sendNotification('window/workDoneProgress/cancel', { token: c.progressTokens[0] });
    const end = await scanEnded(c);
    assert.equal(end.state, 'cancelled');
    const kinds = c.progress.filter((p) => p.token === c.progressTokens[0]).map((p) => p.value.kind);
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(fromScan(c) < FILES, `stopped early: ${fromScan(c)} of ${FILES}`);

    // Scan again on request, then stop it with the client's own notification.
    const n = c.notifications.length;
    assert.deepEqual(await c.conn.sendRequest('carbonlint/scanWorkspace'), { started: true });
    await c.until('a second progress', () => c.progressTokens.length === 2);
    c.conn.sendNotification('carbonlint/cancelScan');
    assert.equal((await scanEnded(c, n)).state, 'cancelled');
  } finally {
    await c.stop();
  }
});
