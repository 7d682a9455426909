// The language server answers carbonlint/report (what the VS Code webview shows), including unsaved text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO } from '../helpers/shared';
import { startClient, fileUri } from '../lsp/client';

test('carbonlint/report: HTML with command links, and an open editor\'s unsaved text counts', async () => {
  const folder = path.join(REPO, 'examples');
  const c = await startClient({ folders: [folder], settings: { workspaceScan: false } });
  try {
    type R = { text: string; counts: { failed: number; passed: number }; problems: string[] };
    const html = await c.conn.sendRequest<R>('carbonlint/report', { folder: fileUri(folder), format: 'html', openCommand: 'carbonlint.openReportLocation' });
    assert.match(html.text, /^<!DOCTYPE html>/);
    assert.match(html.text, /href="command:carbonlint\.openReportLocation\?%5B%22/);
    assert.deepEqual(html.problems, []);
    const json = async () => JSON.parse((await c.conn.sendRequest<R>('carbonlint/report', { folder: fileUri(folder), format: 'json' })).text) as { guidelines: Array<{ id: string; status: string }> };
    assert.equal((await json()).guidelines.find((g) => g.id === 'G17')!.status, 'failed');
    // Fix the session id length in an open (unsaved) editor: the report follows the editor, not the disk.
    const ctx = path.join(folder, 'wso2am-4.2.0/repository/conf/tomcat/carbon/META-INF/context.xml');
    const text = '<?xml version="1.0"?>\n<Context>\n  <Manager pathname="">\n    <SessionIdGenerator sessionIdLength="32"/>\n  </Manager>\n</Context>\n';
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: fileUri(ctx), languageId: 'xml', version: 1, text } });
    // Notifications and requests are handled in order: the next request sees the opened document.
    assert.equal((await json()).guidelines.find((g) => g.id === 'G17')!.status, 'passed');
  } finally {
    await c.stop();
  }
});
