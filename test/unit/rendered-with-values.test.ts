// renderedWithValues: the plain file a chart template stands for with its values (the bench's §9 reference).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderedWithValues } from '../../shared-rules/engine/template-lint';
import { lintText } from '../../shared-rules/engine/lint';

const CHART = path.join(__dirname, '../fixtures/deploy/wso2__kubernetes-is@7.0.x');

test('the IS 7.0.x chart deployment.toml rendered with its values.yaml: no template syntax left, values in place, disabled sections dropped', () => {
  const file = path.join(CHART, 'confs/deployment.toml');
  const text = fs.readFileSync(file, 'utf8');
  const plain = renderedWithValues(file, text, 'curly');
  assert.ok(plain);
  assert.ok(!plain.includes('{{') && !plain.includes('}}'));
  assert.match(plain, /^\[server\]\nhostname = "[^"{}]+"$/m); // `{{ .Values.deployment.ingress.hostName | quote }}`
  assert.ok(plain.length < text.length);
  // Linted as a plain file: the admin/admin of values.yaml is a finding in the text itself.
  const r = lintText('/ws/wso2is-7.0.0/repository/conf/deployment.toml', plain);
  assert.ok(r.findings.some((f) => f.ruleId === 'default-admin-credentials'), r.findings.map((f) => f.ruleId).join(','));
});

test('no values file, or an unbalanced template: nothing to render', () => {
  assert.equal(renderedWithValues('/nonexistent/chart/confs/deployment.toml', '[server]\nhostname = {{ .Values.h }}\n', 'curly'), undefined);
  const file = path.join(CHART, 'confs/deployment.toml');
  assert.equal(renderedWithValues(file, '{{- if .Values.x }}\n[server]\n', 'curly'), undefined);
});

test('a values file edited on disk is read again: the finding on its line follows the edit (no stale parse)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-values-edit-'));
  try {
    fs.cpSync(CHART, dir, { recursive: true });
    const file = path.join(dir, 'confs/deployment.toml');
    const text = fs.readFileSync(file, 'utf8');
    const values = path.join(dir, 'values.yaml');
    const admin = (r: ReturnType<typeof lintText>) => (r.values ?? []).filter((v) => v.finding.ruleId === 'default-admin-credentials').map((v) => v.finding.range.start.line + 1);
    const original = fs.readFileSync(values, 'utf8');
    assert.deepEqual(admin(lintText(file, text)), [212, 214]);
    // The same length: only the content tells (password "admin" → "xq9zT").
    const edited = original.replace(/^(\s+password: )"admin"$/m, '$1"xq9zT"');
    assert.notEqual(edited, original);
    assert.equal(edited.length, original.length);
    fs.writeFileSync(values, edited);
    assert.deepEqual(admin(lintText(file, text)), [212]); // the password line no longer; the admin user name still
    fs.writeFileSync(values, original);
    assert.deepEqual(admin(lintText(file, text)), [212, 214]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
