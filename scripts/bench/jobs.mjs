// §3 CLI throughput on both cores: the 10,200-file workspace linted by whole processes with --jobs 1 (this thread
// only) and --jobs 2 (this thread and one worker, lint-pool.ts), interleaved with the walk-and-read-only floor.
// Files per second are whole-process (spawn → exit); the 1-vs-2 ratio is taken within each round, and the CPU
// time beside it says what the second thread costs (an isolate, the bundle compiled twice, messages).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from './proc.mjs';
import { makeWorkspace } from './workspace.mjs';
import { interleaveAsync, median, fmtMs, fmtMB, fmtX } from './stats.mjs';

const READ_ALL = fileURLToPath(new URL('./read-all.mjs', import.meta.url));
const PARSE_ALL = fileURLToPath(new URL('./parse-all.mjs', import.meta.url));

export async function benchJobs({ bundles, engine, corpus, tools, quick, log }) {
  const ws = makeWorkspace(corpus, quick ? 1000 : 10_200);
  // The pipeline without rules (walk, read, classify, parse, product detection, template renderings, report): a
  // project file that turns every rule off. What is left of a throughput target once this floor is paid.
  const noRules = path.join(ws.root, '..', `carbonlint-no-rules-${process.pid}.json`);
  fs.writeFileSync(noRules, JSON.stringify({ rules: Object.fromEntries(engine.allRules.map((r) => [r.meta.id, 'off'])) }));
  try {
    const n = ws.files.length;
    log(`  workspace: ${n} files, ${fmtMB(ws.bytes)} in ${ws.root}`);
    const cli = (jobs, extra = []) => async () => {
      const r = await runNode(bundles.cli, [ws.root, '--format', 'json', '--jobs', String(jobs), ...extra], { timeTool: tools.time });
      if (r.code !== 0 && r.code !== 1) throw new Error(`the CLI (--jobs ${jobs}) exited ${r.code}: ${r.stderr.trim().split('\n').pop()}`);
      return r;
    };
    const r = await interleaveAsync({
      j1: cli(1),
      j2: cli(2),
      none: cli(2, ['--config', noRules]),
      read: () => runNode(READ_ALL, [ws.root], { timeTool: tools.time }),
      // The parsers alone on both threads (parse-all.mjs): what any design that parses every file pays here.
      parse: () => runNode(PARSE_ALL, [path.join(bundles.dir, 'engine.js'), ws.root, '--jobs', '2'], { timeTool: tools.time }),
    }, { rounds: quick ? 1 : 3, warmup: quick ? 0 : 1, reference: 'j2' });
    const runs = r.runs;
    const wall = (k) => r.median[k];
    const cpu = (k) => median(runs[k].map((x) => x.cpu));
    const rss = (k) => median(runs[k].map((x) => x.peakRss));
    const perSec = (ms) => Math.round((n * 1000) / ms).toLocaleString('en');
    const speedup = r.ratio.j1; // j1 ÷ j2 within each round
    const files = n.toLocaleString('en');
    return {
      rows: [
        {
          id: '3', what: `CLI throughput, ${files} files (${fmtMB(ws.bytes)}), --jobs 2, whole process`,
          value: `${perSec(wall('j2'))} files/s (${fmtMs(wall('j2'))}, CPU ${fmtMs(cpu('j2'))}; ${fmtX(1 / r.ratio.read)} a walk-and-read-only process)`,
          target: '≥ 3,500 files/s', met: quick ? null : (n * 1000) / wall('j2') >= 3500,
        },
        { id: '3', what: 'CLI peak RSS, --jobs 2, same run', value: fmtMB(rss('j2')), target: '≤ 160 MB', met: quick ? null : rss('j2') <= 160 * 1048576 },
        {
          id: '3', what: 'CLI --jobs 1 vs --jobs 2: wall time ratio (median of the per-round ratios)',
          value: `${fmtX(speedup)} (--jobs 1: ${perSec(wall('j1'))} files/s, ${fmtMs(wall('j1'))}, CPU ${fmtMs(cpu('j1'))}, peak ${fmtMB(rss('j1'))}; the second thread costs ${fmtX(cpu('j2') / cpu('j1'))} the CPU)`,
          target: '', met: null,
        },
        {
          id: '3', what: 'the same --jobs 2 run with every rule turned off (walk, read, parse, product detection, template renderings, report: the floor under the rules)',
          value: `${perSec(wall('none'))} files/s (${fmtMs(wall('none'))}, CPU ${fmtMs(cpu('none'))}, peak ${fmtMB(rss('none'))}; the rules add ${fmtX(cpu('j2') / cpu('none'))} the CPU)`,
          target: '', met: null,
        },
        {
          id: '3', what: 'parse-only floor, two threads: a process that walks, reads, classifies and parses every file with the engine\'s parsers (no detection, renderings, rules or report; scripts/bench/parse-all.mjs)',
          value: `${perSec(wall('parse'))} files/s (${fmtMs(wall('parse'))}, CPU ${fmtMs(cpu('parse'))}), peak ${fmtMB(rss('parse'))}`,
          target: '', met: null,
        },
      ],
      raw: { files: n, bytes: ws.bytes, runs: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map((x) => ({ ms: x.ms, cpu: x.cpu, peakRss: x.peakRss }))])) },
    };
  } finally {
    fs.rmSync(noRules, { force: true });
    ws.cleanup();
  }
}
