// The cipher classifier and the cipher-list reader on a broad set of real names (IANA/JSSE, OpenSSL, keywords).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyCipher, suggestCipher } from '../../shared-rules/data/tls/cipher-classify';
import { analyzeCipherString, analyzeCiphers } from '../../shared-rules/data/tls/cipher-lists';
import { JSSE_SUITES } from '../../shared-rules/data/tls/cipher-catalog';
import { selectKeyword } from '../../shared-rules/data/tls/openssl-ciphers';

const VERDICTS: Array<[string, string, string[]?]> = [
  // TLS 1.2 forward-secret AEAD: ok
  ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'ok'],
  ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'ok'],
  ['TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'ok'],
  ['TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'ok'],
  ['TLS_ECDHE_ECDSA_WITH_AES_128_CCM', 'ok'],
  // TLS 1.3
  ['TLS_AES_128_GCM_SHA256', 'ok'],
  ['TLS_AES_256_GCM_SHA384', 'ok'],
  ['TLS_CHACHA20_POLY1305_SHA256', 'ok'],
  // signalling values
  ['TLS_EMPTY_RENEGOTIATION_INFO_SCSV', 'signal'],
  ['TLS_FALLBACK_SCSV', 'signal'],
  // CBC where AEAD exists: discouraged
  ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'discouraged', ['CBC (prefer GCM or ChaCha20-Poly1305)']],
  ['TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', 'discouraged'],
  ['TLS_DHE_RSA_WITH_AES_128_CBC_SHA256', 'discouraged'],
  ['TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8', 'discouraged'],
  // no forward secrecy, DSS: weak
  ['TLS_RSA_WITH_AES_128_GCM_SHA256', 'weak', ['no forward secrecy']],
  ['TLS_RSA_WITH_AES_256_CBC_SHA256', 'weak'],
  ['TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256', 'weak', ['no forward secrecy']],
  ['TLS_ECDH_RSA_WITH_AES_256_CBC_SHA', 'weak'],
  ['TLS_DH_RSA_WITH_AES_128_GCM_SHA256', 'weak'],
  ['TLS_DHE_DSS_WITH_AES_128_GCM_SHA256', 'weak', ['DSS (1024-bit keys)']],
  ['TLS_PSK_WITH_AES_128_GCM_SHA256', 'weak'],
  ['TLS_RSA_WITH_CAMELLIA_128_CBC_SHA', 'weak'],
  // broken
  ['SSL_RSA_WITH_RC4_128_MD5', 'broken', ['RC4', 'MD5', 'no forward secrecy']],
  ['SSL_RSA_WITH_RC4_128_SHA', 'broken'],
  ['TLS_ECDHE_ECDSA_WITH_RC4_128_SHA', 'broken', ['RC4']],
  ['SSL_RSA_WITH_3DES_EDE_CBC_SHA', 'broken'],
  ['TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', 'broken', ['3DES', 'CBC (prefer GCM or ChaCha20-Poly1305)']],
  ['SSL_DHE_RSA_WITH_DES_CBC_SHA', 'broken'],
  ['SSL_RSA_EXPORT_WITH_RC4_40_MD5', 'broken'],
  ['SSL_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA', 'broken'],
  ['TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5', 'broken'],
  ['TLS_KRB5_EXPORT_WITH_DES_CBC_40_SHA', 'broken'],
  ['TLS_RSA_WITH_NULL_SHA256', 'broken', ['NULL encryption', 'no forward secrecy']],
  ['TLS_ECDHE_RSA_WITH_NULL_SHA', 'broken'],
  ['TLS_DH_anon_WITH_AES_128_GCM_SHA256', 'broken', ['anonymous (no authentication)']],
  ['TLS_ECDH_anon_WITH_AES_256_CBC_SHA', 'broken'],
  ['TLS_RSA_WITH_IDEA_CBC_SHA', 'broken'],
  // OpenSSL spellings
  ['ECDHE-RSA-AES256-GCM-SHA384', 'ok'],
  ['ECDHE-ECDSA-CHACHA20-POLY1305', 'ok'],
  ['DHE-RSA-AES128-GCM-SHA256', 'ok'],
  ['ECDHE-RSA-AES128-SHA256', 'discouraged'],
  ['AES128-SHA', 'weak'],
  ['AES256-GCM-SHA384', 'weak'],
  ['ECDH-RSA-AES128-SHA', 'weak'],
  ['DHE-DSS-AES256-GCM-SHA384', 'weak'],
  ['DES-CBC3-SHA', 'broken'],
  ['EDH-RSA-DES-CBC3-SHA', 'broken'],
  ['RC4-MD5', 'broken'],
  ['RC4-SHA', 'broken'],
  ['EXP-RC4-MD5', 'broken'],
  ['EXP-EDH-RSA-DES-CBC-SHA', 'broken'],
  ['NULL-SHA', 'broken'],
  ['ADH-AES128-SHA', 'broken'],
  ['AECDH-NULL-SHA', 'broken'],
  ['IDEA-CBC-SHA', 'broken'],
  // OpenSSL keywords, judged by what they select
  ['aNULL', 'broken'],
  ['eNULL', 'broken'],
  ['EXPORT', 'broken'],
  ['RC4', 'broken'],
  ['3DES', 'broken'],
  ['MD5', 'broken'],
  ['kRSA', 'broken'],
  ['HIGH', 'broken'], // it includes the anonymous suites: hence "HIGH:!aNULL"
  ['ECDHE+AESGCM', 'ok'],
  // unknown: typos and inventions
  ['TLS_EMPTY_RENEGOTIATION_INFO_SCSVF', 'unknown'],
  ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265', 'unknown'],
  ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA256', 'unknown'],
  ['TLS_ECDHE_RSA_WITH_AES_128_CBC', 'unknown'],
  ['tls_ecdhe_rsa_with_aes_128_gcm_sha256', 'unknown'],
  ['ECDHE-AES128-SHA', 'unknown'],
  ['HIGHEST', 'unknown'],
  ['', 'unknown'],
];

for (const [name, verdict, reasons] of VERDICTS) {
  test(`classify ${name || '(empty)'} → ${verdict}`, () => {
    const c = classifyCipher(name);
    assert.equal(c.verdict, verdict);
    if (reasons) assert.deepEqual(c.weaknesses.map((w) => w.reason), reasons);
  });
}

test('OpenSSL names map to their IANA names', () => {
  assert.equal(classifyCipher('ECDHE-RSA-AES256-GCM-SHA384').suite?.iana, 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
  assert.equal(classifyCipher('DES-CBC3-SHA').suite?.iana, 'TLS_RSA_WITH_3DES_EDE_CBC_SHA');
  assert.equal(classifyCipher('EDH-RSA-DES-CBC3-SHA').suite?.iana, 'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA');
  assert.equal(classifyCipher('RC4-MD5').suite?.iana, 'TLS_RSA_WITH_RC4_128_MD5');
  assert.equal(classifyCipher('EXP-EDH-RSA-DES-CBC-SHA').suite?.iana, 'TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA');
  assert.equal(classifyCipher('ECDHE-ECDSA-CHACHA20-POLY1305').suite?.iana, 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256');
  assert.equal(classifyCipher('SSL_RSA_WITH_RC4_128_MD5').suite?.iana, 'TLS_RSA_WITH_RC4_128_MD5');
});

test('every catalog suite is named by IANA and classified', () => {
  assert.ok(JSSE_SUITES.length > 90);
  for (const s of JSSE_SUITES) assert.notEqual(classifyCipher(s.iana).verdict, 'unknown', s.iana);
});

test('typos get a suggestion, inventions none', () => {
  assert.equal(suggestCipher('TLS_EMPTY_RENEGOTIATION_INFO_SCSVF'), 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV');
  assert.equal(suggestCipher('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265'), 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
  assert.equal(suggestCipher('TLS_FOO_WITH_BAR'), undefined);
});

test('OpenSSL keywords select from the JSSE suites; TLS 1.3 suites are never selected', () => {
  assert.ok(selectKeyword('aNULL')!.every((s) => s.au === 'anon'));
  assert.ok(selectKeyword('HIGH')!.every((s) => !['3DES', 'RC4_128', 'DES'].includes(s.enc) && !s.tls13));
  assert.deepEqual(selectKeyword('ECDHE+AESGCM')!.map((s) => s.iana).sort(), [
    'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  ]);
  assert.equal(selectKeyword('NOPE'), undefined);
});

test('Tomcat cipher strings are read the way OpenSSL does: add, remove, delete for good', () => {
  const a = analyzeCipherString('HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!kRSA', 'tomcat');
  assert.equal(a.openssl, true);
  assert.ok(a.enabled.length > 0);
  assert.ok(a.enabled.every((e) => e.suite.kx !== 'RSA' && e.suite.au !== 'anon'));
  const b = analyzeCipherString('ECDHE+AESGCM:-ECDHE+AESGCM:ECDHE-RSA-AES128-GCM-SHA256', 'tomcat');
  assert.deepEqual(b.enabled.map((e) => e.suite.iana), ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']);
  const c = analyzeCipherString('!kRSA:AES128-SHA:TLS_RSA_WITH_AES_128_GCM_SHA256', 'tomcat');
  assert.deepEqual(c.enabled, []);
});

test('JSSE lists take suite names only: OpenSSL names and keywords are not understood', () => {
  const a = analyzeCipherString('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ECDHE-RSA-AES256-GCM-SHA384,HIGH,TLS_EMPTY_RENEGOTIATION_INFO_SCSV', 'jsse');
  assert.deepEqual(a.enabled.map((e) => e.suite.iana), ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']);
  assert.deepEqual(a.unknown.map((t) => [t.text, t.suggestion]), [['ECDHE-RSA-AES256-GCM-SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'], ['HIGH', undefined]]);
  assert.equal(analyzeCiphers([{ text: 'TLS_AES_128_GCM_SHA256', start: 0, end: 22 }], 'jsse').enabled.length, 1);
});

test('item offsets point at the names', () => {
  const s = 'TLS_A, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256';
  const a = analyzeCipherString(s, 'jsse');
  assert.equal(s.slice(a.tokens[1].start, a.tokens[1].end), 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
});
