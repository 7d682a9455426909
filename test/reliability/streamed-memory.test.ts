// A big report must not grow the CLI's memory: a slow reader on the other end of the pipe makes it wait (back-pressure),
// and a report printed only at the end (--update-baseline, --fix) goes through a temp file, not memory. Measured as
// the CLI's peak RSS (VmHWM, Linux): each run against the same run on a workspace a quarter the size, in the same test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, rm } from '../unit/cli-helpers';

const LINUX = process.platform === 'linux' ? false : 'peak RSS is read from /proc (Linux)';
const MB = 1 << 20;
/** Homes × 1,000 findings (maxFindingsPerFile) of about 1.15 KB of SARIF each: a report of about 45 MB. */
const HOMES = 40;
/** The floor's workspace: the same files, a quarter as many (a report of about 11 MB). */
const FEW = 10;
/**
 * What four times the report may add to a run's peak. Measured on this test's workspaces: a report held in memory
 * adds 270–320 MB from the floor to the big run, wherever it is held (each way broken in turn: no back-pressure on
 * stdout, --output kept in memory, the spool kept in memory); the streamed runs move it by −9 to +43 MB over 13 runs
 * (peaks are bimodal with the collector's timing, about 40 MB apart). A floor in another format misled: SARIF makes
 * ~45 MB more garbage than stylish at any size, and a stylish floor failed 2 runs in 5 with no report grown.
 */
const SLACK = 128 * MB;

function workspace(homes: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-bigreport-'));
  const lines = ['[server]', 'hostname = "gw.example.com"'];
  for (let i = 0; i < 1000; i++) lines.push(`[database.db${i}]`, 'url = "jdbc:mysql://db/x"', 'username = "u"', `password = "plain${i}"`);
  const text = lines.join('\n') + '\n';
  for (let h = 0; h < homes; h++) {
    const conf = path.join(dir, `wso2am-4.2.0-${h}`, 'repository', 'conf');
    fs.mkdirSync(conf, { recursive: true });
    fs.writeFileSync(path.join(conf, 'deployment.toml'), text);
  }
  return dir;
}

// Reads its stdin in 64 KB steps with a pause after each (about 6 MB/s, slower than the CLI writes), or at full speed.
const READER = `const ms = Number(process.argv[1]); let n = 0;
process.stdin.on('data', (d) => { n += d.length; if (ms) { process.stdin.pause(); setTimeout(() => process.stdin.resume(), ms); } });
process.stdin.on('end', () => process.stdout.write(String(n)));`;

/** The CLI's stdout goes straight into a reader process (no buffering here); its peak RSS and the bytes read. */
function runPiped(args: string[], cwd: string, pauseMs: number, tmp: string): Promise<{ code: number | null; peak: number; bytes: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const reader = spawn(process.execPath, ['-e', READER, String(pauseMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let read = '';
    reader.stdout.on('data', (d) => (read += d));
    // Listened for from the start: the reader may see the pipe's end and close before the CLI's exit event arrives.
    const readerClosed = new Promise<void>((r) => reader.on('close', () => r()));
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', reader.stdin, 'pipe'], env: { ...process.env, TMPDIR: tmp } });
    reader.stdin.destroy(); // the CLI holds the pipe's write end now: the reader sees its end when the CLI exits
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        /* exited */
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      void readerClosed.then(() => resolve({ code, peak, bytes: Number(read), stderr }));
    });
  });
}

test('a slow reader and a report printed at the end do not grow the CLI\'s memory (SARIF of ~45 MB)', { skip: LINUX, timeout: 300_000 }, async (t) => {
  const big = workspace(HOMES);
  const few = workspace(FEW);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-tmpdir-'));
  try {
    // Peaks are bimodal with the collector's timing, so every run is made twice and its higher peak kept, on the big
    // workspace and on the floor's alike.
    const twice = async (dir: string, args: (dir: string) => string[], pauseMs: number, code: number) => {
      const runs = [await runPiped(args(dir), dir, pauseMs, tmp), await runPiped(args(dir), dir, pauseMs, tmp)];
      for (const r of runs) assert.equal(r.code, code, r.stderr);
      assert.equal(runs[0].bytes, runs[1].bytes);
      return runs[0].peak >= runs[1].peak ? runs[0] : runs[1];
    };
    /** The run on both workspaces: its peaks, and a line for the log. */
    const grown = async (what: string, args: (dir: string) => string[], pauseMs: number, code: number) => {
      const floor = await twice(few, args, pauseMs, code);
      const run = await twice(big, args, pauseMs, code);
      return { what, floor, run, line: `${what} ${mb(floor.peak)} → ${mb(run.peak)}` };
    };
    const mb = (n: number) => `${(n / MB).toFixed(0)} MB`;
    // --output streams (into a temp file renamed at the end).
    const output = await grown('--output', (d) => ['--format', 'sarif', '.', '--output', path.join(d, 'plain.sarif')], 0, 1);
    const size = fs.statSync(path.join(big, 'plain.sarif')).size;
    assert.ok(size > 32 * MB, `a report of ${size} bytes is too small to tell`);
    // A pipe read slower than the CLI writes: the scan waits for the reader.
    const slow = await grown('slow reader', () => ['--format', 'sarif', '.'], 10, 1);
    assert.equal(slow.run.bytes, size);
    // --update-baseline prints its report only once everything is written (an error prints nothing): it goes through
    // the spool. The baseline's entries are held whatever happens to the report, and grow with the workspace alike.
    const baseline = (d: string) => ['--format', 'sarif', '.', '--update-baseline', '--baseline', path.join(d, 'baseline.json')];
    const kept = await grown('report kept to the end', baseline, 0, 0);
    assert.ok(kept.run.bytes > 32 * MB, `a kept report of ${kept.run.bytes} bytes is too small to tell`);
    const figures = `${[output, slow, kept].map((g) => g.line).join(', ')}; reports ${mb(fs.statSync(path.join(few, 'plain.sarif')).size)} → ${mb(size)}`;
    t.diagnostic(figures);
    for (const g of [output, slow, kept]) assert.ok(g.run.peak <= g.floor.peak + SLACK, `${g.what}: ${figures}`);
    // No spool file is left in the CLI's temp folder (it is unlinked as soon as it is opened).
    assert.deepEqual(fs.readdirSync(tmp), []);
  } finally {
    rm(big);
    rm(few);
    rm(tmp);
  }
});
