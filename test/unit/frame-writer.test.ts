// The stdio message writer: one write per message (header and body together), framing a reader accepts,
// byte lengths for non-ASCII bodies, messages in call order, write errors reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { SingleWriteMessageWriter } from '../../server/src/frame-writer';

const note = (n: number, text: string): Message => ({ jsonrpc: '2.0', method: 'test/note', params: { n, text } } as Message);

test('each message is one write: the header and its body together', async () => {
  const writes: Buffer[] = [];
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { writes.push(Buffer.from(chunk)); done(); } });
  const w = new SingleWriteMessageWriter(sink);
  await w.write(note(1, 'plain'));
  await w.write(note(2, 'ünïcödé → ✓'));
  assert.equal(writes.length, 2);
  for (const b of writes) {
    const s = b.toString('utf8');
    const m = /^Content-Length: (\d+)\r\n\r\n/.exec(s);
    assert.ok(m, s);
    assert.equal(Number(m[1]), b.length - Buffer.byteLength(m[0])); // bytes, not UTF-16 units
    assert.deepEqual(JSON.parse(b.subarray(Buffer.byteLength(m[0])).toString('utf8')).params.n, writes.indexOf(b) + 1);
  }
});

test('a vscode-jsonrpc reader reads the frames back, in the order they were written', async () => {
  const pipe = new PassThrough();
  const w = new SingleWriteMessageWriter(pipe);
  const reader = new StreamMessageReader(pipe);
  const got: Array<{ params: { n: number; text: string } }> = [];
  const all = new Promise<void>((resolve) => reader.listen((m) => {
    got.push(m as unknown as { params: { n: number; text: string } });
    if (got.length === 50) resolve();
  }));
  for (let n = 0; n < 50; n++) void w.write(note(n, 'é'.repeat(n * 37)));
  await all;
  assert.deepEqual(got.map((m) => m.params.n), [...Array(50).keys()]);
  assert.equal(got[49].params.text, 'é'.repeat(49 * 37));
});

test('a failed write rejects and is reported as an error of the writer', async () => {
  const sink = new Writable({ write(_chunk, _enc, done) { done(new Error('EPIPE')); } });
  sink.on('error', () => undefined);
  const w = new SingleWriteMessageWriter(sink);
  const errors: unknown[] = [];
  w.onError(([e]) => errors.push(e));
  await assert.rejects(w.write(note(1, 'x')), /EPIPE/);
  assert.ok(errors.length >= 1);
});
