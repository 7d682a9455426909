// The guideline's cipher criteria as data. Per suite, every weakness with its class:
//   broken      — NULL encryption, anonymous key exchange, EXPORT grade, DES, 3DES, RC4, RC2, IDEA, MD5 (error)
//   weak        — no forward secrecy (RSA, static DH/ECDH, PSK, Kerberos key exchange), DSS authentication (warning)
//   discouraged — CBC where an AEAD mode (GCM, ChaCha20-Poly1305) exists for the same key exchange (information)
// A suite's verdict is its worst class; 'signal' is an SCSV (not a cipher, harmless); 'unknown' is a name nobody has.
import { parseIana, parseOpenSsl, SCSV_NAMES, type Suite } from './cipher-names';
import { KNOWN_NAMES } from './cipher-catalog';
import { selectKeyword } from './openssl-ciphers';

export type CipherClass = 'broken' | 'weak' | 'discouraged';
export type Verdict = CipherClass | 'ok' | 'signal' | 'unknown';

export interface Weakness {
  cls: CipherClass;
  /** Short label used to group names in messages: "RC4", "no forward secrecy", "CBC". */
  reason: string;
}

const ORDER: Record<Verdict, number> = { broken: 0, weak: 1, discouraged: 2, unknown: 3, ok: 4, signal: 5 };

export function worse(a: Verdict, b: Verdict): Verdict {
  return ORDER[a] <= ORDER[b] ? a : b;
}

export function weaknesses(s: Suite): Weakness[] {
  const out: Weakness[] = [];
  const broken = (reason: string) => out.push({ cls: 'broken', reason });
  if (s.enc === 'NULL') broken('NULL encryption');
  if (s.au === 'anon' || s.kx === 'NULL') broken('anonymous (no authentication)');
  if (s.export) broken('EXPORT grade');
  if (s.enc === 'DES' || s.enc === 'DES40') broken('DES');
  if (s.enc === '3DES') broken('3DES');
  if (s.enc === 'RC4_128' || s.enc === 'RC4_40') broken('RC4');
  if (s.enc === 'RC2_40') broken('RC2');
  if (s.enc === 'IDEA') broken('IDEA (64-bit block)');
  if (s.mac === 'MD5') broken('MD5');
  if (['RSA', 'DH', 'ECDH', 'PSK', 'RSA_PSK', 'KRB5', 'FORTEZZA'].includes(s.kx) && s.au !== 'anon') {
    out.push({ cls: 'weak', reason: 'no forward secrecy' });
  }
  if (s.au === 'DSS') out.push({ cls: 'weak', reason: 'DSS (1024-bit keys)' });
  if (s.mode === 'CBC') out.push({ cls: 'discouraged', reason: 'CBC (prefer GCM or ChaCha20-Poly1305)' });
  if (s.mode === 'CCM8') out.push({ cls: 'discouraged', reason: 'CCM_8 (short tag)' });
  return out;
}

export function suiteVerdict(s: Suite): Verdict {
  return weaknesses(s).reduce<Verdict>((v, w) => worse(v, w.cls), 'ok');
}

export interface CipherName {
  name: string;
  /** 'keyword': an OpenSSL selector (aNULL, HIGH, ECDHE+AESGCM), judged by the worst suite it selects. */
  syntax: 'iana' | 'openssl' | 'scsv' | 'keyword' | 'unknown';
  suite?: Suite;
  verdict: Verdict;
  weaknesses: Weakness[];
}

/** Classifies one suite name in either spelling, or an OpenSSL keyword by what it selects. */
export function classifyCipher(name: string): CipherName {
  if (SCSV_NAMES.includes(name)) return { name, syntax: 'scsv', verdict: 'signal', weaknesses: [] };
  const iana = parseIana(name);
  const suite = iana ?? parseOpenSsl(name);
  if (!suite) {
    const selected = selectKeyword(name);
    if (!selected) return { name, syntax: 'unknown', verdict: 'unknown', weaknesses: [] };
    const w = new Map(selected.flatMap(weaknesses).map((x) => [x.reason, x]));
    return { name, syntax: 'keyword', verdict: selected.reduce<Verdict>((v, s) => worse(v, suiteVerdict(s)), 'ok'), weaknesses: [...w.values()] };
  }
  const w = weaknesses(suite);
  return { name, syntax: iana ? 'iana' : 'openssl', suite, verdict: suiteVerdict(suite), weaknesses: w };
}

function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The known suite name an unknown name is probably a typo of (edit distance ≤ 2, unambiguous). */
export function suggestCipher(name: string): string | undefined {
  const upper = name.toUpperCase();
  let best: string | undefined;
  let bestD = 3;
  let tie = false;
  for (const k of KNOWN_NAMES) {
    const d = distance(upper, k, 2);
    if (d < bestD) { best = k; bestD = d; tie = false; }
    else if (d === bestD) tie = true;
  }
  return best && !tie ? best : undefined;
}
