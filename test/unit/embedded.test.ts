// Files embedded in Kubernetes ConfigMaps (issue 15): linted as the file they hold, positions in the manifest,
// quick fixes re-indented so the YAML stays valid; a Helm-templated manifest resolves its values too.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lintText } from '../../shared-rules/engine/lint';
import { fixText } from '../../shared-rules/engine/fixes';
import { classify } from '../../shared-rules/engine/files';

const FIX = path.join(__dirname, '../fixtures/deploy');
const PLAIN = path.join(FIX, 'wso2__kubernetes-is@6.1.x/simple/is-k8s/identity-server-conf.yaml');
const HELM = path.join(FIX, 'wso2__kubernetes-apim@master/simple/am-single/templates/am/instance/wso2am-single-node-am-conf.yaml');
const rows = (file: string) => lintText(file, fs.readFileSync(file, 'utf8')).findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.ruleId}`);

test('a plain ConfigMap embedding deployment.toml: findings at manifest positions', () => {
  assert.equal(classify(PLAIN, fs.readFileSync(PLAIN, 'utf8')), 'toml');
  const r = rows(PLAIN);
  for (const want of [
    '15:16-15:23 default-admin-credentials', // username = "admin"
    '16:16-16:23 default-admin-credentials', // password = "admin"
    '16:16-16:23 plaintext-password',
    '22:23-22:44 privileged-datastore-user',
    '28:11-28:112 database-without-tls', // useSSL=false
    '46:17-46:33 default-keystore',
  ]) assert.ok(r.includes(want), `${want}\n${r.join('\n')}`);
  assert.match(lintText(PLAIN, fs.readFileSync(PLAIN, 'utf8')).findings[0].message, /\(in deployment\.toml\)$/);
});

test('a Helm-templated ConfigMap: literal findings in the manifest, resolved values on the values.yaml lines', () => {
  const r = lintText(HELM, fs.readFileSync(HELM, 'utf8'));
  const here = r.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`);
  assert.deepEqual(here, ['38:16 default-admin-credentials', '39:16 default-admin-credentials', '39:16 plaintext-password', '60:18 default-keystore', '62:17 plaintext-password', '64:21 plaintext-password']);
  const values = (r.values ?? []).map((v) => `${path.relative(FIX, v.file)}:${v.finding.range.start.line + 1}:${v.finding.range.start.character + 1} ${v.finding.ruleId}`);
  assert.deepEqual(values.sort(), [
    'wso2__kubernetes-apim@master/simple/am-single/values.yaml:149:21 plaintext-password', // password: wso2carbon
    'wso2__kubernetes-apim@master/simple/am-single/values.yaml:150:16 database-without-tls', // url: …useSSL=false
    'wso2__kubernetes-apim@master/simple/am-single/values.yaml:153:21 plaintext-password',
    'wso2__kubernetes-apim@master/simple/am-single/values.yaml:154:16 database-without-tls',
  ]);
  const pw = r.values!.find((v) => v.finding.range.start.line === 148)!;
  assert.match(pw.finding.message, /\(value used by wso2am-single-node-am-conf\.yaml:49\)$/);
  assert.equal(pw.template.file, HELM);
  assert.equal(pw.finding.related?.[0].file, HELM, 'related information points at the manifest line');
  assert.equal(pw.finding.related?.[0].range.start.line + 1, 49);
  assert.equal(pw.template.range.start.line + 1, 49);
});

test('quick fixes edit the YAML with its indentation kept, and the manifest stays valid YAML', () => {
  const text = fs.readFileSync(PLAIN, 'utf8');
  const out = fixText(PLAIN, text, { safeOnly: false }).output;
  assert.notEqual(out, text);
  assert.deepEqual(parseAllDocuments(out).map((d) => ('errors' in d ? d.errors.length : 0)), [0, 0]);
  const lines = out.split('\n');
  assert.equal(lines[15], '    password = "$env{CARBON_ADMIN_PASSWORD}"');
  const block = lines.slice(8, lines.indexOf('---'));
  for (const l of block) assert.ok(l === '' || l.startsWith('    '), `indented: ${JSON.stringify(l)}`);
  assert.ok(lines.includes('---'), 'the document separator after the block is untouched');
  // What fixed text says again: the same fixes, now applied, are not offered twice.
  assert.ok(!lintText(PLAIN, out).findings.some((f) => f.ruleId === 'database-without-tls'));
});

test('only ConfigMaps and Secrets that embed a checked file are read', () => {
  assert.equal(classify('/c/values.yaml', 'wso2:\n  deployment.toml: |-\n    [server]\n'), undefined);
  assert.equal(classify('/c/cm.yaml', 'kind: ConfigMap\ndata:\n  app.conf: |-\n    a = 1\n'), undefined);
  assert.equal(classify('/c/cm.yaml', 'kind: ConfigMap\ndata:\n  log4j2.properties: |\n    rootLogger.level = INFO\n'), 'properties');
  assert.equal(classify('/c/cm.yaml'), undefined, 'by name alone a YAML file is not known');
  // An empty or broken block is no crash.
  assert.deepEqual(lintText('/c/cm.yaml', 'kind: ConfigMap\ndata:\n  deployment.toml: |-\nother: 1\n').findings, []);
  assert.ok(lintText('/c/cm.yaml', 'kind: ConfigMap\ndata:\n  deployment.toml: |-\n    [server\n    a = = 1\n').findings.some((f) => f.ruleId === 'toml-syntax'));
});

// Folded (`>-`) and quoted values: each decoded character maps back to its source offset (escapes, folding).
const at = (t: string) => lintText('/c/cm.yaml', t).findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.ruleId}${f.fix ? ' fix' : ''}`);

test('a folded block scalar: positions across folded lines, and an exact quick fix', () => {
  const t = 'kind: ConfigMap\ndata:\n  deployment.toml: >-\n    [super_admin]\n\n    username = "admin"\n\n    password = "admin"\n';
  assert.equal(classify('/c/cm.yaml', t), 'toml');
  assert.deepEqual(at(t), ['6:16-6:23 default-admin-credentials', '8:16-8:23 default-admin-credentials fix', '8:16-8:23 plaintext-password']);
  const out = fixText('/c/cm.yaml', t, { safeOnly: false }).output;
  assert.equal(out.split('\n')[7], '    password = "$env{CARBON_ADMIN_PASSWORD}"');
  assert.equal(parseAllDocuments(out)[0].errors.length, 0);
});

test('a double-quoted string: escapes mapped back to their source, no fix that would need escaping', () => {
  const t = 'kind: ConfigMap\ndata:\n  deployment.toml: "[super_admin]\\nusername = \\"admin\\"\\npassword = \\u0022admin\\"\\n"\n';
  assert.equal(classify('/c/cm.yaml', t), 'toml');
  assert.deepEqual(at(t), ['3:47-3:56 default-admin-credentials', '3:69-3:82 default-admin-credentials', '3:69-3:82 plaintext-password']);
});

test("a single-quoted string over several lines: '' and line folding mapped back", () => {
  const t = "kind: ConfigMap\ndata:\n  deployment.toml: '[super_admin]\n\n    username = \"admin\"\n\n    password = ''admin'''\n";
  assert.deepEqual(at(t), ['5:16-5:23 default-admin-credentials', '7:16-7:25 default-admin-credentials', '7:16-7:25 plaintext-password']);
});

test('a double-quoted value takes a fix whose edit is verbatim text; CRLF folded values map; unsupported headers are skipped', () => {
  const t = 'kind: ConfigMap\ndata:\n  deployment.toml: "[database.apim_db]\\nurl = \\"jdbc:mysql://db:3306/apim?useSSL=false\\"\\n"\n';
  assert.deepEqual(at(t), ['3:47-3:89 database-without-tls fix']);
  assert.equal(fixText('/c/cm.yaml', t, { safeOnly: false }).output, t.replace('useSSL=false', 'useSSL=true'));
  const crlf = 'kind: ConfigMap\r\ndata:\r\n  deployment.toml: >\r\n    [super_admin]\r\n\r\n    password = "admin"\r\n';
  assert.deepEqual(at(crlf), ['6:16-6:23 default-admin-credentials fix', '6:16-6:23 plaintext-password']);
  // An explicit indentation indicator is not covered by the mapping: nothing at guessed positions.
  assert.deepEqual(at('kind: ConfigMap\ndata:\n  deployment.toml: >2\n    [super_admin]\n\n    password = "admin"\n'), []);
});
