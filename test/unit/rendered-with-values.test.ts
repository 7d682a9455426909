// renderedWithValues: the plain file a chart template stands for with its values (the bench's §9 reference).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
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
