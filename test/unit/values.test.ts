// Values resolution (issue 15): placeholders resolved from each tool's values files with its precedence, the
// value's own line as the site; secret references protected; bad values files give one notice.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { casesFor } from '../../shared-rules/engine/values/cases';
import { diskAccess } from '../../shared-rules/engine/values/disk';
import { resolveExpression } from '../../shared-rules/engine/values/resolve';
import { parseReference, applyFilters } from '../../shared-rules/engine/values/expression';
import { yamlLayer } from '../../shared-rules/engine/values/yaml-layer';
import { LineIndex } from '../../shared-rules/engine/text';
import type { RenderCase } from '../../shared-rules/engine/values/types';
import { memory } from '../helpers/memory-files';

const FIX = path.join(__dirname, '../fixtures/deploy');

/** "file:line" (1-based) of a resolved value, relative to the fixtures. */
function where(expr: string, syntax: 'curly' | 'erb', rc: RenderCase): string {
  const r = resolveExpression(expr, syntax, rc);
  if (r.resolved.kind === 'unknown') return 'unknown';
  const site = r.resolved.site;
  const text = diskAccess.read(site.file)!;
  const line = new LineIndex(text).range(site.span).start.line + 1;
  return `${path.relative(FIX, site.file)}:${line} ${r.resolved.kind}${r.rendered !== undefined ? ` ${r.rendered}` : ''}`;
}

test('Helm: .Values paths from the chart values.yaml, with | quote', () => {
  const c = casesFor(path.join(FIX, 'wso2__kubernetes-is@7.0.x/confs/deployment.toml'), diskAccess)!;
  assert.equal(c.tool, 'helm');
  assert.deepEqual(c.cases.map((x) => x.name), ['values.yaml']);
  const rc = c.cases[0];
  assert.equal(where('.Values.deploymentToml.superAdmin.password | quote', 'curly', rc), 'wso2__kubernetes-is@7.0.x/values.yaml:214 value "admin"');
  assert.equal(where('.Values.deploymentToml.keystore.tls.password | quote', 'curly', rc), 'wso2__kubernetes-is@7.0.x/values.yaml:322 value "wso2carbon"');
  assert.equal(where('.Values.deploymentToml.transport.https.sslHostConfig.properties.protocols | quote', 'curly', rc), 'wso2__kubernetes-is@7.0.x/values.yaml:374 value "+TLSv1, +TLSv1.1, +TLSv1.2, +TLSv1.3"');
  assert.equal(where('add 9443 .Values.portOffset', 'curly', rc), 'unknown');
  assert.equal(where('.Values.no.such.key | quote', 'curly', rc), 'unknown');
});

test('Ansible: host_vars over group_vars over role defaults, one case per inventory host', () => {
  const c = casesFor(path.join(FIX, 'wso2__ansible-apim@master/roles/apim/templates/carbon-home/repository/conf/deployment.toml.j2'), diskAccess)!;
  assert.equal(c.tool, 'ansible');
  assert.deepEqual(c.cases.map((x) => x.name), ['host apim_1']);
  const rc = c.cases[0];
  assert.equal(where('admin_password', 'curly', rc), 'wso2__ansible-apim@master/dev/host_vars/apim_1.yml:26 value admin');
  assert.equal(where('tls_key_store_password', 'curly', rc), 'wso2__ansible-apim@master/dev/group_vars/apim.yml:164 value wso2carbon');
  assert.equal(where('secure_vault_enabled | bool | lower', 'curly', rc), 'wso2__ansible-apim@master/dev/group_vars/apim.yml:168 value false');
});

test('Puppet: params.pp and the params class it inherits', () => {
  const c = casesFor(path.join(FIX, 'wso2__puppet-is@master/modules/is/templates/carbon-home/repository/conf/deployment.toml.erb'), diskAccess)!;
  assert.equal(c.tool, 'puppet');
  const rc = c.cases[0];
  assert.equal(rc.name, 'class is::params');
  assert.equal(where('@admin_password', 'erb', rc), 'wso2__puppet-is@master/modules/is_common/manifests/params.pp:67 value admin');
  assert.equal(where('@security_keystore_password', 'erb', rc), 'wso2__puppet-is@master/modules/is/manifests/params.pp:82 value wso2carbon');
  assert.equal(where('@ports_offset', 'erb', rc), 'wso2__puppet-is@master/modules/is/manifests/params.pp:42 value 0');
});


test('Ansible precedence and secret references, each host its own case', () => {
  const fa = memory({
    '/p/roles/r/defaults/main.yml': 'pw: admin\nuser: admin\nvaulted: x\n',
    '/p/inv/inventory': '[web]\nh1\nh2\n[db]\nh2\n',
    '/p/inv/group_vars/all.yml': 'user: root\n',
    '/p/inv/group_vars/web.yml': 'pw: webpw\n',
    '/p/inv/host_vars/h2.yml': 'pw: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162\nuser: "{{ lookup(\'hashi_vault\', \'secret=x\') }}"\nloop_a: "{{ loop_b }}"\nloop_b: "{{ loop_a }}"\nalias: "{{ pw_plain }}"\npw_plain: s3cret\n',
  });
  const c = casesFor('/p/roles/r/templates/deployment.toml.j2', fa)!;
  assert.deepEqual(c.cases.map((x) => x.name), ['host h1', 'host h2']);
  const [h1, h2] = c.cases;
  assert.equal(resolveExpression('pw', 'curly', h1).rendered, 'webpw');
  assert.equal(resolveExpression('user', 'curly', h1).rendered, 'root');
  assert.equal(resolveExpression('pw', 'curly', h2).resolved.kind, 'protected');
  assert.equal(resolveExpression('user', 'curly', h2).resolved.kind, 'protected');
  assert.equal(resolveExpression('alias | upper', 'curly', h2).rendered, 'S3CRET');
  const cyc = resolveExpression('loop_a', 'curly', h2);
  assert.equal(cyc.resolved.kind, 'unknown');
  assert.ok(cyc.cycle, 'a cycle of references is reported');
});

test('filters and non-references', () => {
  assert.deepEqual(parseReference('.Values.a.b | default "x" | quote', 'curly'), { path: ['a', 'b'], filters: [{ name: 'default', value: 'x' }, { name: 'quote' }] });
  assert.equal(parseReference('.Values.a | nindent 4', 'curly'), undefined);
  assert.equal(parseReference('$key', 'curly'), undefined);
  assert.equal(parseReference('template "x" .', 'curly'), undefined);
  assert.equal(parseReference('admin_password', 'erb'), undefined);
  assert.equal(applyFilters('admin', [{ name: 'b64enc' }]), 'YWRtaW4=');
  assert.equal(applyFilters('', [{ name: 'default', value: 'd' }]), 'd');
});

test('bad values files: one notice at the offending spot, never a crash or a hang', () => {
  const bad = yamlLayer('/v.yaml', 'a:\n  b: [1, 2\nc: : :\n');
  assert.equal(bad.layer, undefined);
  assert.match(bad.notice!.message, /not valid YAML/);
  const t0 = performance.now();
  const big = yamlLayer('/big.yaml', 'k: v\n'.repeat(2_200_000));
  assert.match(big.notice!.message, /over the 1048576-character limit/);
  assert.ok(performance.now() - t0 < 1000);
});

test('Ansible: only the hosts a play applies the role to render it; a role no play applies renders for none', () => {
  const files = {
    '/p/site.yml': '- hosts: web\n  roles:\n    - r\n- hosts:\n    - h3\n  roles:\n    - role: other\n',
    '/p/roles/r/defaults/main.yml': 'pw: admin\n',
    '/p/roles/unused/defaults/main.yml': 'pw: admin\n',
    '/p/inv/inventory': '[web]\nh1\n[db]\nh2\n',
    '/p/inv/host_vars/h3.yml': 'pw: x\n',
  };
  assert.deepEqual(casesFor('/p/roles/r/templates/deployment.toml.j2', memory(files))!.cases.map((x) => x.name), ['host h1']);
  assert.deepEqual(casesFor('/p/roles/other/templates/deployment.toml.j2', memory(files))!.cases.map((x) => x.name), ['host h3']);
  // A role no play applies: only its own defaults (no host case).
  assert.deepEqual(casesFor('/p/roles/unused/templates/deployment.toml.j2', memory(files))!.cases.map((x) => x.name), ['role unused defaults']);
});
