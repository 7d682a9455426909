// The protocol cannot kill the server: malformed frames and JSON, unknown methods, missing or invalid params,
// requests out of order, unknown URIs, a document closed twice, a change past the end. Each gets an error response
// or nothing, and afterwards the server still serves: a final open → diagnostics round trip succeeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-jsonrpc/node';
import { frame, startSpyClient, type SpyClient } from './helpers/lsp';

const URI = 'file:///tmp/carbonlint-protocol/repository/conf/deployment.toml';
const INSECURE = '[super_admin]\nusername = "admin"\npassword = "admin"\n';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server is alive and still lints: a fresh document gets its diagnostics. */
async function stillServes(c: SpyClient, label: string): Promise<void> {
  assert.ok(c.alive(), `${label}: the server process died\n${c.stderr().slice(-600)}`);
  const uri = `file:///tmp/carbonlint-protocol/after-${label.replace(/\W+/g, '-')}/deployment.toml`;
  c.open(uri, INSECURE, 'toml');
  const d = await c.diagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'default-admin-credentials'), 5000);
  assert.ok(d, `${label}: no diagnostics after`);
}

/** A request may fail with an error response, or answer; it must answer. */
async function answers(c: SpyClient, method: string, params?: unknown): Promise<unknown> {
  try {
    return await Promise.race([
      params === undefined ? c.conn.sendRequest(method) : c.conn.sendRequest(method, params),
      sleep(10_000).then(() => assert.fail(`${method}: no answer within 10 s`)),
    ]);
  } catch (e) {
    if (e instanceof ResponseError) return e;
    throw e;
  }
}

test('malformed frames and JSON: ignored or answered with an error; the server keeps serving', async () => {
  const c = await startSpyClient();
  try {
    const bodies: Array<string | Buffer> = [
      '{"jsonrpc":"2.0","id":900,"method":', // truncated JSON
      '[]', '42', 'null', '"text"', 'true', '{}', '{"jsonrpc":"2.0"}',
      '[{"jsonrpc":"2.0","id":901,"method":"textDocument/hover"},{"jsonrpc":"2.0","method":"x"}]', // a batch
      '['.repeat(100_000) + ']'.repeat(100_000), // nesting deep enough to overflow a recursive parser
      Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d]), // invalid UTF-8
      '{"jsonrpc":"2.0","id":{"nested":[1]},"method":"textDocument/hover","params":{}}', // an id that is not one
      '{"jsonrpc":"1.0","id":902,"method":"shutdownx"}',
      '{"jsonrpc":"2.0","id":903,"result":{"unexpected":"response"}}', // a response to nothing
      '{"jsonrpc":"2.0","id":904,"error":{"code":1,"message":"an error to nothing"}}',
    ];
    for (const b of bodies) c.raw(frame(b));
    c.raw(frame(Buffer.alloc(0))); // Content-Length: 0
    await sleep(500);
    await stillServes(c, 'malformed');
  } finally {
    await c.stop();
  }
});

test('header garbage: an unknown charset', async () => {
  const c = await startSpyClient();
  try {
    c.raw('Content-Length: 30\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n{"jsonrpc":"2.0","method":"x"}');
    await sleep(300);
    await stillServes(c, 'charset');
  } finally {
    await c.stop();
  }
});

test('header garbage: a frame without Content-Length is dropped and the server keeps serving', async () => {
  const c = await startSpyClient();
  try {
    c.raw('X-Nonsense: 1\r\n\r\n{"jsonrpc":"2.0","method":"x"}');
    await sleep(300);
    await stillServes(c, 'no-content-length');
  } finally {
    await c.stop();
  }
});

test('unknown methods, missing and invalid params: an error response or an answer, never a crash', async () => {
  const c = await startSpyClient();
  try {
    const unknown = await answers(c, 'carbonlint/doesNotExist', {});
    assert.ok(unknown instanceof ResponseError && unknown.code === -32601, 'unknown request → MethodNotFound');
    await c.conn.sendNotification('carbonlint/unknownNotification', { x: 1 });
    await c.conn.sendNotification('$/unknown', null);
    const calls: Array<[string, unknown]> = [
      ['textDocument/codeAction', undefined],
      ['textDocument/codeAction', {}],
      ['textDocument/codeAction', { textDocument: { uri: URI }, range: null, context: null }],
      ['textDocument/codeAction', { textDocument: { uri: 42 }, range: { start: { line: 'a' } }, context: { only: 'quickfix' } }],
      ['textDocument/hover', { textDocument: 5, position: 'x' }],
      ['textDocument/hover', { textDocument: { uri: URI }, position: { line: -1, character: -1 } }],
      ['workspace/executeCommand', { command: 'carbonlint.server.fixAll', arguments: [{ not: 'a uri' }, 7] }],
      ['workspace/executeCommand', { command: 'carbonlint.server.fixAll' }],
      ['workspace/executeCommand', { command: 'no.such.command', arguments: [] }],
      ['carbonlint/fileStatus', { uri: null }],
      ['carbonlint/fileStatus', undefined],
      ['carbonlint/rules', { junk: true }],
      ['carbonlint/report', { root: 12, overrides: 'x' }],
      ['carbonlint/report', undefined],
      ['carbonlint/scanWorkspace', [1, 2, 3]],
      ['initialize', { processId: null, rootUri: 'not a uri', capabilities: null }],
      ['textDocument/completion', { textDocument: { uri: URI }, position: { line: 0, character: 0 } }],
    ];
    for (const [m, p] of calls) await answers(c, m, p);
    const notes: Array<[string, unknown]> = [
      ['workspace/didChangeConfiguration', null],
      ['workspace/didChangeConfiguration', { settings: 'x' }],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 17, type: 99 }, null] }],
      ['workspace/didChangeWatchedFiles', null],
      ['workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 'file:///nonexistent-folder', name: 'x' }, { uri: 5 }], removed: 'x' } }],
      ['$/setTrace', { value: 'loud' }],
      ['$/cancelRequest', { id: 99999 }],
      ['$/cancelRequest', null],
      ['carbonlint/cancelScan', { junk: 1 }],
      ['textDocument/didSave', { textDocument: { uri: URI } }],
      ['initialized', 'again'],
    ];
    for (const [m, p] of notes) await c.conn.sendNotification(m, p);
    await sleep(500);
    await stillServes(c, 'params');
  } finally {
    await c.stop();
  }
});

test('out of order: before open, after close, closed twice, unopened URIs, changes past the end', async () => {
  const c = await startSpyClient();
  try {
    const at = { line: 0, character: 0 };
    const whole = { start: at, end: { line: 99, character: 0 } };
    // Before didOpen.
    await answers(c, 'textDocument/codeAction', { textDocument: { uri: URI }, range: whole, context: { diagnostics: [] } });
    await answers(c, 'textDocument/hover', { textDocument: { uri: URI }, position: at });
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 5 }, contentChanges: [{ text: 'x' }] });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    // Open, break it, close twice, ask again.
    c.open(URI, INSECURE, 'toml', 1);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'toml', version: 1, text: INSECURE } }); // twice
    const change = (version: number, contentChanges: unknown) => c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges });
    await change(2, [{ range: { start: { line: 500, character: 0 }, end: { line: 900, character: 40 } }, text: 'past the end' }]);
    await change(3, [{ range: { start: { line: 1, character: 3 }, end: { line: 0, character: 1 } }, text: 'reversed' }]);
    await change(4, [{ range: { start: { line: -3, character: -9 }, end: { line: 0, character: 1e9 } }, text: 'negative' }]);
    await change(2, [{ text: 'version went backwards' }]);
    await change(5, null);
    await change(6, [{ text: 5 }]);
    await change(7, [{ range: { start: { line: 0, character: 0 } }, text: 'half a range' }]);
    await change(8, []);
    await change(Number.MAX_SAFE_INTEGER, [{ text: INSECURE }]);
    await answers(c, 'textDocument/codeAction', { textDocument: { uri: URI }, range: whole, context: { diagnostics: [] } });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await answers(c, 'textDocument/hover', { textDocument: { uri: URI }, position: at });
    await answers(c, 'textDocument/codeAction', { textDocument: { uri: URI }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } });
    await answers(c, 'workspace/executeCommand', { command: 'carbonlint.server.fixAll', arguments: [URI] });
    // Unknown and odd URIs.
    for (const uri of ['untitled:Untitled-1', 'file:///%ZZ/deployment.toml', 'file://', 'http://127.0.0.1:9/deployment.toml', 'deployment.toml', '', 'file:///tmp/' + 'a/'.repeat(2000) + 'deployment.toml']) {
      c.open(uri, INSECURE, 'toml');
      await answers(c, 'textDocument/hover', { textDocument: { uri }, position: at });
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    await sleep(500);
    await stillServes(c, 'order');
  } finally {
    await c.stop();
  }
});

// Both killed the server (an exception in validate(), a promise nobody caught) until the server caught them.
test('didOpen with a text that is not a string', async () => {
  const c = await startSpyClient();
  try {
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'toml', version: 1, text: 42 } });
    await sleep(500);
    await stillServes(c, 'text-not-string');
  } finally {
    await c.stop();
  }
});

test('didOpen with a URI that is not a string', async () => {
  const c = await startSpyClient();
  try {
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 7, languageId: 'toml', version: 1, text: INSECURE } });
    await sleep(500);
    await stillServes(c, 'uri-not-string');
  } finally {
    await c.stop();
  }
});
