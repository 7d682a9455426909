// The end of a session per the LSP (issue 16, item 7): after `shutdown` a request gets an InvalidRequest error
// (it used to be served), a notification is ignored, and `exit` ends the process with code 0; `exit` without
// `shutdown` ends it with code 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-jsonrpc/node';
import { startClient } from './client';

const INVALID_REQUEST = -32600;
const exitCode = (c: Awaited<ReturnType<typeof startClient>>) =>
  new Promise<number | null>((resolve) => (c.proc.exitCode !== null ? resolve(c.proc.exitCode) : c.proc.once('exit', (code) => resolve(code))));

test('after shutdown: requests get InvalidRequest, exit ends the process with 0', async () => {
  const c = await startClient();
  try {
    assert.ok(Array.isArray(await c.conn.sendRequest('carbonlint/rules')), 'served before shutdown');
    assert.equal(await c.conn.sendRequest('shutdown'), null);
    for (const [method, params] of [['carbonlint/rules', undefined], ['textDocument/hover', { textDocument: { uri: 'file:///x/deployment.toml' }, position: { line: 0, character: 0 } }], ['shutdown', undefined]] as const) {
      await assert.rejects(
        params === undefined ? c.conn.sendRequest(method) : c.conn.sendRequest(method, params),
        (e: unknown) => e instanceof ResponseError && e.code === INVALID_REQUEST && /shut down/.test(e.message),
        method,
      );
    }
    const n = c.published.length;
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///x/repository/conf/deployment.toml', languageId: 'toml', version: 1, text: '[super_admin]\npassword = "admin"\n' } });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(c.published.length, n, 'a notification after shutdown is ignored');
    const code = exitCode(c);
    await c.conn.sendNotification('exit');
    assert.equal(await Promise.race([code, new Promise((r) => setTimeout(() => r('still running'), 5000))]), 0);
  } finally {
    if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    c.conn.dispose();
  }
});

test('exit without shutdown ends the process with 1', async () => {
  const c = await startClient();
  try {
    const code = exitCode(c);
    await c.conn.sendNotification('exit');
    assert.equal(await Promise.race([code, new Promise((r) => setTimeout(() => r('still running'), 5000))]), 1);
  } finally {
    if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    c.conn.dispose();
  }
});
