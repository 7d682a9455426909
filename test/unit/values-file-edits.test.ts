// A chart's values.yaml is parsed once and kept while its text is the same (values/cases.ts): each lint reads the
// file and compares what it read. An edit that keeps the size and the modification time (a stat signature cannot
// tell) must still give the new values' findings. Fails when the kept parse is reused without that comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';

const TEMPLATE = '[super_admin]\nusername = "ops"\npassword = {{ .Values.admin.password | quote }}\n';

test('values.yaml edited in place, same size and modification time: the new value is linted', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-values-edit-'));
  try {
    fs.writeFileSync(path.join(dir, 'Chart.yaml'), 'name: c\n');
    fs.mkdirSync(path.join(dir, 'confs'));
    const tpl = path.join(dir, 'confs', 'deployment.toml');
    fs.writeFileSync(tpl, TEMPLATE);
    const values = path.join(dir, 'values.yaml');
    const when = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const rulesWith = (password: string) => {
      fs.writeFileSync(values, `admin:\n  password: ${password}\n`);
      fs.utimesSync(values, when, when);
      const st = fs.statSync(values);
      assert.deepEqual([st.size, st.mtimeMs], [25, when.getTime()]);
      return (lintText(tpl, TEMPLATE).values ?? []).map((v) => v.finding.ruleId).sort();
    };
    assert.deepEqual(rulesWith('admin'), ['default-admin-credentials', 'plaintext-password']);
    assert.deepEqual(rulesWith('zebra'), ['plaintext-password']);
    assert.deepEqual(rulesWith('admin'), ['default-admin-credentials', 'plaintext-password']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
