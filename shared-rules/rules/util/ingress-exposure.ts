// G42 in Kubernetes: Ingress (networking.k8s.io/v1, and the v1beta1 `serviceName`/`servicePort` form) and Gateway
// API HTTPRoute rules whose /carbon or /services — through `/` or their own path — reach a Service port that is a
// product's management port. Named ports are resolved through a Service in the same file (its targetPort when it
// is a number). The longest matching path of a host wins, as in every ingress controller.
import type { Document, Node } from 'yaml';
import type { Settings } from '../../engine/settings';
import type { Span } from '../../engine/text';
import { get, items, path, spanOf, str } from '../../parsers/ingress/parse';
import { ADMIN_PATHS, isInternal, managementPort, type ManagementPort } from './management-ports';

export interface IngressExposure {
  span: Span;
  kind: 'Ingress' | 'HTTPRoute';
  name: string;
  host?: string;
  path: string;
  paths: string[];
  service: string;
  /** The port as written (a number or a name) and the management port it is. */
  written: string;
  port: ManagementPort;
  via?: string;
  facing: string;
}

interface Route { path: string; prefix: boolean; node: Node | undefined; service: string; port: string | undefined; portNode: Node | undefined }

export type Services = Map<string, Array<{ port?: string; name?: string; target?: string }>>;

/** A template placeholder left by template-lint (`${___}`) is not a name to quote. */
const FILLER = /\$\{_+\}/g;
function clean(s: string | undefined): string | undefined {
  return s === undefined ? undefined : s.replace(FILLER, '…');
}

export function services(docs: readonly Document.Parsed[]): Services {
  const out: Services = new Map();
  for (const d of docs) {
    if (str(get(d.contents, 'kind')) !== 'Service') continue;
    const name = str(path(d.contents, 'metadata', 'name'));
    if (!name) continue;
    out.set(name, items(path(d.contents, 'spec', 'ports')).map((p) => ({ port: str(get(p, 'port')), name: str(get(p, 'name')), target: str(get(p, 'targetPort')) })));
  }
  return out;
}

/** The management port a backend reaches, and how (`via`), or undefined. */
function resolve(svcs: Services, service: string, port: string): { port: ManagementPort; via?: string } | undefined {
  const entry = svcs.get(service)?.find((p) => p.port === port || (p.name !== undefined && p.name === port));
  if (entry?.target && /^\d+$/.test(entry.target)) {
    const mp = managementPort(Number(entry.target));
    return mp ? { port: mp, via: `Service \`${service}\` targetPort ${entry.target}` } : undefined;
  }
  const n = /^\d+$/.test(port) ? port : entry?.port;
  if (!n || !/^\d+$/.test(n)) return undefined;
  const mp = managementPort(Number(n));
  return mp ? { port: mp, ...(n !== port ? { via: `Service \`${service}\` port \`${port}\` = ${n}` } : {}) } : undefined;
}

/** Paths an nginx-ingress snippet annotation blocks (a `deny all` or `return 40x` near a path that names it). */
function snippetBlocks(annotations: Node | undefined): Set<string> {
  const out = new Set<string>();
  for (const key of ['nginx.ingress.kubernetes.io/server-snippet', 'nginx.ingress.kubernetes.io/configuration-snippet']) {
    const s = str(get(annotations, key));
    if (!s || !/deny\s+all|return\s+40[134]/.test(s)) continue;
    for (const p of ADMIN_PATHS) if (s.includes(p.slice(1))) out.add(p);
  }
  return out;
}

function ingressRoutes(spec: Node | undefined): Array<{ host?: string; routes: Route[] }> {
  const out: Array<{ host?: string; routes: Route[] }> = [];
  const backendOf = (b: Node | undefined) => {
    const svc = get(b, 'service');
    if (svc) {
      const port = get(svc, 'port');
      const num = get(port, 'number') ?? get(port, 'name');
      return { service: str(get(svc, 'name')) ?? '', port: str(num), portNode: num };
    }
    const sp = get(b, 'servicePort');
    return { service: str(get(b, 'serviceName')) ?? '', port: str(sp), portNode: sp };
  };
  const dflt = get(spec, 'defaultBackend') ?? get(spec, 'backend');
  const dRoute: Route[] = dflt ? [{ path: '/', prefix: true, node: undefined, ...backendOf(dflt) }] : [];
  for (const r of items(get(spec, 'rules'))) {
    const routes: Route[] = [...dRoute];
    for (const p of items(path(r, 'http', 'paths'))) {
      const pn = get(p, 'path');
      const type = str(get(p, 'pathType'));
      routes.push({ path: str(pn) ?? '/', prefix: type !== 'Exact', node: pn, ...backendOf(get(p, 'backend')) });
    }
    out.push({ host: str(get(r, 'host')), routes });
  }
  if (!out.length && dRoute.length) out.push({ routes: dRoute });
  return out;
}

function httpRoutes(spec: Node | undefined): Array<{ host?: string; routes: Route[] }> {
  const routes: Route[] = [];
  for (const r of items(get(spec, 'rules'))) {
    const backends = items(get(r, 'backendRefs')).filter((b) => (str(get(b, 'kind')) ?? 'Service') === 'Service');
    const matches = items(get(r, 'matches'));
    const paths = matches.length ? matches.map((m) => get(m, 'path')) : [undefined];
    for (const p of paths) {
      const type = str(get(p, 'type')) ?? 'PathPrefix';
      if (type === 'RegularExpression') continue;
      const vn = get(p, 'value');
      for (const b of backends) {
        const pn = get(b, 'port');
        routes.push({ path: str(vn) ?? '/', prefix: type === 'PathPrefix', node: vn ?? pn, service: str(get(b, 'name')) ?? '', port: str(pn), portNode: pn });
      }
    }
  }
  const hosts = items(get(spec, 'hostnames')).map((h) => str(h)).filter((h): h is string => !!h);
  return [{ host: hosts[0], routes }];
}

/** The route a request for `probe` takes: the longest matching prefix (or an exact match). */
function handler(routes: readonly Route[], probe: string): Route | undefined {
  let best: { r: Route; len: number } | undefined;
  for (const r of routes) {
    const cut = r.path.search(/[(*[]/); // `/carbon(/|$)(.*)` regex paths of ingress-nginx: their literal head
    const head = cut < 0 ? r.path : r.path.slice(0, cut);
    const q = head.endsWith('/') ? head : `${head}/`;
    const hit = r.prefix ? probe.startsWith(q) : q === probe;
    if (hit && (!best || q.length > best.len)) best = { r, len: q.length };
  }
  return best?.r;
}

/**
 * `more`: the Services of the manifests beside the file, read only when the file's own do not resolve a backend
 * (ingress-services.ts).
 */
export function ingressExposures(docs: readonly Document.Parsed[], settings: Settings, more?: () => Services): IngressExposure[] {
  const svcs = services(docs);
  let siblings: Services | undefined;
  const out: IngressExposure[] = [];
  for (const d of docs) {
    const kind = str(get(d.contents, 'kind'));
    if (kind !== 'Ingress' && kind !== 'HTTPRoute') continue;
    const name = clean(str(path(d.contents, 'metadata', 'name'))) ?? '(unnamed)';
    const annotations = path(d.contents, 'metadata', 'annotations');
    const spec = get(d.contents, 'spec');
    let facing: string;
    if (kind === 'Ingress') {
      const cls = clean(str(get(spec, 'ingressClassName')) ?? str(get(annotations, 'kubernetes.io/ingress.class')));
      if (cls && isInternal(settings, cls)) continue;
      // A class from a template value, while some classes are internal: cannot tell which it is.
      if (cls?.includes('…') && settings.exposure?.internal.length) continue;
      // Only some source addresses may connect: the controller enforces an allow list.
      if (str(get(annotations, 'nginx.ingress.kubernetes.io/whitelist-source-range')) || str(get(annotations, 'nginx.ingress.kubernetes.io/allowlist-source-range'))) continue;
      facing = cls?.includes('…') ? 'its ingress class comes from a template value that is not listed in `exposure.internal`'
        : cls ? `ingress class \`${cls}\` is not listed in \`exposure.internal\`` : 'it names no ingress class (the cluster\'s default class), and no source allow list';
    } else {
      const parents = items(get(spec, 'parentRefs')).map((p) => str(get(p, 'name'))).filter((p): p is string => !!p);
      if (parents.length && parents.every((p) => isInternal(settings, p))) continue;
      facing = parents.length ? `Gateway \`${parents.join('`, `')}\` is not listed in \`exposure.internal\`` : 'it names no parent Gateway listed in `exposure.internal`';
    }
    const blocked = snippetBlocks(annotations);
    for (const { host, routes } of kind === 'Ingress' ? ingressRoutes(spec) : httpRoutes(spec)) {
      if (host && (isInternal(settings, host) || (host.includes('${_') && settings.exposure?.internal.length))) continue;
      const byRoute = new Map<Route, string[]>();
      for (const p of ADMIN_PATHS) {
        if (blocked.has(p)) continue;
        const h = handler(routes, `${p}/`);
        if (h) byRoute.set(h, [...(byRoute.get(h) ?? []), p]);
      }
      for (const [r, paths] of byRoute) {
        if (!r.port) continue;
        let res = resolve(svcs, r.service, r.port);
        if (!res && !svcs.has(r.service) && more) res = resolve((siblings ??= more()), r.service, r.port);
        // On the port: it is what makes the route a management one (and, from a Helm value, the values line is reported).
        const span = spanOf(r.portNode) ?? spanOf(r.node);
        if (!res || !span) continue;
        out.push({ span, kind, name, host: clean(host), path: r.path, paths, service: clean(r.service) ?? '', written: r.port, port: res.port, via: res.via, facing });
      }
    }
  }
  return out;
}
