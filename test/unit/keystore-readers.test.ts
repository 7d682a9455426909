// The store readers against keytool: every entry of the 16 corpus stores (alias, kind, fingerprint, signature,
// key size, expiry), format by content, integrity checks, and damage that must never crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { detectFormat } from '../../shared-rules/keystores/format';
import { readJks } from '../../shared-rules/keystores/jks';
import { readPkcs12, kdfIterations, MAX_KDF_ITERATIONS } from '../../shared-rules/keystores/pkcs12';
import { analyzeCertificate } from '../../shared-rules/keystores/certificate';
import { openStore } from '../../shared-rules/keystores/open';
import { StoreError } from '../../shared-rules/keystores/types';
import { sampleStore } from '../../shared-rules/keystores/sample';
import { STORES, NO_KEYSTORES, inventory, passwordOf, storeBytes } from './keystore-fixtures';

/** keytool quotes a value with a comma and says EMAILADDRESS, OID.2.5.4.97; OpenSSL escapes the comma and names them. */
const dn = (s: string) => s.replace(/[\\"]/g, '').toUpperCase().replace(/OID\.2\.5\.4\.97=/g, 'ORGANIZATIONIDENTIFIER=');
const read = (b: Uint8Array, pw: string) => (detectFormat(b) === 'pkcs12' ? readPkcs12(b, pw) : readJks(b, pw));
const problemOf = (f: () => unknown) => {
  try {
    f();
    return 'opened';
  } catch (e) {
    assert.ok(e instanceof StoreError, `a StoreError, not ${(e as Error).message}`);
    return e.problem;
  }
};

test('format by content: JKS magic, PKCS12 DER, whatever the name', { skip: NO_KEYSTORES }, () => {
  const formats = Object.fromEntries(STORES.map((s) => [s, detectFormat(storeBytes(s))]));
  const pkcs12 = STORES.filter((s) => formats[s] === 'pkcs12');
  assert.deepEqual(pkcs12, ['carbon-kernel-4.9.27/wso2carbon.jks', 'is-7.2.0/wso2carbon.p12', 'is-7.3.0/wso2carbon.p12', 'is-7.3.0/client-truststore.p12', 'generated/strong.p12']);
  assert.ok(STORES.filter((s) => !pkcs12.includes(s)).every((s) => formats[s] === 'jks'));
  assert.equal(detectFormat(new Uint8Array([0xce, 0xce, 0xce, 0xce, 0, 0, 0, 2])), 'jceks');
  assert.equal(detectFormat(Buffer.from('version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 33260\n')), 'git-lfs-pointer');
  assert.equal(detectFormat(Buffer.from('-----BEGIN CERTIFICATE-----\n')), 'unknown');
  assert.equal(detectFormat(new Uint8Array()), 'empty');
});

for (const rel of STORES) {
  test(`reader matches keytool: ${rel}`, { skip: NO_KEYSTORES }, () => {
    const expected = inventory().get(rel)!;
    const got = read(storeBytes(rel), passwordOf(rel));
    const rows = got.entries.map((e) => {
      const c = analyzeCertificate(e.chain[0]);
      return {
        alias: e.alias, type: e.kind === 'key' ? 'PrivateKeyEntry' : 'trustedCertEntry', sha256: c.sha256, sigalg: c.signature.name,
        keyBits: c.key.bits, notAfter: c.notAfter?.toISOString().replace('T', ' ').slice(0, 19), subject: dn(c.subject),
      };
    });
    const byAlias = (a: { alias: string }, b: { alias: string }) => a.alias.localeCompare(b.alias);
    const uniq = [...new Map(expected.map((e) => [e.alias, { ...e, subject: dn(e.subject) }])).values()];
    assert.deepEqual(rows.sort(byAlias), uniq.sort(byAlias));
  });
}

test('every corpus store rejects a wrong password (JKS digest, PKCS12 MAC or key decryption)', { skip: NO_KEYSTORES }, () => {
  for (const rel of STORES) assert.equal(problemOf(() => read(storeBytes(rel), 'not-the-password')), 'wrong-password', rel);
});

test('truncated stores are "damaged" at every cut, never a crash', { skip: NO_KEYSTORES }, () => {
  for (const rel of ['generated/weak.jks', 'generated/strong.p12', 'mi-1.1.0-dashboard/wso2carbon.jks', 'carbon-kernel-4.9.27/wso2carbon.jks']) {
    const b = storeBytes(rel);
    for (const cut of [1, 4, 12, 40, Math.floor(b.length / 3), Math.floor(b.length / 2), b.length - 21, b.length - 1]) {
      const r = openStore(b.subarray(0, cut), passwordOf(rel));
      assert.equal(r.ok, false, `${rel} cut at ${cut}`);
      if (!r.ok) assert.ok(['damaged', 'not-a-keystore', 'wrong-password'].includes(r.problem), `${rel} cut at ${cut}: ${r.problem}`);
    }
  }
});

test('random corruption never throws out of openStore', { skip: NO_KEYSTORES }, () => {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (const rel of ['generated/weak.jks', 'generated/strong.p12', 'apim-3.2.0/client-truststore.jks']) {
    const orig = storeBytes(rel);
    for (let i = 0; i < 40; i++) {
      const b = Buffer.from(orig);
      for (let k = 0; k < 4; k++) b[Math.floor(rnd() * b.length)] ^= 1 + Math.floor(rnd() * 255);
      const r = openStore(b, passwordOf(rel));
      assert.ok(r.ok || typeof r.message === 'string');
    }
  }
});

test('JCEKS: same layout and digest as JKS; secret-key entries are reported as unsupported', () => {
  const jks = Buffer.from(sampleStore());
  const asJceks = (body: Buffer) => {
    const b = Buffer.from(body);
    b.writeUInt32BE(0xcececece, 0);
    const content = b.subarray(0, b.length - 20);
    const pw = Buffer.from('sample', 'utf16le').swap16();
    return Buffer.concat([content, createHash('sha1').update(pw).update('Mighty Aphrodite').update(content).digest()]);
  };
  const jceks = asJceks(jks);
  assert.equal(detectFormat(jceks), 'jceks');
  const r = readJks(jceks, 'sample');
  assert.equal(r.format, 'jceks');
  assert.deepEqual(r.entries.map((e) => [e.alias, e.kind]), [['wso2carbon', 'key']]);
  const secret = Buffer.from(jceks);
  secret.writeUInt32BE(3, 12); // the first entry's tag: secret key
  assert.equal(problemOf(() => readJks(asJceks(secret), 'sample')), 'unsupported');
});

test('a JKS entry count larger than the file is damage, not a long loop', () => {
  const b = Buffer.from(sampleStore());
  b.writeUInt32BE(0x7fffffff, 8);
  assert.equal(problemOf(() => readJks(b, 'sample')), 'damaged');
});

test('PKCS12 key-derivation work is capped before forge runs', { skip: NO_KEYSTORES }, () => {
  // The shipped IS 7.x stores need 100,000 (MAC) + 50,000 (certificates) + 10,000 (key) iterations.
  assert.equal(kdfIterations(storeBytes('is-7.3.0/wso2carbon.p12')), 160_000);
  assert.ok(MAX_KDF_ITERATIONS >= 160_000);
  // A PFX whose only parameters ask for 2^31-1 iterations: refused at once, forge never runs.
  const crafted = Buffer.from([0x30, 0x0e, 0x02, 0x01, 0x03, 0x30, 0x09, 0x04, 0x01, 0x00, 0x02, 0x04, 0x7f, 0xff, 0xff, 0xff]);
  assert.equal(detectFormat(crafted), 'pkcs12');
  const t = Date.now();
  assert.equal(problemOf(() => readPkcs12(crafted, 'x')), 'unsupported');
  assert.ok(Date.now() - t < 200);
});

test('openStore caches by content and password; results are independent per password', { skip: NO_KEYSTORES }, () => {
  const b = storeBytes('generated/strong.p12');
  const first = openStore(b, 'changeit-strong');
  const t = Date.now();
  const again = openStore(Buffer.from(b), 'changeit-strong');
  assert.ok(Date.now() - t < 20, 'a cache hit');
  assert.equal(again, first);
  assert.equal(openStore(b, 'wrong').ok, false);
  assert.equal(openStore(b, 'changeit-strong').ok, true);
});
