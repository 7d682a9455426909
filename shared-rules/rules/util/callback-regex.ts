// Is a callback URL regular expression (matched against the whole URL) too permissive to protect recovery links?

/** A scheme part: `https`, `https?`, `(http|https)`, `http(s)?`, `[hH]ttps`, `${carbon.protocol}` (bounded, linear). */
const SCHEME = /^(?:\$\{[^}]{0,80}\}|[A-Za-z()|?[\]]){1,40}:\/\//;
/** A host part that matches any host: `.*`, `.+`, `[^/]*`, `[^/]+`, `\S+`, `[\w.-]+`-style classes of host characters. */
const ANY_HOST = /^(?:\.[*+]|\[\^\/\]\s?[*+]|\\S[*+]|\[(?:\\w|a-z|A-Z|0-9|[-.:_])+\][*+])$/;
/** What may follow an any-host part and keep the pattern as open as `.*`: nothing, or any path. */
const ANY_REST = /^(?:|\/|\/?\.[*+]|\/\.[*+]|\(\/\.\*\)\??)$/;

/** Index of the first `/` outside a `[…]` class (the end of the host part), or -1. */
function pathStart(s: string): number {
  let inClass = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return i;
  }
  return -1;
}

/** Why the pattern lets attacker-chosen callback URLs through, or undefined when it is specific enough. */
export function permissiveReason(pattern: string): string | undefined {
  const p = pattern.trim().replace(/^\(\?i\)/, '').replace(/^\^/, '').replace(/\$$/, '');
  if (p === '.*' || p === '.+' || p === '(.*)') return 'matches any URL';
  if (/^\[[^\]]*\]\.\*\[[^\]]*\]$/.test(p)) return 'is written with square brackets, which make character classes: it matches almost any URL';
  const scheme = SCHEME.exec(p);
  const rest = scheme ? p.slice(scheme[0].length) : p;
  const slash = pathStart(rest);
  const host = scheme ? (slash < 0 ? rest : rest.slice(0, slash)) : undefined;
  if (host !== undefined && ANY_HOST.test(host) && ANY_REST.test(rest.slice(host.length))) {
    return `fixes only the scheme (${scheme![0].slice(0, -3)}): it matches any URL on any host, as open as ".*"`;
  }
  if ((host !== undefined && ANY_HOST.test(host)) || (!scheme && /^\.[*+]/.test(rest))) return 'lets any host through';
  // A wildcard in the host part: https://.*\.example\.com/ also matches https://attacker.test/.example.com/
  if (host !== undefined && /(^|[^\\])\.[*+]/.test(host)) return 'has a wildcard in the host part, which also matches other hosts (use [a-z0-9-]+ for a sub-domain)';
  return undefined;
}
