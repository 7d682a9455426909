// PKCS12 stores through node-forge (it handles the PBES2/AES and the legacy RC2/3DES protection keytool writes);
// see docs/decisions.md. We map forge's bags to Java's entries: a key bag and the certificate with the same
// localKeyId form a key entry; any other named certificate is a trusted entry.
import type * as Forge from 'node-forge';
// Only forge's PKCS12 module and what it requires (ASN.1, PBE ciphers, x509): 86 KB less per bundle, minified.
// The modules register themselves on the shared forge object, which lib/forge returns.
require('node-forge/lib/pkcs12');
const forge = require('node-forge/lib/forge') as typeof Forge;
import { installNativeCrypto } from './forge-native';
import { readTlv, children, type Tlv } from './der';
import { StoreError, type StoreContents, type StoreEntry } from './types';
import { BudgetExceeded, underBudget } from './budget';

installNativeCrypto(forge);

/**
 * Key-derivation work we accept, summed over the MAC and every visible PBE parameter. Keys are derived with native
 * hashes (forge-native.ts: 160,000 SHA iterations take about 0.2 s), and a crafted store must not freeze the
 * language server. The shipped IS 7.x stores need 160,000.
 */
export const MAX_KDF_ITERATIONS = 1_000_000;

/** Reads a PKCS12 store under the keystore budget in force (a fresh one when there is none): see budget.ts. */
export function readPkcs12(bytes: Uint8Array, password: string): StoreContents {
  return underBudget(() => readPkcs12Budgeted(bytes, password));
}

function readPkcs12Budgeted(bytes: Uint8Array, password: string): StoreContents {
  // Forge (non-strict) reads what is there; a PFX without MAC (kernel 4.9.27) would open truncated. The outer
  // definite length tells whether the whole file is present.
  if (bytes[1] !== 0x80 && !readTlv(bytes, 0)) throw new StoreError('damaged', 'the file is truncated or damaged');
  const work = kdfIterations(bytes);
  if (work > MAX_KDF_ITERATIONS) {
    throw new StoreError('unsupported', `its key derivation asks for ${work} iterations, more than the ${MAX_KDF_ITERATIONS} CarbonLint runs`);
  }
  let pfx: Forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.createBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('binary'));
    const fromDer = forge.asn1.fromDer as unknown as (b: Forge.util.ByteBuffer, o: object) => Forge.asn1.Asn1; // the typings lack the options form
    const asn1 = fromDer(der, { strict: false, parseAllBytes: false, decodeBitStrings: false });
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (e) {
    throw classify(e);
  }
  const keys: Array<{ alias?: string; id?: string }> = [];
  const certs: Array<{ der: Uint8Array; alias?: string; id?: string }> = [];
  for (const safe of pfx.safeContents) {
    for (const bag of safe.safeBags) {
      const alias: string | undefined = bag.attributes?.friendlyName?.[0];
      const id: string | undefined = bag.attributes?.localKeyId?.[0];
      if (bag.type === forge.pki.oids.certBag) certs.push({ der: certificateDer(bag), alias, id });
      else if (bag.type === forge.pki.oids.pkcs8ShroudedKeyBag || bag.type === forge.pki.oids.keyBag) keys.push({ alias, id });
    }
  }
  const entries: StoreEntry[] = keys.map((k, i) => ({
    alias: k.alias ?? `(key ${i + 1})`,
    kind: 'key',
    chain: certs.filter((c) => c.id !== undefined && c.id === k.id).map((c) => c.der),
  }));
  // A certificate whose localKeyId matches no key is trusted (IS 7.2's store has one with localKeyId 01).
  const keyIds = new Set(keys.map((k) => k.id).filter((id) => id !== undefined));
  for (const c of certs) if (!(c.id !== undefined && keyIds.has(c.id)) && c.alias !== undefined) entries.push({ alias: c.alias, kind: 'trusted', chain: [c.der] });
  return { format: 'pkcs12', entries };
}

function certificateDer(bag: Forge.pkcs12.Bag): Uint8Array {
  // Forge keeps the parsed certificate's original TBS structure, so re-encoding gives back the stored bytes
  // (checked against keytool's fingerprints for all 251 corpus certificates); non-RSA ones stay as ASN.1.
  const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

function classify(e: unknown): StoreError {
  if (e instanceof BudgetExceeded) throw e; // not the store's problem alone: the caller decides (inspect.ts)
  const m = e instanceof Error ? e.message : '';
  if (/MAC could not be verified|wrong password|Failed to decrypt|Invalid password/i.test(m)) {
    return new StoreError('wrong-password', 'the password does not match the store (integrity check or decryption failed)');
  }
  if (/unsupported|not supported/i.test(m)) return new StoreError('unsupported', 'it uses a PKCS12 feature CarbonLint cannot read');
  return new StoreError('damaged', 'the file is truncated or damaged');
}

/**
 * Sums the iteration counts in the PFX's unencrypted structure: every INTEGER that directly follows an OCTET
 * STRING (MacData's salt/iterations, PKCS12-PBE and PBKDF2 parameters). OCTET STRINGs that hold DER are descended.
 */
export function kdfIterations(b: Uint8Array): number {
  const root = readTlv(b, 0);
  if (!root) return 0; // truncated: forge reports it
  let sum = 0;
  const walk = (t: Tlv, depth: number): void => {
    if (depth > 16 || sum > MAX_KDF_ITERATIONS) return;
    const kids = t.tag & 0x20 ? children(b, t) : t.tag === 0x04 && b[t.start] === 0x30 ? wrapped(t) : [];
    kids.forEach((k, i) => {
      if (k.tag === 0x02 && i > 0 && kids[i - 1].tag === 0x04) sum += integer(b, k);
      walk(k, depth + 1);
    });
  };
  const wrapped = (t: Tlv): Tlv[] => {
    const inner = readTlv(b, t.start, t.end);
    return inner && inner.end === t.end ? [inner] : [];
  };
  walk(root, 0);
  return sum;
}

function integer(b: Uint8Array, t: Tlv): number {
  if (t.end - t.start > 6) return Number.POSITIVE_INFINITY;
  let v = 0;
  for (let i = t.start; i < t.end; i++) v = v * 256 + b[i];
  return v;
}
