// API-M's `[server] server_role` names the profile a node runs (default = all-in-one). The file says it outright,
// so it beats guessing the profile from the tables present.
import type { Distribution } from '../data/products';

const ROLES: Record<string, Distribution> = {
  default: 'all-in-one',
  'all-in-one': 'all-in-one',
  'control-plane': 'control-plane',
  'api-control-plane': 'control-plane',
  'gateway-worker': 'gateway',
  gateway: 'gateway',
  'traffic-manager': 'traffic-manager',
  'key-manager': 'key-manager',
  'api-key-manager': 'key-manager',
};

const MAX_SCAN = 64 * 1024; // [server] is at the top of every product file; hostile input stays cheap

/** The distribution `[server] server_role` (or a top-level `server.server_role`) names, if it names a known one. */
export function distributionFromServerRole(text: string): Distribution | undefined {
  if (!text.includes('server_role')) return undefined;
  const head = text.slice(0, MAX_SCAN);
  let table = '';
  for (const line of head.split('\n')) {
    const header = /^[ \t]*\[\[?([^\]]*)\]/.exec(line);
    if (header) {
      table = header[1].trim();
      continue;
    }
    const m = /^[ \t]*(server\.)?server_role[ \t]*=[ \t]*["']([^"']*)["']/.exec(line);
    if (m && (table === 'server' || (table === '' && m[1]))) return ROLES[m[2].trim().toLowerCase()];
  }
  return undefined;
}
