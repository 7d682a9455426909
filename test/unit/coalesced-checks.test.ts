// Coalesced re-checks: one check of a file at a time; requests during a check give exactly one more check after it;
// every requested file is checked; a failing check does not stop the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoalescedChecks } from '../../server/src/coalesced-checks';

const tick = () => new Promise((r) => setTimeout(r, 5));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('requests made while a file is being checked give one more check, never two at once', async () => {
  const log: string[] = [];
  let active = 0;
  let release: (() => void) | undefined;
  const checks = new CoalescedChecks(async (file) => {
    active++;
    assert.equal(active, 1, 'one check at a time');
    log.push(file);
    await new Promise<void>((r) => (release = r));
    active--;
  });
  for (let k = 0; k < 10; k++) checks.request('/t/a.toml'); // a burst in one turn: one check
  await tick();
  assert.deepEqual(log, ['/t/a.toml']);
  for (let k = 0; k < 10; k++) checks.request('/t/a.toml'); // during the check: one more after it
  release!();
  await tick();
  await tick();
  assert.deepEqual(log, ['/t/a.toml', '/t/a.toml']);
  release!();
  await tick();
  await tick();
  assert.deepEqual(log, ['/t/a.toml', '/t/a.toml'], 'nothing more was asked');
});

test('every requested file is checked, after a failing one too', async () => {
  const seen: string[] = [];
  const checks = new CoalescedChecks(async (file) => {
    seen.push(file);
    if (file === '/t/bad') throw new Error('boom');
  });
  checks.request('/t/bad');
  checks.request('/t/a');
  checks.request('/t/b');
  checks.request('/t/a');
  for (let k = 0; k < 5; k++) await tick();
  assert.deepEqual(seen, ['/t/bad', '/t/a', '/t/b']);
});

test('with a delay, checks wait for a pause in the requests, but not longer than the maximum wait', async () => {
  const seen: number[] = [];
  const t0 = Date.now();
  const checks = new CoalescedChecks(async () => {
    seen.push(Date.now() - t0);
  }, 60, 300);
  // A pause: one check, about 60 ms after the last request.
  for (let k = 0; k < 5; k++) checks.request('/t/values-user');
  await sleep(30);
  assert.deepEqual(seen, [], 'not during the burst');
  await sleep(80);
  assert.equal(seen.length, 1);
  // Steady requests every 20 ms for 600 ms (never a 60 ms pause): still checked, at most 300 ms apart.
  seen.length = 0;
  const start = Date.now() - t0;
  for (let k = 0; k < 30; k++) {
    checks.request('/t/values-user');
    await sleep(20);
  }
  await sleep(150);
  assert.ok(seen.length >= 2, `checked ${seen.length} times while requests kept coming`);
  assert.ok(seen[0] - start <= 400, `first check after ${seen[0] - start} ms`);
});

test('cancel drops what is waiting', async () => {
  const seen: string[] = [];
  const checks = new CoalescedChecks(async (file) => {
    seen.push(file);
  }, 20);
  checks.request('/t/a');
  checks.cancel();
  await sleep(60);
  assert.deepEqual(seen, []);
  checks.request('/t/b'); // usable afterwards
  await sleep(60);
  assert.deepEqual(seen, ['/t/b']);
});
