// Cipher suite names → what the suite is made of. Two spellings are understood:
//  - IANA/JSSE: TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, SSL_RSA_WITH_RC4_128_MD5 (JSSE's legacy SSL_ prefix),
//    TLS 1.3's TLS_AES_128_GCM_SHA256, and the signalling values TLS_EMPTY_RENEGOTIATION_INFO_SCSV/TLS_FALLBACK_SCSV;
//  - OpenSSL: ECDHE-RSA-AES256-GCM-SHA384, DES-CBC3-SHA, RC4-MD5, EXP-EDH-RSA-DES-CBC-SHA, AES128-SHA (RSA kx).
// Parsing is by grammar, with the combinations the registry actually has (an AEAD cipher needs its PRF hash, a block
// cipher needs a mode, …), so a typo such as …_SCSVF or …_GCM_SHA265 is "unknown", not silently accepted.

export type Kx = 'RSA' | 'DHE' | 'ECDHE' | 'DH' | 'ECDH' | 'PSK' | 'DHE_PSK' | 'ECDHE_PSK' | 'RSA_PSK' | 'SRP' | 'KRB5' | 'NULL' | 'FORTEZZA' | 'ECCPWD' | 'ANY';
export type Au = 'RSA' | 'DSS' | 'ECDSA' | 'anon' | 'PSK' | 'SRP' | 'KRB5' | 'NULL' | 'FORTEZZA' | 'ECCPWD' | 'ANY';
export type Enc = 'AES128' | 'AES256' | '3DES' | 'DES' | 'DES40' | 'RC4_128' | 'RC4_40' | 'RC2_40' | 'IDEA' | 'SEED' | 'CAMELLIA128' | 'CAMELLIA256' | 'ARIA128' | 'ARIA256' | 'CHACHA20' | 'FORTEZZA' | 'NULL';
export type Mode = 'GCM' | 'CCM' | 'CCM8' | 'POLY1305' | 'CBC' | 'STREAM';
export type Mac = 'MD5' | 'SHA1' | 'SHA256' | 'SHA384' | 'AEAD';

export interface Suite {
  /** The IANA name (TLS_ prefix), the form JSSE and the rules' messages use. */
  iana: string;
  kx: Kx;
  au: Au;
  enc: Enc;
  mode: Mode;
  mac: Mac;
  export: boolean;
  tls13: boolean;
}

export const SCSV_NAMES: readonly string[] = ['TLS_EMPTY_RENEGOTIATION_INFO_SCSV', 'TLS_FALLBACK_SCSV'];

// IANA key-exchange part (before _WITH_) → kx, au, export.
const IANA_KX: Record<string, [Kx, Au, boolean?]> = {
  RSA: ['RSA', 'RSA'], RSA_EXPORT: ['RSA', 'RSA', true], RSA_EXPORT1024: ['RSA', 'RSA', true],
  DH_anon: ['DHE', 'anon'], DH_anon_EXPORT: ['DHE', 'anon', true], ECDH_anon: ['ECDHE', 'anon'],
  DHE_RSA: ['DHE', 'RSA'], DHE_DSS: ['DHE', 'DSS'], DHE_RSA_EXPORT: ['DHE', 'RSA', true], DHE_DSS_EXPORT: ['DHE', 'DSS', true],
  DH_RSA: ['DH', 'RSA'], DH_DSS: ['DH', 'DSS'], DH_RSA_EXPORT: ['DH', 'RSA', true], DH_DSS_EXPORT: ['DH', 'DSS', true],
  ECDH_RSA: ['ECDH', 'RSA'], ECDH_ECDSA: ['ECDH', 'ECDSA'], ECDHE_RSA: ['ECDHE', 'RSA'], ECDHE_ECDSA: ['ECDHE', 'ECDSA'],
  PSK: ['PSK', 'PSK'], DHE_PSK: ['DHE_PSK', 'PSK'], ECDHE_PSK: ['ECDHE_PSK', 'PSK'], RSA_PSK: ['RSA_PSK', 'RSA'],
  SRP_SHA: ['SRP', 'SRP'], SRP_SHA_RSA: ['SRP', 'RSA'], SRP_SHA_DSS: ['SRP', 'DSS'],
  KRB5: ['KRB5', 'KRB5'], KRB5_EXPORT: ['KRB5', 'KRB5', true], NULL: ['NULL', 'NULL'],
  FORTEZZA_KEA: ['FORTEZZA', 'FORTEZZA'], ECCPWD: ['ECCPWD', 'ECCPWD'],
};

// IANA cipher part (after _WITH_): encryption[_mode][_mac].
const IANA_ENC: Array<[RegExp, Enc]> = [
  [/^AES_128/, 'AES128'], [/^AES_256/, 'AES256'], [/^3DES_EDE/, '3DES'], [/^DES40/, 'DES40'], [/^DES_CBC_40/, 'DES40'],
  [/^DES(?=_)/, 'DES'], [/^RC4_128/, 'RC4_128'], [/^RC4_40/, 'RC4_40'], [/^RC2_CBC_40/, 'RC2_40'], [/^IDEA/, 'IDEA'],
  [/^SEED/, 'SEED'], [/^CAMELLIA_128/, 'CAMELLIA128'], [/^CAMELLIA_256/, 'CAMELLIA256'], [/^ARIA_128/, 'ARIA128'],
  [/^ARIA_256/, 'ARIA256'], [/^CHACHA20/, 'CHACHA20'], [/^FORTEZZA/, 'FORTEZZA'], [/^NULL/, 'NULL'],
];

const BLOCK: ReadonlySet<Enc> = new Set<Enc>(['AES128', 'AES256', '3DES', 'DES', 'DES40', 'RC2_40', 'IDEA', 'SEED', 'CAMELLIA128', 'CAMELLIA256', 'ARIA128', 'ARIA256', 'FORTEZZA']);
const AEAD_CAPABLE: ReadonlySet<Enc> = new Set<Enc>(['AES128', 'AES256', 'CAMELLIA128', 'CAMELLIA256', 'ARIA128', 'ARIA256']);

function macOf(s: string | undefined): Mac | undefined | null {
  if (s === undefined) return undefined;
  return ({ MD5: 'MD5', SHA: 'SHA1', SHA256: 'SHA256', SHA384: 'SHA384' } as Record<string, Mac>)[s] ?? null;
}

/** The combinations the registry has; anything else is a typo or an invention. */
function valid(enc: Enc, mode: Mode, mac: Mac | undefined, prf: Mac | undefined): boolean {
  if (mode === 'GCM') return AEAD_CAPABLE.has(enc) && prf === (enc.endsWith('128') ? 'SHA256' : 'SHA384');
  if (mode === 'POLY1305') return enc === 'CHACHA20' && prf === 'SHA256';
  if (mode === 'CCM' || mode === 'CCM8') return (enc === 'AES128' || enc === 'AES256') && prf === undefined;
  if (mode === 'CBC') return BLOCK.has(enc) && mac !== undefined;
  return (enc === 'RC4_128' || enc === 'RC4_40' || enc === 'NULL') && mac !== undefined;
}

function ianaCipher(part: string): { enc: Enc; mode: Mode; mac: Mac } | undefined {
  const e = IANA_ENC.find(([re]) => re.test(part));
  if (!e) return undefined;
  const enc = e[1];
  let rest = part.replace(e[0], '');
  if (enc === 'DES40' && /^DES_CBC_40/.test(part)) rest = '_CBC' + rest;
  if (enc === 'RC2_40') rest = '_CBC' + rest;
  const m = /^(?:_(CBC|GCM|CCM_8|CCM|POLY1305))?(?:_(MD5|SHA|SHA256|SHA384))?$/.exec(rest);
  if (!m) return undefined;
  if (enc === 'NULL' && m[2] === undefined && m[1] === undefined) return undefined;
  const mode: Mode = m[1] === 'CCM_8' ? 'CCM8' : ((m[1] as Mode | undefined) ?? 'STREAM');
  const aead = mode === 'GCM' || mode === 'POLY1305' || mode === 'CCM' || mode === 'CCM8';
  const hash = macOf(m[2]);
  if (hash === null) return undefined;
  if (!valid(enc, mode, aead ? undefined : hash, aead ? hash : undefined)) return undefined;
  return { enc, mode, mac: aead ? 'AEAD' : (hash as Mac) };
}

const TLS13 = /^TLS_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256|AES_128_CCM_SHA256|AES_128_CCM_8_SHA256)$/;

/** An IANA/JSSE name (TLS_ or SSL_ prefix); undefined when it is not one. Exact case, as JSSE requires. */
export function parseIana(name: string): Suite | undefined {
  const t13 = TLS13.exec(name);
  if (t13) {
    const body = t13[1];
    const enc: Enc = body.startsWith('AES_256') ? 'AES256' : body.startsWith('CHACHA20') ? 'CHACHA20' : 'AES128';
    const mode: Mode = body.includes('GCM') ? 'GCM' : body.includes('POLY1305') ? 'POLY1305' : body.includes('CCM_8') ? 'CCM8' : 'CCM';
    return { iana: name, kx: 'ANY', au: 'ANY', enc, mode, mac: 'AEAD', export: false, tls13: true };
  }
  const m = /^(TLS|SSL)_(.+?)_WITH_(.+)$/.exec(name);
  if (!m) return undefined;
  const kx = IANA_KX[m[2]];
  const c = ianaCipher(m[3]);
  if (!kx || !c) return undefined;
  const exportGrade = kx[2] === true || c.enc === 'DES40' || c.enc === 'RC4_40' || c.enc === 'RC2_40';
  return { iana: `TLS_${m[2]}_WITH_${m[3]}`, kx: kx[0], au: kx[1], ...c, export: exportGrade, tls13: false };
}

// OpenSSL spelling: [EXP-][kx[-au]-]cipher[-mode][-mac], dash-separated.
const OSSL_KX: Record<string, [Kx, Au]> = {
  ECDHE: ['ECDHE', 'RSA'], EECDH: ['ECDHE', 'RSA'], DHE: ['DHE', 'RSA'], EDH: ['DHE', 'RSA'], ECDH: ['ECDH', 'RSA'], DH: ['DH', 'RSA'],
  ADH: ['DHE', 'anon'], AECDH: ['ECDHE', 'anon'], PSK: ['PSK', 'PSK'], SRP: ['SRP', 'SRP'], KRB5: ['KRB5', 'KRB5'],
};

function ianaKxName(kx: Kx, au: Au, exportGrade: boolean): string | undefined {
  const base: Partial<Record<Kx, string>> = { RSA: 'RSA', DHE: 'DHE', ECDHE: 'ECDHE', DH: 'DH', ECDH: 'ECDH', PSK: 'PSK', DHE_PSK: 'DHE_PSK', ECDHE_PSK: 'ECDHE_PSK', RSA_PSK: 'RSA_PSK', KRB5: 'KRB5' };
  let s: string | undefined;
  if (au === 'anon') s = kx === 'DHE' ? 'DH_anon' : kx === 'ECDHE' ? 'ECDH_anon' : undefined;
  else if (kx === 'SRP') s = au === 'SRP' ? 'SRP_SHA' : `SRP_SHA_${au}`;
  else if (kx === 'RSA' || kx === 'PSK' || kx === 'DHE_PSK' || kx === 'ECDHE_PSK' || kx === 'RSA_PSK' || kx === 'KRB5') s = base[kx];
  else s = base[kx] && `${base[kx]}_${au}`;
  return s && exportGrade && (kx === 'RSA' || kx === 'DHE' || kx === 'DH' || kx === 'KRB5' || au === 'anon') ? `${s}_EXPORT` : s;
}

function ianaCipherName(enc: Enc, mode: Mode, mac: Mac): string {
  const e: Record<Enc, string> = {
    AES128: 'AES_128', AES256: 'AES_256', '3DES': '3DES_EDE', DES: 'DES', DES40: 'DES40', RC4_128: 'RC4_128', RC4_40: 'RC4_40',
    RC2_40: 'RC2', IDEA: 'IDEA', SEED: 'SEED', CAMELLIA128: 'CAMELLIA_128', CAMELLIA256: 'CAMELLIA_256', ARIA128: 'ARIA_128',
    ARIA256: 'ARIA_256', CHACHA20: 'CHACHA20', FORTEZZA: 'FORTEZZA', NULL: 'NULL',
  };
  const m = mode === 'STREAM' ? '' : mode === 'CCM8' ? '_CCM_8' : enc === 'RC2_40' ? '_CBC_40' : `_${mode}`;
  const prf = mode === 'GCM' ? (enc.endsWith('128') ? '_SHA256' : '_SHA384') : mode === 'POLY1305' ? '_SHA256' : '';
  const h = mac === 'AEAD' ? prf : `_${mac === 'SHA1' ? 'SHA' : mac}`;
  return e[enc] + m + h;
}

/** An OpenSSL suite name; undefined when it is not one. */
export function parseOpenSsl(name: string): Suite | undefined {
  if (!/^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(name) && !/^(RC4|NULL|SEED|IDEA)-\w+$/.test(name)) return undefined;
  const t = name.split('-');
  let i = 0;
  let exportGrade = false;
  if (t[i] === 'EXP' || t[i] === 'EXP1024') { exportGrade = true; i++; }
  let kx: Kx = 'RSA';
  let au: Au = 'RSA';
  const k = OSSL_KX[t[i]];
  if (k) {
    [kx, au] = k;
    i++;
    if (kx !== 'PSK' && kx !== 'KRB5' && au !== 'anon' && ['RSA', 'DSS', 'ECDSA', 'PSK'].includes(t[i])) {
      if (t[i] === 'PSK') { kx = kx === 'ECDHE' ? 'ECDHE_PSK' : 'DHE_PSK'; au = 'PSK'; }
      else au = t[i] as Au;
      i++;
    } else if (kx === 'SRP' && t[i] === 'RSA') { au = 'RSA'; i++; }
    else if (kx === 'SRP' && t[i] === 'DSS') { au = 'DSS'; i++; }
    else if (kx !== 'PSK' && kx !== 'KRB5' && kx !== 'SRP' && au !== 'anon') return undefined; // ECDHE-AES128… is not a name
  } else if (t[i] === 'RSA' && t[i + 1] === 'PSK') { kx = 'RSA_PSK'; au = 'RSA'; i += 2; }
  let enc: Enc | undefined;
  let mode: Mode | undefined;
  const c = t[i++];
  if (c === 'AES128' || c === 'AES256') enc = c;
  else if (c === 'AES' && (t[i] === '128' || t[i] === '256')) enc = `AES${t[i++]}` as Enc;
  else if (c === 'CAMELLIA128' || c === 'CAMELLIA256' || c === 'ARIA128' || c === 'ARIA256') enc = c;
  else if (c === 'CHACHA20') enc = 'CHACHA20';
  else if (c === 'RC4') enc = exportGrade ? 'RC4_40' : 'RC4_128';
  else if (c === 'NULL') enc = 'NULL';
  else if (c === 'SEED') enc = 'SEED';
  else if (c === 'IDEA') enc = 'IDEA';
  else if (c === 'RC2' && t[i] === 'CBC') { enc = 'RC2_40'; mode = 'CBC'; i++; }
  else if (c === 'DES' && t[i] === 'CBC3') { enc = '3DES'; mode = 'CBC'; i++; }
  else if (c === 'DES' && t[i] === 'CBC') { enc = exportGrade ? 'DES40' : 'DES'; mode = 'CBC'; i++; }
  if (!enc) return undefined;
  if (mode === undefined) {
    const m = ({ GCM: 'GCM', CCM: 'CCM', CCM8: 'CCM8', POLY1305: 'POLY1305', CBC: 'CBC' } as Record<string, Mode>)[t[i]];
    if (m) { mode = m; i++; } else mode = BLOCK.has(enc) ? 'CBC' : 'STREAM';
  }
  const aead = mode === 'GCM' || mode === 'POLY1305' || mode === 'CCM' || mode === 'CCM8';
  const hash = macOf(t[i]);
  if (hash === null) return undefined;
  if (hash !== undefined) i++;
  if (i !== t.length) return undefined;
  const prf = aead ? (hash ?? (mode === 'POLY1305' ? 'SHA256' : undefined)) : undefined;
  if (!valid(enc, mode, aead ? undefined : hash, prf)) return undefined;
  const mac: Mac = aead ? 'AEAD' : (hash as Mac);
  const kxName = ianaKxName(kx, au, exportGrade);
  if (!kxName) return undefined;
  const isExport = exportGrade || enc === 'DES40' || enc === 'RC4_40' || enc === 'RC2_40';
  return { iana: `TLS_${kxName}_WITH_${ianaCipherName(enc, mode, mac)}`, kx, au, enc, mode, mac, export: isExport, tls13: false };
}
