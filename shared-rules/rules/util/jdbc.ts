// JDBC URLs as the driver reads them. deployment.toml values are copied into XML, so people write `&amp;` —
// decode XML entities first, then split the driver's parameters.
import type { Driver } from '../../data/jdbc-tls';

export function xmlDecode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()] ?? m;
  });
}

export interface JdbcUrl {
  driver: Driver;
  /** Host name (first host for lists), lower-cased, when the URL shows one. */
  host?: string;
  /** Parameter names lower-cased → value as written. */
  params: Map<string, string>;
  /** The decoded URL. */
  url: string;
}

const DRIVERS: Array<[RegExp, Driver]> = [
  [/^jdbc:mysql:/i, 'mysql'], [/^jdbc:mariadb:/i, 'mariadb'], [/^jdbc:postgresql:/i, 'postgresql'],
  [/^jdbc:(sqlserver|jtds:sqlserver):/i, 'sqlserver'], [/^jdbc:oracle:/i, 'oracle'], [/^jdbc:db2:/i, 'db2'], [/^jdbc:h2:/i, 'h2'],
];

function addPairs(params: Map<string, string>, text: string, sep: RegExp): void {
  for (const pair of text.split(sep)) {
    const eq = pair.indexOf('=');
    if (eq > 0) params.set(pair.slice(0, eq).trim().toLowerCase(), pair.slice(eq + 1).trim());
  }
}

export function parseJdbc(raw: string): JdbcUrl | undefined {
  const url = xmlDecode(raw.trim());
  const hit = DRIVERS.find(([re]) => re.test(url));
  if (!hit) return undefined;
  const driver = hit[1];
  const params = new Map<string, string>();
  const host = /^jdbc:[a-z:]*?\/\/\[?([^\]/:;?,]+)/i.exec(url)?.[1]?.toLowerCase()
    ?? /@(?:tcps?:)?(?:\/\/)?([^:/?()]+)/i.exec(url)?.[1]?.toLowerCase()
    ?? /\(\s*host\s*=\s*([^)\s]+)/i.exec(url)?.[1]?.toLowerCase();
  if (driver === 'sqlserver') addPairs(params, url.slice(url.indexOf(';') + 1 || url.length), /;/);
  else if (driver === 'db2') {
    // jdbc:db2://host:50000/DB:sslConnection=true;user=x;
    const m = /^jdbc:db2:\/\/[^/]*\/[^:]*:(.*)$/i.exec(url);
    if (m) addPairs(params, m[1], /;/);
  } else if (driver !== 'oracle') {
    const q = url.indexOf('?');
    if (q >= 0) addPairs(params, url.slice(q + 1), /&/);
  }
  return { driver, host, params, url };
}

/** Loopback hosts: traffic that never leaves the machine. */
export function isLoopback(host: string | undefined): boolean {
  return host !== undefined && (host === 'localhost' || host.startsWith('127.') || host === '::1' || host === '0:0:0:0:0:0:0:1');
}

/** The offsets, inside a value's raw text, of `name=value` (case-insensitive name) — once, or undefined. */
export function findParamValue(raw: string, name: string, value: string): { start: number; end: number } | undefined {
  const re = new RegExp(`([?&;:]|&amp;)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=`, 'gi');
  const hits: number[] = [];
  for (let m = re.exec(raw); m; m = re.exec(raw)) hits.push(m.index + m[0].length);
  if (hits.length !== 1 || raw.slice(hits[0], hits[0] + value.length) !== value) return undefined;
  return { start: hits[0], end: hits[0] + value.length };
}
