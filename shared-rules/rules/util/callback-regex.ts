// Is a callback URL regular expression (matched against the whole URL) too permissive to protect recovery links?

/** Why the pattern lets attacker-chosen callback URLs through, or undefined when it is specific enough. */
export function permissiveReason(pattern: string): string | undefined {
  const p = pattern.trim().replace(/^\^/, '').replace(/\$$/, '');
  if (p === '.*' || p === '.+' || p === '(.*)') return 'matches any URL';
  if (/^\[[^\]]*\]\.\*\[[^\]]*\]$/.test(p)) return 'is written with square brackets, which make character classes: it matches almost any URL';
  const scheme = /^(?:\(?https?\)?s?\??|\(https?\|https?\)):\/\//i.exec(p);
  const rest = scheme ? p.slice(scheme[0].length) : p;
  const host = scheme ? rest.split('/')[0] : undefined;
  if (/^\.[*+]$/.test(host ?? rest) || (!scheme && /^\.[*+]/.test(rest))) return 'lets any host through';
  // A wildcard in the host part: https://.*\.example\.com/ also matches https://attacker.test/.example.com/
  if (host !== undefined && /(^|[^\\])\.[*+]/.test(host)) return 'has a wildcard in the host part, which also matches other hosts (use [a-z0-9-]+ for a sub-domain)';
  return undefined;
}
