#!/usr/bin/env node
// The real-editor suites: setup (idempotent), then VS Code (code-server) and Neovim, one after the other, with the
// time each takes. Exit status 0 only if setup and every suite passed.
//
//   node test/e2e/run.mjs            setup + both suites
//   node test/e2e/run.mjs nvim       setup + the suites whose path contains "nvim" (or "vscode")
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './setup.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SUITES = ['test/e2e/vscode.e2e.test.ts', 'test/e2e/corpus.e2e.test.ts', 'test/nvim/nvim.test.ts'];
const only = process.argv.slice(2);
const selected = only.length ? SUITES.filter((s) => only.some((o) => s.includes(o))) : SUITES;
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const times = [];
let t0 = Date.now();
try {
  setup();
} catch (e) {
  console.error(`[e2e] setup failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
times.push(['setup', secs(t0), 'ok']);

let failed = false;
for (const suite of selected) {
  t0 = Date.now();
  // One suite at a time: code-server and Chromium want both cores.
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', suite], { cwd: repo, stdio: 'inherit' });
  const ok = r.status === 0;
  failed ||= !ok;
  times.push([suite, secs(t0), ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`]);
  console.log(`[e2e] ${suite}: ${secs(t0)}${ok ? '' : ' FAILED'}`);
}

console.log('\n[e2e] times');
for (const [name, time, status] of times) console.log(`  ${name.padEnd(32)} ${time.padStart(8)}  ${status}`);
console.log('[e2e] screenshots and logs: artifacts/e2e/, artifacts/nvim/');
process.exit(failed ? 1 : 0);
