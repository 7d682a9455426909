// Product, release and kernel of a Carbon 4.4 home (API-M 2.x, IS 5.x, EI 6.x, ESB 5.0). Evidence, strongest first:
//   product: carbon.xml `/Server/Name` (or `ServerKey`) → the home's layout (api-manager.xml; EI's conf/ + wso2/) → a
//            path folder naming it (wso2am-2.6.0, ei-6.5.0);
//   release: carbon.xml `/Server/Version` → the path;
//   kernel:  bin/wso2carbon-version.txt → the release table → content hints (InternalKeyStore ⇒ ≥ 4.4.34,
//            SSLHostConfig ⇒ ≥ 4.5.0), which give a lower bound only.
// Placeholders (`${product.version}` in files taken from Git) are not values. Nothing here is guessed: what is not
// known stays undefined, and version-dependent checks then stay quiet. Never throws.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseXml } from '../parsers/xml/parse';
import type { XmlElement } from '../parsers/xml/model';
import { legacyFacts, LEGACY_PRODUCTS, INTERNAL_KEYSTORE_SINCE, type LegacyProductFacts } from '../data/legacy-products';
import { compareVersions } from '../data/products';
import { legacyFileOf } from './legacy-files';
import { knownAbsent } from './disk-snapshot';

export interface LegacyInfo {
  /** "WSO2 Enterprise Integrator"; undefined when the home does not say. */
  name?: string;
  version?: string;
  /** Exact carbon-kernel version, when known. */
  kernel?: string;
  /** A lower bound from content hints, when the exact kernel is not known. */
  kernelAtLeast?: string;
  /** Where the product name came from. */
  source: 'content' | 'layout' | 'path' | 'unknown';
}

const MAX_READ = 1 << 20;
const cache = new Map<string, { mtime: number; text: string | undefined }>();

function readSmall(file: string): string | undefined {
  if (!path.isAbsolute(file) || knownAbsent(file)) return undefined;
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size > MAX_READ) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtime === st.mtimeMs) return hit.text;
    const text = fs.readFileSync(file, 'utf8');
    if (cache.size >= 128) cache.clear();
    cache.set(file, { mtime: st.mtimeMs, text });
    return text;
  } catch {
    return undefined;
  }
}

function exists(p: string): boolean {
  if (knownAbsent(p)) return false;
  try {
    return fs.statSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

const isPlaceholder = (v: string) => v.includes('${') || v.includes('@');

/** Text of a leaf element (no child elements), trimmed. */
function leafText(doc: { text: string }, el: XmlElement | undefined): string | undefined {
  if (!el || el.selfClosing || !el.closeTagSpan || el.children.length) return undefined;
  const t = doc.text.slice(el.openTagSpan.end, el.closeTagSpan.start).trim();
  return t.includes('<') ? undefined : t;
}

/** The conf folder and home of a legacy file or of a startup script in a legacy home (absolute paths only for scripts). */
function placeOf(fileName: string, text: string): { confRoot: string; home: string } | undefined {
  const m = legacyFileOf(fileName, text);
  if (m) return { confRoot: m.confRoot, home: homeOf(m.confRoot) };
  const ctx = tomcatContextConf(fileName);
  if (ctx) return ctx;
  if (!/\.(sh|bat)$/i.test(fileName) || !path.isAbsolute(fileName)) return undefined;
  const home = path.dirname(path.dirname(fileName));
  for (const conf of [path.join(home, 'repository', 'conf'), path.join(home, 'conf')]) {
    if (exists(path.join(conf, 'carbon.xml')) && !exists(path.join(conf, 'deployment.toml'))) return { confRoot: conf, home };
  }
  return undefined;
}

// Tomcat's context.xml (global, or the console's META-INF one) is not a legacy-only file (TOML-era homes ship it
// too), so it belongs to a Carbon 4.4 home only when its conf folder (absolute path) holds carbon.xml and no
// deployment.toml — as for startup scripts.
const CONTEXT_TAILS = ['/tomcat/context.xml', '/tomcat/carbon/meta-inf/context.xml'];
function tomcatContextConf(fileName: string): { confRoot: string; home: string } | undefined {
  if (!path.isAbsolute(fileName)) return undefined;
  const norm = fileName.replace(/\\/g, '/');
  const tail = CONTEXT_TAILS.find((t) => norm.toLowerCase().endsWith(t));
  if (!tail) return undefined;
  const conf = norm.slice(0, norm.length - tail.length);
  if (!/(^|\/)conf$/i.test(conf)) return undefined;
  if (!exists(path.join(conf, 'carbon.xml')) || exists(path.join(conf, 'deployment.toml'))) return undefined;
  return { confRoot: conf, home: homeOf(conf) };
}

function homeOf(confRoot: string): string {
  const n = confRoot.replace(/\\/g, '/');
  return n.endsWith('/repository/conf') || n === 'repository/conf' ? n.slice(0, -'/repository/conf'.length) : n.slice(0, -'/conf'.length);
}

const PATH_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^(wso2am|apim|am)$/, 'WSO2 API Manager'],
  [/^(wso2is|is)$/, 'WSO2 Identity Server'],
  [/^(wso2ei|ei)$/, 'WSO2 Enterprise Integrator'],
  [/^(wso2esb|esb)$/, 'WSO2 Enterprise Service Bus'],
];

/** The deepest folder at or above the home that names one legacy product, with its x.y.z version. */
function fromPath(home: string): { name?: string; version?: string } {
  const segs = home.replace(/\\/g, '/').split('/').filter(Boolean).reverse();
  for (const seg of segs) {
    const words = seg.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    const names = new Set(PATH_WORDS.filter(([re]) => words.some((w) => re.test(w))).map(([, n]) => n));
    const v = /(?:^|[^\d.])(\d+\.\d+\.\d+)(?!\d)/.exec(seg)?.[1];
    if (names.size === 1) return { name: [...names][0], version: v };
  }
  return {};
}

export function detectLegacy(fileName: string, text: string): LegacyInfo | undefined {
  const place = placeOf(fileName, text);
  if (!place) return undefined;
  const isCarbonXml = legacyFileOf(fileName, text)?.file === 'carbon.xml';
  const carbonXml = isCarbonXml ? text : readSmall(path.join(place.confRoot, 'carbon.xml'));
  const info: LegacyInfo = { source: 'unknown' };
  let facts: LegacyProductFacts | undefined;
  if (carbonXml !== undefined) {
    const doc = parseXml(carbonXml);
    const root = doc.root?.name === 'Server' ? doc.root : undefined;
    const child = (name: string) => root?.children.find((c) => c.name === name);
    const name = leafText(doc, child('Name'));
    const key = leafText(doc, child('ServerKey'));
    const version = leafText(doc, child('Version'));
    if (name && !isPlaceholder(name)) facts = legacyFacts(name);
    if (!facts && key && !isPlaceholder(key)) {
      const byKey = LEGACY_PRODUCTS.filter((p) => p.key === key);
      if (byKey.length === 1 || key === 'EI') facts = byKey[byKey.length - 1];
    }
    if (facts) info.source = 'content';
    if (version && !isPlaceholder(version) && /^\d+\.\d+\.\d+$/.test(version)) info.version = version;
    const security = child('Security');
    if (security?.children.some((c) => c.name === 'InternalKeyStore')) info.kernelAtLeast = INTERNAL_KEYSTORE_SINCE;
  }
  if (!facts && path.isAbsolute(place.confRoot)) {
    const conf = place.confRoot;
    const layout = exists(path.join(conf, 'api-manager.xml')) ? 'WSO2 API Manager'
      : !conf.replace(/\\/g, '/').endsWith('/repository/conf') && exists(path.join(place.home, 'wso2')) ? 'WSO2 Enterprise Integrator'
      : undefined;
    if (layout) {
      facts = legacyFacts(layout);
      info.source = 'layout';
    }
  }
  const byPath = fromPath(place.home);
  if (!facts && byPath.name) {
    facts = legacyFacts(byPath.name);
    info.source = 'path';
  }
  info.name = facts?.name;
  info.version ??= facts && byPath.name === facts.name ? byPath.version : undefined;
  // EI 6.1.1's analytics profile says 6.0.0 and is DAS-based: no kernel from the table for it.
  const versionFile = readSmall(path.join(place.home, 'bin', 'wso2carbon-version.txt'));
  const fromFile = versionFile ? /Carbon Framework v(\d+\.\d+\.\d+)/.exec(versionFile)?.[1] : undefined;
  info.kernel = fromFile ?? (facts && info.version ? facts.kernels[info.version] : undefined);
  if (!info.kernel && text.includes('<SSLHostConfig') && legacyFileOf(fileName, text)?.file === 'catalina-server.xml') info.kernelAtLeast = '4.5.0';
  if (info.kernel) info.kernelAtLeast = undefined;
  return info;
}

/** Whether the home's kernel is at least `min`: undefined when that is not known. */
export function legacyKernelAtLeast(info: LegacyInfo | undefined, min: string): boolean | undefined {
  if (!info) return undefined;
  if (info.kernel) return compareVersions(info.kernel, min) >= 0;
  if (info.kernelAtLeast && compareVersions(info.kernelAtLeast, min) >= 0) return true;
  return undefined;
}

/** "Carbon kernel 4.4.35", "Carbon kernel 4.4.34 or later", or undefined. */
export function kernelLabel(info: LegacyInfo): string | undefined {
  if (info.kernel) return `Carbon kernel ${info.kernel}`;
  if (info.kernelAtLeast) return `Carbon kernel ${info.kernelAtLeast} or later`;
  return undefined;
}
