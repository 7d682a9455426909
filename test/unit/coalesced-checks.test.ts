// Coalesced re-checks: one check of a file at a time; requests during a check give exactly one more check after it;
// every requested file is checked; a failing check does not stop the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoalescedChecks } from '../../server/src/coalesced-checks';

const tick = () => new Promise((r) => setImmediate(r));

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
