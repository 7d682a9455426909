// CI-sized sample of `npm run fuzz`: the same arbitrary and oracle, a fixed seed, a few thousand inputs. A failure
// is shrunk by fast-check to a short mutation list and printed with the seed and path to replay it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hostileInput } from '../../scripts/fuzz/arbitraries';
import { checkInput } from '../../scripts/fuzz/oracle';
import { loadSeeds } from '../../scripts/fuzz/seeds';
import { lintText } from '../../shared-rules/engine/lint';

const SEED = 20261123;
const RUNS = Number(process.env.CARBONLINT_FUZZ_RUNS ?? 2000);

test(`${RUNS} hostile inputs: no crash, no hang, ranges inside, fixes apply and hold (seed ${SEED})`, { timeout: 120_000 }, () => {
  const seeds = loadSeeds();
  for (const s of seeds) lintText(s.file, s.text); // JIT warm-up, so the first inputs are not timed against the compiler
  const stats = { inputs: 0, fixes: 0, worst: 0 };
  fc.assert(
    fc.property(hostileInput(seeds), (input) => {
      const o = checkInput(input, { maxFixes: 2 });
      stats.inputs++;
      stats.fixes += o.fixesChecked;
      stats.worst = Math.max(stats.worst, o.ratio);
      assert.deepEqual(o.violations, [], `${input.origin} [${input.name}]`);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: false },
  );
  assert.ok(stats.fixes > 0, 'some fixes were exercised');
  // The figures, for the log: how close the slowest input came to its bound.
  console.log(`fuzz sample: ${stats.inputs} inputs (with shrinking), ${stats.fixes} fixes applied, slowest at ${(stats.worst * 100).toFixed(0)}% of its time bound`);
});
