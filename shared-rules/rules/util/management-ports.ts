// G42: which ports are a product's management side, and which hosts the settings mark as internal.
// Used by the nginx and the Kubernetes ingress rules alike.
import type { Settings } from '../../engine/settings';

/** Port offsets taken into account (`[server] offset` 0–10: several products on one host). */
export const MAX_OFFSET = 10;

const BASES: ReadonlyArray<{ base: number; what: string }> = [
  { base: 9443, what: 'the HTTPS servlet port of the management console (/carbon) and admin services (/services)' },
  { base: 9763, what: 'the HTTP servlet port of the management console (/carbon) and admin services (/services)' },
  { base: 9164, what: "Micro Integrator's management API port" },
];

export interface ManagementPort {
  port: number;
  offset: number;
  base: number;
  what: string;
}

/** The management port `port` is (9443, 9763 or 9164 plus an offset up to MAX_OFFSET), or undefined. */
export function managementPort(port: number): ManagementPort | undefined {
  for (const b of BASES) {
    const offset = port - b.base;
    if (offset >= 0 && offset <= MAX_OFFSET) return { port, offset, base: b.base, what: b.what };
  }
  return undefined;
}

/** "9443" or "9444 (9443 + offset 1)", and what it serves. */
export function describePort(p: ManagementPort): string {
  return `${p.offset ? `${p.port} (${p.base} + offset ${p.offset})` : String(p.port)}, ${p.what}`;
}

/** The paths G42 names, as a request for their content reaches the proxy. */
export const ADMIN_PATHS = ['/carbon', '/services'] as const;

/**
 * True when `name` (a server_name, a host, a listen address or an ingress class) is listed in the
 * `exposure.internal` setting: an exact name (case-insensitive) or `*.suffix` for every name below it.
 */
export function isInternal(settings: Settings, name: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  for (const raw of settings.exposure?.internal ?? []) {
    const e = raw.toLowerCase().replace(/\.$/, '');
    if (e === n) return true;
    if (e.startsWith('*.') && n.endsWith(e.slice(1)) && n.length > e.length - 1) return true;
  }
  return false;
}

/** A bind address that only a private network reaches (loopback, RFC 1918, unique-local IPv6, unix sockets). */
export function isPrivateAddress(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h.startsWith('unix:')) return true;
  if (/^f[cd][0-9a-f]{2}:/.test(h) || h.startsWith('fe80:')) return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(h);
  if (!m) return false;
  const a = Number(m[1]), b = Number(m[2]);
  return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
}
