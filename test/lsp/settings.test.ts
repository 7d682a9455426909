// Settings over real JSON-RPC: applied live (workspace/didChangeConfiguration → workspace/configuration again),
// for open documents and the workspace scan alike; the project file .carbonlint.json and its precedence
// (defaults < project file < editor settings); an invalid project file gets a diagnostic at the key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, makeWorkspace, scanEnded, startClient } from './client';

const ADMIN = '[super_admin]\nusername = "admin"\npassword = "admin"\n';
const CONTEXT = '<Context>\n  <Manager pathname="">\n    <SessionIdGenerator sessionIdLength="32"/>\n  </Manager>\n</Context>\n';
const CONF = 'repository/conf/tomcat/carbon/META-INF/context.xml';
const TOML = 'repository/conf/deployment.toml';

test('a settings change is applied live to open documents and to the rest of the workspace', async () => {
  const ws = makeWorkspace({ [TOML]: ADMIN, [CONF]: CONTEXT });
  const c = await startClient({ folders: [ws.root] });
  try {
    await scanEnded(c);
    const xml = ws.uri(CONF);
    assert.ok(!codes(c.latest(xml)).includes('short-session-id'), '32 bytes meets the default minimum');
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.uri(TOML), languageId: 'toml', version: 1, text: ADMIN } });
    await c.diagnostics(ws.uri(TOML), (p) => codes(p).includes('default-admin-credentials'));

    c.settings = { rules: { 'default-admin-credentials': 'off' }, session: { minIdLength: 64 } };
    let n = c.notifications.length;
    c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const open = await c.diagnostics(ws.uri(TOML), (p) => p.version === 1 && !codes(p).includes('default-admin-credentials'));
    assert.ok(codes(open).includes('plaintext-password'), 'other rules still run');
    await scanEnded(c, n);
    assert.ok(codes(c.latest(xml)).includes('short-session-id'), 'the unopened context.xml is re-checked with minIdLength 64');

    // carbonlint.workspaceScan off: the findings of unopened files go; the open document keeps its own.
    c.settings = { workspaceScan: false };
    n = c.notifications.length;
    c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.diagnostics(xml, (p) => p.diagnostics.length === 0);
    // carbonlint.enable off: nothing anywhere.
    c.settings = { enable: false };
    c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.diagnostics(ws.uri(TOML), (p) => p.diagnostics.length === 0);
    const status = await c.conn.sendRequest('carbonlint/fileStatus', { uri: ws.uri(TOML) }) as { notChecked?: string };
    assert.match(status.notChecked ?? '', /carbonlint\.enable/);
    assert.ok(n >= 0);
  } finally {
    await c.stop();
    ws.cleanup();
  }
});

test('the project file: its settings and exclusions apply, editor settings win over it, changes are followed', async () => {
  const ws = makeWorkspace({
    [TOML]: ADMIN,
    [CONF]: CONTEXT,
    'old/repository/conf/deployment.toml': ADMIN,
    '.carbonlint.json': JSON.stringify({ rules: { 'plaintext-password': 'off' }, session: { minIdLength: 64 }, exclude: ['old/**'] }),
  });
  const c = await startClient({ folders: [ws.root], settings: { session: { minIdLength: 32 } } });
  try {
    await scanEnded(c);
    const toml = c.latest(ws.uri(TOML));
    assert.ok(codes(toml).includes('default-admin-credentials'));
    assert.ok(!codes(toml).includes('plaintext-password'), 'switched off by the project file');
    assert.ok(!codes(c.latest(ws.uri(CONF))).includes('short-session-id'), 'the editor setting (32) wins over the project file (64)');
    assert.equal(c.latest(ws.uri('old/repository/conf/deployment.toml')), undefined, 'excluded by the project file');
    // An open, excluded file is not checked either (the CLI agrees), and the status says why.
    const old = ws.uri('old/repository/conf/deployment.toml');
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: old, languageId: 'toml', version: 1, text: ADMIN } });
    await c.diagnostics(old, (p) => p.version === 1 && p.diagnostics.length === 0);
    const status = await c.conn.sendRequest('carbonlint/fileStatus', { uri: old }) as { notChecked?: string; recognised: boolean };
    assert.match(status.notChecked ?? '', /"old\/\*\*" in .*\.carbonlint\.json/);

    // The project file changes on disk: plaintext-password back on.
    const n = c.notifications.length;
    ws.write('.carbonlint.json', JSON.stringify({ session: { minIdLength: 64 } }));
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('.carbonlint.json'), type: 2 }] });
    await scanEnded(c, n);
    assert.ok(codes(c.latest(ws.uri(TOML))).includes('plaintext-password'));
    await c.until('the open file, no longer excluded, checked', () => c.latest(old)?.version === 1 && codes(c.latest(old)).includes('default-admin-credentials'));
  } finally {
    await c.stop();
    ws.cleanup();
  }
});

test('an invalid project file gets a diagnostic at the key it names', async () => {
  const text = '{\n  "rules": {\n    "plaintext-pasword": "error"\n  },\n  "tls": { "minimumVersion": "TLSv1.1" }\n}\n';
  const ws = makeWorkspace({ [TOML]: ADMIN, '.carbonlint.json': text });
  const c = await startClient({ folders: [ws.root] });
  try {
    const p = await c.diagnostics(ws.uri('.carbonlint.json'), (d) => d.diagnostics.length > 0);
    const byKey = Object.fromEntries(p.diagnostics.map((d) => [String(d.message).split(':')[0], d]));
    assert.deepEqual(Object.keys(byKey).sort(), ['rules.plaintext-pasword', 'tls.minimumVersion']);
    assert.deepEqual(byKey['rules.plaintext-pasword'].range, { start: { line: 2, character: 4 }, end: { line: 2, character: 23 } });
    assert.equal(byKey['tls.minimumVersion'].range.start.line, 4);
    assert.equal(p.diagnostics[0].severity, 1);
    // Fixed on disk: the diagnostics go.
    ws.write('.carbonlint.json', '{ "rules": { "plaintext-password": "error" } }');
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('.carbonlint.json'), type: 2 }] });
    await c.diagnostics(ws.uri('.carbonlint.json'), (d) => d.diagnostics.length === 0);
    ws.write('.carbonlint.json', '{ "rules": ');
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('.carbonlint.json'), type: 2 }] });
    const broken = await c.diagnostics(ws.uri('.carbonlint.json'), (d) => d.diagnostics.length > 0);
    assert.match(String(broken.diagnostics[0].message), /not valid JSON/);
  } finally {
    await c.stop();
    ws.cleanup();
  }
});
