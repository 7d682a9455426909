#!/usr/bin/env node
// Runs test files as if it were another day, to prove their output does not depend on the clock (the G01 message
// names the age of the bundled advisory data):
//   node scripts/test-at-date.mjs 2027-06-01 test/unit/cli.test.ts test/unit/report.test.ts
// Every process the tests start (the CLI, the language server) gets the same shifted clock through NODE_OPTIONS.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [date, ...files] = process.argv.slice(2);
if (!date || !Number.isFinite(Date.parse(date)) || !files.length) {
  console.error('usage: node scripts/test-at-date.mjs YYYY-MM-DD[THH:MM:SSZ] test-file...');
  process.exit(2);
}
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const preload = pathToFileURL(path.join(repo, 'test/helpers/fake-clock.mjs')).href;
const env = { ...process.env, CARBONLINT_TEST_CLOCK: date, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim() };
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], { cwd: repo, env, stdio: 'inherit' });
process.exit(r.status ?? 1);
