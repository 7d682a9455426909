#!/usr/bin/env node
// npm run bench [-- --quick] [--only 1,3] [--out FILE] [--no-package]
// The performance targets of docs/performance.md, measured on the shipped bundles. Built for a shared, noisy
// machine: medians of several runs, CPU time for in-process figures, ratios against a reference measured in the
// same rounds, and the load average printed at the start and at the end.
import * as path from 'node:path';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, loadAverage } from './machine.mjs';
import { setupTools } from './setup.mjs';
import { buildBundles } from './bundles.mjs';
import { loadCorpus } from './corpus.mjs';
import { table, document, summary } from './report.mjs';
import { benchEngine } from './engine.mjs';
import { benchScaling } from './scaling.mjs';
import { benchTyping } from './typing.mjs';
import { benchFootprint } from './footprint.mjs';
import { benchPeers } from './peers.mjs';
import { benchScale } from './scale.mjs';
import { benchLinear } from './linear.mjs';
import { benchChart } from './chart.mjs';
import { benchPipes } from './pipes.mjs';
import { benchJobs } from './jobs.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    'no-package': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  console.log('npm run bench [-- --quick] [--only 1,2,3,4,5,6,7,8,9] [--out FILE] [--no-package]\n  full runs write docs/performance.md; --quick runs write only with --out');
  process.exit(0);
}

// Sections in run order: in-process ones first (a fresh heap), the 10,000-file workspace last.
const SECTIONS = [
  ['1', 'engine vs smol-toml', (ctx) => benchEngine(ctx)],
  ['4', 'scaling 1×/10×/100×', (ctx) => benchScaling(ctx)],
  ['8', 'linear inputs 1×/2×', (ctx) => benchLinear(ctx)],
  ['9', 'Helm chart folder vs plain file', (ctx) => benchChart(ctx)],
  ['2', 'typing latency over stdio', (ctx) => benchTyping(ctx)],
  ['5', 'footprint', (ctx) => benchFootprint({ ...ctx, skipPackage: opts['no-package'] })],
  ['6', 'peers', (ctx) => benchPeers(ctx)],
  ['3', 'workspace scale', (ctx) => benchScale(ctx)],
  ['7', 'every format to a pipe', (ctx) => benchPipes(ctx)],
  ['3', 'CLI throughput: --jobs 1 vs 2', (ctx) => benchJobs(ctx)],
];
const only = opts.only ? new Set(opts.only.split(',').map((s) => s.trim())) : undefined;

const started = performance.now();
const loadStart = loadAverage();
const info = machine();
const log = (s) => console.log(s);
log(`CarbonLint bench${opts.quick ? ' (--quick)' : ''}: ${info.cpu}, ${info.cores} cores, ${info.memory}, Node ${info.node}`);
log(`load average at start: ${loadStart}`);

const { tools, notes } = setupTools(REPO, log);
for (const n of notes) log(`note: ${n}`);
const bundles = await buildBundles(REPO).catch((e) => {
  console.error(`bench: cannot bundle the engine, server and CLI from this tree (${e.errors?.length ?? '?'} esbuild errors above) — nothing measured`);
  process.exit(2);
});
const rows = [];
let corpus;
try {
  corpus = loadCorpus(REPO, bundles.engine);
} catch (e) {
  bundles.cleanup();
  console.error(`bench: ${e.message}`);
  process.exit(2);
}
try {
  const ctx = { repo: REPO, engine: bundles.engine, bundles, corpus, tools, quick: opts.quick, log };
  for (const [id, name, run] of SECTIONS) {
    if (only && !only.has(id)) continue;
    const t0 = performance.now();
    log(`§${id} ${name}… (load ${loadAverage()})`);
    try {
      const r = await run(ctx);
      rows.push(...r.rows);
      for (const row of r.rows) log(`  ${row.what}: ${row.value}${row.met === false ? '  MISSED' : ''}`);
      for (const n of r.notes ?? []) log(`  note: ${n}`);
      notes.push(...(r.notes ?? []));
    } catch (e) {
      rows.push({ id, what: name, value: `failed: ${e.message}`, target: '', met: null });
      notes.push(`§${id} failed: ${e.stack?.split('\n').slice(0, 2).join(' ') ?? e}`);
      log(`  failed: ${e.stack ?? e}`);
    }
    log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
} finally {
  bundles.cleanup();
}
rows.sort((a, b) => Number(a.id) - Number(b.id));
const loadEnd = loadAverage();
log(`\n${table(rows)}\n\n${summary(rows)}`);
log(`load average at end: ${loadEnd}`);

const out = opts.out ?? (opts.quick || only ? undefined : path.join(REPO, 'docs', 'performance.md'));
if (out) {
  const noteFiles = ['method.md', 'tried.md'].map((f) => path.join(HERE, 'notes', f));
  const toolNotes = [`peers: shellcheck ${tools.shellcheckVersion ?? 'not installed'}, taplo ${tools.taploVersion ?? 'not installed'}; peak RSS from ${tools.time ? 'GNU time -v' : '/proc VmHWM polling'}`];
  fs.writeFileSync(out, document({ machine: info, loadStart, loadEnd, quick: opts.quick, rows, notes: [...toolNotes, ...notes], elapsedMs: performance.now() - started, noteFiles }));
  log(`wrote ${path.relative(process.cwd(), out)}`);
}
log(`bench took ${((performance.now() - started) / 60000).toFixed(1)} min`);
