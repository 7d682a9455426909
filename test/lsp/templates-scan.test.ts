// Issue 15 in the editor: the workspace scan reports template twins and files named by .carbonlint.json
// "associations" without their being opened, in template positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, makeWorkspace, scanEnded, startClient } from './client';

const TWIN = '[super_admin]\nusername = "admin"\n{% if vault %}\npassword = "$secret{admin_password}"\n{% else %}\npassword = "admin"\n{% endif %}\n';
const ADMIN = '[super_admin]\nusername = "admin"\npassword = "admin"\n';

test('the scan reports unopened template twins and associated files', async () => {
  const ws = makeWorkspace({
    'roles/is/templates/repository/conf/deployment.toml.j2': TWIN,
    'chart/conf/prod.cfg': ADMIN,
    'chart/other.cfg': ADMIN,
    '.carbonlint.json': JSON.stringify({ associations: { 'chart/conf/*.cfg': 'deployment.toml' } }),
  });
  const c = await startClient({ folders: [ws.root] });
  try {
    await scanEnded(c);
    const twin = c.latest(ws.uri('roles/is/templates/repository/conf/deployment.toml.j2'));
    assert.deepEqual(codes(twin).sort(), ['default-admin-credentials', 'default-admin-credentials', 'plaintext-password']);
    const inElse = twin!.diagnostics.find((d) => d.code === 'plaintext-password')!;
    assert.equal(inElse.range.start.line, 5);
    assert.match(String(inElse.message), /template branch: the `else` at line 5 of `vault` \(line 3\)/);
    assert.ok(codes(c.latest(ws.uri('chart/conf/prod.cfg'))).includes('default-admin-credentials'));
    assert.ok(!c.published.some((p) => p.uri === ws.uri('chart/other.cfg')), 'not associated: not reported');
  } finally {
    await c.stop();
    ws.cleanup();
  }
});

test('a finding caused by a resolved value is published on the values file, pointing back at the template line', async () => {
  const ws = makeWorkspace({
    'roles/r/templates/deployment.toml.j2': '[super_admin]\nusername = "ops"\npassword = "{{ admin_password }}"\n',
    'roles/r/defaults/main.yml': '# role defaults\nadmin_password: admin\n',
  });
  const c = await startClient({ folders: [ws.root] });
  try {
    await scanEnded(c);
    const values = c.latest(ws.uri('roles/r/defaults/main.yml'));
    assert.deepEqual(codes(values).sort(), ['default-admin-credentials', 'plaintext-password']);
    const d = values!.diagnostics.find((x) => x.code === 'plaintext-password')!;
    assert.deepEqual(d.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 21 } });
    assert.equal(d.relatedInformation?.[0].location.uri, ws.uri('roles/r/templates/deployment.toml.j2'));
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 2);
    // The template line gets only hints pointing back at the values line (hints are not listed in Problems).
    const tpl = c.latest(ws.uri('roles/r/templates/deployment.toml.j2'))!;
    assert.ok(tpl.diagnostics.length > 0 && tpl.diagnostics.every((x) => x.severity === 4), 'hints only: the placeholder itself is no finding');
    const hint = tpl.diagnostics.find((x) => x.code === 'plaintext-password')!;
    assert.equal(hint.range.start.line, 2);
    assert.equal(hint.relatedInformation?.[0].location.uri, ws.uri('roles/r/defaults/main.yml'));
    assert.equal(hint.relatedInformation?.[0].location.range.start.line, 1);
  } finally {
    await c.stop();
    ws.cleanup();
  }
});
