// The pre-commit hook with the real `pre-commit` tool (installed with apt-get when missing): a temporary project
// lists a git copy of this repository as a hook repo at a commit; pre-commit installs the hook (npm install, npm
// pack → prepack builds the bundle, npm install -g) and runs it on all files and on staged files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { classify } from '../../shared-rules/engine/files';
import { REPO } from '../helpers/shared';
import { copyRepo } from '../helpers/repo-copy';
import { ensureAptPackage } from '../helpers/apt';

const hooks = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; files: string; entry: string; language: string }>;
const hook = hooks.find((h) => h.id === 'carbonlint')!;

test('the hook\'s files: pattern admits every name CarbonLint reads by name, and scripts that may be renamed ones', () => {
  // Python's leading (?i) is JavaScript's i flag; the rest of the pattern is the same in both.
  const re = new RegExp(hook.files.replace(/^\(\?i\)/, ''), hook.files.startsWith('(?i)') ? 'i' : '');
  const read = [
    'deployment.toml', 'repository/conf/deployment.toml', 'conf/Deployment.toml', 'wso2am-4.6.0-deployment.toml', 'deployment-full.toml',
    'k8s/apim_deployment.toml', 'log4j2.properties', 'conf/log4j2-custom.properties', 'repository/conf/tomcat/context.xml',
    'bin/wso2server.sh', 'bin/api-manager.bat', 'bin/micro-integrator.sh', 'bin/start-renamed.sh', 'bin/run.cmd',
  ];
  for (const f of read) assert.ok(re.test(f), `${f} should be passed to the hook`);
  for (const f of ['README.md', 'deployment.yaml', 'mydeploymentx.toml', 'pyproject.toml', 'log4j2.xml', 'conf/web.xml', 'a/contextxml']) {
    assert.ok(!re.test(f), `${f} should not be passed`);
    assert.equal(classify(f), undefined, f);
  }
  // Everything CarbonLint classifies by name is admitted.
  for (const f of read) if (classify(f)) assert.ok(re.test(f), f);
  assert.equal(hook.language, 'node');
  assert.match(hook.entry, /^carbonlint --no-error-on-unmatched-pattern$/);
});

const missing = ensureAptPackage('pre-commit');
let work: string;
let hookRepo: string;
let rev: string;
let project: string;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=CarbonLint Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
const env = () => ({
  ...process.env,
  PRE_COMMIT_HOME: path.join(work, 'pre-commit-home'),
  // The hook install runs `npm install` (with dev dependencies, for the build): use what the npm cache has.
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  NO_COLOR: '1',
});
const preCommit = (...args: string[]) => spawnSync('pre-commit', ['run', '--color', 'never', ...args], { cwd: project, encoding: 'utf8', env: env(), maxBuffer: 16 << 20 });

before(() => {
  if (missing) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-pre-commit-'));
  // The hook repository: this working tree's files (tests left out) committed in a fresh repository.
  hookRepo = path.join(work, 'carbonlint');
  copyRepo(hookRepo);
  git(hookRepo, 'init', '-q');
  git(hookRepo, 'add', '-A');
  git(hookRepo, 'commit', '-qm', 'hook repository');
  rev = git(hookRepo, 'rev-parse', 'HEAD').trim();

  project = path.join(work, 'project');
  fs.mkdirSync(path.join(project, 'repository/conf'), { recursive: true });
  fs.mkdirSync(path.join(project, 'scripts'));
  fs.writeFileSync(path.join(project, '.pre-commit-config.yaml'), [
    'repos:',
    `  - repo: ${hookRepo}`,
    `    rev: ${rev}`,
    '    hooks:',
    '      - id: carbonlint',
    '        args: [--fail-on, warning]',
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(project, 'README.md'), '# a project\n');
  fs.writeFileSync(path.join(project, 'scripts/build.sh'), '#!/bin/sh\necho build\n');
  fs.writeFileSync(path.join(project, 'repository/conf/deployment.toml'), '[server]\nhostname = "apim.example.com"\n');
  git(project, 'init', '-q');
  git(project, 'add', '-A');
  git(project, 'commit', '-qm', 'clean');
});

after(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('pre-commit installs the hook from the repository at a commit and runs it on all files', { skip: missing, timeout: 10 * 60_000 }, () => {
  const t0 = Date.now();
  const clean = preCommit('--all-files');
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  assert.equal(clean.status, 0, `${clean.stdout}\n${clean.stderr}`);
  assert.match(clean.stdout, /CarbonLint\.+Passed/);
  console.log(`# pre-commit hook install and first run: ${seconds} s`);

  // A default admin account (an error) fails the commit; the output names the rule.
  fs.writeFileSync(path.join(project, 'repository/conf/deployment.toml'), '[super_admin]\nusername = "admin"\npassword = "admin"\n');
  const bad = preCommit('--all-files');
  assert.equal(bad.status, 1, bad.stdout);
  assert.match(bad.stdout, /CarbonLint\.+Failed/);
  assert.match(bad.stdout, /default-admin-credentials/);

  // Only a warning: fails because the config says --fail-on warning.
  fs.writeFileSync(path.join(project, 'repository/conf/deployment.toml'), '[super_admin]\nusername = "admin"\npassword = "$env{ADMIN_PASSWORD}"\n');
  const warning = preCommit('--all-files');
  assert.equal(warning.status, 1, warning.stdout);
  assert.match(warning.stdout, /at warning or above \(--fail-on warning\)/);
});

test('pre-commit on staged files: the staged configuration is checked, other files are not passed', { skip: missing, timeout: 10 * 60_000 }, () => {
  fs.writeFileSync(path.join(project, 'repository/conf/deployment.toml'), '[server]\nhostname = "apim.example.com"\n');
  git(project, 'add', '-A');
  git(project, 'commit', '-q', '--allow-empty', '-m', 'clean again');
  // Stage a log4j2.properties and an unrelated script: only the first is a file CarbonLint reads.
  fs.writeFileSync(path.join(project, 'repository/conf/log4j2.properties'), 'appender.CARBON_LOGFILE.type = RollingFile\nappender.CARBON_LOGFILE.name = CARBON_LOGFILE\nappender.CARBON_LOGFILE.fileName = carbon.log\nappender.CARBON_LOGFILE.layout.type = PatternLayout\nappender.CARBON_LOGFILE.layout.pattern = [%d] %5p {%c} - %m%ex%n\n');
  fs.writeFileSync(path.join(project, 'scripts/build.sh'), '#!/bin/sh\necho build twice\n');
  git(project, 'add', '-A');
  const staged = preCommit();
  assert.equal(staged.status, 1, staged.stdout);
  assert.match(staged.stdout, /log4j2\.properties/);
  assert.doesNotMatch(staged.stdout, /deployment\.toml|build\.sh/);
});
