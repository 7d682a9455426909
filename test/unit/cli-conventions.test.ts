// ESLint/ShellCheck habits: --version, --stdin with --stdin-filename, named paths that match nothing are errors,
// `lsp` without a transport, --product validation, --fail-on, unused-suppression as a documented rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, run, layout, rm } from './cli-helpers';
import { REPO } from '../helpers/shared';

const DEFAULT_ADMIN = '[super_admin]\nusername = "admin"\npassword = "admin"\n';
const stdin = (args: string[], input: string, cwd?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd: cwd ?? REPO, env: { ...process.env, NO_COLOR: '1' } });

test('--version and -v print the package version', () => {
  const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
  for (const flag of ['--version', '-v']) {
    const r = run([flag]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${version}\n`);
  }
});

test('--stdin lints the text as the named file; its name decides the kind', () => {
  const dir = layout({});
  try {
    const r = stdin(['--stdin', '--stdin-filename', 'conf/deployment.toml', '--format', 'json'], DEFAULT_ADMIN, dir);
    assert.equal(r.status, 1, r.stderr);
    const rows = JSON.parse(r.stdout);
    assert.ok(rows.some((x: { rule: string; file: string }) => x.rule === 'default-admin-credentials' && x.file === path.join('conf', 'deployment.toml')));
    assert.ok(!fs.existsSync(path.join(dir, 'conf')), 'nothing written');
    // The same text named as something CarbonLint does not read: exit 2, naming it.
    const other = stdin(['--stdin', '--stdin-filename', 'notes.toml'], DEFAULT_ADMIN, dir);
    assert.equal(other.status, 2);
    assert.match(other.stderr, /--stdin-filename notes\.toml: not a file CarbonLint reads/);
    assert.equal(stdin(['--stdin', '--stdin-filename', 'notes.toml', '--no-error-on-unmatched-pattern'], DEFAULT_ADMIN, dir).status, 0);
  } finally {
    rm(dir);
  }
});

test('--stdin --fix prints the whole fixed text on stdout (what --fix writes to a file) and the report on stderr', () => {
  const text = '[secrets]\nadmin_password = "[hidden]"\n\n[apim.cors]\nallow_origins = "https://portal.example.com"\n'; // secrets-table-last: safe fix
  const dir = layout({ 'deployment.toml': text });
  try {
    assert.notEqual(run(['--fix', 'deployment.toml'], { cwd: dir }).status, 2);
    const onDisk = fs.readFileSync(path.join(dir, 'deployment.toml'), 'utf8');
    assert.notEqual(onDisk, text, 'the case has a safe fix');
    const r = stdin(['--stdin', '--stdin-filename', 'deployment.toml', '--fix'], text, dir);
    assert.equal(r.stdout, onDisk);
    assert.match(r.stderr, /problem|No problems/);
    // Text without a safe fix comes back unchanged.
    const plain = stdin(['--stdin', '--stdin-filename', 'deployment.toml', '--fix'], '[server]\nhostname = "x"\n', dir);
    assert.equal(plain.stdout, '[server]\nhostname = "x"\n');
  } finally {
    rm(dir);
  }
});

test('--stdin usage errors exit 2', () => {
  assert.equal(stdin(['--stdin'], '').status, 2);
  assert.equal(stdin(['--stdin-filename', 'deployment.toml'], '').status, 2);
  assert.equal(stdin(['--stdin', '--stdin-filename', 'deployment.toml', 'examples'], '').status, 2);
});

test('a named file or folder from which nothing is read is an error (exit 2) naming it', () => {
  const dir = layout({ 'README.md': '# hi\n', 'empty/.keep': '', 'scripts/build.sh': '#!/bin/sh\necho hi\n', 'conf/deployment.toml': '[server]\nhostname = "x"\n' });
  try {
    const readme = run(['README.md'], { cwd: dir });
    assert.equal(readme.status, 2);
    assert.match(readme.stderr, /README\.md: not a file CarbonLint reads/);
    assert.equal(readme.stdout, '');
    const empty = run(['empty', 'conf'], { cwd: dir });
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /empty: no file CarbonLint reads here/);
    const scripts = run(['scripts'], { cwd: dir });
    assert.equal(scripts.status, 2);
    assert.match(scripts.stderr, /scripts: no file CarbonLint reads here \(the folder holds only other scripts\)/);
    assert.equal(run(['scripts/build.sh'], { cwd: dir }).status, 2);
    // The opt-out (what the pre-commit hook passes, as any staged .sh may or may not be a product script).
    const skipped = run(['--no-error-on-unmatched-pattern', 'README.md', 'scripts/build.sh', 'empty'], { cwd: dir });
    assert.equal(skipped.status, 0, skipped.stderr);
    assert.match(skipped.stdout, /No problems in 0 files/);
    // A folder with something to read is fine.
    assert.equal(run(['conf'], { cwd: dir }).status, 0);
  } finally {
    rm(dir);
  }
});

test('carbonlint lsp without a transport prints its usage and exits 2, without a stack trace', () => {
  const r = run(['lsp']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /lsp needs a transport/);
  assert.match(r.stderr, /--stdio \| --node-ipc/);
  assert.doesNotMatch(r.stderr, /\bat .*\.js:\d+/);
  const help = run(['lsp', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: carbonlint lsp/);
});

test('--product is validated and the error lists the known products', () => {
  for (const bad of ['apim-9.9.9', 'esb', 'APIM', 'is-7']) {
    const r = run(['--product', bad, 'examples']);
    assert.equal(r.status, 2, bad);
    assert.match(r.stderr, /not a product CarbonLint knows/);
    assert.match(r.stderr, /apim-4\.2\.0/);
    assert.match(r.stderr, /mi-4\.3\.0/);
  }
  for (const good of ['auto', 'apim', 'apim-4.2.0', 'apim-4.2.1', 'is-7.0', 'mi-4.3.0']) {
    assert.notEqual(run(['--product', good, 'examples']).status, 2, good);
  }
  assert.equal(run(['report', '--product', 'apim-9.9.9', 'examples']).status, 2);
});

test('--fail-on SEVERITY: exit 1 on a finding at or above it', () => {
  // One warning, no error.
  const dir = layout({ 'deployment.toml': '[super_admin]\nusername = "admin"\npassword = "$env{ADMIN_PW}"\n' });
  try {
    const json = JSON.parse(run(['--format', 'json', 'deployment.toml'], { cwd: dir }).stdout);
    assert.ok(json.length > 0 && json.every((x: { severity: string }) => x.severity !== 'error'), JSON.stringify(json));
    assert.equal(run(['deployment.toml'], { cwd: dir }).status, 0);
    assert.equal(run(['--fail-on', 'error', 'deployment.toml'], { cwd: dir }).status, 0);
    const w = run(['--fail-on', 'warning', 'deployment.toml'], { cwd: dir });
    assert.equal(w.status, 1);
    assert.match(w.stdout, /at warning or above \(--fail-on warning\)/);
    assert.equal(run(['--fail-on', 'bogus', 'deployment.toml'], { cwd: dir }).status, 2);
  } finally {
    rm(dir);
  }
});

test('unused-suppression is a documented rule: rules lists it, docs writes its page, --rule selects it', () => {
  assert.match(run(['rules']).stdout, /^unused-suppression\s+info/m);
  const ids = JSON.parse(run(['rules', '--format', 'json']).stdout).map((r: { id: string }) => r.id);
  assert.ok(ids.includes('unused-suppression'));
  assert.ok(fs.existsSync(path.join(REPO, 'docs/rules/unused-suppression.md')));
  const dir = layout({
    'deployment.toml': '[super_admin]\nusername = "admin"\n# carbonlint-disable-next-line plaintext-password\npassword = "$secret{admin_password}"\n',
  });
  try {
    const only = JSON.parse(run(['--rule', 'unused-suppression', '--format', 'json', 'deployment.toml'], { cwd: dir }).stdout);
    assert.deepEqual(only.map((x: { rule: string }) => x.rule), ['unused-suppression']);
    const all = JSON.parse(run(['--format', 'json', 'deployment.toml'], { cwd: dir }).stdout).map((x: { rule: string }) => x.rule);
    assert.ok(all.includes('unused-suppression') && all.includes('default-admin-credentials'));
    const ignored = JSON.parse(run(['--ignore-rule', 'unused-suppression', '--format', 'json', 'deployment.toml'], { cwd: dir }).stdout).map((x: { rule: string }) => x.rule);
    assert.ok(!ignored.includes('unused-suppression') && ignored.includes('default-admin-credentials'));
    // --rule of another rule shows only that rule.
    const other = JSON.parse(run(['--rule', 'default-admin-credentials', '--format', 'json', 'deployment.toml'], { cwd: dir }).stdout).map((x: { rule: string }) => x.rule);
    assert.ok(other.length > 0 && other.every((id: string) => id === 'default-admin-credentials'));
  } finally {
    rm(dir);
  }
});

test('--rule unused-suppression --fix removes stale suppressions and nothing else', () => {
  const text = '# carbonlint-disable-next-line plaintext-password\n[server]\nhostname = "x"\n\n[secrets]\nadmin_password = "[hidden]"\n\n[apim.cors]\nallow_origins = "https://portal.example.com"\n';
  const dir = layout({ 'deployment.toml': text });
  try {
    const r = run(['--rule', 'unused-suppression', '--fix', 'deployment.toml'], { cwd: dir });
    assert.notEqual(r.status, 2, r.stderr);
    const after = fs.readFileSync(path.join(dir, 'deployment.toml'), 'utf8');
    assert.equal(after, text.replace('# carbonlint-disable-next-line plaintext-password\n', ''));
    // The other safe fix (secrets-table-last) is still there to make.
    const left = JSON.parse(run(['--format', 'json', 'deployment.toml'], { cwd: dir }).stdout).map((x: { rule: string }) => x.rule);
    assert.ok(left.includes('secrets-table-last'));
    assert.ok(!left.includes('unused-suppression'));
  } finally {
    rm(dir);
  }
});
