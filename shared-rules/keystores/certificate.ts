// Facts about one X.509 certificate, for the rules: fingerprint, names, validity, signature hash, key size.
// Node's X509Certificate (OpenSSL) parses every key type; the signature algorithm and the validity dates are
// read from the DER ourselves because Node 20 does not expose them (see docs/decisions.md).
import { X509Certificate, createHash } from 'node:crypto';
import { readTlv, children, oidText, timeValue } from './der';

export interface SignatureInfo {
  oid: string;
  /** keytool's name, e.g. "SHA256withRSA"; the OID when unknown. */
  name: string;
  /** The digest, when the algorithm has a weak one we flag: 'MD2', 'MD5', 'SHA-1'. */
  weakHash?: 'MD2' | 'MD5' | 'SHA-1';
}

export interface KeyInfo {
  /** 'rsa', 'rsa-pss', 'dsa', 'ec', 'ed25519', … (Node's asymmetricKeyType). */
  type: string;
  /** Modulus length (RSA, DSA) or curve size (EC); undefined when unknown. */
  bits?: number;
  curve?: string;
}

export interface CertificateFacts {
  /** Lower-case hex SHA-256 of the DER: the fingerprint keytool prints. */
  sha256: string;
  /** Distinguished names in keytool's order, e.g. "CN=localhost, OU=WSO2, O=WSO2, …". */
  subject: string;
  issuer: string;
  /** Attribute → values, from the subject (upper-case short names: CN, O, OU, …). */
  subjectAttrs: Map<string, string[]>;
  selfIssued: boolean;
  notBefore?: Date;
  notAfter?: Date;
  signature: SignatureInfo;
  key: KeyInfo;
}

const SIGNATURES: Record<string, Omit<SignatureInfo, 'oid'>> = {
  '1.2.840.113549.1.1.2': { name: 'MD2withRSA', weakHash: 'MD2' },
  '1.2.840.113549.1.1.4': { name: 'MD5withRSA', weakHash: 'MD5' },
  '1.2.840.113549.1.1.5': { name: 'SHA1withRSA', weakHash: 'SHA-1' },
  '1.3.14.3.2.29': { name: 'SHA1withRSA', weakHash: 'SHA-1' },
  '1.2.840.113549.1.1.14': { name: 'SHA224withRSA' },
  '1.2.840.113549.1.1.11': { name: 'SHA256withRSA' },
  '1.2.840.113549.1.1.12': { name: 'SHA384withRSA' },
  '1.2.840.113549.1.1.13': { name: 'SHA512withRSA' },
  '1.2.840.113549.1.1.10': { name: 'RSASSA-PSS' },
  '1.2.840.10040.4.3': { name: 'SHA1withDSA', weakHash: 'SHA-1' },
  '2.16.840.1.101.3.4.3.2': { name: 'SHA256withDSA' },
  '1.2.840.10045.4.1': { name: 'SHA1withECDSA', weakHash: 'SHA-1' },
  '1.2.840.10045.4.3.2': { name: 'SHA256withECDSA' },
  '1.2.840.10045.4.3.3': { name: 'SHA384withECDSA' },
  '1.2.840.10045.4.3.4': { name: 'SHA512withECDSA' },
  '1.3.101.112': { name: 'Ed25519' },
  '1.3.101.113': { name: 'Ed448' },
};

const CURVE_BITS: Record<string, number> = {
  prime192v1: 192, secp224r1: 224, prime256v1: 256, secp256k1: 256, secp384r1: 384, secp521r1: 521,
  brainpoolP256r1: 256, brainpoolP384r1: 384, brainpoolP512r1: 512,
};

/** Throws when the bytes are not a certificate OpenSSL accepts. */
export function analyzeCertificate(der: Uint8Array): CertificateFacts {
  const x = new X509Certificate(der);
  const { sigOid, notBefore, notAfter } = readOuter(der);
  const known = SIGNATURES[sigOid];
  const pk = x.publicKey;
  const details = pk.asymmetricKeyDetails ?? {};
  const type = pk.asymmetricKeyType ?? 'unknown';
  const bits = details.modulusLength ?? (details.namedCurve ? CURVE_BITS[details.namedCurve] : undefined);
  return {
    sha256: createHash('sha256').update(der).digest('hex'),
    subject: keytoolOrder(x.subject),
    issuer: keytoolOrder(x.issuer),
    subjectAttrs: attributes(x.subject),
    selfIssued: x.subject === x.issuer,
    notBefore,
    notAfter,
    signature: { oid: sigOid, name: known?.name ?? sigOid, weakHash: known?.weakHash },
    key: { type, bits, curve: details.namedCurve },
  };
}

/** Certificate ::= SEQUENCE { tbs SEQUENCE { [0] version?, serial, sig, issuer, validity, … }, sigAlg, sig }. */
function readOuter(der: Uint8Array): { sigOid: string; notBefore?: Date; notAfter?: Date } {
  const cert = readTlv(der, 0);
  const parts = cert ? children(der, cert) : [];
  const alg = parts[1] ? children(der, parts[1])[0] : undefined;
  const sigOid = alg && alg.tag === 0x06 ? oidText(der, alg) : 'unknown';
  const tbs = parts[0] ? children(der, parts[0]) : [];
  const validity = tbs[tbs[0]?.tag === 0xa0 ? 4 : 3];
  const times = validity ? children(der, validity) : [];
  return { sigOid, notBefore: times[0] && timeValue(der, times[0]), notAfter: times[1] && timeValue(der, times[1]) };
}

/** Node prints one attribute per line, most significant first (C=…\nO=…\nCN=…); keytool prints CN first. */
function keytoolOrder(name: string): string {
  return name.split('\n').filter(Boolean).reverse().join(', ');
}

function attributes(name: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of name.split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const k = line.slice(0, eq).toUpperCase();
    out.set(k, [...(out.get(k) ?? []), line.slice(eq + 1)]);
  }
  return out;
}
