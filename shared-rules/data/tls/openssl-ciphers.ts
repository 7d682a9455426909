// OpenSSL cipher-string keywords, as Tomcat's OpenSSLCipherConfigurationParser reads them for `ciphers`: each
// keyword selects suites (here: from the suites JSSE implements, since Tomcat hands the result to JSSE), "A+B" is
// an intersection, and a list is read left to right: "X" adds, "-X" removes, "!X" removes for good, "+X" reorders.
import type { Suite } from './cipher-names';
import { JSSE_SUITES } from './cipher-catalog';

type Pred = (s: Suite) => boolean;

const isAes = (s: Suite) => s.enc === 'AES128' || s.enc === 'AES256';
const isAnon = (s: Suite) => s.au === 'anon';
// OpenSSL ≥1.1 strength classes: 3DES and RC4 are MEDIUM at best, DES is LOW.
const HIGH: Pred = (s) => !s.export && ['AES128', 'AES256', 'CAMELLIA128', 'CAMELLIA256', 'ARIA128', 'ARIA256', 'CHACHA20'].includes(s.enc);
const MEDIUM: Pred = (s) => !s.export && ['3DES', 'RC4_128', 'SEED', 'IDEA'].includes(s.enc);

const KEYWORDS: Record<string, Pred> = {
  ALL: (s) => s.enc !== 'NULL',
  COMPLEMENTOFALL: (s) => s.enc === 'NULL',
  DEFAULT: (s) => s.enc !== 'NULL' && !isAnon(s),
  COMPLEMENTOFDEFAULT: (s) => isAnon(s) && s.enc !== 'NULL',
  HIGH,
  MEDIUM,
  LOW: (s) => !s.export && s.enc === 'DES',
  EXPORT: (s) => s.export, EXP: (s) => s.export, EXPORT40: (s) => s.export, EXPORT56: (s) => s.export,
  eNULL: (s) => s.enc === 'NULL', NULL: (s) => s.enc === 'NULL',
  aNULL: isAnon,
  ADH: (s) => isAnon(s) && s.kx === 'DHE',
  AECDH: (s) => isAnon(s) && s.kx === 'ECDHE',
  kRSA: (s) => s.kx === 'RSA', RSA: (s) => s.kx === 'RSA', aRSA: (s) => s.au === 'RSA',
  kDHE: (s) => s.kx === 'DHE', kEDH: (s) => s.kx === 'DHE',
  DHE: (s) => s.kx === 'DHE' && !isAnon(s), EDH: (s) => s.kx === 'DHE' && !isAnon(s),
  kECDHE: (s) => s.kx === 'ECDHE', kEECDH: (s) => s.kx === 'ECDHE',
  ECDHE: (s) => s.kx === 'ECDHE' && !isAnon(s), EECDH: (s) => s.kx === 'ECDHE' && !isAnon(s),
  DH: (s) => s.kx === 'DH' || s.kx === 'DHE', ECDH: (s) => s.kx === 'ECDH' || s.kx === 'ECDHE',
  kDH: (s) => s.kx === 'DH', kDHr: (s) => s.kx === 'DH' && s.au === 'RSA', kDHd: (s) => s.kx === 'DH' && s.au === 'DSS',
  kECDH: (s) => s.kx === 'ECDH', kECDHr: (s) => s.kx === 'ECDH' && s.au === 'RSA', kECDHe: (s) => s.kx === 'ECDH' && s.au === 'ECDSA',
  aDH: (s) => s.kx === 'DH', aECDH: (s) => s.kx === 'ECDH',
  aECDSA: (s) => s.au === 'ECDSA', ECDSA: (s) => s.au === 'ECDSA',
  aDSS: (s) => s.au === 'DSS', DSS: (s) => s.au === 'DSS',
  kKRB5: (s) => s.kx === 'KRB5', KRB5: (s) => s.kx === 'KRB5',
  PSK: (s) => s.au === 'PSK', kPSK: (s) => s.kx === 'PSK', SRP: (s) => s.kx === 'SRP',
  AES: isAes, AES128: (s) => s.enc === 'AES128', AES256: (s) => s.enc === 'AES256',
  AESGCM: (s) => isAes(s) && s.mode === 'GCM', AESCCM: (s) => isAes(s) && (s.mode === 'CCM' || s.mode === 'CCM8'),
  AESCCM8: (s) => isAes(s) && s.mode === 'CCM8',
  CHACHA20: (s) => s.enc === 'CHACHA20',
  CAMELLIA: (s) => s.enc.startsWith('CAMELLIA'), CAMELLIA128: (s) => s.enc === 'CAMELLIA128', CAMELLIA256: (s) => s.enc === 'CAMELLIA256',
  ARIA: (s) => s.enc.startsWith('ARIA'), ARIA128: (s) => s.enc === 'ARIA128', ARIA256: (s) => s.enc === 'ARIA256',
  SEED: (s) => s.enc === 'SEED', IDEA: (s) => s.enc === 'IDEA',
  RC4: (s) => s.enc === 'RC4_128' || s.enc === 'RC4_40', RC2: (s) => s.enc === 'RC2_40',
  DES: (s) => s.enc === 'DES' || s.enc === 'DES40', '3DES': (s) => s.enc === '3DES',
  MD5: (s) => s.mac === 'MD5', SHA1: (s) => s.mac === 'SHA1', SHA: (s) => s.mac === 'SHA1',
  SHA256: (s) => s.mac === 'SHA256', SHA384: (s) => s.mac === 'SHA384',
  // Protocol-version selectors: the suites usable from that version on (TLS 1.2 adds AEAD and SHA-2 MACs).
  'TLSv1.2': (s) => !s.tls13 && (s.mac === 'AEAD' || s.mac === 'SHA256' || s.mac === 'SHA384'),
  TLSv1: (s) => !s.tls13 && (s.mac === 'SHA1' || s.mac === 'MD5'),
  SSLv3: (s) => !s.tls13 && (s.mac === 'SHA1' || s.mac === 'MD5'),
  SUITEB128: (s) => s.kx === 'ECDHE' && s.au === 'ECDSA' && s.mode === 'GCM',
  SUITEB128ONLY: (s) => s.kx === 'ECDHE' && s.au === 'ECDSA' && s.enc === 'AES128' && s.mode === 'GCM',
  SUITEB192: (s) => s.kx === 'ECDHE' && s.au === 'ECDSA' && s.enc === 'AES256' && s.mode === 'GCM',
};

/** The suites a keyword expression ("HIGH", "ECDHE+AESGCM") selects; undefined if a part is not a keyword. */
export function selectKeyword(expr: string): Suite[] | undefined {
  const preds: Pred[] = [];
  for (const part of expr.split('+')) {
    const p = Object.prototype.hasOwnProperty.call(KEYWORDS, part) ? KEYWORDS[part] : undefined;
    if (!p) return undefined;
    preds.push(p);
  }
  // TLS 1.3 suites are configured apart in OpenSSL; Tomcat's keywords never select them.
  return JSSE_SUITES.filter((s) => !s.tls13 && preds.every((p) => p(s)));
}

/** Directives that change order or security level only. */
export function isDirective(token: string): boolean {
  return /^@(STRENGTH|SECLEVEL=\d+)$/.test(token);
}
