// Ansible values beyond one file per group (issue 15): group_vars/<group>/ and host_vars/<host>/ folders, and
// inventory groups with `[group:children]` / `children:` nesting, so precedence role defaults < group_vars/all <
// group_vars/<parent> < group_vars/<child> < host_vars/<host> holds per host. Bounded: cycles, depth.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { casesFor } from '../../shared-rules/engine/values/cases';
import { resolveExpression } from '../../shared-rules/engine/values/resolve';
import { emptyInventory, groupsOf, readInventory } from '../../shared-rules/engine/values/inventory';
import { lintText } from '../../shared-rules/engine/lint';
import { memory } from '../helpers/memory-files';


const where = (expr: string, rc: Parameters<typeof resolveExpression>[2]) => {
  const r = resolveExpression(expr, 'curly', rc);
  return r.resolved.kind === 'unknown' ? 'unknown' : `${r.resolved.site.file} ${r.rendered ?? r.resolved.kind}`;
};

test('INI inventory: [group:children] nesting orders group_vars parent < child, per host', () => {
  const fa = memory({
    '/p/roles/r/defaults/main.yml': 'pw: d\nuser: d\nport: d\nhv: d\n',
    '/p/prod/hosts': '[apim]\napim_1 ansible_host=10.0.0.1\n[mi]\nmi_1\n[wso2:children]\napim\nmi\n[wso2:vars]\nx=1\n',
    '/p/prod/group_vars/all.yml': 'pw: all\nuser: all\nport: all\nhv: all\n',
    '/p/prod/group_vars/wso2.yml': 'pw: wso2\nuser: wso2\n',
    '/p/prod/group_vars/apim.yml': 'pw: apim\n',
    '/p/prod/host_vars/apim_1.yml': 'hv: host\n',
  });
  const c = casesFor('/p/roles/r/templates/deployment.toml.j2', fa)!;
  assert.deepEqual(c.cases.map((x) => x.name), ['host apim_1', 'host mi_1']);
  const [apim, mi] = c.cases;
  assert.equal(where('pw', apim), '/p/prod/group_vars/apim.yml apim', 'the child group over its parent');
  assert.equal(where('user', apim), '/p/prod/group_vars/wso2.yml wso2', 'the parent group over all');
  assert.equal(where('port', apim), '/p/prod/group_vars/all.yml all');
  assert.equal(where('hv', apim), '/p/prod/host_vars/apim_1.yml host');
  assert.equal(where('pw', mi), '/p/prod/group_vars/wso2.yml wso2', 'mi_1 is in wso2 through [wso2:children]');
});

test('group_vars/<group>/ and host_vars/<host>/ folders: every *.yml inside, merged in name order', () => {
  const fa = memory({
    '/p/roles/r/defaults/main.yml': 'a: d\n',
    '/p/inv/inventory': '[apim]\nh1\n',
    '/p/inv/group_vars/all/10-main.yml': 'a: all10\nb: all10\nc: all10\n',
    '/p/inv/group_vars/all/20-over.yaml': 'b: all20\n',
    '/p/inv/group_vars/all/notes.txt': 'c: ignored\n',
    '/p/inv/group_vars/apim/vars.yml': 'c: apim-vars\n',
    '/p/inv/group_vars/apim/vault.yml': 'secret_pw: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3132\n',
    '/p/inv/host_vars/h1/main.yml': 'd: host\n',
  });
  const [h1] = casesFor('/p/roles/r/templates/deployment.toml.j2', fa)!.cases;
  assert.equal(h1.name, 'host h1');
  assert.equal(where('a', h1), '/p/inv/group_vars/all/10-main.yml all10');
  assert.equal(where('b', h1), '/p/inv/group_vars/all/20-over.yaml all20');
  assert.equal(where('c', h1), '/p/inv/group_vars/apim/vars.yml apim-vars');
  assert.equal(where('secret_pw', h1), '/p/inv/group_vars/apim/vault.yml protected');
  assert.equal(where('d', h1), '/p/inv/host_vars/h1/main.yml host');
});

test('YAML inventory with children:, and a play targeting the parent group applies to its hosts', () => {
  const fa = memory({
    '/p/site.yml': '- hosts: wso2\n  roles:\n    - r\n',
    '/p/roles/r/defaults/main.yml': 'pw: d\n',
    '/p/inv/hosts.yml': 'all:\n  hosts:\n    loose:\n  children:\n    wso2:\n      children:\n        apim:\n          hosts:\n            apim_1:\n              ansible_host: 10.0.0.1\n            apim_2:\n',
    '/p/inv/group_vars/wso2.yml': 'pw: parent\n',
    '/p/inv/group_vars/apim.yml': 'pw: child\n',
  });
  const c = casesFor('/p/roles/r/templates/deployment.toml.j2', fa)!;
  assert.deepEqual(c.cases.map((x) => x.name), ['host apim_1', 'host apim_2'], '`loose` is not in wso2: the play does not apply the role to it');
  assert.equal(where('pw', c.cases[0]), '/p/inv/group_vars/apim.yml child');
});

test('inventory: a cycle of children and a deep chain are bounded', () => {
  const inv = emptyInventory();
  readInventory('hosts', '[a]\nh\n[a:children]\nb\n[b:children]\na\n', inv);
  assert.deepEqual(new Set(groupsOf(inv, 'h')), new Set(['a', 'b']), 'both groups, the cycle cut');
  const deep = emptyInventory();
  let ini = '[g0]\nh\n';
  for (let i = 0; i < 3000; i++) ini += `[g${i + 1}:children]\ng${i}\n`;
  const t0 = performance.now();
  readInventory('hosts', ini, deep);
  const gs = groupsOf(deep, 'h');
  assert.ok(gs.length <= 500, 'the walk stops');
  assert.ok(performance.now() - t0 < 2000);
  const y = emptyInventory();
  readInventory('hosts.yml', 'all:\n  children:\n    x: &x\n      hosts: {h: }\n      children:\n        y: *x\n', y);
  assert.ok(groupsOf(y, 'h').includes('x'));
});

test('lint: a value from a group_vars folder is reported on its line, naming the host', () => {
  const fa = memory({
    '/p/roles/r/templates/deployment.toml.j2': '[super_admin]\nusername = "{{ admin_user }}"\npassword = "{{ admin_pw }}"\n',
    '/p/roles/r/defaults/main.yml': 'admin_user: admin\nadmin_pw: "{{ vault_admin_pw }}"\n',
    '/p/inv/inventory': '[apim]\napim_1\n[gw]\ngw_1\n[wso2:children]\napim\ngw\n',
    '/p/inv/group_vars/wso2/main.yml': 'vault_admin_pw: admin\n',
    '/p/inv/group_vars/gw/secrets.yml': 'admin_user: gwadmin\nvault_admin_pw: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3132\n',
  });
  const file = '/p/roles/r/templates/deployment.toml.j2';
  const r = lintText(file, fa.read(file)!, { values: fa });
  const got = (r.values ?? []).filter((v) => v.finding.guideline !== null).map((v) => `${v.file}:${v.finding.range.start.line + 1}:${v.finding.range.start.character + 1}-${v.finding.range.end.character + 1} ${v.finding.ruleId} | ${/\(value used by [^)]*\)/.exec(v.finding.message)?.[0]}`);
  assert.ok(got.includes('/p/inv/group_vars/wso2/main.yml:1:17-22 plaintext-password | (value used by deployment.toml.j2:3 for host apim_1)'), got.join('\n'));
  assert.ok(got.includes('/p/roles/r/defaults/main.yml:1:13-18 default-admin-credentials | (value used by deployment.toml.j2:2 for host apim_1)'), got.join('\n'));
  assert.ok(!got.some((g) => g.includes('gw_1') && g.includes('plaintext-password')), 'gw_1 takes the vaulted value: protected');
});
