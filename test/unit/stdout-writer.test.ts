// stdout-writer.ts: back-pressure without lost wake-ups or leaked listeners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { stdoutWriter } from '../../cli/src/stdout-writer';

const slow = () => new Writable({ highWaterMark: 4, write: (_c, _e, cb) => setTimeout(cb, 1) });

test('a drain that happens before drained() is asked for does not leave the caller waiting', async () => {
  const s = slow();
  const w = stdoutWriter(s);
  w.write('more than four bytes');
  await new Promise((r) => setTimeout(r, 50)); // the caller yields to the event loop: the stream drains meanwhile
  const settled = await Promise.race([w.drained().then(() => true), new Promise((r) => setTimeout(() => r(false), 2000))]);
  assert.equal(settled, true, 'drained() never resolved');
});

test('waiting many times leaves no listeners behind', async () => {
  const s = slow();
  const w = stdoutWriter(s);
  for (let i = 0; i < 30; i++) {
    w.write('more than four bytes');
    await w.drained();
  }
  assert.equal(s.listenerCount('error') <= 1, true, `error listeners: ${s.listenerCount('error')}`);
  assert.equal(s.listenerCount('close') <= 1, true, `close listeners: ${s.listenerCount('close')}`);
  assert.equal(s.listenerCount('drain'), 0);
});
