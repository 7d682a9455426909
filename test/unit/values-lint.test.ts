// Resolved values linted through their templates (issue 15): a finding caused by a value is reported on the
// values line that sets it, naming the template line, the host and the branch; protected and unknown values
// give nothing. Fixtures: test/fixtures/deploy (vendor charts, roles and modules; see SOURCES.md there).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, type LintResult } from '../../shared-rules/engine/lint';
import { layout, rm, run } from './cli-helpers';
import { workspaceReport } from '../../shared-rules/report/workspace';
import { renderMarkdown } from '../../shared-rules/report/render-md';

const FIX = path.join(__dirname, '../fixtures/deploy');

function lint(rel: string): LintResult {
  const f = path.join(FIX, rel);
  return lintText(f, fs.readFileSync(f, 'utf8'));
}
/** "values-file:line:col-endcol rule" of the findings on values lines, with the message tail for selected ones. */
function sites(r: LintResult, base = FIX): string[] {
  return (r.values ?? []).map((v) => `${path.relative(base, v.file)}:${v.finding.range.start.line + 1}:${v.finding.range.start.character + 1}-${v.finding.range.end.character + 1} ${v.finding.ruleId}`);
}
function message(r: LintResult, site: string): string {
  const i = sites(r).indexOf(site);
  assert.ok(i >= 0, `${site} in ${sites(r).join('\n')}`);
  return r.values![i].finding.message;
}

test('Helm chart (IS 7.0.x): admin/admin and the wso2carbon keystore passwords on the values.yaml lines', () => {
  const r = lint('wso2__kubernetes-is@7.0.x/confs/deployment.toml');
  assert.deepEqual(r.findings, [], 'no finding on the template itself: its placeholders are not literals');
  assert.deepEqual(r.placeholders, { resolved: 139, protected: 0, unknown: 11 });
  const s = sites(r);
  for (const want of [
    'wso2__kubernetes-is@7.0.x/values.yaml:212:15-22 default-admin-credentials', // username: "admin"
    'wso2__kubernetes-is@7.0.x/values.yaml:214:15-22 default-admin-credentials', // password: "admin"
    'wso2__kubernetes-is@7.0.x/values.yaml:214:15-22 plaintext-password',
    'wso2__kubernetes-is@7.0.x/values.yaml:320:17-33 default-keystore', // fileName: "wso2carbon.jks"
    'wso2__kubernetes-is@7.0.x/values.yaml:322:17-29 plaintext-password', // keystore.tls.password: "wso2carbon"
    'wso2__kubernetes-is@7.0.x/values.yaml:324:20-32 plaintext-password', // keyPassword: "wso2carbon"
    'wso2__kubernetes-is@7.0.x/values.yaml:374:22-60 weak-tls-protocols', // "+TLSv1, +TLSv1.1, …"
    'wso2__kubernetes-is@7.0.x/values.yaml:369:17-37 server-header-disclosure', // "WSO2 Carbon Server"
    'wso2__kubernetes-is@7.0.x/values.yaml:227:22-33 default-app-password', // appPassword: "dashboard"
  ]) assert.ok(s.includes(want), `${want}\n${s.join('\n')}`);
  assert.match(message(r, 'wso2__kubernetes-is@7.0.x/values.yaml:214:15-22 default-admin-credentials'),
    /\(value used by deployment\.toml:37; `\.Values\.deployment\.secretStore\.enabled` \(line 32\) does not hold with these values\)$/);
  // The [secrets] table is rendered only when secretStore.enabled holds: false in values.yaml:183, so its aliases are not reported.
  assert.ok(!s.some((x) => x.endsWith('secret-not-encrypted')), s.join('\n'));
  const v = r.values!.find((x) => x.finding.range.start.line === 213 && x.finding.ruleId === 'default-admin-credentials')!;
  assert.equal(v.template.range.start.line + 1, 37, 'the template line that uses the value');
});

test('Ansible role (API-M): values on host_vars/group_vars lines, per host, with the inline {% if %} branch', () => {
  const r = lint('wso2__ansible-apim@master/roles/apim/templates/carbon-home/repository/conf/deployment.toml.j2');
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.placeholders, { resolved: 44, protected: 0, unknown: 12 });
  const s = sites(r);
  for (const want of [
    'wso2__ansible-apim@master/dev/host_vars/apim_1.yml:25:17-22 default-admin-credentials', // admin_username: admin
    'wso2__ansible-apim@master/dev/host_vars/apim_1.yml:26:17-22 default-admin-credentials', // admin_password: admin
    'wso2__ansible-apim@master/dev/host_vars/apim_1.yml:26:17-22 plaintext-password',
    'wso2__ansible-apim@master/dev/group_vars/apim.yml:162:21-35 default-keystore', // tls_key_store_name: wso2carbon.jks
    'wso2__ansible-apim@master/dev/group_vars/apim.yml:164:25-35 plaintext-password', // tls_key_store_password: wso2carbon
    'wso2__ansible-apim@master/dev/group_vars/apim.yml:144:29-39 plaintext-password', // primary_key_store_password
    'wso2__ansible-apim@master/dev/group_vars/apim.yml:150:23-33 plaintext-password', // trust_store_password
  ]) assert.ok(s.includes(want), `${want}\n${s.join('\n')}`);
  assert.match(message(r, 'wso2__ansible-apim@master/dev/host_vars/apim_1.yml:26:17-22 plaintext-password'),
    /\(value used by deployment\.toml\.j2:10 for host apim_1; `secure_vault_enabled\|bool` \(line 10\) does not hold with these values\)$/);
});

test('Puppet module (IS): values on the params.pp lines, including the inherited is_common::params', () => {
  const r = lint('wso2__puppet-is@master/modules/is/templates/carbon-home/repository/conf/deployment.toml.erb');
  assert.deepEqual(r.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`), ['78 default-keystore']);
  assert.deepEqual(r.placeholders, { resolved: 44, protected: 0, unknown: 0 });
  const s = sites(r);
  for (const want of [
    'wso2__puppet-is@master/modules/is_common/manifests/params.pp:66:21-28 default-admin-credentials', // $admin_username = 'admin'
    'wso2__puppet-is@master/modules/is_common/manifests/params.pp:67:21-28 default-admin-credentials', // $admin_password = 'admin'
    'wso2__puppet-is@master/modules/is/manifests/params.pp:82:33-45 plaintext-password', // $security_keystore_password = 'wso2carbon'
    'wso2__puppet-is@master/modules/is/manifests/params.pp:100:33-44 default-app-password', // 'dashboard'
  ]) assert.ok(s.includes(want), `${want}\n${s.join('\n')}`);
  assert.match(message(r, 'wso2__puppet-is@master/modules/is_common/manifests/params.pp:67:21-28 default-admin-credentials'), /\(value used by deployment\.toml\.erb:27\)$/);
});

const TEMPLATE = '[super_admin]\nusername = "ops"\npassword = "{{ admin_password }}"\ncreate_admin_account = true\n';

test('a protected value (!vault, hashi_vault lookup) and an unknown one give no finding; a bad values file one notice', () => {
  const cases: Array<[string, string[]]> = [
    ['admin_password: admin\n', ['roles/r/defaults/main.yml:1:17-22 default-admin-credentials', 'roles/r/defaults/main.yml:1:17-22 plaintext-password']],
    ['admin_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162\n', []],
    ["admin_password: \"{{ lookup('hashi_vault', 'secret=kv/admin') }}\"\n", []],
    ['other: 1\n', []],
    ['admin_password: [unclosed\n', ['roles/r/defaults/main.yml:2:1-1 values-file']],
  ];
  for (const [defaults, want] of cases) {
    const dir = layout({ 'roles/r/templates/deployment.toml.j2': TEMPLATE, 'roles/r/defaults/main.yml': defaults });
    try {
      const f = path.join(dir, 'roles/r/templates/deployment.toml.j2');
      const r = lintText(f, TEMPLATE);
      assert.deepEqual(r.findings, [], defaults);
      assert.deepEqual(sites(r, dir), want, defaults);
    } finally {
      rm(dir);
    }
  }
});

test('CLI: findings on values lines are printed under the values file', () => {
  const dir = layout({ 'roles/r/templates/deployment.toml.j2': TEMPLATE, 'roles/r/defaults/main.yml': '# defaults\nadmin_password: admin\n' });
  try {
    const r = run(['.'], { cwd: dir });
    assert.notEqual(r.status, 2, r.stderr);
    assert.match(r.stdout, /roles\/r\/defaults\/main\.yml\n\s+2:17\s+error\s+\[super_admin\] uses the shipped default password[^\n]*\(value used by deployment\.toml\.j2:3 for role r defaults\)/);
    // SARIF: the result sits on the values file, its related location on the template line.
    const sarif = JSON.parse(run(['.', '--format', 'sarif'], { cwd: dir }).stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>; relatedLocations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    const res = sarif.runs[0].results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri.endsWith('defaults/main.yml'))!;
    assert.equal(res.locations[0].physicalLocation.region.startLine, 2);
    assert.match(res.relatedLocations![0].physicalLocation.artifactLocation.uri, /templates\/deployment\.toml\.j2$/);
    assert.equal(res.relatedLocations![0].physicalLocation.region.startLine, 3);
  } finally {
    rm(dir);
  }
});

test('readiness report: values findings fail the guideline on the values file; placeholders counted', () => {
  const dir = layout({
    'roles/r/templates/deployment.toml.j2': '[super_admin]\nusername = "{{ admin_user }}"\npassword = "{{ admin_password }}"\nhost = "{{ lookup(\'env\', \'H\') }}"\n',
    'roles/r/defaults/main.yml': 'admin_user: ops\nadmin_password: admin\n',
  });
  try {
    const { report } = workspaceReport(dir, { toolVersion: 'test', now: new Date('2026-01-01T00:00:00Z') });
    assert.deepEqual(report.placeholders, { resolved: 2, protected: 0, unknown: 1 });
    assert.deepEqual(report.files.map((f) => f.path), ['roles/r/templates/deployment.toml.j2', 'roles/r/defaults/main.yml']);
    assert.equal(report.guidelines.find((g) => g.id === 'G18')!.status, 'failed');
    assert.match(renderMarkdown(report), /Template placeholders: 2 resolved from values files, 0 protected, 1 left unknown \(not checked\)\./);
  } finally {
    rm(dir);
  }
});

test('bad values input through linting: a cycle and a 10 MB values file give one notice each, quickly', () => {
  const cyc = layout({ 'roles/r/templates/deployment.toml.j2': TEMPLATE, 'roles/r/defaults/main.yml': 'admin_password: "{{ a }}"\na: "{{ admin_password }}"\n' });
  try {
    const r = lintText(path.join(cyc, 'roles/r/templates/deployment.toml.j2'), TEMPLATE);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(sites(r, cyc), ['roles/r/defaults/main.yml:1:17-26 values-file']);
    assert.match(r.values![0].finding.message, /cycle of variable references/);
  } finally {
    rm(cyc);
  }
  const big = layout({ 'chart/Chart.yaml': 'name: x\n', 'chart/confs/deployment.toml': '[super_admin]\npassword = {{ .Values.pw | quote }}\n', 'chart/values.yaml': 'pw: admin\n' + 'k: v\n'.repeat(2_100_000) });
  try {
    const t0 = performance.now();
    const r = lintText(path.join(big, 'chart/confs/deployment.toml'), '[super_admin]\npassword = {{ .Values.pw | quote }}\n');
    assert.ok(performance.now() - t0 < 3000, `${performance.now() - t0} ms`);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(sites(r, big), ['chart/values.yaml:1:1-1 values-file']);
    assert.match(r.values![0].finding.message, /Values file not read: .* over the 1048576-character limit/);
  } finally {
    rm(big);
  }
});

test('conditions the values decide take their branch; the other branch is not rendered for that case', () => {
  const tpl = '[super_admin]\nusername = "ops"\n{% if vault|bool %}\npassword = "$secret{admin_password}"\n{% else %}\npassword = "{{ admin_password }}"\n{% endif %}\n{% if not vault|bool %}\n[database.apim_db]\npassword = "{{ db_password }}"\n{% endif %}\n';
  for (const [vault, want] of [['no', ['roles/r/defaults/main.yml:2:17-22 default-admin-credentials', 'roles/r/defaults/main.yml:2:17-22 plaintext-password', 'roles/r/defaults/main.yml:3:14-20 plaintext-password']], ['yes', []]] as const) {
    const dir = layout({ 'roles/r/templates/deployment.toml.j2': tpl, 'roles/r/defaults/main.yml': `vault: ${vault}\nadmin_password: admin\ndb_password: s3cr3t\n` });
    try {
      const r = lintText(path.join(dir, 'roles/r/templates/deployment.toml.j2'), tpl);
      assert.deepEqual(sites(r, dir).sort(), [...want], `vault: ${vault}`);
    } finally {
      rm(dir);
    }
  }
});
