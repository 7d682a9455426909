#!/usr/bin/env node
// npm run fuzz -- [--inputs 100000] [--seed N] [--workers 1] [--json FILE] [--out DIR] [--hang-ms 60000] [--no-systematic]
// Runs the engine over hostile inputs in worker processes and prints the figures docs/reliability.md records:
// inputs tried, crashes, hangs, range violations, fix failures, the slowest input relative to its time bound.
// Exit 1 if anything failed; each failing input is saved (text + how it was made) under --out.
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { makePlan } from './fuzz/plan';
import type { ResultMessage } from './fuzz/worker';

const { values } = parseArgs({
  options: {
    inputs: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '1' },
    json: { type: 'string' },
    out: { type: 'string' },
    'hang-ms': { type: 'string', default: '60000' },
    'no-systematic': { type: 'boolean', default: false },
    chunk: { type: 'string', default: '200' },
  },
});

const total = Number(values.inputs);
const seed = Number(values.seed);
const hangMs = Number(values['hang-ms']);
const chunkSize = Number(values.chunk);
const systematic = !values['no-systematic'];
const outDir = values.out ?? path.join(os.tmpdir(), `carbonlint-fuzz-${seed}`);
const MAX_SAVED = 50;

interface Stats {
  inputs: number;
  bytes: number;
  bySource: Record<string, number>;
  crashes: number;
  hangs: number;
  rangeViolations: number;
  fixFailures: number;
  fixesChecked: number;
  findings: number;
  slowest: { ratio: number; ms: number; bytes: number; index: number; origin: string };
  failures: Array<{ index: number; type: string; detail: string; origin: string }>;
}

const stats: Stats = {
  inputs: 0, bytes: 0, bySource: {}, crashes: 0, hangs: 0, rangeViolations: 0, fixFailures: 0, fixesChecked: 0, findings: 0,
  slowest: { ratio: 0, ms: 0, bytes: 0, index: -1, origin: '' }, failures: [],
};

// The parent builds the same plan to describe and save failing inputs by index.
const plan = makePlan(seed, { systematic });
const queue: Array<[number, number]> = [];
for (let i = 0; i < total; i += chunkSize) queue.push([i, Math.min(total, i + chunkSize)]);
let saved = 0;

function record(index: number, type: string, detail: string): void {
  const input = plan.inputAt(index);
  if (type === 'crash') stats.crashes++;
  else if (type === 'hang') stats.hangs++;
  else if (type === 'range') stats.rangeViolations++;
  else stats.fixFailures++;
  stats.failures.push({ index, type, detail, origin: `${input.origin} [${input.name}]` });
  if (saved < MAX_SAVED) {
    fs.mkdirSync(outDir, { recursive: true });
    const base = path.join(outDir, `${index}-${type}`);
    fs.writeFileSync(`${base}.txt`, input.text);
    fs.writeFileSync(`${base}.json`, JSON.stringify({ index, seed, type, detail, name: input.name, origin: input.origin, settings: input.settings }, null, 2));
    saved++;
  }
}

function onResult(m: ResultMessage): void {
  stats.inputs++;
  stats.bytes += m.bytes;
  stats.bySource[m.source] = (stats.bySource[m.source] ?? 0) + 1;
  stats.fixesChecked += m.fixes;
  stats.findings += m.findings;
  if (m.ratio > stats.slowest.ratio) {
    stats.slowest = { ratio: m.ratio, ms: m.ms, bytes: m.bytes, index: m.i, origin: '' };
  }
  for (const v of m.violations) record(m.i, v.type, v.detail);
}

interface Worker {
  proc: ChildProcess;
  chunk?: [number, number];
  current: number;
  last: number;
}

const started = Date.now();
const workers = new Set<Worker>();
let finished: () => void;
const allDone = new Promise<void>((r) => (finished = r));

function spawnWorker(): void {
  const proc = fork(path.join(__dirname, 'fuzz', 'worker.ts'), [String(seed), String(systematic)], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=3072', '--stack-size=984'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const w: Worker = { proc, current: -1, last: Date.now() };
  workers.add(w);
  const next = () => {
    const c = queue.shift();
    if (!c) {
      w.chunk = undefined;
      proc.kill();
      return;
    }
    w.chunk = c;
    w.current = c[0];
    proc.send({ type: 'chunk', from: c[0], to: c[1] });
  };
  proc.on('message', (m: { type: 'ready' | 'start' | 'done'; i?: number } | ResultMessage) => {
    w.last = Date.now();
    if (m.type === 'ready') next();
    else if (m.type === 'start') w.current = m.i!;
    else if (m.type === 'result') onResult(m);
    else if (m.type === 'done') next();
  });
  proc.on('exit', (code, signal) => {
    workers.delete(w);
    if (w.chunk) {
      // Died mid-chunk (out of memory, a crash, or killed by the watchdog): the input it was on is the culprit.
      const killed = (w as Worker & { hung?: boolean }).hung;
      record(w.current, killed ? 'hang' : 'crash', killed ? `no answer within ${hangMs} ms (worker killed)` : `worker exited (code ${code}, signal ${signal})`);
      if (w.current + 1 < w.chunk[1]) queue.unshift([w.current + 1, w.chunk[1]]);
    }
    if (queue.length) spawnWorker();
    else if (workers.size === 0) finished();
  });
}

const watchdog = setInterval(() => {
  for (const w of workers) {
    if (w.chunk && Date.now() - w.last > hangMs) {
      (w as Worker & { hung?: boolean }).hung = true;
      w.proc.kill('SIGKILL');
    }
  }
  const s = (Date.now() - started) / 1000;
  if (!process.env.CI) process.stderr.write(`\r${stats.inputs}/${total} inputs, ${(stats.inputs / Math.max(1, s)).toFixed(0)}/s, ${stats.failures.length} failures   `);
}, 1000);

const nWorkers = Math.max(1, Number(values.workers));
for (let k = 0; k < Math.min(nWorkers, queue.length); k++) spawnWorker();
if (!queue.length) finished!();

void allDone.then(() => {
  clearInterval(watchdog);
  if (stats.slowest.index >= 0) {
    const s = plan.inputAt(stats.slowest.index);
    stats.slowest.origin = `${s.origin} [${s.name}]`;
  }
  const cpus = os.cpus();
  const summary = {
    date: new Date().toISOString(),
    seed,
    inputsRequested: total,
    inputsTried: stats.inputs,
    systematicInputs: Math.min(plan.systematic, total),
    megabytesChecked: +(stats.bytes / (1 << 20)).toFixed(1),
    bySource: stats.bySource,
    crashes: stats.crashes,
    hangs: stats.hangs,
    rangeViolations: stats.rangeViolations,
    fixFailures: stats.fixFailures,
    fixesChecked: stats.fixesChecked,
    findings: stats.findings,
    bound: '50 ms + 5 µs/byte',
    slowest: { ...stats.slowest, ratio: +stats.slowest.ratio.toFixed(3), ms: +stats.slowest.ms.toFixed(1) },
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { cpu: cpus[0]?.model, cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    failures: stats.failures.slice(0, 200),
    savedTo: stats.failures.length ? outDir : undefined,
  };
  process.stderr.write('\n');
  if (values.json) fs.writeFileSync(values.json, JSON.stringify(summary, null, 2) + '\n');
  const { failures, ...figures } = summary;
  process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
  for (const f of failures.slice(0, 20)) process.stdout.write(`✖ #${f.index} ${f.type}: ${f.detail}\n    ${f.origin}\n`);
  process.exitCode = stats.failures.length ? 1 : 0;
});
