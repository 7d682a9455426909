// §7 Every output format to a pipe: the CLI's peak RSS while another process (here: this one) reads its stdout,
// for the big workspace. A streamed report keeps memory flat whatever its size; one built whole grows with it.
// Also one run with a slow reader (a pause after every 64 KB), which must not grow the producer's memory.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeWorkspace } from './workspace.mjs';
import { fmtMB, fmtMs } from './stats.mjs';

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'checkstyle', 'gitlab', 'github'];
/** The target of issue #22: every format to a pipe at most this peak. */
const TARGET = 250 * 1048576;

/** Peak RSS (VmHWM, polled) of `node cli --format F root`, its stdout read by this process; `slow` pauses the reader. */
export function pipeRun(cli, args, { cwd, slowMs = 0 } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    child.stdout.on('data', (d) => {
      bytes += d.length;
      if (slowMs) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), slowMs);
      }
    });
    let hwm = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwm = Math.max(hwm, Number(m[1]) * 1024);
      } catch { /* exited */ }
    }, 10);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, bytes, peakRss: hwm, ms: performance.now() - t0, stderr });
    });
  });
}

export async function benchPipes({ bundles, corpus, quick, log }) {
  const files = quick ? 1000 : 10_200;
  const ws = makeWorkspace(corpus, files);
  const rows = [];
  const notes = [];
  try {
    log(`  workspace: ${ws.files.length} files, ${fmtMB(ws.bytes)}`);
    for (const format of FORMATS) {
      const r = await pipeRun(bundles.cli, ['--format', format, '.'], { cwd: ws.root });
      if (r.code !== 0 && r.code !== 1) throw new Error(`--format ${format}: exit ${r.code}: ${r.stderr}`);
      rows.push({
        id: '7',
        what: `--format ${format} of ${ws.files.length} files to a pipe: peak RSS`,
        value: `${fmtMB(r.peakRss)} (${fmtMB(r.bytes)} of output, ${fmtMs(r.ms)})`,
        target: '≤ 250 MB',
        met: quick ? null : r.peakRss <= TARGET,
      });
    }
    // A slow reader: 64 KB chunks with a pause after each; the producer waits for drain instead of buffering.
    const slow = await pipeRun(bundles.cli, ['--format', 'sarif', '.'], { cwd: ws.root, slowMs: quick ? 2 : 5 });
    const fast = rows.find((r) => r.what.startsWith('--format sarif'));
    rows.push({
      id: '7',
      what: `--format sarif, same files, to a slow reader (a pause after each chunk): peak RSS`,
      value: `${fmtMB(slow.peakRss)} (${fmtMs(slow.ms)}; fast reader: ${fast.value.split(' (')[0]})`,
      target: '≤ 250 MB',
      met: quick ? null : slow.peakRss <= TARGET,
    });
    // A report printed only at the end (the run writes a baseline first): spooled to a temp file, not kept in memory.
    const kept = await pipeRun(bundles.cli, ['--format', 'sarif', '.', '--update-baseline', '--baseline', path.join(ws.root, 'baseline.json')], { cwd: ws.root });
    if (kept.code !== 0) throw new Error(`--update-baseline: exit ${kept.code}: ${kept.stderr}`);
    rows.push({
      id: '7',
      what: `--format sarif --update-baseline, same files (the report printed at the end), to a pipe: peak RSS`,
      value: `${fmtMB(kept.peakRss)} (${fmtMB(kept.bytes)} of output, ${fmtMs(kept.ms)})`,
      target: '≤ 250 MB',
      met: quick ? null : kept.peakRss <= TARGET,
    });
    notes.push('§7 peak RSS is VmHWM polled every 10 ms from /proc while the CLI writes into a pipe this process reads');
    return { rows, notes };
  } finally {
    ws.cleanup();
  }
}
