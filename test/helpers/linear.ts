// Linearity without wall-clock budgets: a 10× larger input must take well under 100× the time (what a
// quadratic path would take). Compared within one run, so a busy machine slows both sides alike.
import assert from 'node:assert/strict';

function time(fn: () => void): number { // one run, in ms
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** `make(k)` builds an input whose size grows linearly in k; parses make(k) and make(10k) and compares. */
export function assertLinear(name: string, make: (k: number) => string, parse: (text: string) => void, k: number, maxRatio = 30): void {
  const small = make(k);
  const big = make(k * 10);
  // Repeat the small input until ~30 ms have passed, so a fast parse is not lost in timer noise.
  let runs = 0;
  const t0 = performance.now();
  do {
    parse(small);
    runs++;
  } while (performance.now() - t0 < 30);
  const smallMs = (performance.now() - t0) / runs;
  // Best of two: one run of a 10 MB input can include a full garbage collection of the small runs' leftovers.
  const bigMs = Math.min(time(() => parse(big)), time(() => parse(big)));
  // Below this the big input is simply fast (cache effects dominate tiny runs); quadratic would be minutes.
  if (bigMs < 250) return;
  assert.ok(bigMs / smallMs < maxRatio, `${name}: 10× input took ${(bigMs / smallMs).toFixed(1)}× the time (${smallMs.toFixed(2)} ms → ${bigMs.toFixed(1)} ms)`);
}

/**
 * Growth in one input dimension (issue 22), as test/reliability/linear-growth.test.ts measures the bench's shapes:
 * `make(n / 4)` and `make(n)` run alternately for a few rounds, each size's time is its best round (a pause of the
 * machine only ever adds time) and the smaller one has a floor against timer noise. Linear is 4×, quadratic 16×:
 * the bound, 10×, sits between with room for a loaded machine.
 */
export function assertGrowth<T>(name: string, make: (n: number) => T, run: (input: T) => void, n: number, rounds = 5): void {
  const inputs = [make(Math.round(n / 4)), make(n)];
  run(inputs[0]); // warm-up (JIT)
  const best = [Infinity, Infinity];
  for (let r = 0; r < rounds; r++) {
    for (const i of r % 2 ? [0, 1] : [1, 0]) best[i] = Math.min(best[i], time(() => run(inputs[i])));
  }
  const ratio = best[1] / Math.max(best[0], 3);
  assert.ok(ratio <= 10, `${name}: 4× the input took ${ratio.toFixed(1)}× the time (${best[0].toFixed(0)} → ${best[1].toFixed(0)} ms)`);
}
