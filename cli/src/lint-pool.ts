// Linting on several cores: `--jobs N` is this thread and N−1 worker threads (the CLI bundle itself, started in
// worker mode). The files are cut into small chunks of consecutive files (neighbours share a product home, so
// per-home memos stay warm) and every thread takes the next chunk from one shared counter (Atomics) the moment it is
// free: no thread waits for another to hand it work, so a chunk that happens to be slow (a Helm template costs 10–50
// files' worth) does not leave the other core idle. Workers post each chunk's outcomes on their own port; this thread
// reads them synchronously between its own chunks (receiveMessageOnPort) and hands the outcomes out strictly in file
// order — the report is byte for byte the one of a single thread. Workers run at most WINDOW chunks ahead of the last
// one handed out (then they Atomics.wait), so a slow stdout stops them and memory does not grow with the workspace.
// Heap limits are left to V8 (each isolate's heap reaches ~4× its ~25 MB of live data): capping a worker's young or
// old generation, or the growth step of both, saved 30–70 MB for 7–25% more CPU (docs/performance.md, round 5).
import { MessageChannel, Worker, isMainThread, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
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
/** Files per chunk, at most: small for balance, large enough that a product home's files mostly stay together. */
const MAX_CHUNK = 8;
/** Chunks a worker may finish ahead of the one being handed out (bounds the outcomes held in memory). */
const WINDOW = 32;
/** Shared counters: the next chunk to take, and the chunks handed out so far. */
const NEXT = 0;
const EMITTED = 1;

/** Worker threads to start beside this one for `files` files (0: lint in this thread only). */
export function workerCount(files: number, jobs: number | undefined): number {
  const want = jobs ?? (files >= AUTO_MIN_FILES ? Math.min(os.availableParallelism() - 1, AUTO_MAX_JOBS) : 1);
  return want <= 1 || files < 2 ? 0 : Math.min(want - 1, files - 1);
}

/** Files per chunk for `files` files on `threads` threads: every thread gets many chunks, so they finish together. */
export function chunkSize(files: number, threads: number): number {
  return Math.max(1, Math.min(MAX_CHUNK, Math.ceil(files / (threads * 64))));
}

interface WorkerData {
  [TAG]: true;
  job: LintJob;
  files: readonly string[];
  size: number;
  shared: SharedArrayBuffer;
  port: MessagePort;
}

interface ChunkMessage {
  chunk: number;
  outcomes: FileOutcome[];
}

/** Outcomes of `files`, in their order. `script` is the bundle the workers run (this one). */
export async function* lintOutcomes(files: readonly string[], job: LintJob, jobs: number | undefined, script = __filename): AsyncGenerator<FileOutcome> {
  const one = fileLinter(job);
  const n = workerCount(files.length, jobs);
  // This thread has its snapshot now: the listings are kept only to go to each worker on its port (not in
  // workerData, which a worker keeps for its whole life), then dropped (held for the run they were ~3 MB of live
  // strings on 10,200 files, which V8's heap growth makes ~4× that in peak RSS).
  let listings = n ? job.listings : undefined;
  job.listings = undefined;
  if (n === 0) {
    try {
      for (const f of files) yield one(f);
    } finally {
      setDiskSnapshot(undefined);
    }
    return;
  }
  const size = chunkSize(files.length, n + 1);
  const chunks = Math.ceil(files.length / size);
  const chunk = (c: number) => files.slice(c * size, (c + 1) * size);
  const shared = new SharedArrayBuffer(8);
  const counters = new Int32Array(shared);
  const done = new Map<number, FileOutcome[]>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let i = 0; i < n; i++) {
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(listings);
    const data: WorkerData = { [TAG]: true, job, files, size, shared, port: port2 };
    const w = new Worker(script, { workerData: data, transferList: [port2] });
    // Only wakes this thread when it waits; between its own chunks it reads the ports itself.
    port1.on('message', (m: ChunkMessage) => {
      done.set(m.chunk, m.outcomes);
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
    ports.push(port1);
  }
  listings = undefined;
  const receive = () => {
    for (const p of ports) {
      for (let m = receiveMessageOnPort(p); m; m = receiveMessageOnPort(p)) done.set((m.message as ChunkMessage).chunk, (m.message as ChunkMessage).outcomes);
    }
  };
  try {
    for (let emitted = 0; emitted < chunks;) {
      if (failure) throw new CliError(`internal error in a lint worker: ${failure.message}`);
      receive();
      const ready = done.get(emitted);
      if (ready) {
        done.delete(emitted);
        Atomics.store(counters, EMITTED, ++emitted);
        Atomics.notify(counters, EMITTED);
        yield* ready;
        continue;
      }
      // The chunk due is a worker's and not back yet: lint the next one here (within the window), else wait.
      if (Atomics.load(counters, NEXT) < Math.min(chunks, emitted + WINDOW)) {
        const mine = Atomics.add(counters, NEXT, 1);
        if (mine < chunks) done.set(mine, chunk(mine).map(one));
        continue;
      }
      // A message that came after receive() is delivered to the port's listener, which wakes this.
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    // Workers waiting for room are released (the counter says "all taken") before they are stopped.
    Atomics.store(counters, NEXT, chunks);
    Atomics.store(counters, EMITTED, chunks + WINDOW);
    Atomics.notify(counters, EMITTED);
    for (const p of ports) p.close();
    await Promise.all(workers.map((w) => w.terminate()));
    setDiskSnapshot(undefined);
  }
}

/** True in a thread started by lintOutcomes: it then lints chunks and nothing else (main.ts). */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[TAG] === true;
}

export function serveLintWorker(): void {
  const { job, files, size, shared, port } = workerData as WorkerData;
  // The listings were posted before the worker started: they are waiting on the port.
  const one = fileLinter({ ...job, listings: receiveMessageOnPort(port)?.message as LintJob['listings'] });
  const counters = new Int32Array(shared);
  const chunks = Math.ceil(files.length / size);
  for (;;) {
    const c = Atomics.add(counters, NEXT, 1);
    if (c >= chunks) break;
    // Room: at most WINDOW chunks ahead of the one being handed out (a slow consumer stops this thread here).
    for (let e = Atomics.load(counters, EMITTED); c >= e + WINDOW; e = Atomics.load(counters, EMITTED)) Atomics.wait(counters, EMITTED, e);
    port.postMessage({ chunk: c, outcomes: files.slice(c * size, (c + 1) * size).map(one) } satisfies ChunkMessage);
  }
}
