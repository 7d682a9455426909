// G42 in an nginx configuration: which `server` blocks listen where the internet reaches them, and which of their
// locations hand /carbon and /services to a product's management port. nginx's own matching is followed: the
// longest prefix location wins unless a regular-expression location matches (regexes are not run: one that names
// `carbon`/`services` is taken to match those paths, so a deny written that way counts).
import type { Settings } from '../../engine/settings';
import type { NginxDirective } from '../../parsers/nginx/model';
import { walkNginx } from '../../parsers/nginx/parse';
import { ADMIN_PATHS, isInternal, isPrivateAddress, managementPort, type ManagementPort } from './management-ports';
import { expandIncludes, type IncludeLoader } from './nginx-includes';

export interface Target {
  /** `host:port` as the file writes it (or as the upstream lists it). */
  address: string;
  port: ManagementPort;
  /** The upstream block the proxy_pass named, if any. */
  upstream?: string;
}

export interface Exposure {
  /** The location (or, in a stream server, the proxy_pass) that forwards. */
  at: NginxDirective;
  server: NginxDirective;
  /** The admin paths it forwards ('/carbon', '/services'); every path for a stream server. */
  paths: string[];
  target: Target;
  /** Why the listener is internet-facing. */
  facing: string;
  serverName?: string;
  /** The paths a deny block can be added for (a plain `location /` only; none already has a location of its own). */
  fixable: string[];
}

interface Loc { d: NginxDirective; mod: string; path: string }

const URL = /^(?:https?|grpcs?):\/\/(\[[0-9a-fA-F:.]+\]|[^/:?#\s[\]]+)(?::(\d{1,5}))?/;

/** Upstream name → its servers' addresses. */
function upstreams(list: readonly NginxDirective[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of walkNginx(list)) {
    if (d.name !== 'upstream' || !d.block || !d.args[0]) continue;
    out.set(d.args[0].text.toLowerCase(), d.block.filter((s) => s.name === 'server' && s.args[0]).map((s) => s.args[0].text));
  }
  return out;
}

function hostPort(address: string, dflt: number): { host: string; port: number } | undefined {
  const m = /^(\[[^\]]*\]|[^:]+)(?::(\d{1,5}))?$/.exec(address);
  return m ? { host: m[1], port: m[2] ? Number(m[2]) : dflt } : undefined;
}

/** The management port a `proxy_pass` argument leads to (through an upstream block), or undefined. */
function targetOf(arg: string, ups: Map<string, string[]>, stream: boolean): Target | undefined {
  // An nginx variable: cannot tell. (A template value left by template-lint, `${___}`, is a host name: the port is written.)
  if (/\$(?!\{_+\})/.test(arg)) return undefined;
  let host: string, port: number | undefined;
  const m = URL.exec(arg);
  if (m) { host = m[1]; port = m[2] ? Number(m[2]) : undefined; }
  else if (stream) {
    const hp = hostPort(arg, 0);
    if (!hp) return undefined;
    host = hp.host; port = hp.port || undefined;
  } else return undefined;
  const servers = port === undefined ? ups.get(host.toLowerCase()) : undefined;
  if (servers) {
    for (const s of servers) {
      const hp = hostPort(s, 80);
      const mp = hp && managementPort(hp.port);
      if (mp) return { address: s, port: mp, upstream: host };
    }
    return undefined;
  }
  const mp = port !== undefined ? managementPort(port) : undefined;
  return mp ? { address: `${host}:${port}`, port: mp } : undefined;
}

/** Why a server block is reachable from outside, or undefined when every listener is private or internal. */
function facing(server: readonly NginxDirective[], settings: Settings): string | undefined {
  const listens = server.filter((d) => d.name === 'listen' && d.args[0]);
  if (!listens.length) return 'it has no `listen` directive, so nginx listens on port 80 of every address';
  for (const l of listens) {
    const a = l.args[0].text;
    // A template value (a rendered branch of nginx.conf.j2): most often the port; say so rather than guess the address.
    if (a.includes('${_')) return '`listen` takes a template value, and nginx binds every address unless that value names a private one';
    const all = l.args.map((x) => x.text).join(' ');
    if (/^\d+$/.test(a)) return `\`listen ${all}\` binds every address`;
    if (a.startsWith('unix:')) continue;
    const hp = hostPort(a, 80);
    if (!hp) continue;
    const host = hp.host.replace(/^\[|\]$/g, '');
    if (host === '*' || host === '0.0.0.0' || host === '::') return `\`listen ${all}\` binds every address`;
    if (isPrivateAddress(host) || isInternal(settings, host)) continue;
    return `\`listen ${all}\` binds a public address`;
  }
  return undefined;
}

function locations(list: readonly NginxDirective[], out: Loc[] = [], depth = 0): Loc[] {
  for (const d of list) {
    if (d.name !== 'location' || !d.block || !d.args.length) continue;
    const [a, b] = d.args;
    const mod = b && ['=', '~', '~*', '^~'].includes(a.text) ? a.text : '';
    const p = mod ? b.text : a.text;
    out.push({ d, mod, path: p });
    if (depth < 8) locations(d.block, out, depth + 1);
  }
  return out;
}

/**
 * The location nginx hands a request for `probe` (e.g. "/carbon/") to, or undefined when it is blocked. Regexes are
 * not run: one that names the path and denies counts as blocking it (the quiet side); one that forwards is taken as
 * the handler only when it plainly starts with the path (`~ ^/carbon`, `~* ^/(carbon|services)`), else the longest
 * prefix location decides.
 */
function handler(locs: readonly Loc[], probe: string, blocked: (l: Loc) => boolean): Loc | undefined {
  let best: Loc | undefined;
  for (const l of locs) {
    if ((l.mod === '' || l.mod === '^~') && probe.startsWith(l.path) && (!best || l.path.length > best.path.length)) best = l;
  }
  if (best?.mod === '^~') return blocked(best) ? undefined : best;
  const word = probe.slice(1, -1);
  for (const l of locs) {
    if ((l.mod !== '~' && l.mod !== '~*') || !l.path.toLowerCase().includes(word)) continue;
    if (blocked(l)) return undefined;
    if (startsWithPath(l.path, word)) return l;
  }
  return best && !blocked(best) ? best : undefined;
}

/** `^/carbon`, `^/(carbon|…)`, `^/(?:services|carbon)`: linear (each alternative ends at its own `|`). */
function startsWithPath(regex: string, word: string): boolean {
  const m = /^\^\/(?:\((?:\?:)?)?((?:[a-z0-9_-]+\|)*)([a-z0-9_-]+)/i.exec(regex);
  if (!m) return false;
  return m[2].toLowerCase() === word || m[1].toLowerCase().split('|').includes(word);
}

/**
 * An `if ($request_uri ~* "^/(carbon|services)") { return 403; }` (or `$uri`) that names the path and denies or returns:
 * the common way to block the contexts without a location of their own.
 */
function ifBlocks(list: readonly NginxDirective[], word: string): boolean {
  return list.some((d) => d.name === 'if' && d.block && d.args.some((a) => a.text.toLowerCase().includes(word)) && blocks(d.block));
}

/** `deny all;` or a `return` (403, 404, a redirect elsewhere): nothing is forwarded. */
function blocks(list: readonly NginxDirective[]): boolean {
  return list.some((d) => (d.name === 'deny' && d.args[0]?.text === 'all') || d.name === 'return');
}

export function nginxExposures(top: readonly NginxDirective[], settings: Settings, loader: IncludeLoader): Exposure[] {
  const all = expandIncludes(top, loader);
  const ups = upstreams(all);
  const out: Exposure[] = [];
  for (const server of walkNginx(all)) {
    if (server.name !== 'server' || !server.block || server.foreign) continue;
    const body = expandIncludes(server.block, loader);
    const names = body.filter((d) => d.name === 'server_name').flatMap((d) => d.args.map((a) => a.text)).filter((n) => n && n !== '_' && n !== '""');
    if (names.length && names.every((n) => isInternal(settings, n))) continue;
    const why = facing(body, settings);
    if (!why || blocks(body)) continue;
    const serverName = names[0];
    const locs = locations(body);
    if (!locs.length) {
      // A stream (TCP) server: every path goes through.
      const pass = body.find((d) => d.name === 'proxy_pass' && d.args[0]);
      const t = pass && targetOf(pass.args[0].text, ups, true);
      if (pass && t) out.push({ at: pass, server, paths: [], target: t, facing: why, serverName, fixable: [] });
      continue;
    }
    const byLoc = new Map<Loc, string[]>();
    for (const p of ADMIN_PATHS) {
      if (ifBlocks(body, p.slice(1))) continue;
      const h = handler(locs, `${p}/`, (l) => { const b = expandIncludes(l.d.block!, loader); return blocks(b) || ifBlocks(b, p.slice(1)); });
      if (!h || h.d.foreign) continue;
      byLoc.set(h, [...(byLoc.get(h) ?? []), p]);
    }
    for (const [loc, paths] of byLoc) {
      const block = expandIncludes(loc.d.block!, loader);
      const pass = block.find((d) => d.name === 'proxy_pass' && d.args[0]);
      const t = pass && targetOf(pass.args[0].text, ups, false);
      if (!t) continue;
      const own = (p: string) => locs.some((l) => (l.mod === '' || l.mod === '^~') && (l.path === p || l.path === `${p}/`));
      const fixable = loc.mod === '' && loc.path === '/' ? paths.filter((p) => !own(p)) : [];
      out.push({ at: loc.d, server, paths, target: t, facing: why, serverName, fixable });
    }
  }
  return out;
}
