// Recognising nginx configurations cheaply and safely: `nginx.conf` by name; other `*.conf` files and the files of
// `sites-enabled/`, `sites-available/` (which often have no extension) only when their text has a `server {` block
// with a `listen`/`proxy_pass`, or an `upstream {` block — Apache, supervisord or MySQL `.conf` files do not.
// Whether the proxy fronts a product is the rule's business (the port it forwards to).
import * as path from 'node:path';

const SITES = /(^|[\\/])sites-(enabled|available)[\\/][^\\/]+$/i;
// Linear: each is one anchored line pattern with disjoint parts.
const SERVER_BLOCK = /^[ \t]*(?:server|upstream[ \t]+[^\s{;#]+)[ \t]*\{/m;
const DIRECTIVE = /^[ \t]*(?:listen|proxy_pass|server)[ \t]/m;

/** A file that may be an nginx configuration before its content is read (a path: `sites-enabled/x` has no extension). */
export function mayBeNginx(fileName: string): boolean {
  const base = path.basename(fileName).toLowerCase();
  return base === 'nginx.conf' || base.endsWith('.conf') || SITES.test(fileName);
}

/** `base`: the lower-case name without a template suffix. */
export function isNginx(fileName: string, base: string, text: string | undefined): boolean {
  if (base === 'nginx.conf') return true;
  if (!base.endsWith('.conf') && !SITES.test(fileName)) return false;
  if (text === undefined) return false;
  const head = text.length > 262_144 ? text.slice(0, 262_144) : text;
  return SERVER_BLOCK.test(head) && DIRECTIVE.test(head);
}

// 9443–9453, 9763–9773, 9164–9174 as a whole number: linear (alternation of fixed-length digit patterns).
const MANAGEMENT_PORT = /(?<![\d])(?:94(?:4[3-9]|5[0-3])|97(?:6[3-9]|7[0-3])|91(?:6[4-9]|7[0-4]))(?![\d])/;

/**
 * True when a proxy or ingress file names a product management port anywhere: only then does a syntax notice
 * concern CarbonLint (another project's nginx.conf that uses syntax the tokenizer does not know gets nothing).
 */
export function mentionsManagementPort(text: string): boolean {
  return MANAGEMENT_PORT.test(text);
}
