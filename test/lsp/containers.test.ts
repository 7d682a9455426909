// Issue 19 (c19) in the editor: Dockerfiles, compose files and systemd units of a product are in Problems without
// being opened; unrelated ones are not; an open Dockerfile gets a hover and the USER quick fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { codes, makeWorkspace, scanEnded, startClient } from './client';

const ROOT_IMAGE = 'FROM eclipse-temurin:21-jre\nCOPY wso2am-4.2.0 /opt/wso2am-4.2.0\nUSER root\nCMD ["/opt/wso2am-4.2.0/bin/api-manager.sh"]\n';

test('the scan reports unopened product Dockerfiles, compose files and units, and leaves unrelated ones alone', async () => {
  const ws = makeWorkspace({
    'docker/apim/Dockerfile': ROOT_IMAGE,
    'docker/docker-compose.yml': 'services:\n  apim:\n    image: wso2/wso2am:4.2.0\n    user: root\n  db:\n    image: mysql\n    user: root\n',
    'units/wso2am.service': '[Service]\nExecStart=/opt/wso2am/bin/api-manager.sh start\n',
    'web/Dockerfile': 'FROM node:20\nUSER root\n',
    'web/compose.yaml': 'services:\n  web:\n    image: nginx\n    user: root\n',
    'units/nginx.service': '[Service]\nExecStart=/usr/sbin/nginx\n',
  });
  const c = await startClient({ folders: [ws.root] });
  try {
    await scanEnded(c);
    assert.deepEqual(codes(c.latest(ws.uri('docker/apim/Dockerfile'))), ['dockerfile-root-user']);
    const compose = c.latest(ws.uri('docker/docker-compose.yml'))!;
    assert.deepEqual(codes(compose), ['compose-root-user']);
    assert.deepEqual(compose.diagnostics[0].range, { start: { line: 3, character: 10 }, end: { line: 3, character: 14 } });
    assert.deepEqual(codes(c.latest(ws.uri('units/wso2am.service'))), ['systemd-root-user']);
    for (const rel of ['web/Dockerfile', 'web/compose.yaml', 'units/nginx.service']) {
      assert.ok(!c.published.some((p) => p.uri === ws.uri(rel) && p.diagnostics.length), `${rel}: not reported`);
    }
    // Watched on disk: a Dockerfile fixed, a unit created.
    const watch = c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    const globs = (watch?.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map((w) => w.globPattern);
    assert.ok(globs.some((g) => g.includes('Dockerfile') && g.includes('*.service')), JSON.stringify(globs));
    const watched = (uri: string, type: number) => c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });
    const df = ws.write('docker/apim/Dockerfile', ROOT_IMAGE.replace('USER root', 'USER 10001'));
    watched(df, 2);
    await c.diagnostics(df, (p) => p.diagnostics.length === 0);
    const unit = ws.write('units/wso2mi.service', '[Service]\nExecStart=/opt/wso2mi/bin/micro-integrator.sh\nUser=root\n');
    watched(unit, 1);
    await c.diagnostics(unit, (p) => codes(p).includes('systemd-root-user'));
  } finally {
    await c.stop();
    ws.cleanup();
  }
});

test('an open Dockerfile: hover names the guideline, the quick fix changes USER root to a numeric non-root id', async () => {
  const ws = makeWorkspace({ 'apim/Dockerfile': ROOT_IMAGE });
  const c = await startClient({ folders: [ws.root], settings: { workspaceScan: false } });
  try {
    const uri = ws.uri('apim/Dockerfile');
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: ROOT_IMAGE } });
    const d = await c.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(d.diagnostics.map((x) => [x.code, x.range.start.line, x.range.start.character, x.range.end.character]), [['dockerfile-root-user', 2, 5, 9]]);
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } })) as Hover;
    assert.match(JSON.stringify(hover.contents), /G28/);
    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.diagnostics[0].range, context: { diagnostics: d.diagnostics } })) as CodeAction[];
    const fix = actions.find((a) => /Run the product as user 10001/.test(a.title));
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.deepEqual((fix!.edit!.documentChanges![0] as { edits: unknown[] }).edits, [{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } }, newText: '10001' }]);
  } finally {
    await c.stop();
    ws.cleanup();
  }
});

test('a compose file is checked again when the Dockerfile it builds changes on disk', async () => {
  const ws = makeWorkspace({
    'stack/docker-compose.yml': 'services:\n  apim:\n    build: ./apim\n',
    'stack/apim/Dockerfile': 'FROM wso2/wso2am:4.2.0\n',
  });
  const c = await startClient({ folders: [ws.root] });
  try {
    await scanEnded(c);
    const compose = ws.uri('stack/docker-compose.yml');
    assert.ok(!c.latest(compose)?.diagnostics.length, 'vendor base image: quiet');
    const df = ws.write('stack/apim/Dockerfile', 'FROM wso2/wso2am:4.2.0\nUSER root\n');
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: df, type: 2 }] });
    const d = await c.diagnostics(compose, (p) => codes(p).includes('compose-root-user'));
    assert.match(String(d.diagnostics[0].message), /its USER on line 2/);
  } finally {
    await c.stop();
    ws.cleanup();
  }
});
