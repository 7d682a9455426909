// Product, release and update level of a product home, from the files a pack carries (the advisories README,
// section 10): updates/product.txt (code + version), updates/config.json (`update-level`), bin/version.txt,
// carbon.xml <Name>/<Version>, the home folder's name (wso2am-4.2.0, U2-renamed wso2am-4.2.0.5), and an image tag
// in a Dockerfile beside it (wso2/wso2am:4.2.0.5). Each fact keeps where it came from.
// This complements detectProduct (product.ts), which places one file by its path and content: detectHome answers
// for the folder above the file. Detectors are a list, so another product family (Carbon 4.4-era packs) adds its own
// without touching these. Every read goes through the caller's readFile (bounded, never throws).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PRODUCT_CODES, advisoryProductId } from '../data/advisories';
import type { ProductInfo } from './product';
import { detectLegacy } from './legacy-product';
import { knownAbsent, noteAbsent, snapshotMemo } from './disk-snapshot';

export interface HomeFact {
  /** What the fact is. */
  what: 'product' | 'version' | 'updateLevel';
  value: string;
  /** Absolute path of the file that says it (the folder itself for its name). */
  file: string;
  /** How it was read, for messages: "updates/product.txt", "folder name", "image tag in Dockerfile". */
  source: string;
  /** True when the convention behind it is not documented by the vendor (image tags, U2 folder names). */
  uncertain?: boolean;
}

export interface HomeInfo {
  /** Absolute product home, when the file sits in one (…/repository/conf/deployment.toml → …). */
  home?: string;
  /** Advisory product id (apim, acp, tm, ug, is, is-km, mi, ei …). */
  product?: string;
  version?: string;
  /** U2 update level; 0 when the update tool ran but applied nothing (update-level -1). */
  updateLevel?: number;
  /** The facts used, strongest first, each with its source. */
  facts: HomeFact[];
}

export type ReadText = (absPath: string) => string | undefined;

/** One detector: facts about a home (any order; precedence is the order of HOME_DETECTORS). */
export type HomeDetector = (home: string, read: ReadText) => HomeFact[];

const VERSION = /^\d+\.\d+\.\d+$/;

/** "wso2am-4.2.0" / "wso2am-universal-gw-4.5.0" / "wso2am-4.2.0.5": code, version, optional 4th component. */
function codeAndVersion(s: string): { product: string; version: string; level?: string } | undefined {
  const m = /^([a-z0-9][a-z0-9-]{0,40}?)-(\d+\.\d+\.\d+)(?:\.(\d{1,5}))?$/.exec(s.trim().toLowerCase());
  if (!m || !PRODUCT_CODES[m[1]]) return undefined;
  return { product: PRODUCT_CODES[m[1]], version: m[2], level: m[3] };
}

const productTxt: HomeDetector = (home, read) => {
  const file = path.join(home, 'updates', 'product.txt');
  const t = read(file)?.split(/\r?\n/)[0];
  const cv = t ? codeAndVersion(t) : undefined;
  if (!cv) return [];
  const source = 'updates/product.txt';
  return [{ what: 'product', value: cv.product, file, source }, { what: 'version', value: cv.version, file, source }];
};

const updateConfig: HomeDetector = (home, read) => {
  const file = path.join(home, 'updates', 'config.json');
  const t = read(file);
  if (!t) return [];
  try {
    const level = (JSON.parse(t) as Record<string, unknown>)['update-level'];
    const n = typeof level === 'string' && /^-?\d+$/.test(level.trim()) ? Number(level) : level;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < -1) return [];
    return [{ what: 'updateLevel', value: String(Math.max(0, n)), file, source: 'updates/config.json update-level' }];
  } catch {
    return [];
  }
};

/** `WSO2 API Manager v4.2.0` → [, name, version] from the first line of that shape (split by hand: no backtracking). */
function versionLine(text: string): [string, string, string] | undefined {
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    const at = line.lastIndexOf(' v');
    const name = at > 0 ? line.slice(0, at).trim() : '';
    const version = at > 0 ? line.slice(at + 2) : '';
    if (name && name.length <= 80 && /^\d+\.\d+\.\d+$/.test(version)) return [line, name, version];
  }
  return undefined;
}

const versionTxt: HomeDetector = (home, read) => {
  const file = path.join(home, 'bin', 'version.txt');
  const m = versionLine(read(file)?.slice(0, 512) ?? '');
  const product = m ? advisoryProductId(m[1]) : undefined;
  if (!m || !product) return [];
  return [{ what: 'product', value: product, file, source: 'bin/version.txt' }, { what: 'version', value: m[2], file, source: 'bin/version.txt' }];
};

const carbonXml: HomeDetector = (home, read) => {
  for (const rel of ['repository/conf/carbon.xml', 'conf/carbon.xml']) {
    const file = path.join(home, rel);
    const t = read(file)?.slice(0, 64 * 1024);
    if (!t) continue;
    const name = /<Name>([^<]{1,200})<\/Name>/.exec(t)?.[1]?.trim();
    const version = /<Version>([^<]{1,60})<\/Version>/.exec(t)?.[1]?.trim();
    const product = name ? advisoryProductId(name) : undefined;
    const facts: HomeFact[] = [];
    if (product) facts.push({ what: 'product', value: product, file, source: rel });
    if (product && version && VERSION.test(version)) facts.push({ what: 'version', value: version, file, source: rel });
    if (facts.length) return facts;
  }
  return [];
};

/**
 * A Carbon 4.4 home (no deployment.toml; legacy-product.ts): carbon.xml from Git often says `${product.version}`, and
 * such homes are named ei-6.6.0 or apim-2.6.0 — short names the pack convention (wso2ei-6.6.0) does not cover. The
 * legacy detection reads the product from carbon.xml, the layout or the path, and the release from carbon.xml or
 * the path; each fact says which.
 */
const legacyHome: HomeDetector = (home, read) => {
  for (const rel of ['repository/conf/carbon.xml', 'conf/carbon.xml']) {
    const file = path.join(home, rel);
    const t = read(file);
    if (!t) continue;
    const l = detectLegacy(file, t);
    const product = l?.name ? advisoryProductId(l.name) : undefined;
    if (!l || !product) continue;
    const psource = l.source === 'content' ? rel : l.source === 'layout' ? 'home layout' : 'folder name';
    const facts: HomeFact[] = [{ what: 'product', value: product, file: l.source === 'content' ? file : home, source: psource }];
    if (l.version) {
      const written = /<Version>([^<]{1,60})<\/Version>/.exec(t.slice(0, 64 * 1024))?.[1]?.trim();
      const fromXml = written === l.version;
      facts.push({ what: 'version', value: l.version, file: fromXml ? file : home, source: fromXml ? rel : 'folder name' });
    }
    return facts;
  }
  return [];
};

const folderName: HomeDetector = (home) => {
  const cv = codeAndVersion(path.basename(home));
  if (!cv) return [];
  const facts: HomeFact[] = [{ what: 'product', value: cv.product, file: home, source: 'folder name' }, { what: 'version', value: cv.version, file: home, source: 'folder name' }];
  if (cv.level !== undefined) facts.push({ what: 'updateLevel', value: String(Number(cv.level)), file: home, source: 'folder name (U2 pack naming)', uncertain: true });
  return facts;
};

/**
 * The home and up to two folders above it, never above a repository root (a folder holding `.git`): the image tag
 * of a deployment repository is looked for inside that repository, not in whatever lies around the checkout.
 */
function foldersUpFrom(home: string): string[] {
  const out = [home];
  let dir = home;
  for (let i = 0; i < 2; i++) {
    const git = path.join(dir, '.git');
    if (!knownAbsent(git) && fs.existsSync(git)) break;
    const up = path.dirname(dir);
    if (up === dir) break;
    out.push((dir = up));
  }
  return out;
}

/** `FROM [registry/][org/]wso2am:4.2.0[.5]` in a Dockerfile in the home or up to two folders above it (foldersUpFrom). */
const dockerfile: HomeDetector = (home, read) => {
  for (const dir of foldersUpFrom(home)) {
    const file = path.join(dir, 'Dockerfile');
    const t = read(file)?.slice(0, 64 * 1024);
    if (!t) continue;
    const m = /^[ \t]*FROM[ \t]+(?:--\S+[ \t]+)*(?:\S*\/)?([a-z0-9-]{2,40}):(\d+\.\d+\.\d+)(?:\.(\d{1,5}))?(?:[ \t]|$)/im.exec(t);
    const product = m ? PRODUCT_CODES[m[1].toLowerCase()] : undefined;
    if (!m || !product) continue;
    const source = `image tag in ${path.relative(home, file).split(path.sep).join('/') || 'Dockerfile'}`;
    const facts: HomeFact[] = [{ what: 'product', value: product, file, source }, { what: 'version', value: m[2], file, source }];
    if (m[3] !== undefined) facts.push({ what: 'updateLevel', value: String(Number(m[3])), file, source: `${source} (<version>.<update level> tag convention)`, uncertain: true });
    return facts;
  }
  return [];
};

/**
 * Helm values (values.yaml in the home or up to two folders above): `image: [org/]wso2am:4.2.0.5` on one line, or
 * `repository: [org/]wso2am` followed within three lines by `tag: 4.2.0[.5]` — the common chart layout. Charts that
 * name images some other way are not read (the convention must be clear).
 */
const helmValues: HomeDetector = (home, read) => {
  for (const dir of foldersUpFrom(home)) {
    const file = path.join(dir, 'values.yaml');
    const t = read(file)?.slice(0, 256 * 1024);
    if (!t) continue;
    const lines = t.split('\n');
    for (let i = 0; i < lines.length; i++) {
      let code: string | undefined;
      let tag: { version: string; level?: string } | undefined;
      const one = /^\s*image:\s*["']?(?:\S*\/)?([a-z0-9-]{2,40}):(\d+\.\d+\.\d+)(?:\.(\d{1,5}))?["']?\s*$/.exec(lines[i]);
      if (one) {
        code = one[1];
        tag = { version: one[2], level: one[3] };
      } else {
        const repo = /^\s*repository:\s*["']?(?:\S*\/)?([a-z0-9-]{2,40})["']?\s*$/.exec(lines[i]);
        if (!repo) continue;
        code = repo[1];
        for (let j = i + 1; j <= i + 3 && j < lines.length && !tag; j++) {
          const m = /^\s*tag:\s*["']?(\d+\.\d+\.\d+)(?:\.(\d{1,5}))?["']?\s*$/.exec(lines[j]);
          if (m) tag = { version: m[1], level: m[2] };
        }
      }
      const product = code ? PRODUCT_CODES[code.toLowerCase()] : undefined;
      if (!product || !tag) continue;
      const source = `image tag in ${path.relative(home, file).split(path.sep).join('/')}`;
      const facts: HomeFact[] = [{ what: 'product', value: product, file, source }, { what: 'version', value: tag.version, file, source }];
      if (tag.level !== undefined) facts.push({ what: 'updateLevel', value: String(Number(tag.level)), file, source: `${source} (<version>.<update level> tag convention)`, uncertain: true });
      return facts;
    }
  }
  return [];
};

/** Strongest first: the README's precedence (product.txt → carbon.xml → version.txt → names), levels from config.json first. */
export const HOME_DETECTORS: HomeDetector[] = [productTxt, carbonXml, legacyHome, versionTxt, updateConfig, folderName, dockerfile, helmValues];

/** The product home of a config file: <home>/repository/conf/x, <home>/conf/x (MI, EI); undefined otherwise. */
export function homeOf(fileName: string): string | undefined {
  const dir = path.dirname(fileName);
  if (path.basename(dir) !== 'conf') return undefined;
  const up = path.dirname(dir);
  return path.basename(up) === 'repository' ? path.dirname(up) : up;
}

/** Advisory product id for what detectProduct found (API-M 4.5+ distributions are products of their own there). */
export function advisoryIdOf(info: ProductInfo): string | undefined {
  // EI and ESB 6.x/5.0 have no TOML-era family: the Carbon 4.4 detection names them.
  if (info.product === 'unknown') return info.legacy?.name ? advisoryProductId(info.legacy.name) : undefined;
  if (info.product === 'apim' && info.version && /^(4\.(5|6|7|8|9)|[5-9])\./.test(info.version)) {
    if (info.distribution === 'control-plane') return 'acp';
    if (info.distribution === 'traffic-manager') return 'tm';
    if (info.distribution === 'gateway') return 'ug';
  }
  return info.product;
}

function fallbackVersion(info: ProductInfo): string | undefined {
  const v = info.version ?? info.legacy?.version;
  return v && VERSION.test(v) ? v : undefined;
}

/**
 * What a home says about itself, falling back to what the file's own detection knows (a version from the path or
 * the setting). The product decides which version applies: a fact for another product is ignored.
 */
export function detectHome(home: string | undefined, read: ReadText, fallback?: ProductInfo): HomeInfo {
  const facts: HomeFact[] = [];
  // In a CLI run a home's files are read once, however many of its files (and template branches) ask (disk-snapshot.ts).
  if (home) facts.push(...snapshotMemo('home-facts', home, () => HOME_DETECTORS.flatMap((d) => d(home, read))));
  const product = facts.find((f) => f.what === 'product')?.value ?? (fallback ? advisoryIdOf(fallback) : undefined);
  // A version only counts from a source that names the same product (or from product-less sources).
  const sameProduct = (f: HomeFact) => !facts.some((g) => g.what === 'product' && g.file === f.file && g.source === f.source && g.value !== product);
  const used: HomeFact[] = facts.filter((f) => f.what === 'product' && f.value === product).slice(0, 1);
  let version = facts.find((f) => f.what === 'version' && sameProduct(f));
  if (version) used.push(version);
  else if (fallback && fallbackVersion(fallback) && product && advisoryIdOf(fallback) === product) {
    const legacyOnly = !fallback.version;
    version = { what: 'version', value: fallbackVersion(fallback)!, file: '', source: legacyOnly ? 'Carbon 4.4 detection (carbon.xml or path)' : fallback.source === 'setting' ? 'the carbonlint.product setting' : 'the file\'s path' };
    used.push(version);
  }
  const level = facts.find((f) => f.what === 'updateLevel' && sameProduct(f));
  if (level) used.push(level);
  return {
    ...(home ? { home } : {}),
    ...(product ? { product } : {}),
    ...(version ? { version: version.value } : {}),
    ...(level ? { updateLevel: Number(level.value) } : {}),
    facts: used,
  };
}

/** A ReadText over the rule resources' readFile (bytes → UTF-8; at most 256 KB is looked at). */
export function textReader(readFile: (p: string) => Uint8Array | undefined): ReadText {
  return (p) => {
    if (knownAbsent(p)) return undefined; // a CLI run: the walk saw no such name
    // The files read here are found by name (updates/product.txt, a Dockerfile above the home): a link planted under
    // such a name could lead out of the workspace, so it is not followed.
    let onDisk = true;
    try {
      if (fs.lstatSync(p).isSymbolicLink()) return undefined;
    } catch {
      onDisk = false; // absent on disk: the reader (a test's, or the real one) decides
    }
    const b = readFile(p);
    if (!b && !onDisk) noteAbsent(p); // a CLI run: not asked again for the next home (only outside the walk's folders)
    return b ? Buffer.from(b.subarray(0, 256 * 1024)).toString('utf8') : undefined;
  };
}

/**
 * The release a config file belongs to, as every G01 front end sees it: an explicit carbonlint.product with a
 * version wins (the home may still give the update level); else the product home's files; else the file's own
 * detection (path). `home` overrides the home derived from the file's location.
 */
export function detectRelease(fileName: string, info: ProductInfo, read: ReadText, home?: string): HomeInfo {
  // Outside a product home (a deployment repository), the file's own folder: a Dockerfile or values.yaml beside it.
  const at = home ?? (path.isAbsolute(fileName) ? homeOf(fileName) ?? path.dirname(fileName) : undefined);
  if (info.source !== 'setting' || !info.version) return detectHome(at, read, info);
  const out = detectHome(undefined, read, info);
  if (at) {
    const h = detectHome(at, read, info);
    if (h.updateLevel !== undefined && h.product === out.product && h.version === out.version) {
      out.updateLevel = h.updateLevel;
      out.facts.push(...h.facts.filter((f) => f.what === 'updateLevel'));
    }
  }
  return out;
}
