// The vendor-certificate data against its source (INVENTORY.md §3) and against the corpus stores themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VENDOR_CERTIFICATES, describeRelease, looksLikeVendorDefault, vendorCertificate } from '../../shared-rules/keystores/inventory';
import { openStore } from '../../shared-rules/keystores/open';
import type { CertificateFacts } from '../../shared-rules/keystores/certificate';
import { KEYSTORES, NO_KEYSTORES, STORES, passwordOf, storeBytes } from './keystore-fixtures';

test('every default private-key certificate of INVENTORY.md §3 is in the data, with the same fingerprint', { skip: NO_KEYSTORES }, () => {
  const md = fs.readFileSync(path.join(KEYSTORES, 'INVENTORY.md'), 'utf8');
  const rows = [...md.matchAll(/^\| (D\d\d) \|(?:[^|]*\|){9} ([0-9A-F:]{95}) \|/gm)].map((m) => [m[1], m[2].replace(/:/g, '').toLowerCase()]);
  assert.equal(rows.length, 18);
  for (const [id, sha] of rows) assert.equal(VENDOR_CERTIFICATES.find((v) => v.id === id)?.sha256, sha, id);
  assert.equal(new Set(VENDOR_CERTIFICATES.map((v) => v.sha256)).size, VENDOR_CERTIFICATES.length);
});

test('every key entry of the 14 vendor stores is a known default; the generated ones are not', { skip: NO_KEYSTORES }, () => {
  for (const rel of STORES) {
    const r = openStore(storeBytes(rel), passwordOf(rel));
    assert.ok(r.ok, rel);
    for (const e of r.entries.filter((x) => x.kind === 'key')) {
      assert.equal(vendorCertificate(e.cert!.sha256) !== undefined, !rel.startsWith('generated/'), `${rel} ${e.alias}`);
    }
  }
});

test('the CN=localhost, O=WSO2 self-signed pattern catches the default certificates of releases not in the list', { skip: NO_KEYSTORES }, () => {
  const keys = STORES.flatMap((rel) => {
    const r = openStore(storeBytes(rel), passwordOf(rel));
    return r.ok ? r.entries.filter((e) => e.kind === 'key').map((e) => [rel, e.alias, e.cert!] as const) : [];
  });
  const missed = keys.filter(([rel, , c]) => !rel.startsWith('generated/') && !looksLikeVendorDefault(c)).map(([rel, alias]) => `${rel} ${alias}`);
  // IS 7.0.0's second key "newkey" is CN=localhost, O=/en/next: only its fingerprint identifies it.
  assert.deepEqual(missed, ['is-7.0.0/wso2carbon.jks newkey']);
  assert.ok(keys.filter(([rel]) => rel.startsWith('generated/')).every(([, , c]) => !looksLikeVendorDefault(c)));
});

test('releases: the linted product\'s own release first, otherwise every release that ships it', () => {
  const d06 = VENDOR_CERTIFICATES.find((v) => v.id === 'D06')!;
  assert.equal(describeRelease(d06, { product: 'apim', version: '3.2.0' }), 'API Manager 3.2.0 (carbon-kernel 4.5.3, 4.6.0–4.6.2)');
  assert.equal(describeRelease(d06, { product: 'is', version: '5.10.0' }), 'Identity Server 5.10.0 (carbon-kernel 4.5.3, 4.6.0–4.6.2)');
  assert.match(describeRelease(d06, { product: 'apim', version: '4.2.0' }), /^API Manager 3\.1\.0, 3\.2\.0 and 4\.0\.0, Identity Server 5\.10\.0 and 5\.11\.0, Micro Integrator 1\.2\.0 and 4\.0\.0 \(carbon-kernel/);
  assert.equal(describeRelease(VENDOR_CERTIFICATES.find((v) => v.id === 'D18')!, { product: 'is', version: '7.3.0' }), 'Identity Server 7.3.0');
});

test('the pattern: self-signed, CN=localhost, O or OU WSO2 or the rebranded MWARE (any case)', () => {
  const facts = (subject: Record<string, string[]>, selfIssued = true): CertificateFacts => ({
    sha256: '', subject: '', issuer: '', subjectAttrs: new Map(Object.entries(subject)), selfIssued,
    signature: { oid: '', name: '' }, key: { type: 'rsa', bits: 2048 },
  });
  assert.ok(looksLikeVendorDefault(facts({ CN: ['localhost'], O: ['WSO2'] })));
  assert.ok(looksLikeVendorDefault(facts({ CN: ['localhost'], OU: ['mware'], O: ['Example'] })));
  assert.ok(!looksLikeVendorDefault(facts({ CN: ['localhost'], O: ['WSO2'] }, false)), 'issued by a CA: not the vendor default');
  assert.ok(!looksLikeVendorDefault(facts({ CN: ['api.example.com'], O: ['WSO2'] })));
  assert.ok(!looksLikeVendorDefault(facts({ CN: ['localhost'], O: ['Example Ltd'] })));
});
