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

// Unit, rule and protocol tests; the real-editor suites (test/e2e, test/nvim) run after them when present.
const suites = [...files('test/unit', /\.test\.ts$/), ...files('test/lsp', /\.test\.ts$/)];
const only = process.argv.slice(2);
const selected = only.length ? suites.filter((f) => only.some((o) => f.includes(o))) : suites;
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...selected], { stdio: 'inherit' });
process.exit(r.status ?? 1);
