// Many paths on the command line (pre-commit passes every changed file): the check that each input yields a checked
// file, and the folders --fix may write in, cost time linear in the inputs. Both were inputs × files (2,550 product
// homes named one by one cost 6.5 s more than their common folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unmatchedInputs } from '../../cli/src/unmatched';
import { assertLinear } from '../helpers/linear';
import { run, layout, rm } from './cli-helpers';

const MAX = 1 << 20;
const home = (i: number) => `/ws/wso2am-4.2.0-${i}`;

test('unmatchedInputs: an input is matched by itself or by files under it, not by a sibling sharing its prefix', () => {
  const files = ['/ws/a/repository/conf/deployment.toml', '/ws/ab/repository/conf/deployment.toml', '/ws/c/bin/other.txt'];
  assert.deepEqual(unmatchedInputs(['/ws/a', '/ws/a/', '/ws/ab', '/ws/a/repository/conf/deployment.toml', '/ws'], files, MAX), []);
  // '/ws/b' holds nothing; '/ws/a/r' is a prefix of a path but not a folder of it.
  const out = unmatchedInputs(['/ws/b', '/ws/a/r'], files, MAX);
  assert.equal(out.length, 2);
  assert.match(out[0], /^\/ws\/b: no file CarbonLint reads here; /);
  assert.match(out[1], /^\/ws\/a\/r: no file CarbonLint reads here; /);
});

test('unmatchedInputs: 10× the inputs and files costs about 10× the time, not 100×', () => {
  assertLinear('inputs', (k) => String(k), (n) => {
    const files = Array.from({ length: Number(n) }, (_, i) => `${home(i)}/repository/conf/deployment.toml`);
    const inputs = files.map((f, i) => (i % 2 ? f : path.dirname(path.dirname(path.dirname(f)))));
    assert.equal(unmatchedInputs(inputs, files, MAX).length, 0);
  }, 2_000);
});

test('--fix with each file named (as pre-commit runs it) fixes every one of them', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`wso2am-4.2.0-${i}/repository/conf/deployment.toml`] = '[server]\nhostname = "x"\n\n[transport.https.properties]\nprotocols = "TLSv1.2"\n';
  const dir = layout(files);
  try {
    const names = Object.keys(files);
    const r = run(['--fix', '--rule', 'server-header-disclosure', ...names], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    for (const f of names) assert.match(fs.readFileSync(path.join(dir, f), 'utf8'), /^\[transport\.https\.properties\]\nprotocols = "TLSv1\.2"\nserver = "server"$/m, f);
  } finally {
    rm(dir);
  }
});
