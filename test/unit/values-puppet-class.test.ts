// Puppet values beyond params.pp (issue 15): class parameter defaults (literals and `$mod::params::x`
// references) and Hiera 5 data by automatic parameter lookup, Hiera over class defaults over params.pp; only
// levels without interpolation. Findings land on the line that holds the value.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { casesFor } from '../../shared-rules/engine/values/cases';
import { resolveExpression } from '../../shared-rules/engine/values/resolve';
import { puppetClasses } from '../../shared-rules/engine/values/puppet-class';
import { lintText } from '../../shared-rules/engine/lint';
import * as path from 'node:path';
import { diskAccess } from '../../shared-rules/engine/values/disk';
import { memory } from '../helpers/memory-files';

const where = (expr: string, rc: Parameters<typeof resolveExpression>[2]) => {
  const r = resolveExpression(expr, 'erb', rc);
  return r.resolved.kind === 'unknown' ? 'unknown' : `${r.resolved.site.file} ${r.rendered ?? r.resolved.kind}`;
};

const INIT = `# The IS class
class is (
  String $admin_username = 'admin',   # a comment, with 'quotes' and a comma
  String $admin_password = $is::params::admin_password,
  Optional[Hash[String, Integer]] $ports = { 'https' => 9443 },
  String $keystore_password = "wso2#carbon",
  Boolean $secure_vault = false,
  String $db_password,
  String $jvm = $jvmxmx,
) inherits is::params {
  file { 'x': content => template('is/carbon-home/repository/conf/deployment.toml.erb') }
}
`;

test('class parameter lists: literals, references, other expressions, comments and nesting', () => {
  const [cls] = puppetClasses(INIT);
  assert.equal(cls.name, 'is');
  assert.deepEqual([...cls.params.keys()], ['admin_username', 'admin_password', 'ports', 'keystore_password', 'secure_vault', 'db_password', 'jvm']);
  const d = (n: string) => { const x = cls.params.get(n)!; return x.kind === 'literal' ? `${x.text}@${INIT.slice(x.start, x.end)}` : x.kind === 'ref' ? `$${x.name}` : 'none'; };
  assert.equal(d('admin_username'), "admin@'admin'");
  assert.equal(d('admin_password'), '$admin_password');
  assert.equal(d('ports'), 'none');
  assert.equal(d('keystore_password'), 'wso2#carbon@"wso2#carbon"');
  assert.equal(d('secure_vault'), 'false@false');
  assert.equal(d('db_password'), 'none');
  assert.equal(d('jvm'), '$jvmxmx');
  // Unclosed list: no class, no hang.
  const t0 = performance.now();
  assert.deepEqual(puppetClasses('class x (' + "String $a = '(', ".repeat(20000)), []);
  assert.ok(performance.now() - t0 < 1000);
});

const M = '/env/modules';
const files = {
  [`${M}/is/manifests/init.pp`]: INIT,
  [`${M}/is/manifests/params.pp`]: "class is::params inherits is_common::params {\n  $admin_password = 'admin'\n  $jvmxmx = '1024m'\n  $db_password = 'params-db'\n}\n",
  [`${M}/is_common/manifests/params.pp`]: "class is_common::params {\n  $truststore_password = 'wso2carbon'\n}\n",
  '/env/hiera.yaml': 'version: 5\ndefaults:\n  datadir: data\n  data_hash: yaml_data\nhierarchy:\n  - name: per node\n    path: "nodes/%{trusted.certname}.yaml"\n  - name: env\n    path: "env/prod.yaml"\n  - name: common\n    path: common.yaml\n  - name: outside\n    path: ../../etc/secrets.yaml\n',
  '/env/data/env/prod.yaml': "is::keystore_password: prod-ks\n",
  '/env/data/common.yaml': "is::keystore_password: common-ks\nis::db_password: 'hiera-db'\nis::secure_vault: ENC[PKCS7,MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAxggEhMIIBHQIBADAFMAACAQEwDQYJKoZIhvcNAQEBBQAEggEA]\nis::jvm: \"%{lookup('x')}\"\nis::truststore_password: not-a-param\n",
  [`${M}/is/hiera.yaml`]: 'version: 5\nhierarchy:\n  - name: module common\n    path: common.yaml\n',
  [`${M}/is/data/common.yaml`]: 'is::admin_username: module-admin\nis::keystore_password: module-ks\n',
};

test('precedence: environment Hiera > module Hiera > class defaults > params.pp; first hierarchy level wins', () => {
  const c = casesFor(`${M}/is/templates/carbon-home/repository/conf/deployment.toml.erb`, memory(files))!;
  assert.equal(c.tool, 'puppet');
  assert.deepEqual(c.cases.map((x) => x.name), ['class is']);
  const rc = c.cases[0];
  assert.equal(where('@keystore_password', rc), '/env/data/env/prod.yaml prod-ks', 'env/prod.yaml is above common.yaml; the %{} level is skipped');
  assert.equal(where('@admin_username', rc), `${M}/is/data/common.yaml module-admin`, 'module data over the class default');
  assert.equal(where('@admin_password', rc), `${M}/is/manifests/params.pp admin`, 'a default referencing $is::params::x lands on params.pp');
  assert.equal(where('@db_password', rc), '/env/data/common.yaml hiera-db', 'a parameter without default takes Hiera');
  assert.equal(where('@secure_vault', rc), '/env/data/common.yaml protected', 'eyaml ENC[…] is protected');
  assert.equal(where('@jvm', rc), 'unknown', 'Hiera interpolation is not evaluated');
  assert.equal(where('@ports', rc), 'unknown', 'a hash default is unknown and shadows nothing');
  assert.equal(where('@truststore_password', rc), `${M}/is_common/manifests/params.pp wso2carbon`, 'not a parameter: no automatic lookup, params.pp value');
});

test('lint: class default and Hiera values reported on their lines, the template left clean', () => {
  const tpl = `${M}/is/templates/carbon-home/repository/conf/deployment.toml.erb`;
  const fa = memory({ ...files, [tpl]: '[super_admin]\nusername = "<%= @admin_username %>"\npassword = "<%= @admin_password %>"\n\n[keystore.tls]\nfile_name = "wso2carbon.jks"\npassword = "<%= @keystore_password %>"\n' });
  const r = lintText(tpl, fa.read(tpl)!, { values: fa });
  assert.deepEqual(r.findings.filter((f) => f.guideline !== null && f.range.start.line !== 5), []);
  const got = (r.values ?? []).filter((v) => v.finding.guideline !== null).map((v) => `${v.file}:${v.finding.range.start.line + 1}:${v.finding.range.start.character + 1}-${v.finding.range.end.character + 1} ${v.finding.ruleId}`);
  assert.ok(got.includes(`${M}/is/manifests/params.pp:2:21-28 plaintext-password`), got.join('\n'));
  assert.ok(got.includes('/env/data/env/prod.yaml:1:24-31 plaintext-password'), got.join('\n'));
});

test('a class default literal is reported on init.pp when no Hiera overrides it', () => {
  const tpl = `${M}/is/templates/deployment.toml.erb`;
  const fa = memory({
    [`${M}/is/manifests/init.pp`]: "class is (\n  String $admin_password = 'admin',\n) {\n}\n",
    [tpl]: '[super_admin]\nusername = "root"\npassword = "<%= @admin_password %>"\n',
  });
  const r = lintText(tpl, fa.read(tpl)!, { values: fa });
  const got = (r.values ?? []).filter((v) => v.finding.guideline !== null).map((v) => `${v.file}:${v.finding.range.start.line + 1}:${v.finding.range.start.character + 1}-${v.finding.range.end.character + 1} ${v.finding.ruleId}`);
  assert.ok(got.includes(`${M}/is/manifests/init.pp:2:28-35 plaintext-password`), got.join('\n'));
});

test('the vendor IS module (init.pp `class is inherits is::params`, no parameters): the params classes only, as before', () => {
  const fix = path.join(__dirname, '../fixtures/deploy/wso2__puppet-is@master/modules');
  const c = casesFor(path.join(fix, 'is/templates/carbon-home/repository/conf/deployment.toml.erb'), diskAccess)!;
  assert.deepEqual(c.cases.map((x) => x.name), ['class is::params']);
  assert.deepEqual(puppetClasses(diskAccess.read(path.join(fix, 'is/manifests/init.pp'))!), [], 'a class without a parameter list has no parameters');
  assert.equal(where('@admin_password', c.cases[0]), path.join(fix, 'is_common/manifests/params.pp') + ' admin');
});
