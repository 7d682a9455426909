// The cipher suites JSSE (JDK 8–21) implements, by IANA name: the universe an OpenSSL-style cipher string such as
// "HIGH:!aNULL:!MD5" selects from in Tomcat (which converts the result to JSSE names), and the dictionary that
// typo suggestions come from. Written as families × ciphers to keep it short; parseIana() turns each into a Suite.
import { parseIana, SCSV_NAMES, type Suite } from './cipher-names';

const FAMILIES: Array<[string, string[]]> = [
  ['ECDHE_ECDSA', ['AES_256_GCM_SHA384', 'AES_128_GCM_SHA256', 'CHACHA20_POLY1305_SHA256', 'AES_256_CBC_SHA384', 'AES_128_CBC_SHA256', 'AES_256_CBC_SHA', 'AES_128_CBC_SHA', '3DES_EDE_CBC_SHA', 'RC4_128_SHA', 'NULL_SHA']],
  ['ECDHE_RSA', ['AES_256_GCM_SHA384', 'AES_128_GCM_SHA256', 'CHACHA20_POLY1305_SHA256', 'AES_256_CBC_SHA384', 'AES_128_CBC_SHA256', 'AES_256_CBC_SHA', 'AES_128_CBC_SHA', '3DES_EDE_CBC_SHA', 'RC4_128_SHA', 'NULL_SHA']],
  ['DHE_RSA', ['AES_256_GCM_SHA384', 'AES_128_GCM_SHA256', 'CHACHA20_POLY1305_SHA256', 'AES_256_CBC_SHA256', 'AES_128_CBC_SHA256', 'AES_256_CBC_SHA', 'AES_128_CBC_SHA', '3DES_EDE_CBC_SHA', 'DES_CBC_SHA']],
  ['DHE_DSS', ['AES_256_GCM_SHA384', 'AES_128_GCM_SHA256', 'AES_256_CBC_SHA256', 'AES_128_CBC_SHA256', 'AES_256_CBC_SHA', 'AES_128_CBC_SHA', '3DES_EDE_CBC_SHA', 'DES_CBC_SHA']],
  ['ECDH_ECDSA', ['AES_256_GCM_SHA384', 'AES_128_GCM_SHA256', 'AES_256_CBC_SHA384', 'AES_128_CBC_SHA256', 'AES_256_CBC_SHA', 'AES_128_CBC_SHA', '3DES_EDE_CBC_SHA', 'RC4_128_SHA', 'NULL_SHA']],
  ['ECDH_RSA', ['AES_256_GCM_SHA384', 'AES_128_GCM_SHA256', 'AES_256_CBC_SHA384', 'AES_128_CBC_SHA256', 'AES_256_CBC_SHA', 'AES_128_CBC_SHA', '3DES_EDE_CBC_SHA', 'RC4_128_SHA', 'NULL_SHA']],
  ['RSA', ['AES_256_GCM_SHA384', 'AES_128_GCM_SHA256', 'AES_256_CBC_SHA256', 'AES_128_CBC_SHA256', 'AES_256_CBC_SHA', 'AES_128_CBC_SHA', '3DES_EDE_CBC_SHA', 'RC4_128_SHA', 'RC4_128_MD5', 'DES_CBC_SHA', 'NULL_SHA256', 'NULL_SHA', 'NULL_MD5']],
  ['RSA_EXPORT', ['RC4_40_MD5', 'DES40_CBC_SHA']],
  ['DHE_RSA_EXPORT', ['DES40_CBC_SHA']],
  ['DHE_DSS_EXPORT', ['DES40_CBC_SHA']],
  ['DH_anon', ['AES_256_GCM_SHA384', 'AES_128_GCM_SHA256', 'AES_256_CBC_SHA256', 'AES_128_CBC_SHA256', 'AES_256_CBC_SHA', 'AES_128_CBC_SHA', '3DES_EDE_CBC_SHA', 'RC4_128_MD5', 'DES_CBC_SHA']],
  ['DH_anon_EXPORT', ['RC4_40_MD5', 'DES40_CBC_SHA']],
  ['ECDH_anon', ['AES_256_CBC_SHA', 'AES_128_CBC_SHA', '3DES_EDE_CBC_SHA', 'RC4_128_SHA', 'NULL_SHA']],
  ['KRB5', ['RC4_128_SHA', 'RC4_128_MD5', '3DES_EDE_CBC_SHA', '3DES_EDE_CBC_MD5', 'DES_CBC_SHA', 'DES_CBC_MD5']],
  ['KRB5_EXPORT', ['RC4_40_SHA', 'RC4_40_MD5', 'DES_CBC_40_SHA', 'DES_CBC_40_MD5']],
];

const TLS13_NAMES = ['TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256', 'TLS_CHACHA20_POLY1305_SHA256'];

function build(): Suite[] {
  const names = [...TLS13_NAMES, ...FAMILIES.flatMap(([kx, ciphers]) => ciphers.map((c) => `TLS_${kx}_WITH_${c}`))];
  return names.map((n) => {
    const s = parseIana(n);
    if (!s) throw new Error(`cipher catalog: ${n} does not parse`);
    return s;
  });
}

/** Every suite JSSE implements (IANA names). */
export const JSSE_SUITES: readonly Suite[] = build();

const BY_NAME = new Map(JSSE_SUITES.map((s) => [s.iana, s]));

export function jsseSuite(ianaName: string): Suite | undefined {
  return BY_NAME.get(ianaName.replace(/^SSL_/, 'TLS_'));
}

/** Names a typo is compared with. */
export const KNOWN_NAMES: readonly string[] = [...JSSE_SUITES.map((s) => s.iana), ...SCSV_NAMES];
