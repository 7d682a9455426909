// Template twins (issue 15): Jinja/ERB/Go templates linted as the file they render to, tags opaque, if-chains split
// into branches with the branch named, positions in the template. Fixtures: test/fixtures/deploy (see SOURCES.md there).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { fixText } from '../../shared-rules/engine/fixes';
import { classify, mayClassify } from '../../shared-rules/engine/files';
import { findTemplates } from '../../shared-rules/parsers/toml/templates';
import { assertLinear } from '../helpers/linear';

const FIX = path.join(__dirname, '../fixtures/deploy');
const ANSIBLE = path.join(FIX, 'wso2__ansible-apim@master/roles/apim/templates/carbon-home');
const PUPPET = path.join(FIX, 'wso2__puppet-is@master/modules/is/templates/carbon-home');

function rows(file: string, text: string, opts = {}): string[] {
  return lintText(file, text, opts).findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.ruleId}`);
}
const lintFile = (file: string) => rows(file, fs.readFileSync(file, 'utf8'));
const messages = (file: string, text: string) => lintText(file, text).findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}: ${f.message}`);

test('template twins are classified as the file they render to', () => {
  assert.equal(classify('/r/templates/conf/deployment.toml.j2'), 'toml');
  assert.equal(classify('/r/deployment.toml.jinja2'), 'toml');
  assert.equal(classify('/r/deployment.toml.jinja'), 'toml');
  assert.equal(classify('/r/api-manager.sh.erb'), 'shell');
  assert.equal(classify('/r/wso2server.bat.tmpl'), 'shell');
  assert.equal(classify('/r/log4j2.properties.tpl'), 'properties');
  assert.equal(classify('/r/context.xml.template'), 'xml');
  assert.equal(classify('/r/carbon.xml.j2'), undefined);
  assert.equal(classify('/r/wso2am.service.j2'), undefined);
  assert.equal(classify('/r/custom.sh.j2', 'exec java org.wso2.carbon.bootstrap.Bootstrap'), 'shell');
  assert.ok(mayClassify('custom.sh.j2'));
  assert.ok(mayClassify('deployment.toml.erb'));
});

test('vendor Ansible role (Jinja): AllowAll and the TLS launch defaults in api-manager.sh.j2; placeholders are no findings', () => {
  assert.deepEqual(lintFile(path.join(ANSIBLE, 'bin/api-manager.sh.j2')), [
    '321:5-321:13 client-renegotiation',
    '321:5-321:13 dh-key-size',
    '352:5-352:69 jvm-hostname-verification',
    '353:5-353:43 jvm-hostname-verification',
  ]);
  // Every value of the role's deployment.toml.j2 is a placeholder (`"{{ admin_password }}"`, an inline `{% if %}`).
  assert.deepEqual(lintFile(path.join(ANSIBLE, 'repository/conf/deployment.toml.j2')), []);
});

test('vendor Puppet module (ERB): DefaultAndLocalhost in wso2server.sh.erb; no plain-text password or hash mismatch on <%= @… %>', () => {
  assert.deepEqual(lintFile(path.join(PUPPET, 'bin/wso2server.sh.erb')), [
    '296:5-296:13 client-renegotiation',
    '296:5-296:13 dh-key-size',
    '329:5-329:56 jvm-hostname-verification',
  ]);
  const toml = fs.readFileSync(path.join(PUPPET, 'repository/conf/deployment.toml.erb'), 'utf8');
  // [keystore.primary] at line 78 writes `name`, not `file_name`: the shipped wso2carbon.jks stays in force.
  assert.deepEqual(rows(path.join(PUPPET, 'repository/conf/deployment.toml.erb'), toml), ['78:1-78:19 default-keystore']);
  // The same ERB text saved under the rendered name (the bug report): still ERB, the same single finding.
  assert.deepEqual(rows('/p/repository/conf/deployment.toml', toml), ['78:1-78:19 default-keystore']);
});

test('a quick fix in a template edits the template at the mapped position', () => {
  const file = path.join(ANSIBLE, 'bin/api-manager.sh.j2');
  const text = fs.readFileSync(file, 'utf8');
  const out = fixText(file, text, { safeOnly: false }).output.split('\n');
  assert.equal(out[351], '    -Dorg.opensaml.httpclient.https.disableHostnameVerification=false \\');
  assert.equal(out[352], '    -Dhttpclient.hostnameVerifier=Strict \\');
  assert.equal(out[36], text.split('\n')[36], 'the templated JVM_MEM_OPTS line is untouched');
});

test('Jinja {% if %}: each branch is checked and the finding names its branch', () => {
  const text = '[super_admin]\nusername = "root"\n{% if vault_enabled %}\npassword = "$secret{admin_password}"\n{% else %}\npassword = "admin"\n{% endif %}\n\n[secrets]\nadmin_password = "qQM/xV1yJkJ46XTkww0ER7gxsW9rlMYs0cAWxOjPta7b6Vs3Zw5/BI1DgvGxwoSec=="\n';
  const m = messages('/r/deployment.toml.j2', text);
  assert.deepEqual(m.map((x) => x.slice(0, x.indexOf(':'))), ['6 default-admin-credentials', '6 plaintext-password']);
  for (const x of m) assert.match(x, /\(template branch: the `else` at line 5 of `vault_enabled` \(line 3\)\)$/);
});

test('Go/Helm {{- if }}: a finding only the if-branch produces says so; chains with the same condition switch together', () => {
  const text = '[super_admin]\nusername = "root"\n{{- if .Values.vault }}\npassword = "$secret{admin_password}"\n{{- else }}\npassword = "$env{ADMIN_PASSWORD}"\n{{- end }}\n\n{{- if .Values.vault }}\n[secrets]\nadmin_password = "qQM/xV1yJkJ46XTkww0ER7gxsW9rlMYs0cAWxOjPta7b6Vs3Zw5/BI1DgvGxwoSec=="\n{{- end }}\n\n[server]\nhostname = "a"\n';
  // Without grouping, the else-branch of the second chain would leave line 4's alias undefined (a false error).
  const m = messages('/r/deployment.toml', text);
  assert.deepEqual(m.map((x) => x.slice(0, x.indexOf(':'))), ['10 secrets-table-last']);
  assert.match(m[0], /\(template branch: when `.Values.vault` \(line 9\) holds\)$/);
});

test('ERB <% if %>: branches too; an ERB output tag inside a TOML string is opaque', () => {
  const text = '[super_admin]\nusername = "<%= @admin_username %>"\n<% if @vault -%>\npassword = "$secret{admin_password}"\n<% else -%>\npassword = "admin"\n<% end -%>\n';
  const m = messages('/r/deployment.toml.erb', text);
  assert.deepEqual(m.map((x) => x.slice(0, x.indexOf(':'))), ['6 default-admin-credentials', '6 plaintext-password']);
  assert.match(m[0], /template branch: the `else` at line 5 of `@vault` \(line 3\)/);
});

test('a placeholder in a properties or shell twin is never a literal', () => {
  const props = 'appender.CARBON_LOGFILE.type = RollingFile\nappender.CARBON_LOGFILE.fileName = a.log\nappender.CARBON_LOGFILE.filePattern = a-%d{MM-dd-yyyy}-%i.log\nappender.CARBON_LOGFILE.layout.type = PatternLayout\nappender.CARBON_LOGFILE.layout.pattern = {{ log_pattern }}\n';
  assert.ok(!rows('/r/log4j2.properties.j2', props).some((r) => r.endsWith('log-forging')));
  assert.ok(rows('/r/log4j2.properties.j2', props.replace('{{ log_pattern }}', '%d %m%n')).some((r) => r.endsWith('log-forging')), 'a literal pattern is still checked');
});

test('bad template input: one notice at the offending tag, the rest still linted', () => {
  assert.deepEqual(rows('/r/deployment.toml.j2', '{% if x %}\n[super_admin]\nusername = "admin"\npassword = "admin"\n'), [
    '1:1-1:11 template-syntax', '3:12-3:19 default-admin-credentials', '4:12-4:19 default-admin-credentials', '4:12-4:19 plaintext-password',
  ]);
  assert.deepEqual(rows('/r/deployment.toml.j2', '[super_admin]\nusername = "admin"\n{% endif %}\n'), ['2:12-2:19 default-admin-credentials', '3:1-3:12 template-syntax']);
  // An ERB tag that never closes is plain text (as ERB would fail to render it): the value is read as written.
  assert.deepEqual(rows('/r/deployment.toml.erb', '[super_admin]\npassword = "<%= @p"\n'), ['2:12-2:20 plaintext-password']);
});

test('a delimiter in a TOML comment or string does not swallow the lines after it', () => {
  const text = '# write {{ to open a tag\n[super_admin]\nusername = "admin"\npassword = "admin"\n# and }} to close it\n';
  assert.deepEqual(rows('/r/deployment.toml', text), ['3:12-3:19 default-admin-credentials', '4:12-4:19 default-admin-credentials', '4:12-4:19 plaintext-password']);
  const str = '[a]\nx = "{{"\n[super_admin]\nusername = "admin"\npassword = "admin"\ny = "}}"\n';
  assert.deepEqual(rows('/r/deployment.toml', str), ['4:12-4:19 default-admin-credentials', '5:12-5:19 default-admin-credentials', '5:12-5:19 plaintext-password']);
  // A tag that spans lines from code is still one tag, and a tag closing on its line inside a string is too.
  assert.deepEqual(findTemplates('a = 1\n{{- /* a\ncomment */ -}}\nb = "x{{ .y }}"\n').length, 2);
});

test('hostile templates stay linear', () => {
  const cases = ['# {{ x\n'.repeat(50_000) + '}}', '"{{" '.repeat(50_000) + '\n}}', '{% if a %}'.repeat(20_000), '<% if a %>'.repeat(20_000) + '<% end %>'.repeat(20_000)];
  for (const c of cases) {
    const t0 = performance.now();
    lintText('/r/deployment.toml.j2', c);
    lintText('/r/deployment.toml.erb', c);
    assert.ok(performance.now() - t0 < 5000, `took ${performance.now() - t0} ms`);
  }
});

test('findTemplates: each opener kind alone is found past the no-opener shortcut; inline tables alone are none', () => {
  assert.deepEqual(findTemplates('a = { b = 1 }\nc = {d = "}}"}\n'), []);
  assert.deepEqual(findTemplates('a = { b = 1 }\nc = "{{ .x }}"\n'), [{ start: 19, end: 27 }]);
  assert.deepEqual(findTemplates('{% if x %}\na = 1\n'), [{ start: 0, end: 10 }]);
  assert.deepEqual(findTemplates('a = 1 {# note #}\n'), [{ start: 6, end: 16 }]);
});

test('findTemplates: linear in the lines holding tags of a file without CR (the line end was searched to the file end)', () => {
  const make = (k: number) => 'x = "{{ .Values.a }}"\n'.repeat(k);
  assertLinear('one tag per line', make, (text) => assert.ok(findTemplates(text).length > 0), 10000);
  // A CR still ends the line: a tag that spans a CR line break from a comment is plain text.
  assert.deepEqual(findTemplates('a = 1 # {{ x\r\n}}\r\nb = "{{ .y }}"\r\n'), [{ start: 23, end: 31 }]);
});
