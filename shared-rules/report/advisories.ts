// The advisories that list each product release of a workspace, as rows: what `carbonlint advisories` prints and
// what the readiness report's advisories section shows.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectProduct } from '../engine/product';
import { detectHome, homeOf, textReader, type HomeFact, type HomeInfo } from '../engine/product-home';
import { readFileBounded } from '../engine/resources';
import { ADVISORY_DATA_DATE, PRODUCT_TITLES, advisoriesFor, type AdvisorySeverity, type AdvisoryStatus } from '../data/advisories';

export interface AdvisoryRow {
  id: string;
  title: string;
  severity: AdvisorySeverity;
  /** CVSS 3.x when the advisory has one, else 4.0; null when it gives no vector. */
  cvss: { version: string; score: number; vector: string } | null;
  cvss4: { score: number; vector: string } | null;
  cves: string[];
  published: string;
  url: string;
  /** The U2 update level that fixes this release, when the advisory says. */
  fixedInUpdateLevel: number | null;
  status: AdvisoryStatus;
  /** "≤3.0.0" when the release is listed only through "<v> or earlier". */
  range?: string;
  /** A condition or a remark in the level cell ("config-only" …). */
  note?: string;
}

export interface ProductAdvisories {
  product: string;
  name: string;
  version: string;
  updateLevel?: number;
  /** Workspace-relative home folder, when the release came from a product home. */
  home?: string;
  /** Where product, version and level came from (workspace-relative files). */
  sources: Array<{ what: HomeFact['what']; value: string; source: string; file?: string; uncertain?: boolean }>;
  counts: { open: number; fixed: number; unknown: number };
  dataDate: string;
  advisories: AdvisoryRow[];
}

const rel = (root: string | undefined, p: string) => (root && p ? path.relative(root, p).split(path.sep).join('/') || '.' : p || undefined);

export function productAdvisories(info: HomeInfo & { product: string; version: string }, root?: string): ProductAdvisories {
  const advisories: AdvisoryRow[] = advisoriesFor(info.product, info.version, info.updateLevel).map(({ advisory: a, pair, status }) => {
    const c3 = a.cvss3 ? { version: a.cvss3.vector.slice(5, 8), score: a.cvss3.score, vector: a.cvss3.vector } : undefined;
    const c4 = a.cvss4 ? { version: '4.0', score: a.cvss4.score, vector: a.cvss4.vector } : undefined;
    const note = [pair.cond, pair.n, pair.table ? 'listed only in the advisory\'s table' : undefined].filter(Boolean).join('; ');
    return {
      id: a.id, title: a.title, severity: a.severity, cvss: c3 ?? c4 ?? null, cvss4: a.cvss4 ?? null, cves: a.cves, published: a.published, url: a.url,
      fixedInUpdateLevel: pair.l ?? null, status, ...(pair.range ? { range: pair.range } : {}), ...(note ? { note } : {}),
    };
  });
  const counts = { open: 0, fixed: 0, unknown: 0 };
  for (const r of advisories) counts[r.status]++;
  return {
    product: info.product, name: `WSO2 ${PRODUCT_TITLES[info.product] ?? info.product}`, version: info.version,
    ...(info.updateLevel !== undefined ? { updateLevel: info.updateLevel } : {}),
    ...(info.home ? { home: rel(root, info.home) } : {}),
    sources: info.facts.map((f) => ({ what: f.what, value: f.value, source: f.source, ...(f.file ? { file: rel(root, f.file) } : {}), ...(f.uncertain ? { uncertain: true } : {}) })),
    counts, dataDate: ADVISORY_DATA_DATE, advisories,
  };
}

const read = textReader((p) => readFileBounded(p, 1024 * 1024));

/**
 * Product releases a folder shows: the folder itself as a product home, and the home (or path) of every
 * deployment.toml among `files`. One entry per (product, version, home).
 */
export function workspaceReleases(root: string, files: readonly string[], setting = 'auto'): Array<HomeInfo & { product: string; version: string }> {
  const out = new Map<string, HomeInfo & { product: string; version: string }>();
  const add = (h: HomeInfo) => {
    if (!h.product || !h.version) return;
    const key = `${h.product}@${h.version}@${h.home ?? h.facts.map((f) => f.file).join(',')}`;
    if (!out.has(key)) out.set(key, h as HomeInfo & { product: string; version: string });
  };
  if (fs.existsSync(root) && fs.statSync(root).isDirectory()) {
    const self = detectHome(root, read);
    if (self.facts.some((f) => f.what === 'version' && f.source !== 'folder name') || files.length === 0) add(self);
  }
  // Homes of any checked file: <home>/conf/x, <home>/repository/conf/x, <home>/bin/x.sh (an EI 6.x or a Carbon
  // 4.4-era home may hold no deployment.toml); a home counts when its own files name the release.
  const homes = new Set<string>();
  for (const f of files) {
    const h = homeOf(f) ?? (path.basename(path.dirname(f)) === 'bin' ? path.dirname(path.dirname(f)) : undefined);
    if (h) homes.add(h);
  }
  for (const h of homes) add(detectHome(h, read));
  for (const f of files) {
    if (path.basename(f) !== 'deployment.toml') continue;
    const text = read(f) ?? '';
    const product = detectProduct(f, text, setting);
    const home = homeOf(f);
    const h = detectHome(home, read, product);
    if (h.facts.length && !h.facts.some((x) => x.file)) h.facts = h.facts.map((x) => ({ ...x, file: f }));
    add(h);
  }
  return [...out.values()];
}
