// A Kubernetes Secret's base64 `data:` (issue 15): decoded (bounded) and linted like stringData, every finding
// on the data key's line (never inside the base64), no quick fix there, and no decoded text in any output.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintText } from '../../shared-rules/engine/lint';
import { classify } from '../../shared-rules/engine/files';
import { secretDataEntries } from '../../shared-rules/engine/embedded-base64';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const TOML = '[server]\nhostname = "localhost"\n\n[super_admin]\nusername = "admin"\npassword = "admin"\ncreate_admin_account = true\n\n[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "Xq7-unique-pw"\n';
const SCRIPT = '#!/bin/sh\n$JAVACMD -Dhttpclient.hostnameVerifier=AllowAll -Dcarbon.home="$CARBON_HOME" org.wso2.carbon.bootstrap.Bootstrap $*\n';
// A literal block wraps the base64 over lines, as `kubectl create secret … -o yaml | fold` would.
const wrapped = b64(SCRIPT).replace(/(.{40})/g, '$1\n    ');
const MANIFEST = `apiVersion: v1
kind: Secret
metadata:
  name: is-conf
type: Opaque
data:
  deployment.toml: ${b64(TOML)}
  api-manager.sh: |
    ${wrapped}
  tls.crt: ${b64('not a checked file')}
  log4j2.properties: "%%%not-base64%%%"
`;
const FILE = '/k8s/is-secret.yaml';

test('a Secret with base64 data is recognised and linted as the files it holds, findings on the key line', () => {
  assert.ok(classify(FILE, MANIFEST));
  assert.equal(classify(FILE, `kind: Secret\ndata:\n  deployment.toml: ${b64(TOML)}\n`), 'toml', 'a plain base64 value marks the manifest as one to read');
  assert.equal(classify(FILE, `kind: ConfigMap\ndata:\n  deployment.toml: ${b64(TOML)}\n`), undefined);
  const r = lintText(FILE, MANIFEST);
  const rows = r.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.ruleId}`);
  for (const want of [
    '7:3-7:18 default-admin-credentials',
    '7:3-7:18 plaintext-password',
    '7:3-7:18 default-keystore',
    '8:3-8:17 jvm-hostname-verification',
  ]) assert.ok(rows.includes(want), `${want}\n${rows.join('\n')}`);
  assert.ok(rows.every((row) => /^(7:3-7:18|8:3-8:17) /.test(row)), rows.join('\n'));
  const admin = r.findings.find((f) => f.ruleId === 'default-admin-credentials')!;
  assert.match(admin.message, /\(in deployment\.toml, base64 `data`, decoded line [56]\)$/);
  for (const f of r.findings) assert.equal(f.fix, undefined, `no quick fix in base64 data: ${f.ruleId}`);
});

test('no decoded text in any output', () => {
  const out = JSON.stringify(lintText(FILE, MANIFEST));
  for (const secret of ['Xq7-unique-pw', b64('Xq7-unique-pw'), 'hostname = "localhost"']) assert.ok(!out.includes(secret), secret);
});

test('bounded and strict: not base64, binary, templated, or too large is not decoded', () => {
  const only = (m: string) => secretDataEntries(m, (k) => k === 'deployment.toml').map((e) => e.key);
  assert.deepEqual(only('kind: Secret\ndata:\n  deployment.toml: "{{ .Files.Get \\"x\\" | b64enc }}"\n'), []);
  assert.deepEqual(only(`kind: Secret\ndata:\n  deployment.toml: ${Buffer.from([0xff, 0x00, 0xfe]).toString('base64')}\n`), [], 'binary');
  assert.deepEqual(only(`kind: ConfigMap\ndata:\n  deployment.toml: ${b64(TOML)}\n`), [], 'a ConfigMap holds no base64');
  const big = `kind: Secret\ndata:\n  deployment.toml: ${'QUFB'.repeat(300_000)}\n`;
  const t0 = performance.now();
  assert.deepEqual(only(big), []);
  assert.ok(performance.now() - t0 < 1000);
  assert.deepEqual(only(`kind: Secret\ndata:\n  deployment.toml: ${b64(TOML)}\n`), ['deployment.toml']);
});
