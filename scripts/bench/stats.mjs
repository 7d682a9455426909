// Robust figures on a noisy machine: medians, percentiles, and interleaved rounds whose ratios are taken per round.

export const median = (xs) => percentile(xs, 50);

/** Nearest-rank percentile (p in 0..100) of a list of numbers. */
export function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

/** CPU time (user + system, all threads) of this process so far, in ms. */
export const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * One call, timed: CPU ms (what in-process figures use: time spent waiting for a core on a busy machine is not
 * counted), wall ms, and the wall window (for attributing GC pauses afterwards).
 */
export function measure(fn) {
  const c0 = cpuMs();
  const t0 = performance.now();
  fn();
  const t1 = performance.now();
  return { cpu: cpuMs() - c0, wall: t1 - t0, from: t0, to: t1 };
}

/**
 * Runs every subject once per round, in an order rotated each round (so drifting load hits all alike), after
 * `warmup` unrecorded rounds. Returns each subject's CPU times, and the median over rounds of each subject's
 * time divided by the reference's time in the same round.
 */
export function interleave(subjects, { rounds, warmup = 2, reference }) {
  const names = Object.keys(subjects);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const walls = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = -warmup; r < rounds; r++) {
    const order = names.map((_, i) => names[(i + Math.max(r, 0)) % names.length]);
    const round = {};
    for (const n of order) round[n] = measure(subjects[n]);
    if (r >= 0) for (const n of names) {
      times[n].push(round[n].cpu);
      walls[n].push(round[n].wall);
    }
  }
  return { ...summarise(times, reference), wall: Object.fromEntries(names.map((n) => [n, median(walls[n])])) };
}

/** The async twin of `interleave`, for subjects that spawn processes (each returns its own measured ms). */
export async function interleaveAsync(subjects, { rounds, warmup = 1, reference }) {
  const names = Object.keys(subjects);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const extra = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = -warmup; r < rounds; r++) {
    const order = names.map((_, i) => names[(i + Math.max(r, 0)) % names.length]);
    const round = {};
    for (const n of order) round[n] = await subjects[n]();
    if (r >= 0) for (const n of names) {
      times[n].push(round[n].ms);
      extra[n].push(round[n]);
    }
  }
  return { ...summarise(times, reference), runs: extra };
}

function summarise(times, reference) {
  const med = Object.fromEntries(Object.entries(times).map(([n, xs]) => [n, median(xs)]));
  const ratio = {};
  if (reference) {
    for (const n of Object.keys(times)) ratio[n] = median(times[n].map((t, i) => t / times[reference][i]));
  }
  return { times, median: med, ratio };
}

export const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`);
export const fmtUs = (ms) => `${(ms * 1000).toFixed(0)} µs`;
export const fmtX = (x) => `${x.toFixed(x >= 10 ? 0 : 2)}×`;
export const fmtMB = (bytes) => `${(bytes / 1048576).toFixed(bytes >= 100 * 1048576 ? 0 : 1)} MB`;
