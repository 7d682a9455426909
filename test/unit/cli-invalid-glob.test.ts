// The CLI and an invalid glob in .carbonlint.json's "exclude" (issue 16, item 1): exit 2 naming the entry, no
// crash trace; a hostile but valid pattern does not hang the walk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, layout, rm } from './cli-helpers';

const ADMIN = '[super_admin]\nusername = "admin"\npassword = "admin"\n';

test('carbonlint: an invalid exclude glob exits 2 naming the entry', () => {
  const dir = layout({ 'repository/conf/deployment.toml': ADMIN, '.carbonlint.json': JSON.stringify({ exclude: ['old/**', '[z-a]'] }) });
  try {
    const r = run(['.'], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /exclude\.\[z-a\]: not a valid glob/);
    assert.doesNotMatch(r.stderr, /SyntaxError|at .*\.js:\d+/, 'a message, not a stack trace');
  } finally {
    rm(dir);
  }
});

test('carbonlint: a backtracking-prone exclude glob over long names finishes quickly', () => {
  const long = 'a'.repeat(200);
  const dir = layout({ [`${long}/${long}/repository/conf/deployment.toml`]: ADMIN, '.carbonlint.json': JSON.stringify({ exclude: ['*a*a*a*a*a*a*a*a*a*a*b'] }) });
  try {
    const t0 = Date.now();
    const r = run(['.'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(Date.now() - t0 < 20_000, `${Date.now() - t0} ms`);
  } finally {
    rm(dir);
  }
});
