// The template plan and values-case memos (template-plan.ts, template-case.ts): a template linted again gives the
// result a first lint gives; a values file whose text changes (same length, so only the content tells) is a new
// case, whose conditions and placeholders follow it; a different template text of the same length is a new plan.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, type LintResult } from '../../shared-rules/engine/lint';
import { memory } from '../helpers/memory-files';
import { templatePlan } from '../../shared-rules/engine/template-plan';

const CHART = path.join(__dirname, '../fixtures/deploy/wso2__kubernetes-is@7.0.x');

const values = (r: LintResult) => (r.values ?? []).map((v) => `${v.finding.range.start.line + 1} ${v.finding.ruleId} ${v.finding.message}`);

test('the IS 7.0.x chart linted again, with another template between, gives the same result', () => {
  const file = path.join(CHART, 'confs/deployment.toml');
  const text = fs.readFileSync(file, 'utf8');
  const first = lintText(file, text);
  const novalues = lintText(file, text, { values: false });
  for (let i = 0; i < 6; i++) lintText(`/x/chart${i}/confs/deployment.toml`, `{{- if .Values.a${i} }}\n[server]\nhostname = "h"\n{{- end }}\n`);
  assert.deepEqual(lintText(file, text), first);
  assert.deepEqual(lintText(file, text, { values: false }), novalues);
  assert.deepEqual(lintText(file, text), first);
});

const TEMPLATE = [
  '[super_admin]',
  'username = "ops"',
  '{{- if .Values.vault }}',
  'password = "$secret{admin}"',
  '{{- else }}',
  'password = "{{ .Values.pw }}"',
  '{{- end }}',
  '',
].join('\n');

test('a values file edited between two lints (same length): the decided branch and the resolved value follow it', () => {
  const files: Record<string, string> = { '/c/Chart.yaml': 'name: c\n', '/c/values.yaml': 'vault: true \npw: admin\n' };
  const fa = memory(files);
  const lint = () => values(lintText('/c/confs/deployment.toml', TEMPLATE, { values: fa, kind: 'toml' }));
  assert.deepEqual(lint(), []); // vault holds: the plain password is not rendered
  files['/c/values.yaml'] = 'vault: false\npw: admin\n';
  const off = lint();
  assert.ok(off.some((v) => v.startsWith('2 plaintext-password') && v.includes('does not hold with these values')), off.join('\n'));
  files['/c/values.yaml'] = 'vault: false\npw: "$secret{x}"\n';
  assert.deepEqual(lint(), [], 'the new password value (a Secure Vault reference) is read');
  files['/c/values.yaml'] = 'vault: ~    \npw: admin\n'; // nil: false as well
  assert.deepEqual(lint(), off);
  files['/c/values.yaml'] = 'vault: true \npw: admin\n';
  assert.deepEqual(lint(), []);
});

test('a template edited to another text of the same length is planned again', () => {
  const files = { '/c/Chart.yaml': 'name: c\n', '/c/values.yaml': 'vault: false\npw: admin\n' };
  const fa = memory(files);
  // The condition now reads `pw` (set: true), so the branch with the plain password is not rendered.
  const other = TEMPLATE.replace('if .Values.vault }}', 'if .Values.pw    }}');
  assert.equal(other.length, TEMPLATE.length);
  const a = values(lintText('/c/confs/deployment.toml', TEMPLATE, { values: fa, kind: 'toml' }));
  const b = values(lintText('/c/confs/deployment.toml', other, { values: fa, kind: 'toml' }));
  assert.ok(a.some((v) => v.includes('does not hold')), a.join('\n'));
  assert.deepEqual(b, []);
  assert.deepEqual(values(lintText('/c/confs/deployment.toml', TEMPLATE, { values: fa, kind: 'toml' })), a);
});

test('values edited many times: the renderings of dropped cases stop counting against the plan bound', () => {
  const files: Record<string, string> = { '/c/Chart.yaml': 'name: c\n', '/c/values.yaml': '' };
  const fa = memory(files);
  for (let i = 0; i < 60; i++) {
    files['/c/values.yaml'] = `vault: false\npw: admin${i}\n`;
    lintText('/c/confs/deployment.toml', TEMPLATE, { values: fa, kind: 'toml' });
  }
  const plan = templatePlan(TEMPLATE, 'toml', 'curly');
  // At most 16 cases are kept, each with one rendering of about the template's length, plus the branch renderings.
  assert.ok(plan.budget.kept > 0);
  assert.ok(plan.budget.kept <= 20 * (TEMPLATE.length + 20), `${plan.budget.kept} characters kept`);
});
