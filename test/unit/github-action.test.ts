// action.yml run as GitHub runs a composite action's steps: each `run:` script with bash (-eo pipefail), the step's
// env with ${{ inputs.* }} substituted (defaults merged with the workflow's `with:`), GITHUB_ACTION_PATH pointing
// at a copy of this repository (no dist/, no node_modules: the Build step installs and builds there), GITHUB_OUTPUT
// and RUNNER_TEMP as on a runner. The upload step (a `uses:`) is checked for its wiring; its input is validated.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { REPO } from '../helpers/shared';
import { copyRepo } from '../helpers/repo-copy';

interface Step { name: string; id?: string; shell?: string; run?: string; uses?: string; if?: string; env?: Record<string, string>; with?: Record<string, string> }
interface Action { inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }

const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as Action;
let work: string;
let actionPath: string;
let workspace: string;

/** Runs the steps that have a `run:` (from `from`, by name), with these inputs; returns each one's status and the outputs. */
function runAction(inputs: Record<string, string>, only?: (s: Step) => boolean) {
  const values = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), ...inputs };
  const outputsFile = path.join(work, `outputs-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(outputsFile, '');
  const results: Array<{ step: string; status: number | null; stdout: string; stderr: string }> = [];
  for (const step of action.runs.steps) {
    if (!step.run || (only && !only(step))) continue;
    assert.equal(step.shell, 'bash', `${step.name}: shell`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputsFile,
      RUNNER_TEMP: path.join(work, 'runner-temp'),
      npm_config_prefer_offline: 'true',
      NO_COLOR: '1',
    };
    for (const [k, v] of Object.entries(step.env ?? {})) {
      env[k] = v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => {
        assert.ok(name in values, `${step.name}: unknown input ${name}`);
        return values[name];
      });
      assert.doesNotMatch(env[k]!, /\$\{\{/, `${step.name}: ${k} only uses inputs`);
    }
    assert.doesNotMatch(step.run, /\$\{\{/, `${step.name}: no expression inside the script (injection)`);
    const script = path.join(work, 'step.sh');
    fs.writeFileSync(script, step.run);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8', maxBuffer: 16 << 20 });
    results.push({ step: step.name, status: r.status, stdout: r.stdout, stderr: r.stderr });
    if (r.status !== 0) break;
  }
  const outputs = Object.fromEntries(fs.readFileSync(outputsFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { results, outputs, last: results[results.length - 1] };
}

const lintOnly = (s: Step) => s.id === 'lint';

before(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-action-'));
  fs.mkdirSync(path.join(work, 'runner-temp'));
  actionPath = path.join(work, 'action');
  copyRepo(actionPath);
  workspace = path.join(work, 'workspace');
  fs.mkdirSync(path.join(workspace, 'repository/conf'), { recursive: true });
  fs.mkdirSync(path.join(workspace, 'other/conf'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'repository/conf/deployment.toml'), '[super_admin]\nusername = "admin"\npassword = "admin"\n');
  fs.writeFileSync(path.join(workspace, 'other/conf/deployment.toml'), '[super_admin]\nusername = "admin"\npassword = "$env{ADMIN_PASSWORD}"\n');
});

after(() => fs.rmSync(work, { recursive: true, force: true }));

test('action.yml: a composite action with the documented inputs, outputs and SARIF upload wiring', () => {
  assert.equal(action.runs.using, 'composite');
  for (const i of ['paths', 'format', 'fail-on', 'baseline', 'upload-sarif']) assert.ok(i in action.inputs, i);
  const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
  assert.ok(upload, 'upload-sarif step');
  assert.match(upload.if!, /always\(\)/);
  assert.match(upload.if!, /inputs\.upload-sarif == 'true'/);
  assert.equal(upload.with!.sarif_file, '${{ steps.lint.outputs.sarif }}');
  assert.equal(action.outputs['exit-code'].value, '${{ steps.lint.outputs.exit-code }}');
});

test('the steps build CarbonLint in the action folder and fail the job on errors (default inputs)', { timeout: 10 * 60_000 }, () => {
  const r = runAction({});
  assert.deepEqual(r.results.map((x) => x.step), ['Build CarbonLint', 'Run CarbonLint']);
  assert.equal(r.results[0].status, 0, r.results[0].stderr);
  assert.match(r.results[0].stdout, /^CarbonLint \d+\.\d+\.\d+/m);
  assert.ok(fs.existsSync(path.join(actionPath, 'dist/cli.js')));
  assert.equal(r.last.status, 1, r.last.stderr);
  assert.match(r.last.stdout, /default-admin-credentials/);
  assert.equal(r.outputs['exit-code'], '1');
});

test('paths, fail-on, format and baseline inputs', () => {
  // Only a warning in other/: passes at the default fail-on, fails at warning.
  assert.equal(runAction({ paths: 'other' }, lintOnly).last.status, 0);
  const w = runAction({ paths: 'other', 'fail-on': 'warning', format: 'json' }, lintOnly);
  assert.equal(w.last.status, 1);
  assert.ok(JSON.parse(w.last.stdout).every((f: { file: string }) => f.file.startsWith('other')));
  // Several paths, separated by a new line.
  const both = runAction({ paths: 'repository\nother', format: 'json' }, lintOnly);
  assert.equal(new Set(JSON.parse(both.last.stdout).map((f: { file: string }) => f.file.split(path.sep)[0])).size, 2);
  // A baseline accepting today's findings: the job passes.
  execFileSync(process.execPath, [path.join(actionPath, 'dist/cli.js'), '--baseline', 'carbonlint-baseline.json', '--update-baseline', '.'], { cwd: workspace, stdio: 'ignore' });
  assert.equal(runAction({ baseline: 'carbonlint-baseline.json' }, lintOnly).last.status, 0);
  fs.rmSync(path.join(workspace, 'carbonlint-baseline.json'));
  // A path that does not exist: exit 2, reported as such.
  const missing = runAction({ paths: 'nowhere' }, lintOnly);
  assert.equal(missing.last.status, 2);
  assert.equal(missing.outputs['exit-code'], '2');
});

test('upload-sarif: writes SARIF 2.1.0 to RUNNER_TEMP and names it in the step outputs, failing or not', () => {
  const r = runAction({ 'upload-sarif': 'true' }, lintOnly);
  assert.equal(r.last.status, 1);
  const file = r.outputs.sarif;
  assert.equal(file, path.join(work, 'runner-temp', 'carbonlint.sarif'));
  const sarif = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'default-admin-credentials'));
  // With upload-sarif false there is no sarif output, so the upload step's condition is false.
  assert.equal(runAction({}, lintOnly).outputs.sarif, undefined);
});
