// The engine's one entry point: text in, findings with exact ranges and fixes out. Server and CLI both call it.
import { tooLargeMessage } from './read-config';
import { LineIndex, type OffsetEdit, type Range, type Span } from './text';
import { checkFor, kindsOf, type FileKind, type Finding, type Rule, type RuleContext, type RuleResources, type Severity } from './rule';
import { legacyFileOf } from './legacy-files';
import { diskResources } from '../keystores/store-files';
import { resolveSettings, type Settings } from './settings';
import { detectProduct, type ProductInfo } from './product';
import { classify } from './files';
import { isForeignLog4j } from './foreign';
import { templateSyntax } from './template-names';
import { isManifestName, lintEmbedded } from './embedded';
import { isPodManifestText } from './pod-manifest';
import { ROUTE_MANIFEST } from './embedded-names';
import { mergeResults } from './merge-results';

/** Kinds a ConfigMap/Secret can embed (the manifest takes the kind of its first embedded file). */
function isEmbeddedKind(kind: FileKind): boolean {
  return kind === 'toml' || kind === 'properties' || kind === 'xml' || kind === 'shell';
}
import { lintTemplate, type PlaceholderCount, type ValuesFinding } from './template-lint';
import type { FileAccess } from './values/cases';
import { parseModel } from './models';
import { allRules, ruleById } from '../rules';
import { applySuppressions, SUPPRESSION_MARK, type SuppressedFinding } from './suppressions';

export interface LintEdit extends OffsetEdit {
  range: Range;
}

export interface LintFix {
  title: string;
  edits: LintEdit[];
  safe: boolean;
  preferred: boolean;
}

export interface LintFinding {
  /** Rule id, or a file-level code such as "toml-syntax" or "file-too-large". */
  ruleId: string;
  /** The guideline's exact title; null for file-level problems (syntax, skipped files). */
  guideline: string | null;
  guidelineId: string | null;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  fix?: LintFix;
  /** Related places, in this file unless `file` (absolute) names another (a template using a value). */
  related?: Array<{ span: Span; range: Range; message: string; file?: string }>;
  /** See Finding.identity: set only when it differs from the message. */
  identity?: string;
  /** See Finding.undecided. */
  undecided?: boolean;
}

export interface LintResult {
  kind: FileKind | undefined;
  product: ProductInfo;
  findings: LintFinding[];
  /** Set when the file was not checked (too large, binary): the reason, also reported as a finding. */
  skipped?: string;
  /** Findings hidden by carbonlint-disable comments (for reports that list suppressions, e.g. SARIF). */
  suppressed?: SuppressedFinding[];
  /** Templates: findings caused by a resolved value, reported on the values file's line (template-lint.ts). */
  values?: ValuesFinding[];
  /** Templates: placeholders resolved from values files, protected, or left unknown. */
  placeholders?: PlaceholderCount;
}

export interface LintOptions {
  settings?: Settings;
  /** Lint as this kind instead of classifying by name. */
  kind?: FileKind;
  /** Restrict to these rules (tests, `--rule`). */
  rules?: readonly Rule[];
  /** Honour carbonlint-disable comments and report unused ones (default true). */
  suppressions?: boolean;
  /** Files beside this one and the process environment, for rules that read keystores; defaults to the real disk and process.env. */
  resources?: RuleResources;
  /** The file's size on disk, when the caller read only its head (a file too large to check is never read whole). */
  byteLength?: number;
  /** Where the reader decoded bytes that are not UTF-8 (offset in the text; ConfigRead.invalidUtf8At). */
  invalidUtf8At?: number;
  /** Where values files are read from (default: the disk); false: placeholders are not resolved. */
  values?: FileAccess | false;
  /** Internal: the text is a file embedded in a manifest (embedded.ts). */
  embedded?: boolean;
  /** Internal: the text is already a rendered branch of a template (template-lint.ts); lint it as it is. */
  untemplated?: boolean;
  /** Internal: the product detected once for the whole template this rendering comes from (template-lint.ts). */
  product?: ProductInfo;
  /** Internal: a rendering's template tags, where the renderer knows them (template-render.ts knownTags). */
  templateSpans?: readonly Span[];
  /**
   * Internal: the caller keeps only each finding's rule, severity, message and position (a values rendering,
   * template-lint.ts): fixes, related places, identities and the undecided mark are not built.
   */
  bare?: boolean;
  /**
   * Internal: the caller places findings by span and replaces every range (a template's rendering, template-lint.ts):
   * ranges are left at 0:0 and the text's line index is not built — unless suppressions apply and the text has a
   * suppression comment (they match findings by line).
   */
  unranged?: boolean;
}

const NO_RANGE: Range = Object.freeze({ start: Object.freeze({ line: 0, character: 0 }), end: Object.freeze({ line: 0, character: 0 }) });

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** UTF-8 size, as on disk (the limit is in bytes; a UTF-16 length undercounts non-ASCII text up to 3×). */
function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Every UTF-16 unit is 1–3 UTF-8 bytes: only a text between max/3 and max units needs counting. */
function overSize(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  return utf8Bytes(text) > max;
}

function looksBinary(text: string): boolean {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  return head.includes('\u0000');
}

export function lintText(fileName: string, text: string, options: LintOptions = {}): LintResult {
  const settings = options.settings ?? resolveSettings();
  const kind = options.kind ?? classify(fileName, text, settings.associations);
  // Size and binary checks come first: a file that is not checked must not be scanned (product detection reads content).
  const skip = !kind ? undefined
    : (options.byteLength ?? 0) > settings.maxFileSize || overSize(text, settings.maxFileSize)
      ? { code: 'file-too-large', message: tooLargeMessage(options.byteLength ?? utf8Bytes(text), settings.maxFileSize) }
    : looksBinary(text) ? { code: 'file-binary', message: 'File not checked: it contains binary (NUL) bytes.' }
    : undefined;
  const product = options.product && options.untemplated && !skip ? options.product : detectProduct(fileName, skip ? '' : text, settings.product);
  const result: LintResult = { kind, product, findings: [] };
  if (!kind) return result;
  // Another project's log4j2.properties (nothing in its path or content names a product): no finding, no fix.
  if (kind === 'properties' && !skip && product.product === 'unknown' && isForeignLog4j(text)) return result;
  if (skip) {
    // The first line, up to 200 characters (a lone CR ends a line too, as in LineIndex).
    const head = text.slice(0, 200);
    const brk = /[\r\n]/.exec(head);
    const end = brk ? brk.index : head.length;
    const s = { start: 0, end };
    result.skipped = skip.message;
    result.findings.push({ ruleId: skip.code, guideline: null, guidelineId: null, severity: 'info', message: skip.message, span: s, range: { start: { line: 0, character: 0 }, end: { line: 0, character: end } } });
    return result;
  }
  // A Kubernetes ConfigMap/Secret: each embedded file is linted as what it is, in manifest positions. A multi-document
  // manifest may also hold Ingresses/HTTPRoutes and a product's pod specs: each reading runs and the results merge.
  if (!options.embedded && options.kind === undefined && (kind === 'ingress' || kind === 'pod' || isEmbeddedKind(kind)) && isManifestName(fileName)) {
    const readings: Array<LintResult | undefined> = [];
    // Options copied with Object.assign (their keys are the engine's own), not spread: see toLintFinding.
    // A manifest whose blocks are empty or unreadable has nothing to check (it is never read as the embedded kind).
    if (isEmbeddedKind(kind)) readings.push(lintEmbedded(fileName, text, Object.assign({}, options, { settings }), lintText));
    if (kind === 'ingress' || (isEmbeddedKind(kind) && ROUTE_MANIFEST.test(text))) readings.push(lintText(fileName, text, Object.assign({}, options, { settings, kind: 'ingress' as const })));
    if (kind === 'pod' || isPodManifestText(text)) readings.push(lintText(fileName, text, Object.assign({}, options, { settings, kind: 'pod' as const })));
    return readings.reduce<LintResult | undefined>((a, b) => mergeResults(a, b), undefined) ?? result;
  }
  // A template (a twin such as deployment.toml.j2, or Helm/Jinja text) is linted branch by branch as the file it renders to.
  const syntax = options.untemplated ? undefined : templateSyntax(fileName, kind, text);
  // Every rendering is the same document for product detection: detected once, on the whole template (all branches).
  if (syntax) return lintTemplate(fileName, text, kind, syntax, Object.assign({}, options, { settings, product }), lintText);
  let lines: LineIndex | undefined;
  const lineIndex = (): LineIndex => (lines ??= new LineIndex(text));
  // Suppression comments to apply (a text without the mark has none: applySuppressions would return the findings as they are).
  const suppressing = options.suppressions !== false && text.includes(SUPPRESSION_MARK);
  const unranged = options.unranged && !suppressing;
  const rangeOf = unranged ? (): Range => NO_RANGE : (s: Span): Range => lineIndex().range(s);

  // The reader's offset is in the file's own text, not in a rendered template branch or an embedded file.
  const invalidUtf8At = options.untemplated || options.embedded ? undefined : options.invalidUtf8At;
  const templateSpans = options.untemplated ? options.templateSpans : undefined;
  const { model, problems } = parseModel(kind, text, fileName, { invalidUtf8At, templated: options.untemplated, templateSpans });
  // A rendered branch of a template is still a template to the rules (a [secrets] table may come from elsewhere).
  if (options.untemplated && kind === 'toml') (model as { doc: { templated: boolean } }).doc.templated = true;
  for (const p of problems) {
    result.findings.push({ ruleId: p.code, guideline: null, guidelineId: null, severity: p.severity, message: p.message, span: p.span, range: rangeOf(p.span) });
  }
  const ran = new Set<string>();
  // A Carbon 4.4 file (carbon.xml, user-mgt.xml, log4j.properties, …) is checked by the rules' legacy variants only.
  const legacyFile = legacyFileOf(fileName, text)?.file;
  // The disk, marked so that keystore rules skip re-reading a store that has not changed (keystores/store-files.ts).
  const resources = options.resources ?? diskResources();
  for (const rule of options.rules ?? (legacyFile === undefined ? rulesOfKind(kind) : allRules)) {
    const check = checkFor(rule, kind, legacyFile);
    if (!check) continue;
    const level = settings.rules[rule.meta.id];
    if (level === 'off') continue;
    if (product.product !== 'unknown' && !rule.meta.products.includes(product.product)) continue;
    ran.add(rule.meta.id);
    const ctx: RuleContext = {
      fileName, text, model, settings, product, resources, legacyFile, bare: options.bare === true,
      report: (f: Finding) => result.findings.push(toLintFinding(rule, f, level, rangeOf, options.bare)),
    };
    try {
      check(ctx);
    } catch (err) {
      // A rule bug must never take the editor down: say so once, at the top of the file, and go on.
      const s = { start: 0, end: 0 };
      result.findings.push({
        ruleId: 'internal-error', guideline: null, guidelineId: null, severity: 'info', span: s, range: rangeOf(s),
        message: `CarbonLint rule ${rule.meta.id} failed on this file: ${(err as Error).message}. Please report it.`,
      });
    }
  }
  if (suppressing) {
    const applied = applySuppressions(result.findings, {
      fileName, kind, text, get index() { return lineIndex(); }, settings, ran, restricted: options.rules !== undefined, ruleKinds: (id) => { const r = ruleById(id); return r ? kindsOf(r) : undefined; },
    });
    result.findings = applied.findings;
    if (applied.suppressed.length) result.suppressed = applied.suppressed;
  }
  result.findings = capFindings(result.findings, settings.maxFindingsPerFile);
  result.findings.sort(byPosition);
  return result;
}

// The built-in rules of each kind, in allRules order: a file visits its own kind's rules, not all of them.
const RULES_OF_KIND = new Map<FileKind, readonly Rule[]>();
function rulesOfKind(kind: FileKind): readonly Rule[] {
  let rules = RULES_OF_KIND.get(kind);
  if (!rules) RULES_OF_KIND.set(kind, rules = allRules.filter((r) => r.meta.kind === kind));
  return rules;
}

function byPosition(a: LintFinding, b: LintFinding): number {
  return a.span.start - b.span.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId);
}

/**
 * Keeps the `max` most severe rule findings (earliest first within a severity) and counts the rest in one notice at
 * the top of the file, so that a generated file with thousands of launch lines cannot flood the Problems panel or
 * the CLI's memory. File-level problems (syntax errors, notices) are always kept: the parsers cap their own, and
 * they explain the rest.
 */
function capFindings(findings: LintFinding[], max: number): LintFinding[] {
  const ruleFindings = findings.filter((f) => f.guideline !== null);
  if (ruleFindings.length <= max) return findings;
  const kept = ruleFindings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || byPosition(a, b)).slice(0, max);
  const hidden = ruleFindings.length - max;
  const s = { start: 0, end: 0 };
  kept.push(...findings.filter((f) => f.guideline === null), {
    ruleId: 'too-many-findings', guideline: null, guidelineId: null, severity: 'info', span: s, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `${hidden} more findings not shown: this file has ${ruleFindings.length}, over the limit of ${max} per file (setting carbonlint.maxFindingsPerFile). Fix or suppress the ones shown to see the rest.`,
  });
  return kept;
}

// Object.assign({}, a, { … }) rather than { ...a, … } (same result): the spread form is slow on Node 20 (template-lint.ts).
function toLintFinding(rule: Rule, f: Finding, level: string | undefined, rangeOf: (s: Span) => Range, bare = false): LintFinding {
  const severity = (level && level !== 'off' ? level : f.severity ?? rule.meta.severity) as Severity;
  const out: LintFinding = {
    ruleId: rule.meta.id, guideline: rule.meta.guideline, guidelineId: rule.meta.guidelineId,
    severity, message: f.message, span: f.span, range: rangeOf(f.span),
  };
  if (bare) return out;
  if (f.fix) {
    out.fix = {
      title: f.fix.title, safe: f.fix.safe, preferred: f.fix.preferred ?? false,
      edits: f.fix.edits.map((e) => Object.assign({}, e, { range: rangeOf(e) })),
    };
  }
  if (f.related) out.related = f.related.map((r) => Object.assign({}, r, { range: rangeOf(r.span) }));
  if (f.identity !== undefined && f.identity !== f.message) out.identity = f.identity;
  if (f.undecided) out.undecided = true;
  return out;
}
