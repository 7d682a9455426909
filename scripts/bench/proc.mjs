// Whole-process runs: wall time (spawn → exit, measured here), CPU time and peak RSS (GNU time -v when
// installed; otherwise VmHWM polled from /proc while the process runs). Output goes to /dev/null.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

let seq = 0;

export function runProcess(cmd, args, { timeTool, cwd, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve, reject) => {
    const report = timeTool ? path.join(os.tmpdir(), `carbonlint-bench-time-${process.pid}-${seq++}.txt`) : undefined;
    const [file, argv] = timeTool ? [timeTool, ['-v', '-o', report, cmd, ...args]] : [cmd, args];
    const t0 = performance.now();
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    let hwm = 0;
    const poll = timeTool ? undefined : setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwm = Math.max(hwm, Number(m[1]) * 1024);
      } catch { /* exited */ }
    }, 10);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      const r = { ms, code, signal, stderr, peakRss: hwm || NaN, cpu: NaN };
      if (report) {
        const t = fs.readFileSync(report, 'utf8');
        fs.rmSync(report, { force: true });
        const num = (re) => Number(re.exec(t)?.[1]);
        r.peakRss = num(/Maximum resident set size \(kbytes\): (\d+)/) * 1024;
        r.cpu = (num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)) * 1000;
        const exit = /Exit status: (\d+)/.exec(t);
        if (exit) r.code = Number(exit[1]);
      }
      resolve(r);
    });
  });
}

/** `node script args…` as a whole process. */
export const runNode = (script, args, opts) => runProcess(process.execPath, [script, ...args], opts);
