// The bundled CLI as a user runs it: exit codes, JSON shape, all four file kinds on the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS, REPO, NO_CORPUS } from '../helpers/shared';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (args: string[], cwd = REPO) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });

test('corpus: exit 1, findings in all four file kinds, no internal errors', { skip: NO_CORPUS }, () => {
  const r = run([CORPUS, '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const rows = JSON.parse(r.stdout) as Array<{ file: string; rule: string; guideline: string | null; severity: string; line: number; column: number; range: { start: { line: number; character: number } }; fixable: boolean }>;
  const kinds = new Set(rows.filter((x) => x.guideline).map((x) => path.extname(x.file)));
  for (const ext of ['.toml', '.properties', '.xml', '.sh']) assert.ok(kinds.has(ext), `findings in ${ext} files`);
  assert.equal(rows.filter((x) => x.rule === 'internal-error').length, 0);
  for (const x of rows) {
    assert.deepEqual(Object.keys(x), ['file', 'rule', 'guideline', 'guidelineId', 'severity', 'message', 'line', 'column', 'range', 'fixable', 'docsUrl']);
    assert.equal(x.line, x.range.start.line + 1);
    assert.equal(x.column, x.range.start.character + 1);
    assert.ok(x.range.start.line >= 0 && x.range.start.character >= 0);
  }
});

test('examples: stylish output, exit 1, every rule id known', () => {
  const r = run(['examples']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /default-admin-credentials/);
  assert.match(r.stdout, /problems? \(\d+ errors?/);
});

test('clean folder: exit 0; missing path and bad format: exit 2', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-cli-'));
  fs.writeFileSync(path.join(dir, 'deployment.toml'), '[super_admin]\nusername = "ops"\npassword = "$secret{admin}"\n\n[secrets]\nadmin = "qQM/xV1yJkJ46XTkww0ER7gxsW9rlMYs0cAWxOjPta7b6Vs3Zw5/BI1DgvGxwoSec=="\n');
  try {
    assert.equal(run([dir]).status, 0);
    const missing = run([path.join(dir, 'nope')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file/);
    assert.equal(run([dir, '--format', 'xml']).status, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('rules --format json lists every rule with its guideline', () => {
  const r = run(['rules', '--format', 'json']);
  assert.equal(r.status, 0);
  const rules = JSON.parse(r.stdout) as Array<{ id: string; guideline: string }>;
  assert.ok(rules.length >= 5);
  for (const x of rules) assert.ok(x.guideline.length > 5);
});

test('a relative path finds what an absolute one does (product detected from the layout around the file)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-rel-'));
  try {
    fs.mkdirSync(path.join(dir, 'repository/conf'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.writeFileSync(path.join(dir, 'repository/conf/deployment.toml'), '[server]\nhostname = "localhost"\n\n[super_admin]\nusername = "admin"\npassword = "admin"\n');
    fs.writeFileSync(path.join(dir, 'bin/api-manager.sh'), '#!/bin/sh\n$JAVACMD \\\n  org.wso2.carbon.bootstrap.Bootstrap $*\n');
    const rel = JSON.parse(run(['.', '--format', 'json'], dir).stdout) as unknown[];
    const abs = JSON.parse(run([dir, '--format', 'json'], dir).stdout) as unknown[];
    assert.deepEqual(rel, abs);
    assert.ok(rel.length > 5, 'API Manager absence rules ran');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
