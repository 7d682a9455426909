// Runs the bundled CLI as a user would, with optional preload hooks, a time limit, and its peak memory measured.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CLI = path.resolve(__dirname, '../../../dist/cli.js');
export const HOOKS = path.resolve(__dirname, '../hooks');

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the CLI process, KiB (undefined if it did not exit normally). */
  maxRssKiB?: number;
  timedOut: boolean;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Preload these hook files (names in test/reliability/hooks). */
  hooks?: string[];
  timeoutMs?: number;
}

/** Async (not spawnSync) so a test's own servers (the loopback listener) keep answering while the CLI runs. */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  const rssLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cl-rss-')), 'rss');
  const hooks = ['maxrss.cjs', ...(opts.hooks ?? [])].flatMap((h) => ['--require', path.join(HOOKS, h)]);
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...hooks, CLI, ...args], {
    cwd: opts.cwd ?? os.tmpdir(),
    env: { ...process.env, NO_COLOR: '1', ...opts.env, CARBONLINT_RSS_LOG: rssLog },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
  proc.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    proc.kill('SIGKILL');
  }, opts.timeoutMs ?? 30000);
  return new Promise((resolve) => {
    proc.on('close', (status, signal) => {
      clearTimeout(timer);
      const rss = fs.existsSync(rssLog) ? Number(fs.readFileSync(rssLog, 'utf8')) : undefined;
      fs.rmSync(path.dirname(rssLog), { recursive: true, force: true });
      resolve({ status, signal, stdout, stderr, ms: performance.now() - t0, maxRssKiB: rss, timedOut });
    });
  });
}

/** Lines of a spy log (hooks/spy.cjs). */
export function readSpyLog(file: string): Array<{ op: string; target: string; flags?: string; dest?: string }> {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cl-rel-${prefix}-`));
}
