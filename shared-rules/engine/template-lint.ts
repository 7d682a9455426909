// Linting a template (Jinja `.j2`, ERB `.erb`, Go/Helm `{{ }}`) as the file it renders to. Each `if` chain is
// split into its branches: every branch is rendered into a virtual document (the other branches and the chain's
// tags dropped, the remaining tags made opaque) and linted with the same rules; findings are mapped back to the
// template and merged, and a finding that only some branches produce names its branch. A placeholder is never a
// literal: a rule finding on template output is dropped (its value is unknown here).
import { LineIndex, type Span } from './text';
import type { FileKind } from './rule';
import { findErbTemplates, findTemplates, tagRole, type TagRole } from '../parsers/toml/templates';
import { VirtualBuilder, type VirtualDocument } from './virtual';
import type { TemplateSyntax } from './template-names';
import type { LintFinding, LintOptions, LintResult } from './lint';
import { UNUSED_SUPPRESSION } from './suppressions';
import * as path from 'node:path';
import { casesFor, type FileAccess } from './values/cases';
import { diskAccess } from './values/disk';
import { resolveExpression } from './values/resolve';
import { parseReference, tagExpression } from './values/expression';
import { emptyTruth, truthy } from './template-truth';
import type { RenderCase, ValueSite } from './values/types';
import type { Range } from './text';
import { anyIn, relevantOffsets } from './template-relevance';
import { lintCovered, type Observed } from './template-cover';
import { asOneLint } from './lint-epoch';
import { footprint, tableHeaders, type Footprint } from './template-footprint';

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

/** More branch renderings than this and the template is checked as one text (tags opaque), as before branches were split. */
export const MAX_VARIANTS = 32;

/** Pod manifests (YAML, the slow parser): more rendered text than this over all branches and the template is one text. */
export const MAX_POD_RENDERED = 1024 * 1024;

interface Tag extends Span {
  role: TagRole;
}

interface Branch {
  tag: number;
  bodyStart: number;
  bodyEnd: number;
}

interface Chain {
  branches: Branch[];
  endTag: number;
  hasElse: boolean;
  parent?: { chain: number; branch: number };
}

export interface TemplateScan {
  tags: Tag[];
  chains: Chain[];
  problem?: { span: Span; message: string };
}

/** The tags of a template and its if-chains (a stack walk: linear). An unbalanced tag is a problem, and no chain is split. */
export function scanTemplate(text: string, syntax: TemplateSyntax): TemplateScan {
  const spans = syntax === 'erb' ? findErbTemplates(text) : findTemplates(text);
  const tags: Tag[] = spans.map((s) => ({ ...s, role: tagRole(text, s) }));
  const chains: Chain[] = [];
  const stack: Array<{ chain?: number; tag: number }> = [];
  const fail = (t: Tag, message: string): TemplateScan => ({ tags, chains: [], problem: { span: { start: t.start, end: t.end }, message } });
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t.role === 'if') {
      const enclosing = [...stack].reverse().find((f) => f.chain !== undefined);
      const parent = enclosing ? { chain: enclosing.chain!, branch: chains[enclosing.chain!].branches.length - 1 } : undefined;
      chains.push({ branches: [{ tag: i, bodyStart: t.end, bodyEnd: t.end }], endTag: -1, hasElse: false, parent });
      stack.push({ chain: chains.length - 1, tag: i });
    } else if (t.role === 'elif' || t.role === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.chain === undefined) return fail(t, `Template: this \`${t.role}\` has no \`if\` to belong to; the template is checked without splitting its branches.`);
      const chain = chains[top.chain];
      if (chain.hasElse) return fail(t, 'Template: a branch after `else`; the template is checked without splitting its branches.');
      chain.branches[chain.branches.length - 1].bodyEnd = t.start;
      chain.branches.push({ tag: i, bodyStart: t.end, bodyEnd: t.end });
      if (t.role === 'else') chain.hasElse = true;
    } else if (t.role === 'open') {
      stack.push({ tag: i });
    } else if (t.role === 'end') {
      const top = stack.pop();
      if (!top) return fail(t, 'Template: this `end` closes nothing; the template is checked without splitting its branches.');
      if (top.chain !== undefined) {
        const chain = chains[top.chain];
        chain.branches[chain.branches.length - 1].bodyEnd = t.start;
        chain.endTag = i;
      }
    }
  }
  if (stack.length) {
    const t = tags[stack[stack.length - 1].tag];
    return fail(t, 'Template: this block is never closed (no `end`); the template is checked without splitting its branches.');
  }
  return { tags, chains };
}

interface Variant {
  choice: Int32Array;
  /** The chain and branch this variant differs in from the first (undefined for the first). */
  chain?: number;
  branch?: number;
}

/** The condition of an `if` tag, normalised: chains with the same condition take the same branch together. */
function conditionKey(text: string, tag: Span): string {
  return text.slice(tag.start + 2, tag.end - 2).replace(/^[-+=]/, '').replace(/-$/, '').replace(/\s+/g, ' ').trim();
}

/**
 * The first branch of every chain, then, per condition, each other branch (an `if` without `else` has an empty
 * one). Chains that test the same condition (`{{- if .Values.secretStore.enabled }}` in several places) switch
 * together, so no rendering mixes a condition with its opposite.
 */
function variants(text: string, tags: readonly Tag[], chains: Chain[], start?: Int32Array, fixed?: ReadonlySet<number>): Variant[] {
  const groups = new Map<string, number[]>();
  const groupOf: number[] = [];
  chains.forEach((c, ci) => {
    const key = conditionKey(text, tags[c.branches[0].tag]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(ci);
    groupOf[ci] = g[0];
  });
  const count = (c: Chain) => c.branches.length + (c.hasElse ? 0 : 1);
  const setGroup = (choice: Int32Array, ci: number, b: number) => {
    for (const cj of groups.get(conditionKey(text, tags[chains[ci].branches[0].tag]))!) choice[cj] = Math.min(b, count(chains[cj]) - 1);
  };
  const base = start ?? new Int32Array(chains.length);
  const out: Variant[] = [{ choice: base }];
  chains.forEach((c, ci) => {
    if (groupOf[ci] !== ci) return; // its group's first chain stands for it
    if (fixed?.has(ci)) return; // decided by the values: not explored
    const n = Math.max(...groups.get(conditionKey(text, tags[c.branches[0].tag]))!.map((cj) => count(chains[cj])));
    for (let b = 1; b < n; b++) {
      const choice = base.slice();
      setGroup(choice, ci, b);
      let excluded = false;
      for (let p = c.parent; p; p = chains[p.chain].parent) {
        if (fixed?.has(p.chain) && base[p.chain] !== p.branch) excluded = true; // inside a branch the values rule out
        setGroup(choice, p.chain, p.branch);
      }
      if (excluded) continue;
      out.push({ choice, chain: ci, branch: Math.min(b, count(c) - 1) });
    }
  });
  return out;
}

/** Same-length Go-style text for an ERB tag, so the TOML parser treats it as it treats Helm and Jinja tags. */
function erbAsCurly(tagText: string, role: TagRole): string {
  const inner = tagText.slice(2, -2);
  if (role === 'output') return `{{${inner}}}`;
  if (role === 'comment') return `{#${inner}#}`;
  return `{%${inner}%}`;
}

/** Opaque stand-in for template output in files whose parser knows no templates: an unknown `${…}` reference. */
function filler(n: number): string {
  return n >= 4 ? `\${${'_'.repeat(n - 3)}}` : '_'.repeat(n);
}

const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');

function render(text: string, scan: TemplateScan, choice: Int32Array | undefined, native: boolean, erb: boolean, subs?: ReadonlyMap<number, string>): VirtualDocument {
  const { tags, chains } = scan;
  const drops: Span[] = [];
  if (choice) {
    const active = new Uint8Array(chains.length);
    chains.forEach((c, ci) => {
      active[ci] = !c.parent || (active[c.parent.chain] && choice[c.parent.chain] === c.parent.branch) ? 1 : 0;
      if (!active[ci]) return;
      c.branches.forEach((b, bi) => {
        drops.push({ start: tags[b.tag].start, end: tags[b.tag].end });
        if (bi !== choice[ci]) drops.push({ start: b.bodyStart, end: b.bodyEnd });
      });
      drops.push({ start: tags[c.endTag].start, end: tags[c.endTag].end });
    });
    drops.sort((a, b) => a.start - b.start);
  }
  const vb = new VirtualBuilder(text);
  let ti = 0;
  const emit = (a: number, b: number) => {
    while (ti < tags.length && tags[ti].end <= a) ti++;
    for (; ti < tags.length && tags[ti].start < b; ti++) {
      const t = tags[ti];
      if (t.start < a || t.end > b) continue; // a tag that straddles a seam was part of a dropped stretch
      vb.keep(a, t.start);
      const sub = subs?.get(ti);
      if (sub !== undefined) {
        vb.substitute(t.start, t.end, sub);
        a = t.end;
        continue;
      }
      const src = text.slice(t.start, t.end);
      if (native) vb.replace(t.start, erb ? erbAsCurly(src, t.role) : src);
      else vb.replace(t.start, t.role === 'output' ? filler(src.length) : blank(src));
      a = t.end;
    }
    vb.keep(a, b);
  };
  let pos = 0;
  for (const d of drops) {
    if (d.end <= pos) continue;
    if (d.start > pos) emit(pos, d.start);
    pos = Math.max(pos, d.end);
  }
  emit(pos, text.length);
  return vb.build();
}

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
 * Which variants may share a covering rendering (template-footprint.ts): for deployment.toml, those that write
 * different tables; for the other kinds, none (each branch rendering by itself, as before).
 */
function footprintFor(text: string, kind: FileKind): (bodies: Span[]) => Footprint {
  if (kind !== 'toml') return () => 'alone';
  let headers: ReturnType<typeof tableHeaders> | undefined;
  return (bodies) => footprint(text, (headers ??= tableHeaders(text)), bodies);
}

/** Lint results by rendered text, within one template lint; at most SAME_TEXT_CHARS of text kept. */
const SAME_TEXT_CHARS = 4 * 1024 * 1024;
function sameText(): { get(text: string, lint: () => LintResult): LintResult } {
  const byText = new Map<string, LintResult>();
  let chars = 0;
  return {
    get(text, run) {
      const hit = byText.get(text);
      if (hit) return hit;
      const r = run();
      if (chars + text.length <= SAME_TEXT_CHARS) {
        byText.set(text, r);
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
  const scan = scanTemplate(text, syntax);
  const index = new LineIndex(text);
  const native = kind === 'toml';
  const erb = syntax === 'erb';
  const quiet = quietChains(text, scan, kind);
  let list = variants(text, scan.tags, scan.chains, undefined, quiet);
  const variantCount = list.length;
  // YAML parses at about 1 MB/s: a pod manifest's branches are rendered only while their total size stays bounded.
  const merged = list.length > MAX_VARIANTS || (kind === 'pod' && list.length * text.length > MAX_POD_RENDERED);
  if (merged) list = [{ choice: new Int32Array(0) }];
  const outputs = scan.tags.filter((t) => t.role === 'output');
  const footprints = footprintFor(text, kind);
  const tagSpans = scan.tags as readonly Span[];
  let first: LintResult | undefined;
  const linted = sameText();
  type Seen = { f: LintFinding; suppressed: boolean };
  const lintChoice = (choice: Int32Array | undefined): Array<Observed<Seen>> => {
    const vdoc = render(text, scan, merged || !scan.chains.length ? undefined : choice, native, erb);
    // Two renderings with the same text (branches differing only in what is dropped or blanked) are linted once.
    const r = linted.get(vdoc.text, () => lint(fileName, vdoc.text, { ...options, kind, untemplated: true, byteLength: undefined }));
    first ??= r;
    const toSource = (f: LintFinding): LintFinding | undefined => {
      const span = vdoc.spanToSource(f.span);
      if (f.guideline !== null && outputs.length && overlapsAny(outputs, span)) return undefined;
      const out: LintFinding = { ...f, span, range: index.range(span) };
      if (f.fix) {
        const ok = f.fix.edits.every((e) => vdoc.contiguous(e) && !(e.end > e.start && overlapsAny(tagSpans, vdoc.spanToSource(e))));
        if (ok) {
          out.fix = { ...f.fix, edits: f.fix.edits.map((e) => { const s = vdoc.spanToSource(e); return { ...e, start: s.start, end: s.end, range: index.range(s) }; }) };
        } else delete out.fix;
      }
      if (f.related) out.related = f.related.map((x) => { const s = vdoc.spanToSource(x.span); return { ...x, span: s, range: index.range(s) }; });
      return out;
    };
    const seen: Array<Observed<Seen>> = [];
    // A parser's problem (a duplicate table names the line of the first one) or a message naming a line of the rendering.
    const unsure = (m: LintFinding): boolean => m.guideline === null || /\bline \d/.test(m.message);
    const extra = (m: LintFinding): Span[] => [...(m.related ?? []).map((x) => x.span), ...(m.fix?.edits ?? [])];
    for (const f of r.findings) {
      const m = toSource(f);
      if (m) seen.push({ key: `f\u0000${m.ruleId}\u0000${m.span.start}\u0000${m.span.end}\u0000${m.message}`, span: m.span, extra: extra(m), unsure: unsure(m), item: { f: m, suppressed: false } });
    }
    for (const f of r.suppressed ?? []) {
      const m = toSource(f);
      if (m) seen.push({ key: `s\u0000${m.ruleId}\u0000${m.span.start}\u0000${m.message}`, span: m.span, extra: extra(m), unsure: unsure(m), last: true, item: { f: m, suppressed: true } });
    }
    return seen;
  };
  const presence = merged || !scan.chains.length
    ? new Map(lintChoice(undefined).map((o) => [o.key, { item: o.item, in: new Set([0]) }]))
    : lintCovered(scan.chains, list, lintChoice, footprints);
  const found = new Map<string, { f: LintFinding; in: Set<number> }>();
  const suppressed = new Map<string, LintFinding>();
  for (const [key, { item, in: vs }] of presence) {
    if (item.suppressed) suppressed.set(key, item.f);
    else found.set(key, { f: item.f, in: vs });
  }
  const lineOf = (tag: number) => index.range(scan.tags[tag]).start.line + 1;
  // The chain of `rep`'s condition group whose branches hold `at` (the `if` a reader sees around the finding).
  const around = (rep: number, at: number): number => {
    const key = conditionKey(text, scan.tags[scan.chains[rep].branches[0].tag]);
    const hit = scan.chains.findIndex((c) => conditionKey(text, scan.tags[c.branches[0].tag]) === key && scan.tags[c.branches[0].tag].start <= at && at < scan.tags[c.endTag].end);
    return hit === -1 ? rep : hit;
  };
  const label = (rep: number, branch: number, at: number): string => {
    const c = scan.chains[around(rep, at)];
    const line = lineOf(c.branches[0].tag);
    const cond = conditionKey(text, scan.tags[c.branches[0].tag]).replace(/^if\s*/, '');
    // The condition is template code, not a value; one with a quoted literal is named by its line only.
    const named = cond.length <= 80 && !/['"`]/.test(cond) ? `\`${cond}\` (line ${line})` : `the condition at line ${line}`;
    if (branch === 0) return `when ${named} holds`;
    if (branch >= c.branches.length) return `when ${named} does not hold`;
    const role = scan.tags[c.branches[Math.min(branch, c.branches.length - 1)].tag].role;
    return `the \`${role === 'elif' ? 'else if' : 'else'}\` at line ${lineOf(c.branches[branch].tag)} of ${named}`;
  };
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
    findings.push({ ...f, message: `${f.message} (template branch: ${where})` });
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
    resolveValues({ fileName, text, kind, syntax, options, lint, scan, list, merged, native, erb, index, label, quiet, footprint: footprints }, result, options.values ?? diskAccess);
  }
  return result;
}

interface Ctx {
  fileName: string;
  text: string;
  kind: FileKind;
  syntax: TemplateSyntax;
  options: LintOptions;
  lint: LintFn;
  scan: TemplateScan;
  list: Variant[];
  merged: boolean;
  native: boolean;
  erb: boolean;
  index: LineIndex;
  label: (chain: number, branch: number, at: number) => string;
  quiet?: ReadonlySet<number>;
  footprint: (bodies: Span[]) => Footprint;
}

/**
 * Chains whose branches (and those of every chain testing the same condition) hold nothing the kind's rules read
 * (template-relevance.ts): not explored, their first branch stands for them. Undefined: every chain matters.
 */
function quietChains(text: string, scan: TemplateScan, kind: FileKind): Set<number> | undefined {
  const at = relevantOffsets(kind, text);
  if (!at) return undefined;
  const relevant = new Map<string, boolean>();
  const keyOf = (c: Chain) => conditionKey(text, scan.tags[c.branches[0].tag]);
  for (const c of scan.chains) {
    const key = keyOf(c);
    if (!relevant.get(key)) relevant.set(key, c.branches.some((b) => anyIn(at, b.bodyStart, b.bodyEnd)));
  }
  const out = new Set<number>();
  scan.chains.forEach((c, ci) => { if (!relevant.get(keyOf(c))) out.add(ci); });
  return out;
}

/**
 * Renders the template once per values case (chart values, Ansible host, Puppet class) and branch, with each
 * plain placeholder replaced by its resolved value, and keeps the findings that fall on a resolved value: they
 * are reported on the values line (ValuesFinding), naming the template line, the case and the branch.
 */
function resolveValues(c: Ctx, result: LintResult, fa: FileAccess): void {
  const found = casesFor(c.fileName, fa, c.options.settings?.helm?.valuesFiles);
  if (!found) return;
  const indexes = new Map<string, LineIndex | undefined>();
  const indexOf = (file: string) => {
    if (!indexes.has(file)) {
      const t = fa.read(file);
      indexes.set(file, t === undefined ? undefined : new LineIndex(t));
    }
    return indexes.get(file);
  };
  const out = new Map<string, { vf: ValuesFinding; cases: Set<string>; variants: Set<number>; list?: Variant[]; because?: string }>();
  const notice = (file: string, span: Span, message: string) => {
    const idx = indexOf(file);
    if (!idx) return;
    const key = `${file}\u0000${span.start}\u0000${message}`;
    if (out.has(key)) return;
    const finding: LintFinding = { ruleId: 'values-file', guideline: null, guidelineId: null, severity: 'info', message, span, range: idx.range(span) };
    out.set(key, { vf: { file, finding, template: { file: c.fileName, span: { start: 0, end: 0 }, range: c.index.range({ start: 0, end: 0 }) } }, cases: new Set(), variants: new Set(c.list.map((_, i) => i)) });
  };
  for (const n of found.notices) notice(n.file, n.span, n.message);
  const count: PlaceholderCount = { resolved: 0, protected: 0, unknown: 0 };
  const tags = c.scan.tags;
  if (found.cases.length > MAX_CASES) {
    // Not silent: which cases were checked and how many were left out.
    const names = found.cases.map((x) => x.name);
    const rest = names.slice(MAX_CASES);
    const message = `Template ${path.basename(c.fileName)}: ${names.length} value cases render it, more than the limit of ${MAX_CASES}; its values are checked for the first ${MAX_CASES} (${names.slice(0, MAX_CASES).join(', ')}) and not for the other ${rest.length} (${rest.slice(0, 5).join(', ')}${rest.length > 5 ? ', …' : ''}).`;
    const span = { start: 0, end: 0 };
    result.findings.unshift({ ruleId: TEMPLATE_RENDERINGS, guideline: null, guidelineId: null, severity: 'info', message, span, range: c.index.range(span) });
  }
  found.cases.slice(0, MAX_CASES).forEach((rc, ci) => {
    const subs = new Map<number, string>();
    const sites = new Map<number, ValueSite>();
    tags.forEach((t, ti) => {
      if (t.role !== 'output') return;
      const r = resolveExpression(tagExpression(c.text.slice(t.start, t.end)), c.syntax, rc);
      if (r.cycle) notice(r.cycle.file, r.cycle.span, 'A cycle of variable references: this value refers back to itself through other variables; the placeholders using it stay unknown.');
      if (ci === 0) count[r.resolved.kind === 'value' ? 'resolved' : r.resolved.kind === 'protected' ? 'protected' : 'unknown']++;
      // A value with a line break or a quote would change the file's structure around it: not substituted.
      if (r.resolved.kind === 'value' && r.rendered !== undefined && !/[\r\n]/.test(r.rendered)) {
        subs.set(ti, r.rendered);
        sites.set(ti, r.resolved.site);
      }
    });
    if (!subs.size) return;
    // Conditions the values decide (`{{- if .Values.secretStore.enabled }}`, `{% if secure_vault_enabled|bool %}`,
    // `<% if @x %>`) take their branch; the others are explored as without values.
    const decided = decideConditions(c, rc);
    const fixedOrQuiet = c.quiet?.size ? new Set([...decided.fixed, ...c.quiet]) : decided.fixed;
    const own = decided.fixed.size && !c.merged ? variants(c.text, tags, c.scan.chains, decided.choice, fixedOrQuiet) : undefined;
    const caseList = own && own.length <= MAX_VARIANTS ? own : c.list;
    const subTags = [...subs.keys()]; // in file order
    const tagAt = (s: Span): number | undefined => {
      for (const ti of subTags) if (tags[ti].start < Math.max(s.end, s.start + 1) && s.start < tags[ti].end) return ti;
      return undefined;
    };
    const linted = sameText();
    type Hit = { f: Pick<LintFinding, 'ruleId' | 'guideline' | 'guidelineId' | 'severity' | 'message'>; ti: number };
    const lintChoice = (choice: Int32Array | undefined): Array<Observed<Hit>> => {
      const vdoc = render(c.text, c.scan, c.merged || !c.scan.chains.length ? undefined : choice, c.native, c.erb, subs);
      const r = linted.get(vdoc.text, () => c.lint(c.fileName, vdoc.text, { ...c.options, kind: c.kind, untemplated: true, byteLength: undefined, suppressions: false }));
      const seen: Array<Observed<Hit>> = [];
      for (const f of r.findings) {
        if (f.guideline === null) continue;
        const ti = tagAt(vdoc.spanToSource(f.span));
        if (ti === undefined) continue;
        const site = sites.get(ti)!;
        if (!indexOf(site.file)) continue;
        // Read by where its placeholder lies: the value's finding is in the renderings of that placeholder's branch.
        const key = `${site.file}\u0000${site.span.start}\u0000${f.ruleId}\u0000${f.message}\u0000${tags[ti].start}`;
        const { ruleId, guideline, guidelineId, severity, message } = f; // what a values finding keeps (not the rendering's positions)
        seen.push({ key, span: { start: tags[ti].start, end: tags[ti].end }, extra: [], item: { f: { ruleId, guideline, guidelineId, severity, message }, ti } });
      }
      return seen;
    };
    const presence = c.merged || !c.scan.chains.length
      ? new Map(lintChoice(undefined).map((o) => [o.key, { item: o.item, in: new Set([0]) }]))
      : lintCovered(c.scan.chains, caseList, lintChoice, c.footprint);
    for (const [key, { item: { f, ti }, in: vs }] of presence) {
      const site = sites.get(ti)!;
      let e = out.get(key);
      if (!e) {
        const idx = indexOf(site.file)!;
        const tspan = { start: tags[ti].start, end: tags[ti].end };
        const finding: LintFinding = { ruleId: f.ruleId, guideline: f.guideline, guidelineId: f.guidelineId, severity: f.severity, message: f.message, span: site.span, range: idx.range(site.span) };
        e = { vf: { file: site.file, finding, template: { file: c.fileName, span: tspan, range: c.index.range(tspan) } }, cases: new Set(), variants: new Set() };
        out.set(key, e);
      }
      e.cases.add(rc.name);
      for (const vi of vs) e.variants.add(vi);
      e.list = caseList;
      e.because ??= decidedAround(c, decided, tags[ti].start);
    }
  });
  const values: ValuesFinding[] = [];
  for (const { vf, cases, variants, list: vlist, because } of out.values()) {
    const list = vlist ?? c.list;
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
      vf.finding = { ...vf.finding, message: `${vf.finding.message} (${where})`, related: [{ span: t.span, range: t.range, message: 'The template line that uses this value', file: t.file }] };
    }
    values.push(vf);
  }
  if (values.length) result.values = values;
  result.placeholders = count;
}

/** The branch each plain `if <reference>` / `if not <reference>` chain takes with the case's values (if/else chains only). */
function decideConditions(c: Pick<Ctx, 'text' | 'syntax' | 'scan'>, rc: RenderCase): { choice: Int32Array; fixed: Set<number> } {
  const chains = c.scan.chains;
  const choice = new Int32Array(chains.length);
  const fixed = new Set<number>();
  chains.forEach((ch, ci) => {
    if (ch.branches.length > 2 || (ch.branches.length === 2 && !ch.hasElse)) return; // elif chains: explored
    let expr = conditionKey(c.text, c.scan.tags[ch.branches[0].tag]).replace(/^if\s+/, '');
    let neg = false;
    if (/^not\s+/.test(expr)) {
      neg = true;
      expr = expr.replace(/^not\s+/, '');
    }
    const r = resolveExpression(expr, c.syntax, rc);
    const boolFilter = /\|\s*bool\b/.test(expr);
    let held: boolean | undefined;
    if (r.resolved.kind === 'value' && r.rendered !== undefined) held = truthy(r.resolved.raw, r.resolved.text, c.syntax, boolFilter);
    else if (r.resolved.kind === 'empty') held = emptyTruth(r.resolved, parseReference(expr, c.syntax)!, c.syntax, boolFilter);
    if (held === undefined) return;
    const t = held !== neg;
    choice[ci] = t ? 0 : 1; // 1: the else branch, or the empty one of an if without else
    fixed.add(ci);
  });
  return { choice, fixed };
}

/** Names the innermost condition the values decided around `at`: "`.Values.x` (line 32) does not hold". */
function decidedAround(c: Ctx, d: { choice: Int32Array; fixed: Set<number> }, at: number): string | undefined {
  let best: number | undefined;
  for (const ci of d.fixed) {
    const ch = c.scan.chains[ci];
    const b = ch.branches[d.choice[ci]];
    if (!b || at < b.bodyStart || at >= b.bodyEnd) continue;
    if (best === undefined || c.scan.tags[ch.branches[0].tag].start > c.scan.tags[c.scan.chains[best].branches[0].tag].start) best = ci;
  }
  if (best === undefined) return undefined;
  const ch = c.scan.chains[best];
  const line = c.index.range(c.scan.tags[ch.branches[0].tag]).start.line + 1;
  const cond = conditionKey(c.text, c.scan.tags[ch.branches[0].tag]).replace(/^if\s*/, '');
  const named = cond.length <= 80 && !/['"`]/.test(cond) ? `\`${cond}\` (line ${line})` : `the condition at line ${line}`;
  return `${named} ${d.choice[best] === 0 ? 'holds' : 'does not hold'} with these values`;
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
  const choice = scan.chains.length ? decideConditions({ text, syntax, scan }, rc).choice : undefined;
  return render(text, scan, choice, false, syntax === 'erb', subs).text;
}
