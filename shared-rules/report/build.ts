// Builds the readiness report from linted files: every guideline of every section gets a status.
// What a rule examined is derived from the engine's own selection logic: a rule runs on a file of its kind when
// it is not turned off and the file's product is one of the rule's products (or unknown) — as lintText does.
import type { LintFinding } from '../engine/lint';
import type { FileKind, Product, Rule } from '../engine/rule';
import type { ProductInfo } from '../engine/product';
import type { LegacyFile } from '../engine/legacy-files';
import { kernelLabel } from '../engine/legacy-product';
import { legacyFacts } from '../data/legacy-products';
import { legacyOnlyRules } from '../rules/registry/legacy';
import type { Settings } from '../engine/settings';
import type { ConfigError } from '../engine/project-config';
import { productName } from '../engine/docs';
import { GUIDELINES, guideline } from '../guidelines';
import { CHECKLISTS } from './checklists';
import { SECTIONS, GUIDELINE_SCOPE, type SectionDef } from './sections';
import { confirmationState, type Confirmations } from './confirmations';
import { compareVersions } from '../data/products';
import type { DetectedProduct, Entry, Evidence, FindingRef, ReadinessReport, ReportCounts, Section, Status } from './model';

export interface LintedFile {
  /** Workspace-relative, forward slashes. */
  path: string;
  kind: FileKind;
  product: ProductInfo;
  findings: LintFinding[];
  /** Set when the file was not checked (too large, binary). */
  skipped?: string;
  /** A Carbon 4.4 file (carbon.xml, log4j.properties, …): the rules' legacy variants check it, not their own check. */
  legacyFile?: LegacyFile;
  /** Templates: placeholders resolved from values files, protected, or left unknown. */
  placeholders?: { resolved: number; protected: number; unknown: number };
}

export interface BuildOptions {
  files: readonly LintedFile[];
  rules: readonly Rule[];
  settings: Settings;
  confirmations: Confirmations;
  now: Date;
  toolVersion: string;
  root: string;
  configErrors?: ConfigError[];
  /** Entries the walk or the reader left out (not a regular file, unreadable, a link out of the workspace). */
  notRead?: Array<{ path: string; reason: string }>;
}

const KIND_NAME: Record<FileKind, string> = { toml: 'deployment.toml', properties: 'log4j2.properties', xml: 'context.xml', shell: 'startup script', nginx: 'nginx configuration', ingress: 'Ingress/HTTPRoute manifest', dockerfile: 'Dockerfile', compose: 'docker-compose file', systemd: 'systemd unit', pod: 'Kubernetes pod spec' };
const LEGACY_NAME: Partial<Record<LegacyFile, string>> = { datasources: 'datasources/*.xml', 'console-web.xml': 'console WEB-INF/web.xml' };
const ORDER: Record<Status, number> = { failed: 0, manual: 1, passed: 2, 'not-applicable': 3 };

/** Which runtime section a file belongs to; files of no detected product go where the workspace's products are. */
function runtimeOf(f: LintedFile, hasApimOrIs: boolean): 'apim-runtime' | 'mi-runtime' {
  if (f.product.product === 'mi') return 'mi-runtime';
  if (f.product.product === 'unknown' && !hasApimOrIs) return 'mi-runtime';
  return 'apim-runtime';
}

function ref(file: string, f: LintFinding): FindingRef {
  return { file, line: f.range.start.line + 1, column: f.range.start.character + 1, rule: f.ruleId, severity: f.severity, message: f.message };
}

function list(names: string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function detectedProducts(files: readonly LintedFile[]): DetectedProduct[] {
  const by = new Map<string, Omit<DetectedProduct, 'versions'> & { versions: Map<string, number> }>();
  for (const f of files) {
    const p = f.product.product;
    const legacy = f.product.legacy;
    // Carbon 4.4 homes are listed by their own name (EI and ESB have no TOML-era family) and kernel level.
    if (p === 'unknown' && !legacy?.name) continue;
    const key = legacy ? `legacy:${legacy.name ?? p}:${legacy.version ?? ''}` : p;
    const name = legacy?.name ? legacy.name.replace(/^(WSO2|MWARE) /, '') : productName(p);
    const family = legacy?.name ? legacyFacts(legacy.name)?.product ?? p : p;
    const d: Omit<DetectedProduct, 'versions'> & { versions: Map<string, number> } = by.get(key) ?? { product: family, name, brand: f.product.brand, files: 0, versions: new Map() };
    const kernel = legacy ? kernelLabel(legacy) : undefined;
    if (kernel && !d.kernel) d.kernel = kernel;
    d.files++;
    const version = legacy ? legacy.version : f.product.version;
    if (version) d.versions.set(version, (d.versions.get(version) ?? 0) + 1);
    if (f.product.brand === 'MWARE') d.brand = 'MWARE';
    by.set(key, d);
  }
  const all = [...by.values()].map(({ versions, ...d }) => {
    // Most files first; equal counts newest first.
    const list = [...versions.entries()].sort((x, y) => y[1] - x[1] || compareVersions(y[0], x[0])).map(([v]) => v);
    return list.length ? { ...d, version: list[0], versions: list } : d;
  });
  // A Carbon 4.4 home's scripts and context.xml are recognised by path only (no kernel): count them with the home.
  return all.filter((d) => {
    if (d.kernel) return true;
    const home = all.find((x) => x.kernel && x.product === d.product && x.version === d.version);
    if (home) home.files += d.files;
    return !home;
  });
}

/** Rules that read Carbon 4.4 files only: their own check has nothing to read. */
const LEGACY_ONLY: ReadonlySet<string> = new Set(legacyOnlyRules.map((r) => r.meta.id));

/** The files a rule examined, as evidence: its own check on TOML-era files, each legacy variant on its Carbon 4.4 files. */
function evidenceOf(r: Rule, files: readonly LintedFile[]): Evidence[] {
  const runs = (f: LintedFile) => !f.skipped && (f.product.product === 'unknown' || r.meta.products.includes(f.product.product as Product));
  const out: Evidence[] = [];
  const own = LEGACY_ONLY.has(r.meta.id) ? [] : files.filter((f) => runs(f) && !f.legacyFile && f.kind === r.meta.kind);
  if (own.length) out.push({ rule: r.meta.id, title: r.meta.title, what: r.meta.docs.what, files: own.map((f) => f.path) });
  for (const v of r.legacy ?? []) {
    // The engine runs the first variant that names the file (rule.ts checkFor).
    const ran = files.filter((f) => runs(f) && f.legacyFile && r.legacy!.find((x) => x.kind === f.kind && x.files.includes(f.legacyFile!)) === v);
    if (ran.length) out.push({ rule: r.meta.id, title: `${r.meta.title} (Carbon 4.4)`, what: v.what, files: ran.map((f) => f.path) });
  }
  return out;
}

/** What a guideline's rules read, for "no such file" reasons: each rule's own file kind and its legacy files. */
function fileNamesOf(rules: readonly Rule[]): string[] {
  return [...new Set(rules.flatMap((r) => [...(LEGACY_ONLY.has(r.meta.id) ? [] : [KIND_NAME[r.meta.kind]]), ...(r.legacy ?? []).flatMap((v) => v.files.map((x) => LEGACY_NAME[x] ?? x))]))];
}

/**
 * What the checks saw, by file kind, for guidelines read from the deployment around the product (Dockerfiles, pods,
 * proxies, ingresses): " Seen: 2 nginx configurations and 1 Ingress/HTTPRoute manifest." Kinds of the product's own
 * configuration files are named by the rule evidence already and are not repeated.
 */
function seen(checked: readonly Evidence[], files: readonly LintedFile[]): string {
  const kindOf = new Map(files.map((f) => [f.path, f.kind]));
  const count = new Map<string, number>();
  for (const p of new Set(checked.flatMap((e) => e.files))) {
    const k = kindOf.get(p);
    if (!k || PRODUCT_KINDS.has(k)) continue;
    const name = KIND_NAME[k];
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  if (!count.size) return '';
  const parts = [...count].map(([name, n]) => `${n} ${name}${n === 1 ? '' : 's'}`);
  return ` Seen: ${list(parts)}.`;
}

/** The product's own configuration file kinds (deployment.toml, log4j2.properties, context.xml, startup scripts, Carbon 4.4 files). */
const PRODUCT_KINDS: ReadonlySet<FileKind> = new Set(['toml', 'properties', 'xml', 'shell']);

function evaluate(def: SectionDef, id: string, files: readonly LintedFile[], products: ReadonlySet<string>, o: BuildOptions): Entry {
  const g = guideline(id);
  const checklist = CHECKLISTS[id];
  const base: Entry = { guidelineId: id, title: g.title, checkable: g.checkable, status: 'manual', reason: '', findings: [], notes: [], checked: [] };
  const scope = GUIDELINE_SCOPE[id];
  if (scope && products.size && !scope.products.some((p) => products.has(p))) {
    return { ...base, status: 'not-applicable', reason: `Not applicable to ${list([...products].map(productName))}: ${scope.why}.` };
  }
  // Findings of this guideline in the section's files.
  for (const f of files) {
    for (const x of f.findings) {
      if (x.guidelineId !== id) continue;
      // Hints are suggestions, and an undecided finding ("cannot tell") is no evidence of a failure; anything else
      // means the guideline is not met, whatever the editor shows.
      (x.severity === 'hint' || x.undecided ? base.notes : base.findings).push(ref(f.path, x));
    }
  }
  const rules = o.rules.filter((r) => r.meta.guidelineId === id);
  const active = rules.filter((r) => o.settings.rules[r.meta.id] !== 'off');
  for (const r of active) base.checked.push(...evidenceOf(r, files));
  const manual = (reason: string): Entry => {
    const c = o.confirmations.byGuideline[id];
    const { state, reasons } = confirmationState(c, checklist.items.length, o.now, o.confirmations.maxAgeDays, [...detectedProducts(files)]);
    return { ...base, status: 'manual', reason, manual: { advice: checklist.advice, items: checklist.items, state, confirmation: c, reasons } };
  };
  if (base.findings.length) {
    const n = base.findings.length;
    return { ...base, status: 'failed', reason: `${n} finding${n === 1 ? '' : 's'} in ${new Set(base.findings.map((x) => x.file)).size} file(s).` };
  }
  if ((g.checkable === 'manual' && !base.checked.length) || !rules.length) {
    return manual(g.checkable === 'manual' ? 'No configuration file shows this: confirm the checklist.' : 'No automated check for this guideline yet: confirm the checklist.');
  }
  if (!active.length) return manual(`Its rules are turned off in the configuration (${rules.map((r) => r.meta.id).join(', ')}): confirm the checklist.`);
  // Evidence that can pass the guideline: not only rules whose silence proves nothing (RuleMeta.supplementary).
  const decisive = active.filter((r) => !r.meta.supplementary);
  if (!base.checked.some((e) => decisive.some((r) => r.meta.id === e.rule))) {
    const kinds = fileNamesOf(decisive.length ? decisive : active);
    const why = `No ${list(kinds)} in the ${def.runtime ? `${def.title} files` : 'workspace'}: the automated check reads ${kinds.length === 1 ? 'that file' : 'those files'}.`;
    return g.checkable === 'auto' ? { ...base, status: 'not-applicable', reason: why } : manual(`${why} Confirm the checklist.`);
  }
  const nFiles = new Set(base.checked.flatMap((e: Evidence) => e.files)).size;
  const what = `Checked by ${list([...new Set(base.checked.map((e) => e.rule))])} in ${nFiles} file${nFiles === 1 ? '' : 's'}: ${base.notes.length ? `nothing failing, ${base.notes.length} note${base.notes.length === 1 ? '' : 's'}` : 'nothing found'}.${seen(base.checked, files)}`;
  return g.checkable === 'auto' ? { ...base, status: 'passed', reason: what } : manual(`${what} The check covers only what configuration files show: confirm the rest.`);
}

export function buildReport(o: BuildOptions): ReadinessReport {
  const hasApimOrIs = o.files.some((f) => f.product.product === 'apim' || f.product.product === 'is');
  const products = detectedProducts(o.files);
  const all = new Set(products.map((p) => p.product).filter((p) => p !== 'unknown'));
  const sections: Section[] = SECTIONS.map((def) => {
    const files = def.runtime ? o.files.filter((f) => runtimeOf(f, hasApimOrIs) === def.id) : o.files;
    const present = !def.runtime || files.length > 0;
    const inScope = new Set(def.runtime ? [...all].filter((p) => def.runtime!.includes(p as Product)) : all);
    // A runtime's files may hold findings of a guideline the seed lists only for the other runtime (e.g. G18 in
    // Micro Integrator files): they get an entry after the listed ones rather than disappear. Only the product's own
    // files count here: a pod spec's or proxy's G28/G42 findings belong to the OS- and network-level sections, not
    // once more in each runtime's.
    const extra = def.runtime
      ? [...new Set(files.filter((f) => PRODUCT_KINDS.has(f.kind)).flatMap((f) => f.findings.map((x) => x.guidelineId)))].filter((g): g is string => !!g && !def.guidelines.includes(g)).sort()
      : [];
    const entries = [...def.guidelines, ...extra].map((id) =>
      present
        ? evaluate(def, id, files, inScope, o)
        : { guidelineId: id, title: guideline(id).title, checkable: guideline(id).checkable, status: 'not-applicable' as const, reason: `No ${def.title.replace(/ runtime$/, '')} configuration in this workspace.`, findings: [], notes: [], checked: [] },
    );
    return { id: def.id, level: def.level, title: def.title, intro: def.intro, present, entries };
  });
  const guidelines = GUIDELINES.map((g) => {
    const entries = sections.flatMap((s) => s.entries.filter((e) => e.guidelineId === g.id));
    const worst = entries.reduce((a, b) => (ORDER[b.status] < ORDER[a.status] ? b : a));
    return { id: g.id, title: g.title, status: worst.status, ...(worst.manual ? { confirmation: worst.manual.state } : {}) };
  });
  const counts: ReportCounts = { passed: 0, failed: 0, notApplicable: 0, manual: 0, confirmed: 0, partial: 0, stale: 0, unconfirmed: 0 };
  for (const g of guidelines) {
    if (g.status === 'not-applicable') counts.notApplicable++;
    else counts[g.status]++;
    if (g.confirmation) counts[g.confirmation]++;
  }
  return {
    title: 'Production readiness report',
    generated: o.now.toISOString(),
    tool: { name: 'CarbonLint', version: o.toolVersion },
    root: o.root,
    products,
    files: o.files.map((f) => ({ path: f.path, kind: f.kind, product: f.product.product, ...(f.skipped ? { skipped: f.skipped } : {}) })),
    sections,
    guidelines,
    counts,
    ...placeholderTotals(o.files),
    staleAfterDays: o.confirmations.maxAgeDays,
    configErrors: o.configErrors ?? [],
    notChecked: [...(o.notRead ?? []), ...o.files.filter((f) => f.skipped).map((f) => ({ path: f.path, reason: f.skipped! }))],
  };
}

/** Template placeholders over all files, when any template was checked. */
function placeholderTotals(files: readonly LintedFile[]): { placeholders?: { resolved: number; protected: number; unknown: number } } {
  const withCounts = files.filter((f) => f.placeholders);
  if (!withCounts.length) return {};
  const t = { resolved: 0, protected: 0, unknown: 0 };
  for (const f of withCounts) {
    t.resolved += f.placeholders!.resolved;
    t.protected += f.placeholders!.protected;
    t.unknown += f.placeholders!.unknown;
  }
  return { placeholders: t };
}
