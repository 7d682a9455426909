// The stdio frame guard: good frames pass byte for byte however the bytes are split; bad header blocks are
// dropped and reading resumes at the next frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameGuard } from '../../server/src/framing';

const frame = (body: string, extra = '') => `Content-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

/** Feeds `input` in chunks of the given sizes (cycled) and returns what comes out and what was dropped. */
async function run(input: string, sizes: number[] = [input.length]): Promise<{ out: string; dropped: string[] }> {
  const dropped: string[] = [];
  const guard = new FrameGuard((why) => dropped.push(why));
  const parts: Buffer[] = [];
  guard.on('data', (b: Buffer) => parts.push(b));
  const bytes = Buffer.from(input, 'utf8');
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]);
    guard.write(bytes.subarray(at, at + n));
    at += n;
  }
  guard.end();
  await new Promise((resolve) => guard.on('end', resolve));
  return { out: Buffer.concat(parts).toString('utf8'), dropped };
}

const A = frame('{"jsonrpc":"2.0","id":1,"method":"a","params":{"s":"ä\\r\\n\\r\\nContent-Length: 3"}}');
const B = frame('{"jsonrpc":"2.0","method":"b"}', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n');

test('good frames pass through unchanged, split at every byte boundary', async () => {
  const input = A + B + A;
  for (const size of [1, 2, 3, 7, 16, 64, input.length]) {
    const { out, dropped } = await run(input, [size]);
    assert.equal(out, input, `chunks of ${size}`);
    assert.deepEqual(dropped, []);
  }
  for (let cut = 1; cut < input.length; cut++) assert.equal((await run(input, [cut, input.length])).out, input, `cut at ${cut}`);
});

test('a header block without Content-Length is dropped with its body; the next frame is read', async () => {
  for (const size of [1, 5, 1000]) {
    const { out, dropped } = await run(`X-Nonsense: 1\r\n\r\n{"jsonrpc":"2.0","method":"x"}${A}${B}`, [size]);
    assert.equal(out, A + B, `chunks of ${size}`);
    assert.ok(dropped.length >= 1 && dropped.every((d) => /without a valid Content-Length/.test(d)), JSON.stringify(dropped));
  }
});

test('a Content-Length that is not a number is dropped', async () => {
  const { out, dropped } = await run(`Content-Length: twelve\r\n\r\n{"x":1}${A}`);
  assert.equal(out, A);
  assert.equal(dropped.length, 1);
});

test('garbage that never ends a header block is bounded, and the frame after it is read', async () => {
  const garbage = 'x'.repeat(100_000);
  const { out, dropped } = await run(garbage + A, [4096]);
  assert.equal(out, A);
  assert.ok(dropped.length >= 1 && dropped[0].includes('without an end'));
});

test('the reasons never carry the dropped bytes', async () => {
  const { dropped } = await run(`X-Password: hunter2-s3cr3t\r\n\r\n${A}`);
  assert.ok(dropped.length > 0 && !dropped.join('').includes('hunter2'));
});
