// The whole-workspace Problems panel over real JSON-RPC: files never opened get findings after the initial scan,
// with work-done progress; what is skipped (dependency/VCS folders, files.exclude, carbonlint.exclude, symlink
// loops); files created, changed, deleted and moved on disk; closing a file hands it back to the scan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codes, makeWorkspace, scanEnded, startClient } from './client';

const ADMIN = '[super_admin]\nusername = "admin"\npassword = "admin"\ncreate_admin_account = true\n';
// Free of the admin-credentials finding (other rules may still have something to say about it).
const CLEAN = '[super_admin]\nusername = "ops-admin"\npassword = "$secret{admin_password}"\n\n[secrets]\nadmin_password = "[encrypted]"\n';
const CONTEXT = '<Context><Manager pathname=""/></Context>\n';
const SCRIPT = '#!/bin/sh\n$JAVACMD \\\n    $JAVA_OPTS \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n';

test('the initial scan reports files never opened, skips what it should, and shows progress', async () => {
  const ws = makeWorkspace({
    'wso2am-4.2.0/repository/conf/deployment.toml': ADMIN,
    'wso2am-4.2.0/repository/conf/tomcat/carbon/META-INF/context.xml': CONTEXT,
    'wso2am-4.2.0/bin/launch-renamed.sh': SCRIPT, //        a product script recognised by its content
    'wso2am-4.2.0/bin/helper.sh': '#!/bin/sh\necho hi\n', //  a script that is not one
    'node_modules/pkg/repository/conf/deployment.toml': ADMIN,
    '.git/deployment.toml': ADMIN,
    'backup/repository/conf/deployment.toml': ADMIN, //      files.exclude
    'legacy/repository/conf/deployment.toml': ADMIN, //      carbonlint.exclude
  });
  fs.symlinkSync(ws.root, ws.file('wso2am-4.2.0/loop')); //  a symlink loop back to the root
  const c = await startClient({ folders: [ws.root], filesExclude: { '**/backup': true, '**/.DS_Store': true }, settings: { exclude: ['legacy/**'] } });
  try {
    const end = await scanEnded(c);
    assert.equal(end.state, 'done');
    const toml = c.latest(ws.uri('wso2am-4.2.0/repository/conf/deployment.toml'));
    assert.ok(codes(toml).includes('default-admin-credentials'), `findings for the unopened deployment.toml: ${codes(toml)}`);
    assert.equal(toml!.version, undefined, 'from disk: no document version');
    assert.ok(codes(c.latest(ws.uri('wso2am-4.2.0/repository/conf/tomcat/carbon/META-INF/context.xml'))).includes('short-session-id'));
    assert.ok(c.latest(ws.uri('wso2am-4.2.0/bin/launch-renamed.sh'))?.diagnostics.length, 'the renamed product script is recognised by content');
    const uris = new Set(c.published.map((p) => p.uri));
    for (const skipped of ['wso2am-4.2.0/bin/helper.sh', 'node_modules/pkg/repository/conf/deployment.toml', '.git/deployment.toml', 'backup/repository/conf/deployment.toml', 'legacy/repository/conf/deployment.toml']) {
      assert.ok(!uris.has(ws.uri(skipped)), `${skipped} is not reported`);
    }
    assert.ok(![...uris].some((u) => u.includes('/loop/')), 'nothing is reported twice through the symlink loop');
    // Work-done progress: created by the server, begin (cancellable) … end.
    assert.equal(c.progressTokens.length, 1);
    const kinds = c.progress.filter((p) => p.token === c.progressTokens[0]).map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.equal(c.progress[0].value.cancellable, true);
    // File watchers are registered dynamically for the recognised names.
    const watch = c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    const globs = (watch?.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/context.xml') && globs.includes('**/.carbonlint.json'), JSON.stringify(globs));
  } finally {
    await c.stop();
    ws.cleanup();
  }
});

test('files created, changed, deleted and moved on disk are followed', async () => {
  const ws = makeWorkspace({ 'a/repository/conf/deployment.toml': CLEAN });
  const c = await startClient({ folders: [ws.root] });
  try {
    await scanEnded(c);
    const watched = (changes: Array<[string, number]>) => c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([uri, type]) => ({ uri, type })) });
    // Created (1)
    const created = ws.write('b/repository/conf/deployment.toml', ADMIN);
    watched([[created, 1]]);
    await c.diagnostics(created, (p) => codes(p).includes('default-admin-credentials'));
    // Changed (2): fixed on disk
    ws.write('b/repository/conf/deployment.toml', CLEAN);
    watched([[created, 2]]);
    await c.diagnostics(created, (p) => !codes(p).includes('default-admin-credentials'));
    // Deleted (3)
    ws.write('b/repository/conf/deployment.toml', ADMIN);
    watched([[created, 2]]);
    await c.diagnostics(created, (p) => codes(p).includes('default-admin-credentials'));
    fs.rmSync(ws.file('b/repository/conf/deployment.toml'));
    watched([[created, 3]]);
    await c.diagnostics(created, (p) => p.diagnostics.length === 0);
    // A folder moved in (only the folder's own event arrives) is walked; a folder deleted clears what was in it.
    ws.write('incoming/x/repository/conf/deployment.toml', ADMIN);
    const moved = ws.uri('incoming/x/repository/conf/deployment.toml');
    watched([[ws.uri('incoming'), 1]]);
    await c.diagnostics(moved, (p) => p.diagnostics.length > 0);
    fs.rmSync(ws.file('incoming'), { recursive: true });
    watched([[ws.uri('incoming'), 3]]);
    await c.diagnostics(moved, (p) => p.diagnostics.length === 0);
  } finally {
    await c.stop();
    ws.cleanup();
  }
});

test('closing an opened file re-publishes its findings on disk; outside the workspace it clears them', async () => {
  const ws = makeWorkspace({ 'repository/conf/deployment.toml': ADMIN });
  const outside = makeWorkspace({ 'repository/conf/deployment.toml': ADMIN });
  const c = await startClient({ folders: [ws.root] });
  try {
    await scanEnded(c);
    const uri = ws.uri('repository/conf/deployment.toml');
    // The editor's (clean, unsaved) text wins while it is open.
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version: 1, text: CLEAN } });
    const open = await c.diagnostics(uri, (p) => p.version === 1);
    assert.ok(!codes(open).includes('default-admin-credentials'));
    c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const closed = await c.diagnostics(uri, (p) => p.version === undefined);
    assert.ok(codes(closed).includes('default-admin-credentials'), 'the findings of the file on disk are back');

    const far = outside.uri('repository/conf/deployment.toml');
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: far, languageId: 'toml', version: 1, text: ADMIN } });
    await c.diagnostics(far, (p) => p.diagnostics.length > 0);
    c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: far } });
    await c.diagnostics(far, (p) => p.diagnostics.length === 0);
  } finally {
    await c.stop();
    ws.cleanup();
    outside.cleanup();
  }
});

test('workspace folders added and removed', async () => {
  const a = makeWorkspace({ 'repository/conf/deployment.toml': ADMIN });
  const b = makeWorkspace({ 'repository/conf/deployment.toml': ADMIN });
  const c = await startClient({ folders: [a.root] });
  try {
    await scanEnded(c);
    const inB = b.uri('repository/conf/deployment.toml');
    assert.equal(c.latest(inB), undefined);
    const n = c.notifications.length;
    c.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: `file://${b.root}`, name: 'b' }], removed: [{ uri: `file://${a.root}`, name: 'a' }] } });
    await scanEnded(c, n);
    assert.ok(c.latest(inB)?.diagnostics.length, 'the added folder is scanned');
    assert.deepEqual(c.latest(a.uri('repository/conf/deployment.toml'))?.diagnostics, [], 'the removed folder is cleared');
    assert.ok(path.isAbsolute(b.root));
  } finally {
    await c.stop();
    a.cleanup();
    b.cleanup();
  }
});
