// Helm extra values files (issue 15): `.carbonlint.json` "helm": {"valuesFiles": [...]} names files relative to
// the chart, read after values.yaml with Helm's `-f` precedence (later files override earlier ones).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { lintText, type LintResult } from '../../shared-rules/engine/lint';
import { parseProjectConfig } from '../../shared-rules/engine/project-config';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { layout, rm } from './cli-helpers';

const TPL = '[super_admin]\nusername = "ops"\npassword = {{ .Values.pw | quote }}\n';
const sites = (r: LintResult, base: string) => (r.values ?? []).map((v) => `${path.relative(base, v.file)}:${v.finding.range.start.line + 1}:${v.finding.range.start.character + 1}-${v.finding.range.end.character + 1} ${v.finding.ruleId}`);

test('extra values files override values.yaml in order; without the setting only values.yaml is read', () => {
  const dir = layout({
    'chart/Chart.yaml': 'name: x\n',
    'chart/confs/deployment.toml': TPL,
    'chart/values.yaml': 'pw: "$secret{admin_password}"\n',
    'chart/values-prod.yaml': '# prod\npw: S3cr3t-prod\n',
    'chart/values-dr.yaml': 'pw: "$secret{dr_password}"\n',
  });
  try {
    const file = path.join(dir, 'chart/confs/deployment.toml');
    const lint = (valuesFiles?: string[]) => lintText(file, TPL, valuesFiles ? { settings: resolveSettings({ helm: { valuesFiles } }) } : {});
    assert.deepEqual(sites(lint(), dir), [], 'values.yaml alone: a secret reference, protected');
    assert.deepEqual(lint().placeholders, { resolved: 0, protected: 1, unknown: 0 });
    const prod = lint(['values-prod.yaml']);
    assert.deepEqual(sites(prod, dir), ['chart/values-prod.yaml:2:5-16 plaintext-password']);
    assert.deepEqual(sites(lint(['values-prod.yaml', 'values-dr.yaml']), dir), [], 'the later file wins');
    assert.deepEqual(sites(lint(['values-dr.yaml', 'values-prod.yaml']), dir), ['chart/values-prod.yaml:2:5-16 plaintext-password']);
    assert.deepEqual(sites(lint(['missing.yaml']), dir), [], 'a named file that is absent is skipped');
  } finally {
    rm(dir);
  }
});

test('"helm.valuesFiles" in the project file: parsed, and wrong shapes reported on their key', () => {
  const ok = parseProjectConfig('{"helm": {"valuesFiles": ["values-prod.yaml", "env/eu.yaml"]}}');
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.config.settings.helm, { valuesFiles: ['values-prod.yaml', 'env/eu.yaml'] });
  assert.deepEqual(parseProjectConfig('{"helm": {"valuesFiles": ["/etc/v.yaml", "v.yaml"]}}').errors.map((e) => e.key), ['helm.valuesFiles./etc/v.yaml']);
  assert.deepEqual(parseProjectConfig('{"helm": {"valuesFiles": "v.yaml"}}').errors.map((e) => e.key), ['helm.valuesFiles']);
  assert.deepEqual(parseProjectConfig('{"helm": {"values": []}}').errors.map((e) => e.key), ['helm.values']);
  assert.deepEqual(parseProjectConfig('{"helm": []}').errors.map((e) => e.key), ['helm']);
});
