// A hostile repository and the values files a template reads (issues 15, 16): a values.yaml that is a link (it could
// lead out of the workspace) or a FIFO is never read, and a values file YAML cannot parse is named without quoting it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintText, type LintResult } from '../../shared-rules/engine/lint';

const TPL = '[super_admin]\nusername = "ops"\npassword = {{ .Values.pw | quote }}\n';
const valueFindings = (r: LintResult) => (r.values ?? []).map((v) => `${path.basename(v.file)} ${v.finding.ruleId}`);

function chart(): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-values-'));
  fs.mkdirSync(path.join(dir, 'chart/confs'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'chart/Chart.yaml'), 'name: x\n');
  const file = path.join(dir, 'chart/confs/deployment.toml');
  fs.writeFileSync(file, TPL);
  return { dir, file };
}

test('a values.yaml that is a link is not followed: its value stays unknown, nothing is reported from it', () => {
  const { dir, file } = chart();
  try {
    // The target sits outside the chart, as /etc/… would; as a plain file it would be a plain-text password.
    const outside = path.join(dir, 'outside.yaml');
    fs.writeFileSync(outside, 'pw: S3cr3t-from-outside\n');
    fs.copyFileSync(outside, path.join(dir, 'chart/values.yaml'));
    assert.deepEqual(valueFindings(lintText(file, TPL)), ['values.yaml plaintext-password'], 'a regular values.yaml is read (the test works)');
    fs.rmSync(path.join(dir, 'chart/values.yaml'));
    fs.symlinkSync(outside, path.join(dir, 'chart/values.yaml'));
    const r = lintText(file, TPL);
    assert.deepEqual(valueFindings(r), []);
    assert.equal(r.placeholders?.resolved ?? 0, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a values.yaml that is a FIFO does not block the lint', { timeout: 10_000 }, () => {
  const { dir, file } = chart();
  try {
    if (spawnSync('mkfifo', [path.join(dir, 'chart/values.yaml')]).status !== 0) return;
    assert.deepEqual(valueFindings(lintText(file, TPL)), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a values file the YAML parser rejects is named, never quoted', () => {
  const { dir, file } = chart();
  try {
    fs.writeFileSync(path.join(dir, 'chart/values.yaml'), 'pw: [S3cr3t-canary-value\n  : : {\n');
    const r = lintText(file, TPL);
    const text = JSON.stringify(r);
    assert.ok(!text.includes('S3cr3t-canary'), 'the values file content is not in the result');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
