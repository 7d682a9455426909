// Linting a template (Jinja `.j2`, ERB `.erb`, Go/Helm `{{ }}`) as the file it renders to. Each `if` chain is
// split into its branches: every branch is rendered into a virtual document (the other branches and the chain's
// tags dropped, the remaining tags made opaque) and linted with the same rules; findings are mapped back to the
// template and merged, and a finding that only some branches produce names its branch. A placeholder is never a
// literal: a rule finding on template output is dropped (its value is unknown here).
import { LineIndex, type Range, type Span } from './text';
import type { FileKind } from './rule';
import type { TemplateSyntax } from './template-names';
import type { LintFinding, LintOptions, LintResult } from './lint';
import { UNUSED_SUPPRESSION } from './suppressions';
import * as path from 'node:path';
import { casesFor, type FileAccess } from './values/cases';
import { diskAccess } from './values/disk';
import { resolveExpression } from './values/resolve';
import { tagExpression } from './values/expression';
import { lintCovered, type Observed } from './template-cover';
import { asOneLint } from './lint-epoch';
import { scanTemplate, type Variant } from './template-scan';
import { knownTags, render, standIns } from './template-render';
import { branchLabel, MAX_VARIANTS, templatePlan, type TemplatePlan } from './template-plan';
import { casePrep, decideConditions, decidedAround } from './template-case';
import { templateLineRefs } from './template-lines';
import { findingKeys, numbering } from './template-keys';

export { MAX_VARIANTS, MAX_POD_RENDERED } from './template-plan';

// Copies with changed fields are made with Object.assign({}, a, { … }), not { ...a, … }: same keys, order and values,
// but Node 20's V8 takes a slow path for a spread followed by more properties (~0.5–3 µs each, measured), and these
// run per rendering and per finding.

/** A finding caused by a resolved value: reported on the line of the values file that sets it. */
export interface ValuesFinding {
  /** The values file (values.yaml, defaults/main.yml, host_vars/x.yml, params.pp). */
  file: string;
  finding: LintFinding;
  /** The template line that uses the value. */
  template: { file: string; span: Span; range: Range };
}

/** How many of a template's placeholders were resolved from values, protected (secret references), or left unknown. */
export interface PlaceholderCount {
  resolved: number;
  protected: number;
  unknown: number;
}

/** More render cases (Ansible hosts) than this are not all checked: the first ones are. */
export const MAX_CASES = 8;

/** The notice for a template over a rendering limit (branches, or render cases such as Ansible hosts). */
export const TEMPLATE_RENDERINGS = 'template-renderings';

function overlapsAny(sorted: readonly Span[], s: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= s.start) lo = mid + 1;
    else hi = mid;
  }
  const t = sorted[lo];
  return t !== undefined && t.start < Math.max(s.end, s.start + 1);
}

/**
 * Lint results by rendered text, within one template lint; at most SAME_TEXT_CHARS of text kept. Looked up by length,
 * then compared: a Map keyed by the text hashed every rendering's whole text (renderings of one template rarely share
 * a length, and two of the same length usually differ early).
 */
const SAME_TEXT_CHARS = 4 * 1024 * 1024;
function sameText(): { get(text: string, lint: () => LintResult): LintResult } {
  const byLength = new Map<number, Array<{ text: string; r: LintResult }>>();
  let chars = 0;
  return {
    get(text, run) {
      const same = byLength.get(text.length);
      const hit = same?.find((x) => x.text === text);
      if (hit) return hit.r;
      const r = run();
      if (chars + text.length <= SAME_TEXT_CHARS) {
        if (same) same.push({ text, r });
        else byLength.set(text.length, [{ text, r }]);
        chars += text.length;
      }
      return r;
    },
  };
}

type LintFn = (fileName: string, text: string, options: LintOptions) => LintResult;

/** Lints `text`, a template of `kind` in `syntax`, branch by branch; findings in template (source) positions. */
export function lintTemplate(fileName: string, text: string, kind: FileKind, syntax: TemplateSyntax, options: LintOptions, lint: LintFn): LintResult {
  // Its renderings are one lint: disk facts (a home's files) are checked once for all of them (lint-epoch.ts).
  return asOneLint(() => lintRenderings(fileName, text, kind, syntax, options, lint));
}

function lintRenderings(fileName: string, text: string, kind: FileKind, syntax: TemplateSyntax, options: LintOptions, lint: LintFn): LintResult {
  const plan = templatePlan(text, kind, syntax);
  const { scan, index, list, merged, variantCount, outputs } = plan;
  const tagSpans = scan.tags as readonly Span[];
  let first: LintResult | undefined;
  const linted = sameText();
  const keyOf = findingKeys();
  type Seen = { f: LintFinding; suppressed: boolean };
  const lintChoice = (choice: Int32Array | undefined): Array<Observed<Seen>> => {
    const vdoc = plan.renderings.get(choice);
    // Two renderings with the same text (branches differing only in what is dropped or blanked) are linted once.
    const r = linted.get(vdoc.text, () => lint(fileName, vdoc.text, Object.assign({}, options, { kind, untemplated: true, byteLength: undefined, templateSpans: knownTags(vdoc), unranged: true })));
    first ??= r;
    const toSource = (f: LintFinding): LintFinding | undefined => {
      const span = vdoc.spanToSource(f.span);
      if (f.guideline !== null && outputs.length && overlapsAny(outputs, span)) return undefined;
      const out: LintFinding = Object.assign({}, f, { span, range: index.range(span), message: templateLineRefs(f.message, vdoc, index) });
      if (f.fix) {
        const ok = f.fix.edits.every((e) => vdoc.contiguous(e) && !(e.end > e.start && overlapsAny(tagSpans, vdoc.spanToSource(e))));
        if (ok) {
          out.fix = Object.assign({}, f.fix, { edits: f.fix.edits.map((e) => { const s = vdoc.spanToSource(e); return Object.assign({}, e, { start: s.start, end: s.end, range: index.range(s) }); }) });
        } else delete out.fix;
      }
      if (f.related) out.related = f.related.map((x) => { const s = vdoc.spanToSource(x.span); return Object.assign({}, x, { span: s, range: index.range(s) }); });
      return out;
    };
    const seen: Array<Observed<Seen>> = [];
    // A parser's problem (a duplicate table names the line of the first one) or a message naming a line of the rendering.
    const unsure = (m: LintFinding): boolean => m.guideline === null || /\bline \d/.test(m.message);
    const extra = (m: LintFinding): Span[] => [...(m.related ?? []).map((x) => x.span), ...(m.fix?.edits ?? [])];
    for (const f of r.findings) {
      const m = toSource(f);
      if (m) seen.push({ key: keyOf(`f\u0000${m.ruleId}\u0000${m.span.start}\u0000${m.span.end}`, m.message), span: m.span, extra: extra(m), unsure: unsure(m), item: { f: m, suppressed: false } });
    }
    for (const f of r.suppressed ?? []) {
      const m = toSource(f);
      if (m) seen.push({ key: keyOf(`s\u0000${m.ruleId}\u0000${m.span.start}`, m.message), span: m.span, extra: extra(m), unsure: unsure(m), last: true, item: { f: m, suppressed: true } });
    }
    return seen;
  };
  const presence = merged || !scan.chains.length
    ? new Map(lintChoice(undefined).map((o) => [o.key, { item: o.item, in: new Set([0]) }]))
    : lintCovered(scan.chains, list, lintChoice, plan.footprint);
  const found = new Map<number, { f: LintFinding; in: Set<number> }>();
  const suppressed = new Map<number, LintFinding>();
  for (const [key, { item, in: vs }] of presence) {
    if (item.suppressed) suppressed.set(key, item.f);
    else found.set(key, { f: item.f, in: vs });
  }
  const label = (rep: number, branch: number, at: number): string => branchLabel(plan, rep, branch, at);
  const findings: LintFinding[] = [];
  for (const { f, in: seen } of found.values()) {
    if (seen.size === list.length) {
      findings.push(f);
      continue;
    }
    if (f.ruleId === UNUSED_SUPPRESSION) continue; // used in another branch
    let where: string | undefined;
    if (seen.has(0)) {
      const missing = list.findIndex((_, i) => !seen.has(i));
      where = label(list[missing].chain!, 0, f.span.start);
    } else {
      const v = list[Math.min(...seen)];
      where = label(v.chain!, v.branch!, f.span.start);
    }
    findings.push(Object.assign({}, f, { message: `${f.message} (template branch: ${where})` }));
  }
  if (merged) {
    // Not silent: the reader learns that branch attribution (and value-decided branches) are off for this template.
    const first = scan.tags[scan.chains[0].branches[0].tag];
    const span = { start: first.start, end: first.end };
    const message = `Template ${path.basename(fileName)}: its \`if\` chains make ${variantCount} renderings, more than the limit of ${MAX_VARIANTS}; it is checked as one text instead (every branch kept, template tags opaque), so findings do not name a branch and values do not choose branches.`;
    findings.push({ ruleId: TEMPLATE_RENDERINGS, guideline: null, guidelineId: null, severity: 'info', message, span, range: index.range(span) });
  }
  if (scan.problem) {
    findings.push({ ruleId: 'template-syntax', guideline: null, guidelineId: null, severity: 'info', message: scan.problem.message, span: scan.problem.span, range: index.range(scan.problem.span) });
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  const result: LintResult = { kind, product: first!.product, findings };
  if (suppressed.size) result.suppressed = [...suppressed.values()] as LintResult['suppressed'];
  if (options.values !== false && path.isAbsolute(fileName) && outputs.length) {
    resolveValues({ fileName, options, lint, plan, label }, result, options.values ?? diskAccess);
  }
  return result;
}

interface Ctx {
  fileName: string;
  options: LintOptions;
  lint: LintFn;
  plan: TemplatePlan;
  label: (chain: number, branch: number, at: number) => string;
}

/**
 * Renders the template once per values case (chart values, Ansible host, Puppet class) and branch, with each
 * plain placeholder replaced by its resolved value, and keeps the findings that fall on a resolved value: they
 * are reported on the values line (ValuesFinding), naming the template line, the case and the branch.
 */
function resolveValues(c: Ctx, result: LintResult, fa: FileAccess): void {
  const { plan } = c;
  const found = casesFor(c.fileName, fa, c.options.settings?.helm?.valuesFiles);
  if (!found) return;
  // A values file's line index: from the text its layer was read from in this lint when there is one, else read.
  const fromLayers = new Map<string, () => LineIndex>();
  for (const rc of found.cases) for (const l of rc.layers) if (l.lines && !fromLayers.has(l.file)) fromLayers.set(l.file, l.lines);
  const indexes = new Map<string, LineIndex | undefined>();
  const indexOf = (file: string) => {
    if (!indexes.has(file)) {
      const lines = fromLayers.get(file);
      const t = lines ? undefined : fa.read(file);
      indexes.set(file, lines ? lines() : t === undefined ? undefined : new LineIndex(t));
    }
    return indexes.get(file);
  };
  const out = new Map<string | number, { vf: ValuesFinding; cases: Set<string>; variants: Set<number>; list?: readonly Variant[]; because?: string }>();
  const notice = (file: string, span: Span, message: string) => {
    const idx = indexOf(file);
    if (!idx) return;
    const key = `${file}\u0000${span.start}\u0000${message}`;
    if (out.has(key)) return;
    const finding: LintFinding = { ruleId: 'values-file', guideline: null, guidelineId: null, severity: 'info', message, span, range: idx.range(span) };
    out.set(key, { vf: { file, finding, template: { file: c.fileName, span: { start: 0, end: 0 }, range: plan.index.range({ start: 0, end: 0 }) } }, cases: new Set(), variants: new Set(plan.list.map((_, i) => i)) });
  };
  for (const n of found.notices) notice(n.file, n.span, n.message);
  let count: PlaceholderCount = { resolved: 0, protected: 0, unknown: 0 };
  const tags = plan.scan.tags;
  if (found.cases.length > MAX_CASES) {
    // Not silent: which cases were checked and how many were left out.
    const names = found.cases.map((x) => x.name);
    const rest = names.slice(MAX_CASES);
    const message = `Template ${path.basename(c.fileName)}: ${names.length} value cases render it, more than the limit of ${MAX_CASES}; its values are checked for the first ${MAX_CASES} (${names.slice(0, MAX_CASES).join(', ')}) and not for the other ${rest.length} (${rest.slice(0, 5).join(', ')}${rest.length > 5 ? ', …' : ''}).`;
    const span = { start: 0, end: 0 };
    result.findings.unshift({ ruleId: TEMPLATE_RENDERINGS, guideline: null, guidelineId: null, severity: 'info', message, span, range: plan.index.range(span) });
  }
  // Shared by the cases: hosts whose values render the same text share its lint (same file, same options).
  const linted = sameText();
  // Keys of value findings, the same across cases (`out` merges them): numbers, never equal to a notice's string key.
  const keyOf = findingKeys();
  const fileNo = numbering();
  found.cases.slice(0, MAX_CASES).forEach((rc, ci) => {
    // Each placeholder resolved and each condition decided once per case and values text (template-case.ts).
    const prep = casePrep(plan, rc);
    for (const cy of prep.cycles) notice(cy.file, cy.span, 'A cycle of variable references: this value refers back to itself through other variables; the placeholders using it stay unknown.');
    if (ci === 0) count = { ...prep.count };
    const { subs, sites, subTags, caseList } = prep;
    if (!subs.size) return;
    // The substituted tag a span touches (tags are sorted and disjoint: the first ending after its start).
    const tagAt = (s: Span): number | undefined => {
      let lo = 0;
      let hi = subTags.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (tags[subTags[mid]].end <= s.start) lo = mid + 1;
        else hi = mid;
      }
      const ti = subTags[lo];
      return ti !== undefined && tags[ti].start < Math.max(s.end, s.start + 1) ? ti : undefined;
    };
    type Hit = { f: Pick<LintFinding, 'ruleId' | 'guideline' | 'guidelineId' | 'severity' | 'message'>; ti: number };
    const lintChoice = (choice: Int32Array | undefined): Array<Observed<Hit>> => {
      const vdoc = prep.renderings.get(choice);
      const r = linted.get(vdoc.text, () => c.lint(c.fileName, vdoc.text, Object.assign({}, c.options, { kind: plan.kind, untemplated: true, byteLength: undefined, suppressions: false, bare: true, unranged: true })));
      const seen: Array<Observed<Hit>> = [];
      for (const f of r.findings) {
        if (f.guideline === null) continue;
        const ti = tagAt(vdoc.spanToSource(f.span));
        if (ti === undefined) continue;
        const site = sites.get(ti)!;
        if (!indexOf(site.file)) continue;
        // Read by where its placeholder lies: the value's finding is in the renderings of that placeholder's branch.
        const { ruleId, guideline, guidelineId, severity } = f; // what a values finding keeps (not the rendering's positions)
        const message = templateLineRefs(f.message, vdoc, plan.index);
        const key = keyOf(`${fileNo(site.file)}\u0000${site.span.start}\u0000${f.ruleId}\u0000${tags[ti].start}`, message);
        seen.push({ key, span: { start: tags[ti].start, end: tags[ti].end }, extra: [], item: { f: { ruleId, guideline, guidelineId, severity, message }, ti } });
      }
      return seen;
    };
    const presence = plan.merged || !plan.scan.chains.length
      ? new Map(lintChoice(undefined).map((o) => [o.key, { item: o.item, in: new Set([0]) }]))
      : lintCovered(plan.scan.chains, caseList, lintChoice, plan.footprint);
    for (const [key, { item: { f, ti }, in: vs }] of presence) {
      const site = sites.get(ti)!;
      let e = out.get(key);
      if (!e) {
        const idx = indexOf(site.file)!;
        const tspan = { start: tags[ti].start, end: tags[ti].end };
        const finding: LintFinding = { ruleId: f.ruleId, guideline: f.guideline, guidelineId: f.guidelineId, severity: f.severity, message: f.message, span: site.span, range: idx.range(site.span) };
        e = { vf: { file: site.file, finding, template: { file: c.fileName, span: tspan, range: plan.index.range(tspan) } }, cases: new Set(), variants: new Set() };
        out.set(key, e);
      }
      e.cases.add(rc.name);
      for (const vi of vs) e.variants.add(vi);
      e.list = caseList;
      e.because ??= decidedAround(plan, prep, tags[ti].start);
    }
  });
  const values: ValuesFinding[] = [];
  for (const { vf, cases, variants, list: vlist, because } of out.values()) {
    const list = vlist ?? plan.list;
    if (vf.finding.guideline !== null) {
      const t = vf.template;
      let where = `value used by ${path.basename(t.file)}:${t.range.start.line + 1}`;
      if (found.tool === 'ansible' || found.cases.length > 1) where += ` for ${[...cases].join(', ')}`;
      if (variants.size < list.length) {
        const missing = list.findIndex((_, i) => !variants.has(i));
        const v = list[variants.has(0) ? missing : Math.min(...variants)];
        where += `, template branch: ${c.label(v.chain!, variants.has(0) ? 0 : v.branch!, t.span.start)}`;
      }
      if (because) where += `; ${because}`;
      // Changed in place: this lint made the finding and nothing else holds it (same keys, in the same order, as a copy).
      vf.finding.message = `${vf.finding.message} (${where})`;
      vf.finding.related = [{ span: t.span, range: t.range, message: 'The template line that uses this value', file: t.file }];
    }
    values.push(vf);
  }
  if (values.length) result.values = values;
  result.placeholders = count;
}

/**
 * The plain file a template stands for with its first values case (chart values.yaml, the first Ansible host, the
 * Puppet class): resolved placeholders substituted, conditions the values decide taking their branch and the others
 * their first, any other template syntax made opaque (an unknown `${…}` reference, blanked tags). What the bench
 * (§9) compares a chart's cost against; undefined when the template cannot be split or has no values.
 */
export function renderedWithValues(fileName: string, text: string, syntax: TemplateSyntax, fa: FileAccess = diskAccess, valuesFiles?: string[]): string | undefined {
  const scan = scanTemplate(text, syntax);
  const rc = scan.problem ? undefined : casesFor(fileName, fa, valuesFiles)?.cases[0];
  if (!rc) return undefined;
  const subs = new Map<number, string>();
  scan.tags.forEach((t, ti) => {
    if (t.role !== 'output') return;
    const r = resolveExpression(tagExpression(text.slice(t.start, t.end)), syntax, rc);
    if (r.resolved.kind === 'value' && r.rendered !== undefined && !/[\r\n]/.test(r.rendered)) subs.set(ti, r.rendered);
  });
  const choice = scan.chains.length ? decideConditions(text, syntax, scan, undefined, rc).choice : undefined;
  return render(text, scan, choice, standIns(text, scan, false, syntax === 'erb'), subs).text;
}
