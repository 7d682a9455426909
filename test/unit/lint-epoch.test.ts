// A template's renderings are one lint (engine/lint-epoch.ts): the G01 home memo is statted once for all of them,
// and again on the next lint — a file changed between two lints of a template is seen, as for a plain file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { asOneLint, currentLint } from '../../shared-rules/engine/lint-epoch';
import { memory } from '../helpers/memory-files';

// A Helm-templated deployment.toml with two branches: two renderings per lint, each asking G01 for the home's release.
const TEMPLATE = '[server]\nhostname = "{{ .Values.host }}"\n{{- if .Values.tls }}\n[transport.https.properties]\nsslProtocol = "TLS"\n{{- end }}\n';

function release(file: string): string | undefined {
  const f = lintText(file, TEMPLATE, { values: false }).findings.find((x) => x.ruleId === 'security-advisories');
  return f ? /^WSO2 API Manager ([\d.]+)/.exec(f.message)?.[1] : undefined;
}

test('one lint: nested calls share an id, the next call gets another, none outside', () => {
  assert.equal(currentLint(), undefined);
  const ids = asOneLint(() => [currentLint(), asOneLint(() => currentLint())]);
  assert.equal(ids[0], ids[1]);
  assert.notEqual(asOneLint(() => currentLint()), ids[0]);
  assert.equal(currentLint(), undefined);
  assert.throws(() => asOneLint(() => { throw new Error('x'); }));
  assert.equal(currentLint(), undefined, 'left after a throw');
});

test('a template linted again after its home changed: the new release, every time', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-epoch-'));
  try {
    const file = path.join(dir, 'deployment.toml');
    fs.writeFileSync(file, TEMPLATE);
    const docker = path.join(dir, 'Dockerfile');
    fs.writeFileSync(docker, 'FROM wso2/wso2am:4.2.0\n');
    assert.equal(release(file), '4.2.0');
    assert.equal(release(file), '4.2.0');
    fs.writeFileSync(docker, 'FROM wso2/wso2am:4.1.0\n'); // same size: only mtime/ctime tell
    assert.equal(release(file), '4.1.0');
    fs.rmSync(docker);
    assert.equal(release(file), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a values file edited between two lints of its template: the new value is linted (remembered look-ups go with its text)', () => {
  const tpl = '/c/confs/deployment.toml';
  const text = '[super_admin]\nusername = "ops"\npassword = {{ .Values.admin.password | quote }}\n';
  const at = (values: string) => {
    const fa = memory({ '/c/Chart.yaml': 'name: c\n', '/c/values.yaml': values, [tpl]: text });
    return (lintText(tpl, text, { values: fa }).values ?? []).map((v) => v.finding.ruleId).sort();
  };
  assert.deepEqual(at('admin:\n  password: admin\n'), ['default-admin-credentials', 'plaintext-password']);
  assert.deepEqual(at('admin:\n  password: "$secret{admin_pw}"\n'), []);
  assert.deepEqual(at('admin:\n  password: admin\n'), ['default-admin-credentials', 'plaintext-password']);
});
