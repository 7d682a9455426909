// Linting on several cores: `--jobs N` is this thread and N−1 worker threads (the CLI bundle itself, started in
// worker mode). Each takes a batch of consecutive files (neighbours share a product home, so per-folder caches stay
// warm), and the outcomes are handed out strictly in file order — the report is byte for byte the one of a single
// thread. This thread lints a batch whenever no worker is free, so N jobs cost N−1 extra heaps, not N (each worker
// starts at ~30 MB: a V8 isolate, the bundle compiled, the rule data loaded). At most a few batches are in flight
// ahead of the consumer, so a slow stdout (which the consumer waits for) stops the dispatching and memory does not
// grow with the workspace.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import * as os from 'node:os';
import { fileLinter, type FileOutcome, type LintJob } from './lint-file';
import { CliError } from './errors';
import { setDiskSnapshot } from '../../shared-rules/engine/disk-snapshot';

const TAG = 'carbonlint-lint-worker';
/** Without --jobs, workers only pay off above this many files (starting one costs ~50–100 ms of CPU). */
export const AUTO_MIN_FILES = 200;
/**
 * The default --jobs: one thread fewer than the cores (one thread already keeps ~1.25 cores busy: V8's collector
 * threads), at most this many (each thread is another heap). On 2 cores that is 1: measured on the 10,200-file
 * workspace, a second thread gave 1.1–1.17× the speed for 1.26–1.28× the CPU and ~110 MB more peak RSS.
 */
export const AUTO_MAX_JOBS = 4;
export const MAX_JOBS = 64;
const MAX_BATCH = 32;

/** Worker threads to start beside this one for `files` files (0: lint in this thread only). */
export function workerCount(files: number, jobs: number | undefined): number {
  const want = jobs ?? (files >= AUTO_MIN_FILES ? Math.min(os.availableParallelism() - 1, AUTO_MAX_JOBS) : 1);
  return want <= 1 || files < 2 ? 0 : Math.min(want - 1, files - 1);
}

/** Outcomes of `files`, in their order. `script` is the bundle the workers run (this one). */
export async function* lintOutcomes(files: readonly string[], job: LintJob, jobs: number | undefined, script = __filename): AsyncGenerator<FileOutcome> {
  const one = fileLinter(job);
  // This thread has its snapshot now; only the workers' copies of the job carry the listings (not kept here).
  const listings = job.listings;
  job.listings = undefined;
  const n = workerCount(files.length, jobs);
  if (n === 0) {
    try {
      for (const f of files) yield one(f);
    } finally {
      setDiskSnapshot(undefined);
    }
    return;
  }
  // Small enough batches that every thread gets several (the last ones finish together), large enough to amortise messages.
  const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(files.length / ((n + 1) * 8))));
  const batches = Math.ceil(files.length / size);
  // Each worker holds two batches, so it starts its next one at once instead of waiting for this thread to finish
  // linting its own batch and read the message; batches dispatched ahead of the one being handed out are bounded.
  const PER_WORKER = 2;
  const window = (n * PER_WORKER + 1) * 2;
  const batch = (b: number) => files.slice(b * size, (b + 1) * size);
  const done = new Map<number, FileOutcome[]>();
  let next = 0; // next batch to dispatch
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const queued = new Map<Worker, number>(); // batches sent to each worker and not yet returned
  const workers: Worker[] = [];
  for (let i = 0; i < n; i++) {
    const w = new Worker(script, { workerData: { [TAG]: true, job: { ...job, listings } } });
    w.on('message', (m: { batch: number; outcomes: FileOutcome[] }) => {
      done.set(m.batch, m.outcomes);
      queued.set(w, queued.get(w)! - 1);
      signal();
    });
    w.on('error', (e) => {
      failure ??= e;
      signal();
    });
    w.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`a lint worker exited with code ${code}`);
      signal();
    });
    workers.push(w);
    queued.set(w, 0);
  }
  const room = (b: number) => next < batches && next < b + window;
  try {
    for (let b = 0; b < batches; b++) {
      while (!done.has(b)) {
        if (failure) throw new CliError(`internal error in a lint worker: ${failure.message}`);
        // Workers get the next batches within the window; when every worker has its two, this thread lints one itself.
        for (const w of workers) {
          while (queued.get(w)! < PER_WORKER && room(b)) {
            queued.set(w, queued.get(w)! + 1);
            w.postMessage({ batch: next, files: batch(next++) });
          }
        }
        if (done.has(b)) break;
        if (room(b)) {
          const mine = next++;
          done.set(mine, batch(mine).map(one));
          // Let the workers' messages in before deciding again.
          await new Promise<void>((r) => setImmediate(r));
          continue;
        }
        await new Promise<void>((r) => (wake = r));
      }
      const outcomes = done.get(b)!;
      done.delete(b);
      yield* outcomes;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    setDiskSnapshot(undefined);
  }
}

/** True in a thread started by lintOutcomes: it then serves batches and nothing else (main.ts). */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[TAG] === true;
}

export function serveLintWorker(): void {
  const one = fileLinter((workerData as { job: LintJob }).job);
  parentPort!.on('message', (m: { batch: number; files: string[] }) => {
    parentPort!.postMessage({ batch: m.batch, outcomes: m.files.map(one) });
    if (process.env.CL_DEBUG && m.batch % 10 === 0) { const h = require('v8').getHeapStatistics(); process.stderr.write(`w b${m.batch} heap ${(h.total_heap_size/1048576)|0} used ${(h.used_heap_size/1048576)|0} rss ${(process.memoryUsage.rss()/1048576)|0}\n`); }
  });
}
