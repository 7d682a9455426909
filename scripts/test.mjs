// The test command: build, type-check, then every suite under test/ with Node's own test runner.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const files = (dir, re) =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, f)).filter((f) => re.test(f)).sort()
    : [];

run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit']);
// The regex audit (eslint.config.mjs): no regular expression that can backtrack super-linearly.
run(process.execPath, ['node_modules/eslint/bin/eslint.js']);

// Unit, rule, protocol and reliability tests first; the real-editor suites (test/e2e, test/nvim) after them.
const suites = ['test/unit', 'test/lsp', 'test/reliability'].flatMap((d) => files(d, /\.test\.ts$/));
const only = process.argv.slice(2);
const selected = only.length ? suites.filter((f) => only.some((o) => f.includes(o))) : suites;
const EDITORS = ['e2e', 'vscode', 'nvim'];
let status = 0;
const FAILURES = 'artifacts/test-failures.txt';
fs.rmSync(FAILURES, { force: true });
if (selected.length) {
  fs.mkdirSync(path.dirname(FAILURES), { recursive: true });
  const reporters = ['--test-reporter=tap', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/failures-reporter.mjs', `--test-reporter-destination=${FAILURES}`];
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...reporters, ...selected], { stdio: 'inherit' });
  status = r.status ?? 1;
}
// The real editors after the fast suites: setup, VS Code (code-server in Chromium), Neovim.
// `npm test -- e2e|vscode|nvim` runs only those; CARBONLINT_E2E=0 leaves them out.
const editors = only.length ? only.filter((o) => EDITORS.includes(o)) : ['e2e'];
if (editors.length && process.env.CARBONLINT_E2E !== '0') {
  const e = spawnSync(process.execPath, ['test/e2e/run.mjs', ...editors.filter((o) => o !== 'e2e')], { stdio: 'inherit' });
  status ||= e.status ?? 1;
}
// Failing unit tests again at the very end, where a log cut to its tail still shows them.
const failed = fs.existsSync(FAILURES) ? fs.readFileSync(FAILURES, 'utf8') : '';
if (failed) process.stdout.write(`\n[test] failing tests (also in ${FAILURES}):\n${failed}`);
process.exit(status);
