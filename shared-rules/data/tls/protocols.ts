// TLS protocol versions as JSSE names them, ranked, and judged against the configured minimum.
// SSL 2/3 are broken; TLS 1.0/1.1 are deprecated (RFC 8996, and the MWARE edition of the guideline says so);
// TLS 1.2 is acceptable unless the user raised the minimum to TLS 1.3 (setting tls.minimumVersion).
import type { TlsVersion } from '../../engine/settings';

export const PROTOCOLS = ['SSLv2', 'SSLv2Hello', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

const RANK: Record<Protocol, number> = { SSLv2: 0, SSLv2Hello: 0, SSLv3: 1, TLSv1: 2, 'TLSv1.1': 3, 'TLSv1.2': 4, 'TLSv1.3': 5 };

export type ProtocolVerdict = 'broken' | 'deprecated' | 'below-minimum' | 'ok';

/** The JSSE protocol name exactly as written (JSSE compares names case-sensitively), or undefined. */
export function protocolName(s: string): Protocol | undefined {
  return (PROTOCOLS as readonly string[]).includes(s) ? (s as Protocol) : undefined;
}

/** For a misspelt name: the protocol it most likely means ("tlsv1.2", "TLSv1.0", "TLS1.2"), if any. */
export function suggestProtocol(s: string): Protocol | undefined {
  const k = s.toLowerCase().replace(/^tls(?:v)?/, 'tlsv').replace(/^ssl(?:v)?/, 'sslv').replace(/\.0$/, '');
  return PROTOCOLS.find((p) => p.toLowerCase() === k);
}

export function protocolVerdict(p: Protocol, minimum: TlsVersion): ProtocolVerdict {
  if (p === 'SSLv2' || p === 'SSLv3') return 'broken';
  if (p === 'SSLv2Hello' || p === 'TLSv1' || p === 'TLSv1.1') return 'deprecated';
  return RANK[p] < RANK[minimum] ? 'below-minimum' : 'ok';
}

export function meetsMinimum(p: Protocol, minimum: TlsVersion): boolean {
  return protocolVerdict(p, minimum) === 'ok';
}

/** What a hardened list holds: every TLS version from the minimum up (TLS 1.3 needs JDK 11, or 8u261+). */
export function recommendedProtocols(minimum: TlsVersion): Protocol[] {
  return PROTOCOLS.filter((p) => protocolVerdict(p, minimum) === 'ok');
}

/** Lowest first, without duplicates. */
export function sortProtocols(ps: Iterable<Protocol>): Protocol[] {
  return [...new Set(ps)].sort((a, b) => RANK[a] - RANK[b]);
}

/** "TLSv1 and TLSv1.1", "SSLv3, TLSv1 and TLSv1.1". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
