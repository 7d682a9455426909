// The weak-cipher finding says what a listener can really negotiate with the key in its keystore.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { jksWith, productHome, resourcesAt, selfSigned } from './keystore-fixtures';
import { keyKindsFor } from '../../shared-rules/rules/util/cipher-keys';
import { parseIana } from '../../shared-rules/data/tls/cipher-names';

const TOML = '[server]\nhostname = "is.example.com"\n\n[keystore.primary]\nfile_name = "ks.jks"\npassword = "ks-pass-1"\nalias = "k"\nkey_password = "ks-pass-1"\n';

test('Tomcat default list with the RSA key read from the keystore: CBC is what it negotiates; DSS/static ECDH never', () => {
  const home = productHome('wso2is-7.0.0', {
    'repository/conf/deployment.toml': TOML,
    'repository/resources/security/ks.jks': jksWith('ks-pass-1', [['k', selfSigned([['CN', 'is.example.com']], 'sha256')]]),
  });
  const file = path.join(home, 'repository/conf/deployment.toml');
  const f = lintText(file, fs.readFileSync(file, 'utf8'), { resources: resourcesAt(), settings: resolveSettings() }).findings.find((x) => x.ruleId === 'weak-tls-ciphers');
  assert.ok(f);
  assert.equal(f.severity, 'info');
  assert.match(f.message, /enables CBC \(prefer GCM or ChaCha20-Poly1305\): 8 suites such as TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 \(selected by HIGH\) \(with the RSA key in repository\/resources\/security\/ks\.jks, the list's DSS \(1024-bit keys\): 6 suites .*no forward secrecy: 12 suites .* can never be negotiated\)/);
  assert.doesNotMatch(f.message, /if the key were|as shipped/);
});

test('which key a suite needs', () => {
  const k = (n: string) => keyKindsFor(parseIana(n)!);
  assert.deepEqual(k('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'), ['rsa']);
  assert.deepEqual(k('TLS_DHE_DSS_WITH_AES_128_GCM_SHA256'), ['dsa']);
  assert.deepEqual(k('TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256'), ['ec']);
  assert.deepEqual(k('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'), ['ec']);
  assert.equal(k('TLS_AES_128_GCM_SHA256'), 'any');
});

test('the shipped list described by key is remembered per key and store: no key, then the RSA key, then another store', () => {
  // describeForKey of a shipped list is remembered (tls-cipher-check.ts): each of these must still get its own text.
  const store = jksWith('ks-pass-1', [['k', selfSigned([['CN', 'is.example.com']], 'sha256')]]);
  const home = productHome('wso2is-7.0.0', { 'repository/conf/deployment.toml': TOML });
  const file = path.join(home, 'repository/conf/deployment.toml');
  const message = (text: string) => lintText(file, text, { resources: resourcesAt(), settings: resolveSettings() }).findings.find((x) => x.ruleId === 'weak-tls-ciphers')?.message ?? '';
  assert.match(message(TOML), /if the key were DSA or EC/);
  fs.mkdirSync(path.join(home, 'repository/resources/security'), { recursive: true });
  fs.writeFileSync(path.join(home, 'repository/resources/security/ks.jks'), store);
  assert.match(message(TOML), /with the RSA key in repository\/resources\/security\/ks\.jks/);
  fs.writeFileSync(path.join(home, 'repository/resources/security/other.jks'), store);
  assert.match(message(TOML.replace('ks.jks', 'other.jks')), /with the RSA key in repository\/resources\/security\/other\.jks/);
  assert.match(message(TOML), /with the RSA key in repository\/resources\/security\/ks\.jks/);
});
