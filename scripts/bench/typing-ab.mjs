#!/usr/bin/env node
// §2 A/B: the typing series of typing.mjs against two server bundles, alternated round by round (the machine is
// shared and noisy: only interleaved runs compare). B is this tree bundled as shipped unless --b is given.
//   node scripts/bench/typing-ab.mjs --a /tmp/old/server.js [--b server.js] [--rounds 6] [--edits 200]
//   [--prof DIR]  (B's server runs with --cpu-prof into DIR, for one extra series after the rounds)
//   [--a-flags=--x] [--b-flags=…]  (Node/V8 flags for that side's server process, space-separated)
//   [--warmup N]  (edits before the measured ones; the bench's 20 leave the JIT far from settled)
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBundles } from './bundles.mjs';
import { loadCorpus } from './corpus.mjs';
import { replicateToml } from './generators.mjs';
import { loadAverage } from './machine.mjs';
import { tomlBase } from './scaling.mjs';
import { median, percentile } from './stats.mjs';
import { series, TYPING_PATH } from './typing.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: o } = parseArgs({
  options: {
    a: { type: 'string' }, b: { type: 'string' }, rounds: { type: 'string', default: '6' },
    edits: { type: 'string', default: '200' }, prof: { type: 'string' },
    warmup: { type: 'string', default: '20' }, 'a-flags': { type: 'string', default: '' }, 'b-flags': { type: 'string', default: '' },
  },
});
if (!o.a) {
  console.error('usage: typing-ab.mjs --a SERVER_JS [--b SERVER_JS] [--rounds N] [--edits N] [--prof DIR]');
  process.exit(2);
}
const bundles = await buildBundles(REPO);
const text = replicateToml(tomlBase(loadCorpus(REPO, bundles.engine)).text, 1);
const servers = { A: path.resolve(o.a), B: o.b ? path.resolve(o.b) : bundles.server };
const edits = Number(o.edits);
const flags = { A: o['a-flags'].split(' ').filter(Boolean), B: o['b-flags'].split(' ').filter(Boolean) };
const f = (x) => x.toFixed(2).padStart(6);
console.log(`A ${servers.A} ${flags.A.join(' ')}\nB ${servers.B} ${flags.B.join(' ')}\n${text.length} bytes, ${edits} edits a series; load ${loadAverage()}`);
const rows = { A: [], B: [] };
for (let r = 0; r < Number(o.rounds); r++) {
  for (const k of r % 2 ? ['B', 'A'] : ['A', 'B']) {
    const s = await series(servers[k], TYPING_PATH, text, edits, Number(o.warmup), { execArgv: flags[k] });
    const row = { p50: percentile(s.lat, 50), p99: percentile(s.lat, 99), rtt: percentile(s.rtt, 50), cpu: s.cpuPerEdit };
    row.ratio = row.p50 / row.rtt;
    rows[k].push(row);
    console.log(`round ${r} ${k}: p50 ${f(row.p50)} ms  p99 ${f(row.p99)} ms  rtt ${f(row.rtt)} ms  ${f(row.ratio)}×  cpu/edit ${f(row.cpu)} ms`);
  }
}
for (const k of ['A', 'B']) {
  const m = (key) => median(rows[k].map((x) => x[key]));
  console.log(`median ${k}: p50 ${f(m('p50'))} ms  p99 ${f(m('p99'))} ms  rtt ${f(m('rtt'))} ms  ${f(m('ratio'))}×  cpu/edit ${f(m('cpu'))} ms`);
}
console.log(`load at end ${loadAverage()}`);
if (o.prof) {
  await series(servers.B, TYPING_PATH, text, 600, 20, { execArgv: [...flags.B, '--cpu-prof', `--cpu-prof-dir=${path.resolve(o.prof)}`] });
  console.log(`profile of B over 600 edits in ${o.prof}`);
}
bundles.cleanup();
