// What the G01 rules share: the product home of the linted deployment.toml (or Carbon 4.4 carbon.xml / identity.xml), and its advisories with their status.
import * as path from 'node:path';
import type { RuleContext, Severity } from '../../engine/rule';
import { detectRelease, homeOf, textReader, type HomeInfo } from '../../engine/product-home';
import { legacyFileOf } from '../../engine/legacy-files';
import { memoOnDisk } from '../../engine/home-cache';
import { hasDiskSnapshot } from '../../engine/disk-snapshot';
import { currentLint } from '../../engine/lint-epoch';
import { isDiskResources } from '../../keystores/store-files';
import { readFileBounded } from '../../engine/resources';
import { PRODUCT_TITLES, sharedAdvisoryMatches, type AdvisoryMatch, type AdvisorySeverity } from '../../data/advisories';

export interface AdvisoryScope {
  info: HomeInfo;
  /** Present when product and version are known. */
  matches?: readonly AdvisoryMatch[];
  label: string;
}

/** Only the product's own deployment.toml speaks for a home (not backups or *-deployment.toml variants). */
export function isHomeConfig(fileName: string): boolean {
  return path.basename(fileName) === 'deployment.toml';
}

// Both G01 rules ask the same question of the same lint: answer once per parsed model.
const SCOPES = new WeakMap<object, AdvisoryScope>();

/**
 * The scope of the last rendering of the current template lint (lint-epoch.ts), with what it was computed from. The
 * scope reads the file's name, product, Carbon 4.4 match and the disk, never its text: the next rendering of the same
 * lint with the same file, product object and match, on the disk, gets the same answer (memoOnDisk would return
 * its entry unstatted within the lint; a CLI run's snapshot memoises the home's facts) without computing its key.
 */
let lastInLint: { lint: number; fileName: string; product: RuleContext['product']; legacyFile: RuleContext['legacyFile']; scope: AdvisoryScope } | undefined;

export function advisoryScope(ctx: RuleContext): AdvisoryScope {
  const cached = SCOPES.get(ctx.model);
  if (cached) return cached;
  const lint = currentLint();
  if (lint === undefined || !isDiskResources(ctx.resources)) {
    const scope = computeScope(ctx);
    SCOPES.set(ctx.model, scope);
    return scope;
  }
  const l = lastInLint;
  const scope = l && l.lint === lint && l.fileName === ctx.fileName && l.product === ctx.product && l.legacyFile === ctx.legacyFile
    ? l.scope
    : computeScope(ctx);
  lastInLint = { lint, fileName: ctx.fileName, product: ctx.product, legacyFile: ctx.legacyFile, scope };
  SCOPES.set(ctx.model, scope);
  return scope;
}

/**
 * A Carbon 4.4 file below its conf folder (`identity/identity.xml`): the home above that conf folder, so its
 * `updates/config.json` counts (the path rule of detectRelease only knows files directly in `conf/`).
 */
function legacyHome(ctx: RuleContext): string | undefined {
  if (!ctx.legacyFile || !path.isAbsolute(ctx.fileName)) return undefined;
  const m = legacyFileOf(ctx.fileName);
  return m ? homeOf(path.join(m.confRoot, 'carbon.xml')) : undefined;
}

function computeScope(ctx: RuleContext): AdvisoryScope {
  const read = textReader(ctx.resources?.readFile ?? ((p) => readFileBounded(p)));
  const home = ctx.resources?.productHome ?? legacyHome(ctx);
  const scope = (r: typeof read): AdvisoryScope => {
    const info = detectRelease(ctx.fileName, ctx.product, r, home);
    const label = `${ctx.product.brand} ${info.product ? PRODUCT_TITLES[info.product] ?? info.product : 'product'}${info.version ? ' ' + info.version : ''}`;
    if (!info.product || !info.version) return { info, label };
    return { info, label, matches: sharedAdvisoryMatches(info.product, info.version, info.updateLevel) };
  };
  // On the real disk, remembered while every file the detectors looked at is unchanged (engine/home-cache.ts): the
  // same scope object while typing, so the summary built from it is remembered too (advisory-summary.ts).
  // A one-shot CLI run (disk snapshot set): memoOnDisk would compute anyway; the home's facts are memoised per home.
  if (hasDiskSnapshot()) return scope(read);
  if (isDiskResources(ctx.resources) && path.isAbsolute(ctx.fileName)) {
    const key = `${ctx.fileName}\u0000${home ?? ''}\u0000${JSON.stringify(ctx.product)}`;
    const at = home ?? homeOf(ctx.fileName) ?? path.dirname(ctx.fileName);
    return memoOnDisk(key, at, read, scope, legacyProbes(at));
  }
  return scope(read);
}

/**
 * What the Carbon 4.4 home detection (legacy-product.ts, reached through a carbon.xml) looks at on disk by itself,
 * not through the reader: the API-M layout file, the EI `wso2` folder and the kernel version file.
 */
function legacyProbes(home: string): string[] {
  return [
    path.join(home, 'repository', 'conf', 'api-manager.xml'), path.join(home, 'conf', 'api-manager.xml'),
    path.join(home, 'wso2'), path.join(home, 'bin', 'wso2carbon-version.txt'),
  ];
}

/** Critical/high → error, medium/low/unknown → warning, informational only → info. */
export function severityOf(s: AdvisorySeverity): Severity {
  return s === 'critical' || s === 'high' ? 'error' : s === 'none' ? 'info' : 'warning';
}

/** "version from updates/product.txt, update level 12 from updates/config.json". */
export function sourcesText(info: HomeInfo): string {
  const v = info.facts.find((f) => f.what === 'version');
  const l = info.facts.find((f) => f.what === 'updateLevel');
  const parts = [`version from ${v?.source ?? 'unknown'}`];
  parts.push(l ? `update level ${info.updateLevel} from ${l.source}` : 'update level unknown (no updates/config.json)');
  return parts.join(', ');
}
