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

// G01 reads a few files by name around a product home (issue 21): never through a link, never above the repository.
import { detectRelease, textReader } from '../../shared-rules/engine/product-home';
import { readFileBounded } from '../../shared-rules/engine/resources';
import { detectProduct } from '../../shared-rules/engine/product';

test('the release is not read through a linked updates/product.txt, nor from a Dockerfile above the repository root', () => {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-home-'));
  try {
    // top/Dockerfile lies outside the repository top/repo (which holds .git); the home is top/repo/apim.
    fs.writeFileSync(path.join(top, 'Dockerfile'), 'FROM wso2/wso2am:4.2.0.7\n');
    const repo = path.join(top, 'repo');
    const home = path.join(repo, 'apim');
    fs.mkdirSync(path.join(home, 'repository/conf'), { recursive: true });
    fs.mkdirSync(path.join(repo, '.git'));
    const file = path.join(home, 'repository/conf/deployment.toml');
    fs.writeFileSync(file, '[server]\nhostname = "localhost"\n');
    const read = textReader((p) => readFileBounded(p, 1024 * 1024));
    const release = () => detectRelease(file, detectProduct(file, fs.readFileSync(file, 'utf8')), read, home);
    assert.equal(release().version, undefined, 'no version from a Dockerfile above the repository root');
    fs.rmSync(path.join(repo, '.git'), { recursive: true });
    assert.equal(release().version, '4.2.0', 'without the .git boundary the same Dockerfile is read (the test works)');
    fs.mkdirSync(path.join(repo, '.git'));
    // A linked updates/product.txt is not followed.
    const outside = path.join(top, 'product.txt');
    fs.writeFileSync(outside, 'wso2am-4.2.0\n');
    fs.mkdirSync(path.join(home, 'updates'));
    fs.copyFileSync(outside, path.join(home, 'updates/product.txt'));
    assert.equal(release().version, '4.2.0', 'a regular updates/product.txt is read (the test works)');
    fs.rmSync(path.join(home, 'updates/product.txt'));
    fs.symlinkSync(outside, path.join(home, 'updates/product.txt'));
    assert.equal(release().version, undefined, 'a link is not followed');
  } finally {
    fs.rmSync(top, { recursive: true, force: true });
  }
});
