// Over the rendering limits (issue 15): more than 32 branch renderings, or more value cases (Ansible hosts) than
// are checked, is a clear notice on the template — which template, how many, what was done — never silent.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintText } from '../../shared-rules/engine/lint';
import { MAX_CASES, MAX_VARIANTS, TEMPLATE_RENDERINGS } from '../../shared-rules/engine/template-lint';
import { memory } from '../helpers/memory-files';


test('more than 32 renderings: one notice at the first if, the template still checked as one text', () => {
  let text = '[super_admin]\nusername = "admin"\npassword = "admin"\n';
  for (let i = 0; i < MAX_VARIANTS + 1; i++) text += `{% if flag_${i} %}\n# option ${i}\n{% endif %}\n`;
  const r = lintText('/t/deployment.toml.j2', text, { values: false });
  const notices = r.findings.filter((f) => f.ruleId === TEMPLATE_RENDERINGS);
  assert.equal(notices.length, 1);
  assert.equal(`${notices[0].range.start.line + 1}:${notices[0].range.start.character + 1}-${notices[0].range.end.character + 1}`, '4:1-16');
  assert.equal(notices[0].severity, 'info');
  assert.equal(notices[0].guideline, null);
  assert.equal(notices[0].message, 'Template deployment.toml.j2: its `if` chains make 34 renderings, more than the limit of 32; it is checked as one text instead (every branch kept, template tags opaque), so findings do not name a branch and values do not choose branches.');
  assert.ok(r.findings.some((f) => f.ruleId === 'plaintext-password' && f.range.start.line === 2), 'still checked');
  // At the limit: no notice.
  let ok = '[server]\n';
  for (let i = 0; i < MAX_VARIANTS - 1; i++) ok += `{% if flag_${i} %}\n# option ${i}\n{% endif %}\n`;
  assert.equal(lintText('/t/deployment.toml.j2', ok, { values: false }).findings.filter((f) => f.ruleId === TEMPLATE_RENDERINGS).length, 0);
});

test('more value cases (hosts) than are checked: a notice naming how many and which were left out', () => {
  const hosts = Array.from({ length: MAX_CASES + 3 }, (_, i) => `apim_${String(i + 1).padStart(2, '0')}`);
  const tpl = '/p/roles/r/templates/deployment.toml.j2';
  const fa = memory({
    [tpl]: '[super_admin]\npassword = "{{ admin_pw }}"\n',
    '/p/roles/r/defaults/main.yml': 'admin_pw: admin\n',
    '/p/inv/inventory': `[apim]\n${hosts.join('\n')}\n`,
    '/p/inv/group_vars/apim.yml': 'x: 1\n',
  });
  const r = lintText(tpl, fa.read(tpl)!, { values: fa });
  const notices = r.findings.filter((f) => f.ruleId === TEMPLATE_RENDERINGS);
  assert.equal(notices.length, 1);
  assert.equal(notices[0].range.start.line, 0);
  assert.equal(notices[0].message, 'Template deployment.toml.j2: 11 value cases render it, more than the limit of 8; its values are checked for the first 8 (host apim_01, host apim_02, host apim_03, host apim_04, host apim_05, host apim_06, host apim_07, host apim_08) and not for the other 3 (host apim_09, host apim_10, host apim_11).');
  const v = (r.values ?? []).find((x) => x.finding.ruleId === 'plaintext-password')!;
  assert.match(v.finding.message, /for host apim_01, .*host apim_08\)$/);
  assert.doesNotMatch(v.finding.message, /apim_09/);
});
