// Inline suppressions, in each file kind's comment syntax:
//   carbonlint-disable-next-line rule-a, rule-b -- reason     the next line (a continued statement counts as one)
//   carbonlint-disable-line rule-a -- reason                  the line the comment is on
//   carbonlint-disable rule-a … carbonlint-enable rule-a      a region (no closing comment: to the end of the file)
//   carbonlint-disable-file rule-a -- reason                  the whole file
// No rule list means every rule. The reason follows `--` (or `:`, since XML forbids `--` inside a comment).
// Applied inside lintText, so the editor and the CLI agree. A suppression that suppresses nothing is itself
// reported (unused-suppression) with a fix that removes it: stale suppressions hide the next real finding.
import type { FileKind, Severity } from './rule';
import type { LintFinding } from './lint';
import { scanSource, syntaxOf, type Comment, type SourceLines } from './comment-syntax';
import { LineIndex, type Span } from './text';
import { cover, type Unmatched } from './suppression-cover';
import type { Settings } from './settings';

export const UNUSED_SUPPRESSION = 'unused-suppression';

export type DirectiveType = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

export interface Directive {
  type: DirectiveType;
  /** Named rules; empty means every rule. */
  rules: Array<{ id: string; span: Span }>;
  /** Where the rule list is (empty span after the keyword when there is none). */
  listSpan: Span;
  reason?: string;
  comment: Comment;
  /** What removing the directive deletes: its whole line(s) when the comment is alone there. */
  removal: Span;
}

export interface SuppressedFinding extends LintFinding {
  suppression: { type: DirectiveType; line: number; reason?: string };
}

const KEYWORD = /^\s*carbonlint-(disable-next-line|disable-line|disable-file|disable|enable)(?=[\s,:]|$)/;

export function parseDirectives(text: string, src: SourceLines): Directive[] {
  const out: Directive[] = [];
  for (const comment of src.comments) {
    const body = text.slice(comment.body.start, comment.body.end);
    const m = KEYWORD.exec(body);
    if (!m) continue;
    const restStart = comment.body.start + m[0].length;
    const rest = text.slice(restStart, comment.body.end);
    const sep = /--|:/.exec(rest);
    const listText = sep ? rest.slice(0, sep.index) : rest;
    const rules: Directive['rules'] = [];
    for (const r of listText.matchAll(/[^\s,]+/g)) rules.push({ id: r[0], span: { start: restStart + r.index!, end: restStart + r.index! + r[0].length } });
    const listSpan = rules.length ? { start: rules[0].span.start, end: rules[rules.length - 1].span.end } : { start: restStart, end: restStart };
    const reason = sep ? rest.slice(sep.index + sep[0].length).trim() || undefined : undefined;
    out.push({ type: m[1] as DirectiveType, rules, listSpan, reason, comment, removal: removalSpan(text, src.index, comment) });
  }
  return out;
}

function removalSpan(text: string, index: LineIndex, c: Comment): Span {
  if (c.alone) {
    const start = index.lineStarts[c.line];
    const end = c.endLine + 1 < index.lineCount ? index.lineStarts[c.endLine + 1] : text.length;
    return { start, end };
  }
  let start = c.span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: c.span.end };
}

export interface SuppressionContext {
  fileName: string;
  kind: FileKind;
  text: string;
  index: LineIndex;
  settings: Settings;
  /** Rules that ran on this file: an unused suppression is only reported for those (an 'off' rule finds nothing). */
  ran: ReadonlySet<string>;
  /** The kind of each known rule: naming a rule of another kind can never suppress anything here. */
  /** The file kinds a rule reads (its own and its legacy variants'); undefined for an unknown id. */
  ruleKinds(id: string): readonly FileKind[] | undefined;
  /** Only some rules ran (tests, --rule): a blanket suppression cannot be judged unused. */
  restricted: boolean;
}

/** Every suppression comment contains it: a text without it has none (and its findings' ranges are not read here). */
export const SUPPRESSION_MARK = 'carbonlint-';

/** Drops suppressed findings, returns them, and appends unused-suppression findings. */
export function applySuppressions(findings: LintFinding[], ctx: SuppressionContext): { findings: LintFinding[]; suppressed: SuppressedFinding[] } {
  if (!ctx.text.includes(SUPPRESSION_MARK)) return { findings, suppressed: [] }; // the common case, at no cost
  const src = scanSource(syntaxOf(ctx.kind, ctx.fileName), ctx.text, ctx.index);
  const directives = parseDirectives(ctx.text, src);
  if (!directives.length) return { findings, suppressed: [] };
  const { by, used, unmatched } = cover(directives, src, findings);
  const kept: LintFinding[] = [];
  const suppressed: SuppressedFinding[] = [];
  findings.forEach((f, i) => {
    const d = by[i];
    if (d) suppressed.push({ ...f, suppression: { type: d.type, line: d.comment.line, reason: d.reason } });
    else kept.push(f);
  });
  const level = ctx.settings.rules[UNUSED_SUPPRESSION] ?? 'info';
  if (level !== 'off') {
    for (const u of unused(directives, unmatched, used, ctx)) kept.push(unusedFinding(u, level, ctx));
  }
  return { findings: kept, suppressed };
}

interface Unused {
  d: Directive;
  /** The ids to drop from the list; empty means remove the whole directive. */
  drop: string[];
  keep: string[];
  message: string;
}

function unused(directives: Directive[], unmatched: readonly Unmatched[], used: Map<Directive, Set<string>>, ctx: SuppressionContext): Unused[] {
  const out: Unused[] = [];
  const where = (d: Directive) => (d.type === 'disable-file' ? 'in this file' : d.type === 'disable-next-line' ? 'on the next line' : d.type === 'disable-line' ? 'on this line' : 'in this region');
  for (const d of directives) {
    if (d.type === 'enable') continue;
    const hit = used.get(d) ?? new Set<string>();
    if (!d.rules.length) {
      if (!hit.size && !ctx.restricted) out.push({ d, drop: [], keep: [], message: `Unused suppression: carbonlint-${d.type} finds nothing to suppress ${where(d)}.` });
      continue;
    }
    const dead = new Set<string>();
    const why: string[] = [];
    for (const { id } of d.rules) {
      if (hit.has(id) || dead.has(id)) continue;
      const kinds = ctx.ruleKinds(id);
      if (ctx.ran.has(id) || /-(syntax|internal|ignored)$/.test(id)) why.push(`no ${id} finding ${where(d)}`);
      else if (kinds === undefined) why.push(`"${id}" is not a CarbonLint rule`);
      else if (!kinds.includes(ctx.kind)) why.push(`${id} does not check this kind of file`);
      else continue; // switched off, or not for this product: nothing to judge
      dead.add(id);
    }
    if (!dead.size) continue;
    const keep = [...new Set(d.rules.map((r) => r.id))].filter((id) => !dead.has(id));
    out.push({ d, drop: keep.length ? [...dead] : [], keep, message: `Unused suppression: ${why.join('; ')}.` });
  }
  for (const u of unmatched) out.push({ d: u.d, drop: [], keep: [], message: u.message });
  return out.sort((a, b) => a.d.comment.span.start - b.d.comment.span.start);
}

function unusedFinding(u: Unused, severity: Severity, ctx: SuppressionContext): LintFinding {
  const { d } = u;
  const partial = u.drop.length > 0;
  const drop = new Set(u.drop);
  const span = partial ? spanOf(d.rules.filter((r) => drop.has(r.id)).map((r) => r.span)) : d.comment.span;
  const edit = partial
    ? { start: d.listSpan.start, end: d.listSpan.end, newText: u.keep.join(', ') }
    : { start: d.removal.start, end: d.removal.end, newText: '' };
  return {
    ruleId: UNUSED_SUPPRESSION, guideline: null, guidelineId: null, severity, message: u.message, span, range: ctx.index.range(span),
    fix: {
      title: partial ? `Remove ${u.drop.join(', ')} from the suppression` : 'Remove the unused suppression',
      safe: true, preferred: true, edits: [{ ...edit, range: ctx.index.range(edit) }],
    },
  };
}

function spanOf(spans: Span[]): Span {
  // A loop, not Math.min(...spans): a list of 10^5 ids would overflow the call's argument stack.
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  return { start, end };
}
