// Exit code 2 with a clear message, and nothing written: missing paths, unreadable files, a bad project file
// (naming the offending key), an unknown rule, bad option values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/shared';
import { run, layout, rm, snapshot } from './cli-helpers';

const TOML = 'wso2am-4.2.0/repository/conf/deployment.toml';
const fixable = () => layout({
  [TOML]: { copy: path.join(REPO, 'examples/wso2am-4.2.0/repository/conf/deployment.toml') },
  'wso2am-4.2.0/repository/conf/log4j2.properties': { copy: path.join(REPO, 'examples/wso2am-4.2.0/repository/conf/log4j2.properties') },
});

function fails(args: string[], cwd: string, message: RegExp): void {
  const before = snapshot(cwd);
  const r = run([...args, '--output', 'out.txt'], { cwd });
  assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
  assert.match(r.stderr, message);
  assert.equal(r.stdout, '');
  assert.deepEqual(snapshot(cwd), before, `${args.join(' ')} wrote nothing`);
}

test('a missing path exits 2 before any fix is written', () => {
  const dir = fixable();
  try {
    fails(['.', 'no/such/dir', '--fix'], dir, /no\/such\/dir: no such file or directory/);
  } finally {
    rm(dir);
  }
});

// Issue 16 item 11 changed this: an entry that cannot be read used to stop a run that writes (exit 2, nothing
// written); now it is skipped with a notice, the rest is linted and fixed, and the exit code follows the findings.
test('an unreadable file is a notice: the other files are still fixed, the exit follows the findings', () => {
  const dir = fixable();
  try {
    // Root can read anything: a dangling symlink is unreadable for everyone.
    fs.symlinkSync(path.join(dir, 'gone.toml'), path.join(dir, 'wso2am-4.2.0/repository/conf/deployment-old.toml'));
    const before = fs.readFileSync(path.join(dir, TOML), 'utf8');
    const r = run(['.', '--fix'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr); // the example keeps error findings a safe fix does not touch
    assert.match(r.stderr, /skipped .*deployment-old\.toml: cannot read \(ENOENT\)/);
    assert.notEqual(fs.readFileSync(path.join(dir, TOML), 'utf8'), before, 'the readable file was fixed');
  } finally {
    rm(dir);
  }
});

test('a bad project file names the offending keys; --config must exist', () => {
  const dir = fixable();
  try {
    fs.writeFileSync(path.join(dir, '.carbonlint.json'), JSON.stringify({ rules: { 'plaintext-pasword': 'error' }, tls: { minimumVersion: 'TLSv1' }, confirmations: { G30: { by: 'ops', date: '2026-13-01' } } }));
    fails(['.', '--fix'], dir, /\.carbonlint\.json: invalid project configuration\n {2}rules\.plaintext-pasword: unknown rule\n {2}tls\.minimumVersion: .*\n {2}confirmations\.G30\.date: must be a date/);
    fails(['report', '.'], dir, /confirmations\.G30\.date/);
    fs.writeFileSync(path.join(dir, '.carbonlint.json'), '{ "rules": ');
    fails(['.'], dir, /\(file\): not valid JSON/);
    fails(['.', '--config', 'nope.json'], dir, /--config nope\.json: no such file/);
  } finally {
    rm(dir);
  }
});

test('unknown rules, formats and bad option values exit 2', () => {
  const dir = fixable();
  try {
    fails(['.', '--rule', 'plaintext-pasword', '--fix'], dir, /unknown rule "plaintext-pasword" \(did you mean "plaintext-password"\?\)/);
    fails(['.', '--ignore-rule', 'nope'], dir, /unknown rule "nope"/);
    fails(['.', '--format', 'xml'], dir, /unknown format "xml"/);
    fails(['.', '--max-warnings', 'many'], dir, /--max-warnings needs a whole number/);
    fails(['.', '--product', 'esb-1'], dir, /--product "esb-1"/);
    fails(['.', '--fix', '--fix-dry-run'], dir, /either --fix or --fix-dry-run/);
    fails(['.', '--bogus'], dir, /Unknown option '--bogus'/);
    fails(['report', '.', '--format', 'pdf'], dir, /unknown report format "pdf"/);
    fails(['report', 'nope'], dir, /nope: no such file or directory/);
  } finally {
    rm(dir);
  }
});
