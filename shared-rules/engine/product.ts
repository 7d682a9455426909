// Which product (version, distribution) a file belongs to. Order of evidence, strongest first:
//   1. the setting carbonlint.product ('apim-4.2.0', 'is', 'mi-4.3.0');
//   2. the file's own content, when it clearly names one product (tables only that product ships) — this beats a
//      misleading path such as docker-apim-*/is-as-km/ (an Identity Server used as key manager);
//   3. the install layout: startup scripts beside the file or in the product's bin/ (read from disk, cached);
//   4. the path: the deepest folder or file name that names exactly one product (wso2am-4.2.0, is-as-km, mi-4.3.0);
//   5. weak content hints.
// Never throws: a file that cannot be placed is 'unknown' and every rule runs on it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Product } from './rule';
import { APIM_SPLIT_SINCE, PRODUCT_NAMES, SCRIPT_HINTS, compareVersions, kernelLine, type Distribution } from '../data/products';
import { CONTENT_MARKERS, IS_VERSION_HINTS } from '../data/product-markers';
import { distributionFromServerRole } from './server-role';
import { legacyFacts } from '../data/legacy-products';
import { detectLegacy, kernelLabel, type LegacyInfo } from './legacy-product';
import { knownAbsent, listedScripts, snapshotMemo } from './disk-snapshot';
import { presentNeedles, type PresentNeedles } from './content-needles';

export type { Distribution } from '../data/products';

export interface ProductInfo {
  product: Product | 'unknown';
  /** Exact release ("4.2.0") or release line ("3.2" from a 3.2.x branch folder), from the setting or the path. */
  version?: string;
  brand: 'WSO2' | 'MWARE';
  source: 'setting' | 'content' | 'path' | 'layout' | 'unknown';
  /** API-M only: which distribution or profile the file configures (4.5+ ship them separately). */
  distribution?: Distribution;
  /** Carbon kernel line ("4.6", "4.9", "4.10"), from the version or from content hints; decides shipped defaults. */
  kernel?: string;
  /** What the content says about the release when no version is known, e.g. "7.1+" (p12 keystores). */
  versionHint?: string;
  /** A Carbon 4.4 home (API-M 2.x, IS 5.x, EI 6.x, ESB 5.0): its product name, release and kernel (legacy-product.ts). */
  legacy?: LegacyInfo;
}

const PRODUCT_SETTING = /^(apim|is|mi)(?:-(\d+\.\d+(?:\.\d+)?))?$/;

interface Segment {
  products: Set<Product>;
  version?: string;
  distribution?: Distribution;
  /** Names the Integration Control Plane (`icp`, `wso2icp-1.1.0`, `integration-control-plane`): not Micro Integrator. */
  icp?: boolean;
}

// Segments repeat across files (every file of a folder shares its ancestors' names): each is read once. A pure
// function of the string, so nothing can go stale; bounded, and the Segments are only read, never changed.
const SEGMENTS = new Map<string, Segment>();
const MAX_SEGMENTS = 2048;

function readSegment(seg: string): Segment {
  let s = SEGMENTS.get(seg);
  if (!s) {
    s = readSegmentUncached(seg);
    if (SEGMENTS.size >= MAX_SEGMENTS) SEGMENTS.clear();
    SEGMENTS.set(seg, s);
  }
  return s;
}

/** Reads one path segment: which products it names, a version, an API-M distribution word. */
function readSegmentUncached(seg: string): Segment {
  const t = seg.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const products = new Set<Product>();
  let distribution: Distribution | undefined;
  for (let i = 0; i < t.length; i++) {
    const w = t[i];
    const prev = t[i - 1];
    const next = t[i + 1];
    const branded = prev === 'wso2' || prev === 'mware';
    if (w === 'wso2am' || w === 'mwaream' || w === 'apim' || (w === 'am' && branded) || (w === 'api' && next === 'manager')) products.add('apim');
    if (w === 'wso2is' || w === 'mwareis' || w === 'is' || (w === 'identity' && next === 'server')) products.add('is');
    if (w === 'wso2mi' || w === 'mwaremi' || w === 'mi' || (w === 'micro' && next === 'integrator')) products.add('mi');
    if (w === 'all' && next === 'in' && t[i + 2] === 'one') distribution = 'all-in-one';
    else if (w === 'acp' || (w === 'control' && next === 'plane') || (w === 'api' && next === 'cp')) distribution = 'control-plane';
    else if (w === 'gateway' || w === 'gw') distribution = 'gateway';
    else if ((w === 'traffic' && next === 'manager') || w === 'tm') distribution = 'traffic-manager';
    else if ((w === 'key' && next === 'manager') || w === 'km') distribution ??= 'key-manager';
  }
  const icp = t.includes('icp') || t.includes('wso2icp') || (t.includes('integration') && t.includes('control') && t.includes('plane'));
  if (icp) {
    products.clear();
    distribution = undefined;
  }
  // carbon-kernel-4.10.x, carbon-deployment-4.11.x: component versions, not product releases.
  const component = t.includes('kernel') || (t.includes('carbon') && t.includes('deployment'));
  const v = component ? null : /(?:^|[^\d.])(\d+\.\d+\.\d+)(?![\d])/.exec(seg) ?? /(?:^|[^\d.])(\d+\.\d+)\.x(?![a-z0-9])/i.exec(seg)
    // A release line written x.y beside the product's name (wso2am-4.5, IS-6.2): only where a product is named.
    ?? (products.size > 0 ? /(?:^|[^\d.])([1-9]\.\d{1,2})(?![\d.])/.exec(seg) : null);
  return { products, version: v?.[1], distribution, icp };
}

interface PathEvidence {
  icp?: boolean;
  product?: Product;
  version?: string;
  distribution?: Distribution;
}

/** The first hint naming each script, or its .bat twin (as a find over SCRIPT_HINTS in order would give). */
const SCRIPT_BY_NAME = new Map<string, (typeof SCRIPT_HINTS)[number]>();
for (const h of SCRIPT_HINTS) {
  for (const name of [h.script, h.script.replace('.sh', '.bat')]) if (!SCRIPT_BY_NAME.has(name)) SCRIPT_BY_NAME.set(name, h);
}

/** The deepest segment naming exactly one product decides; version and distribution come from it or below it. */
function fromPath(fileName: string): PathEvidence {
  const slashed = fileName.replace(/\\/g, '/');
  // A loop, not filter(…).map(…): map's result is packed or holey depending on whether its caller runs optimised,
  // and each kind turning up again threw this function's optimised code away.
  const segs: Segment[] = [];
  for (const s of slashed.split('/')) if (s.length > 0) segs.push(readSegment(s));
  const script = SCRIPT_BY_NAME.get(path.basename(slashed).toLowerCase());
  for (let i = segs.length - 1; i >= 0; i--) {
    if (segs[i].icp) return { icp: true }; // the nearest folder names the Control Plane: its files are not MI's
    if (segs[i].products.size !== 1) continue;
    const product = [...segs[i].products][0];
    // The deciding segment and the product-less folders below it, then ancestors naming the same product
    // (apim-4.6.0/all-in-one-apim/: the version is one folder up).
    // Index loops, not slice/filter/spread/map/find: fewer arrays, and none whose element kind varies (round 7,
    // issue 22: this per-file function was recompiled ~4 times a run).
    const below = (j: number) => j === i || segs[j].products.size === 0;
    const above = (j: number) => segs[j].products.size === 1 && segs[j].products.has(product);
    let version: string | undefined;
    for (let j = i; version === undefined && j < segs.length; j++) if (below(j)) version = segs[j].version;
    for (let j = i - 1; version === undefined && j >= 0; j--) if (above(j)) version = segs[j].version;
    let distribution: Distribution | undefined;
    if (product === 'apim') {
      // The script's word, else the deepest folder's below the deciding one, else the nearest ancestor's.
      distribution = script?.distribution;
      for (let j = segs.length - 1; distribution === undefined && j >= i; j--) if (below(j)) distribution = segs[j].distribution;
      for (let j = i - 1; distribution === undefined && j >= 0; j--) if (above(j)) distribution = segs[j].distribution;
    }
    return { product, version, distribution };
  }
  if (script) return { product: script.product, distribution: script.distribution };
  return {};
}

/** Version from any segment that names no other product (for a product decided by content). */
function versionFromPath(fileName: string, product: Product): string | undefined {
  const segs = fileName.replace(/\\/g, '/').split('/').filter((s) => s.length > 0).map(readSegment);
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i];
    if (s.version && (s.products.size === 0 || (s.products.size === 1 && s.products.has(product)))) return s.version;
  }
  return undefined;
}

export interface ContentEvidence {
  product?: Product;
  /** Winning score: 2+ is clear (a marker only that product ships), 1 is a hint. */
  score: number;
}

/** Each marker regex with the `g` flag, to search it from an offset (lastIndex). */
const FROM_OFFSET = new WeakMap<RegExp, RegExp>();
function fromOffset(re: RegExp): RegExp {
  let g = FROM_OFFSET.get(re);
  if (!g) FROM_OFFSET.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)));
  return g;
}

/**
 * `re.test(text)`, skipped when the text holds none of the literals every match contains (same result, cheaper);
 * with `followedBy`, that text must also occur after the first match (after the first is after some match).
 * `present`: the needles the text holds, found in one pass (content-needles.ts). The regex is searched from the line
 * of the first needle: a marker matches within one line (no class or escape that takes a line break; tested in
 * content-needles.test.ts) and every match holds a needle, so none starts on an earlier line — the same first match.
 */
export function hasMatch(m: { re: RegExp; needles: readonly string[]; followedBy?: string }, text: string, present: PresentNeedles): boolean {
  let at = -1;
  for (const n of m.needles) {
    const i = present.firstAt(n);
    if (i !== undefined && (at === -1 || i < at)) at = i;
  }
  if (at === -1) return false;
  const re = fromOffset(m.re);
  re.lastIndex = text.lastIndexOf('\n', at) + 1;
  const found = re.exec(text);
  return found !== null && (m.followedBy === undefined || text.includes(m.followedBy, found.index + found[0].length));
}

const PRODUCTS = Object.keys(CONTENT_MARKERS) as Product[];

/**
 * The product whose markers score highest, when one does. Products are scored most promising first, and one whose
 * markers cannot reach the best score so far (counting every needle not yet searched for as present) is not
 * scored: it could neither win nor tie, so the answer is the one scoring every product gives.
 */
export function fromContent(text: string, present: PresentNeedles): ContentEvidence {
  const upper = PRODUCTS.map((p) => ({ p, u: CONTENT_MARKERS[p].reduce((n, m) => n + (m.needles.some((x) => present.mayHave(x)) ? m.weight : 0), 0) }));
  upper.sort((a, b) => b.u - a.u);
  let best = 0;
  let product: Product | undefined;
  let tie = false;
  for (const { p, u } of upper) {
    if (u < best || u === 0) continue;
    const s = CONTENT_MARKERS[p].reduce((n, m) => n + (hasMatch(m, text, present) ? m.weight : 0), 0);
    if (s > best) {
      best = s;
      product = p;
      tie = false;
    } else if (s === best && s > 0) tie = true;
  }
  if (best === 0 || tie) return { score: 0 };
  return { product, score: best };
}

/** API-M distribution from the tables present (4.5+ distributions, or a profile-style node in earlier releases). */
function apimDistributionFromContent(text: string, version: string | undefined): Distribution | undefined {
  // Before 4.0 there were no [apim.sync_runtime_artifacts.*] tables: a node with environments is the all-in-one.
  if (version !== undefined && compareVersions(version, '4.0') < 0) return 'all-in-one';
  // Each regex behind a literal its every match contains (a cheap `includes` first; same result).
  const has = (needle: string, re: RegExp) => text.includes(needle) && re.test(text);
  const environments = has('[[apim.gateway.environment]]', /^[ \t]*\[\[apim\.gateway\.environment\]\]/m);
  const syncGateway = has('[apim.sync_runtime_artifacts.gateway]', /^[ \t]*\[apim\.sync_runtime_artifacts\.gateway\]/m);
  const apimDb = has('[database.apim_db]', /^[ \t]*\[database\.apim_db\]/m);
  if (environments) return syncGateway ? 'all-in-one' : 'control-plane';
  if (syncGateway && !apimDb) return 'gateway';
  if (apimDb && !syncGateway) {
    if (has('[[event_listener]]', /^[ \t]*\[\[event_listener\]\]/m) || has('[[oauth.', /^[ \t]*\[\[oauth\./m)) return 'key-manager';
    if (has('[apim.', /^[ \t]*\[apim\.(throttling|distributed_throttling)[.\]]/m) || !has('[apim', /^[ \t]*\[\[?apim[.\]]/m)) return 'traffic-manager';
  }
  return undefined;
}

// Directory listings of bin/ folders, so a language server asks the disk once per folder.
const listings = new Map<string, readonly string[]>();
const MAX_LISTINGS = 256;

function listDir(dir: string): readonly string[] {
  // A CLI run: the walk's own listing, or no folder there (disk-snapshot.ts).
  const listed = listedScripts(dir);
  if (listed) return listed;
  if (knownAbsent(dir)) return [];
  const cached = listings.get(dir);
  if (cached) return cached;
  let names: readonly string[] = [];
  try {
    if (fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) names = fs.readdirSync(dir).filter((n) => n.endsWith('.sh'));
  } catch {
    names = [];
  }
  if (listings.size >= MAX_LISTINGS) listings.clear();
  listings.set(dir, names);
  return names;
}

/** Scripts beside the file, in <HOME>/bin for <HOME>/conf (MI) and <HOME>/repository/conf (API-M, IS). Absolute paths only. */
function fromLayout(fileName: string): { product: Product; distribution?: Distribution } | undefined {
  if (!path.isAbsolute(fileName)) return undefined;
  // A CLI run: once per folder (the walk's listings cannot change under it); otherwise computed (listDir caches).
  const dir = path.dirname(fileName);
  return snapshotMemo('layout', dir, () => layoutOf(dir));
}

function layoutOf(dir: string): { product: Product; distribution?: Distribution } | undefined {
  const dirs = [dir, path.join(dir, '..', 'bin'), path.join(dir, '..', '..', 'bin')];
  const names = new Set(dirs.flatMap(listDir));
  const hit = SCRIPT_HINTS.find((h) => names.has(h.script)); // ordered: api-cp.sh before key-manager.sh
  return hit ? { product: hit.product, distribution: hit.distribution } : undefined;
}

/** Tables only the Integration Control Plane's deployment.toml has (behind the literal `[icp_server`: same result, cheaper). */
const ICP_CONTENT = /^[ \t]*\[\[?icp_server[.\]]/m;

function finish(info: ProductInfo, text: string, distributionHint: Distribution | undefined, present: PresentNeedles): ProductInfo {
  if (info.product === 'unknown') return info;
  const product = info.product;
  info.kernel = kernelLine(product, info.version);
  if (product === 'is' && !info.version) {
    const hint = IS_VERSION_HINTS.find((h) => hasMatch(h, text, present));
    if (hint) {
      info.versionHint = hint.hint;
      info.kernel = hint.kernel;
    }
  }
  if (product === 'apim') {
    const early = info.version !== undefined && compareVersions(info.version, APIM_SPLIT_SINCE) < 0;
    // A split distribution's folder names what the pack can run; otherwise the file's own server_role decides.
    info.distribution = distributionHint ?? distributionFromServerRole(text) ?? apimDistributionFromContent(text, info.version) ?? (early ? 'all-in-one' : undefined);
  }
  return info;
}

export function detectProduct(fileName: string, text: string, setting = 'auto'): ProductInfo {
  const brand = /\bMWARE\b/i.test(fileName) || (text.includes('MWARE') && /\bMWARE\b/.test(text)) ? 'MWARE' : 'WSO2';
  try {
    const m = PRODUCT_SETTING.exec(setting.trim().toLowerCase());
    const legacy = detectLegacy(fileName, text);
    if (legacy) {
      // EI and ESB have no TOML-era family: 'unknown' keeps every rule running, and `legacy` names the product.
      const family = legacy.name ? legacyFacts(legacy.name)?.product : undefined;
      if (m) return { product: m[1] as Product, version: m[2] ?? legacy.version, brand, source: 'setting', legacy };
      const source = legacy.source === 'unknown' ? 'unknown' : legacy.source;
      return { product: family ?? 'unknown', version: family ? legacy.version : undefined, brand, source, legacy };
    }
    const byPath = fromPath(fileName);
    const present = presentNeedles(text);
    // The Integration Control Plane (its own server, not Carbon's config-mapper): no product's rules fit it, and it
    // must not be taken for Micro Integrator (whose G27 would then speak about it).
    if (!m && (byPath.icp || (present.has('[icp_server') && ICP_CONTENT.test(text)))) return { product: 'unknown', brand, source: byPath.icp ? 'path' : 'content' };
    if (m) {
      const product = m[1] as Product;
      return finish({ product, version: m[2] ?? (byPath.product === product ? byPath.version : undefined), brand, source: 'setting' }, text, byPath.product === product ? byPath.distribution : undefined, present);
    }
    const content = fromContent(text, present);
    if (content.product && content.score >= 2) {
      const agrees = byPath.product === content.product;
      const version = agrees ? byPath.version : versionFromPath(fileName, content.product);
      return finish({ product: content.product, version, brand, source: agrees ? 'path' : 'content' }, text, agrees ? byPath.distribution : undefined, present);
    }
    const layout = fromLayout(fileName);
    if (layout) {
      const agrees = byPath.product === layout.product;
      const version = agrees ? byPath.version : versionFromPath(fileName, layout.product);
      return finish({ product: layout.product, version, brand, source: agrees ? 'path' : 'layout' }, text, layout.distribution ?? (agrees ? byPath.distribution : undefined), present);
    }
    if (byPath.product) return finish({ product: byPath.product, version: byPath.version, brand, source: 'path' }, text, byPath.distribution, present);
    if (content.product) return finish({ product: content.product, version: versionFromPath(fileName, content.product), brand, source: 'content' }, text, undefined, present);
  } catch {
    // Detection is best effort: fall through to 'unknown'.
  }
  return { product: 'unknown', brand, source: 'unknown' };
}

/** "WSO2 API Manager 4.2.0", "MWARE Identity Server", "WSO2 product" — for messages. */
export function productLabel(info: ProductInfo): string {
  if (info.legacy) {
    const l = info.legacy;
    const name = l.name ? l.name.replace(/^WSO2 /, `${info.brand} `) : `${info.brand} Carbon 4.4 product`;
    const kernel = kernelLabel(l);
    return `${name}${l.version ? ' ' + l.version : ''}${kernel ? ` (${kernel})` : ''}`;
  }
  if (info.product === 'unknown') return `${info.brand} product`;
  const version = info.version ?? info.versionHint;
  return `${info.brand} ${PRODUCT_NAMES[info.product]}${version ? ' ' + version : ''}`;
}

/** The "Server" header value the product sends when none is configured. */
export function serverHeaderName(info: ProductInfo): string {
  return `${info.brand} Carbon Server`;
}
