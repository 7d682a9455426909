// Memos added for typing and template renderings (issue 22): each gives what the uncached computation gives, and
// what it hands out cannot be changed by one caller for the next.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCipherString, analyzeCiphers, splitCiphers } from '../../shared-rules/data/tls/cipher-lists';
import { ruleDocUri } from '../../server/src/diagnostics';

const LISTS: Array<[string, 'tomcat' | 'jsse']> = [
  ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_RC4_128_MD5,TLS_BOGUS_SUITE', 'jsse'],
  ['HIGH:!aNULL:!MD5:-RC4:+AES256', 'tomcat'],
  ['ECDHE-RSA-AES128-GCM-SHA256, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA ,TLS_ECDH_anon_WITH_AES_128_CBC_SHA', 'tomcat'],
];

test('cipher strings: the remembered analysis equals a fresh one, twice, and is frozen', () => {
  for (const [s, dialect] of LISTS) {
    const fresh = analyzeCiphers(splitCiphers(s, dialect), dialect, s.includes(':'));
    const a = analyzeCipherString(s, dialect);
    assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(fresh)), s);
    assert.equal(analyzeCipherString(s, dialect), a, 'the same analysis object the second time');
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a.tokens) && Object.isFrozen(a.enabled) && Object.isFrozen(a.unknown));
    assert.throws(() => (a.tokens as unknown as string[]).push('x'));
    if (a.tokens.length) assert.throws(() => { (a.tokens[0] as { text: string }).text = 'changed'; });
  }
});

test('cipher tokens: a remembered unknown name still carries its own offsets in each list', () => {
  const a = analyzeCipherString('TLS_BOGUS_SUITE,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'jsse');
  const b = analyzeCipherString('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_BOGUS_SUITE', 'jsse');
  assert.equal(a.unknown[0].start, 0);
  assert.equal(b.unknown[0].start, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,'.length);
  assert.equal(a.unknown[0].suggestion, b.unknown[0].suggestion);
});

test('rule-doc URIs: one per rule id, the same string each time; none for a file-level code', () => {
  const u = ruleDocUri('plaintext-password');
  assert.match(u ?? '', /^file:.*\/docs\/rules\/plaintext-password\.md$/);
  assert.equal(ruleDocUri('plaintext-password'), u);
  assert.equal(ruleDocUri('toml-syntax'), undefined);
  assert.equal(ruleDocUri('toml-syntax'), undefined);
});
