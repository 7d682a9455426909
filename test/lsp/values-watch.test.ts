// Values files in the editor (issue 15) over real JSON-RPC: a template is linted again when a values file it
// reads changes on disk (watched-file events) or in the editor (unsaved text counts), and the findings on the
// values line are updated or cleared; carbonlint.helm.valuesFiles names extra Helm values files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { makeWorkspace, scanEnded, startClient } from './client';

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: is\nversion: 1.0.0\n',
  'chart/values.yaml': 'admin:\n  password: admin\n',
  'chart/values-prod.yaml': 'admin:\n  password: Prod-pw-7\n',
  'chart/confs/deployment.toml': '[super_admin]\nusername = "root"\npassword = {{ .Values.admin.password | quote }}\n',
};
/** "line:col code" (1-based) of the findings with a guideline (not the notices). */
const at = (p: PublishDiagnosticsParams | undefined) => (p?.diagnostics ?? []).filter((d) => d.severity !== 4).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);

test('a values file changed on disk or in the editor re-lints its templates; findings on the values line follow', async () => {
  const ws = makeWorkspace(CHART);
  const c = await startClient({ folders: [ws.root] });
  const values = ws.uri('chart/values.yaml');
  const watched = (rel: string, type: number) => c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri(rel), type }] });
  try {
    await scanEnded(c);
    await c.until('the finding on values.yaml', () => at(c.latest(values)).includes('2:13 plaintext-password'));
    assert.ok(c.registrations.some((r) => (r.registerOptions as { watchers?: Array<{ globPattern: string }> }).watchers?.some((w) => w.globPattern === '**/*.pp')), 'Puppet manifests are watched');

    // On disk: the value becomes a secret reference; the finding goes.
    ws.write('chart/values.yaml', 'admin:\n  password: "$secret{admin_password}"\n');
    let next = c.diagnostics(values, (p) => at(p).length === 0);
    watched('chart/values.yaml', 2);
    await next;

    // In the editor, unsaved: a plain value again, on another line.
    next = c.diagnostics(values, (p) => at(p).includes('3:13 plaintext-password'));
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: values, languageId: 'yaml', version: 1, text: '# prod\nadmin:\n  password: admin\n' } });
    await next;
    next = c.diagnostics(values, (p) => at(p).length === 0);
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: values, version: 2 }, contentChanges: [{ text: '# prod\nadmin:\n  password: "$secret{admin_password}"\n' }] });
    await next;
    // Closed without saving: the disk (a secret reference) again; still nothing.
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: values, version: 3 }, contentChanges: [{ text: 'admin:\n  password: admin\n' }] });
    await c.diagnostics(values, (p) => at(p).includes('2:13 plaintext-password'));
    next = c.diagnostics(values, (p) => at(p).length === 0);
    c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: values } });
    await next;

    // carbonlint.helm.valuesFiles: values-prod.yaml overrides values.yaml; the finding lands there.
    c.settings = { helm: { valuesFiles: ['values-prod.yaml'] } };
    next = c.diagnostics(ws.uri('chart/values-prod.yaml'), (p) => at(p).includes('2:13 plaintext-password'));
    c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await next;
  } finally {
    await c.stop();
    ws.cleanup();
  }
});

test('Ansible: a group_vars folder file created on disk re-lints the role template; the finding names the host', async () => {
  const ws = makeWorkspace({
    'roles/apim/templates/deployment.toml.j2': '[super_admin]\nusername = "root"\npassword = "{{ admin_password }}"\n',
    'roles/apim/defaults/main.yml': 'admin_password: "{{ vault_admin_password }}"\n',
    'inventories/prod/hosts.yml': 'all:\n  children:\n    wso2:\n      children:\n        apim:\n          hosts:\n            apim_1:\n',
    'inventories/prod/group_vars/all.yml': 'x: 1\n',
  });
  const c = await startClient({ folders: [ws.root] });
  try {
    await scanEnded(c);
    const gv = 'inventories/prod/group_vars/wso2/main.yml';
    ws.write(gv, 'vault_admin_password: admin\n');
    const next = c.diagnostics(ws.uri(gv), (p) => at(p).includes('1:23 plaintext-password'));
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri(gv), type: 1 }] });
    const p = await next;
    assert.match(p.diagnostics.find((d) => d.code === 'plaintext-password')!.message as string, /\(value used by deployment\.toml\.j2:3 for host apim_1\)/);
    // The inventory changes on disk: apim_1 leaves the wso2 group, so wso2's group_vars no longer feed it.
    ws.write('inventories/prod/hosts.yml', 'all:\n  children:\n    apim:\n      hosts:\n        apim_1:\n');
    const gone = c.diagnostics(ws.uri(gv), (q) => at(q).length === 0);
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('inventories/prod/hosts.yml'), type: 2 }] });
    await gone;
  } finally {
    await c.stop();
    ws.cleanup();
  }
});

test('Puppet: params.pp edited in the editor re-lints the module template; the finding follows the value', async () => {
  const params = 'modules/is/manifests/params.pp';
  const ws = makeWorkspace({
    'modules/is/templates/carbon-home/repository/conf/deployment.toml.erb': '[super_admin]\nusername = "root"\npassword = "<%= @admin_password %>"\n',
    [params]: "class is::params {\n  $admin_password = 'admin'\n}\n",
  });
  const c = await startClient({ folders: [ws.root] });
  try {
    await scanEnded(c);
    const uri = ws.uri(params);
    await c.until('the finding on params.pp', () => at(c.latest(uri)).includes('2:21 plaintext-password'));
    const next = c.diagnostics(uri, (p) => at(p).includes('3:21 plaintext-password') && !at(p).includes('2:21 plaintext-password'));
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'puppet', version: 1, text: "class is::params {\n  # moved\n  $admin_password = 'admin'\n}\n" } });
    await next;
  } finally {
    await c.stop();
    ws.cleanup();
  }
});
