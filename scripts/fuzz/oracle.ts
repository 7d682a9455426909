// What must hold for every input, checked through lintText with all rules: no exception and no internal error,
// time within a bound proportional to size, every range inside the text, every fix applicable and effective.
import { lintText, type LintFinding, type LintResult } from '../../shared-rules/engine/lint';
import { fixText } from '../../shared-rules/engine/fixes';
import { LineIndex, applyEdits, type OffsetEdit, type Range, type Span } from '../../shared-rules/engine/text';
import { resolveSettings, type Settings } from '../../shared-rules/engine/settings';

export type ViolationType = 'crash' | 'hang' | 'range' | 'fix';

export interface Violation {
  type: ViolationType;
  detail: string;
}

export interface Outcome {
  violations: Violation[];
  /** Fastest of the timed lint runs (one unless the first was over the bound). */
  ms: number;
  bytes: number;
  /** ms / bound: above 1 is a hang. */
  ratio: number;
  findings: number;
  fixesChecked: number;
}

export interface CheckOptions {
  /** At most this many findings' fixes are applied one by one (each costs a lint). */
  maxFixes?: number;
  /** Also run fixText twice over the whole file (convergence, idempotence). */
  fixAll?: boolean;
}

/** The time bound: 50 ms + 5 µs per byte (UTF-8). */
export const boundMs = (bytes: number): number => 50 + 0.005 * bytes;

/** Codes that mean the engine caught its own bug (a rule's, or a parser's last-resort catch): crashes too. */
const INTERNAL = new Set(['internal-error', 'toml-internal']);

/** Mirrors fixText's pass limit: reaching it means the fixes never converged. */
const MAX_PASSES = 100;

/**
 * File-level problems (parse errors and the like). The size and findings-limit notices are not: a fix may grow a
 * file past the size limit, or bring findings that were behind the limit into view.
 */
const NOTICES = new Set(['file-too-large', 'too-many-findings']);
const nullCount = (r: LintResult): number => r.findings.filter((f) => f.guideline === null && !NOTICES.has(f.ruleId)).length;

/**
 * Lints once and times it. The time is the smaller of wall-clock and process CPU time: on a shared machine the wall
 * clock also counts the time other processes had the core, and CPU time also counts parallel GC threads.
 */
function lint(name: string, text: string, settings: Settings): { result?: LintResult; ms: number; error?: unknown } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const took = () => {
    const c = process.cpuUsage(c0);
    return Math.min(performance.now() - t0, (c.user + c.system) / 1000);
  };
  try {
    const result = lintText(name, text, { settings });
    return { result, ms: took() };
  } catch (error) {
    return { ms: took(), error };
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message} ${e.stack?.split('\n')[1]?.trim() ?? ''}` : String(e);
}

/** Problems with one span against the text (inside, ordered). */
function spanProblem(s: Span, len: number): string | undefined {
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return `non-integer span ${s.start}..${s.end}`;
  if (s.start < 0 || s.end > len) return `span ${s.start}..${s.end} outside 0..${len}`;
  if (s.start > s.end) return `span start ${s.start} after end ${s.end}`;
  return undefined;
}

function rangeProblem(r: Range, s: Span, index: LineIndex): string | undefined {
  for (const p of [r.start, r.end]) {
    if (p.line < 0 || p.line >= index.lineCount || p.character < 0) return `position ${p.line}:${p.character} outside the text`;
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return 'range start after end';
  if (index.offsetAt(r.start) !== s.start || index.offsetAt(r.end) !== s.end) return `range ${JSON.stringify(r)} does not match span ${s.start}..${s.end}`;
  return undefined;
}

function rangeViolations(f: LintFinding, text: string, index: LineIndex): string[] {
  const out: string[] = [];
  const one = (what: string, s: Span, r?: Range) => {
    const p = spanProblem(s, text.length) ?? (r ? rangeProblem(r, s, index) : undefined);
    if (p) out.push(`${f.ruleId} ${what}: ${p}`);
  };
  one('finding', f.span, f.range);
  for (const r of f.related ?? []) one('related', r.span, r.range);
  for (const e of f.fix?.edits ?? []) one('fix edit', e, e.range);
  return out;
}

/** Where offset `o` lands after `edits` (non-overlapping); `right` puts it after text inserted at `o`. */
function mapOffset(o: number, edits: readonly OffsetEdit[], right: boolean): number {
  let delta = 0;
  for (const e of edits) {
    if (e.end < o || (e.end === o && (e.start < o || right))) delta += e.newText.length - (e.end - e.start);
    else if (e.start < o) return e.start + delta + (right ? e.newText.length : 0); // o was inside the replaced text
  }
  return o + delta;
}

function fixViolations(name: string, text: string, settings: Settings, before: LintResult, f: LintFinding): string[] {
  const label = `${f.ruleId} fix "${f.fix!.title}"`;
  let out: string;
  try {
    out = applyEdits(text, f.fix!.edits);
  } catch (e) {
    return [`${label}: applyEdits threw ${errText(e)}`];
  }
  if (out === text) return [`${label}: changes nothing`];
  const after = lint(name, out, settings);
  if (!after.result) return [`${label}: lint after the fix threw ${errText(after.error)}`];
  const problems: string[] = [];
  const edits = [...f.fix!.edits].sort((a, b) => a.start - b.start);
  const from = mapOffset(f.span.start, edits, false);
  const to = mapOffset(f.span.end, edits, true);
  // "Still there": same rule, same message, at the fixed place (a rule may report several things at one header).
  const still = after.result.findings.find((g) => g.ruleId === f.ruleId && g.message === f.message && g.span.start <= to && g.span.end >= from);
  if (still) problems.push(`${label}: its finding is still there ("${still.message.slice(0, 80)}")`);
  if (nullCount(after.result) > nullCount(before)) problems.push(`${label}: the file parses worse (${nullCount(before)} → ${nullCount(after.result)} file-level problems)`);
  return problems;
}

function fixAllViolations(name: string, text: string, settings: Settings, before: LintResult): string[] {
  const problems: string[] = [];
  const once = fixText(name, text, { settings, safeOnly: false });
  if (once.passes >= MAX_PASSES) problems.push(`fixText did not converge in ${MAX_PASSES} passes`);
  const after = lintText(name, once.output, { settings });
  if (nullCount(after) > nullCount(before)) problems.push(`fixText: the file parses worse (${nullCount(before)} → ${nullCount(after)})`);
  const twice = fixText(name, once.output, { settings, safeOnly: false });
  if (twice.applied !== 0 || twice.output !== once.output) problems.push(`fixText is not idempotent: a second run applied ${twice.applied} fix(es)`);
  return problems;
}

/** Spreads `k` picks over the fixable findings (first, last, and between). */
function pick<T>(items: readonly T[], k: number): T[] {
  if (items.length <= k) return [...items];
  return Array.from({ length: k }, (_, i) => items[Math.round((i * (items.length - 1)) / Math.max(1, k - 1))]);
}

export function checkInput(input: { name: string; text: string; settings?: Partial<Settings> }, options: CheckOptions = {}): Outcome {
  const { name, text } = input;
  const settings = resolveSettings(input.settings);
  const bytes = Buffer.byteLength(text, 'utf8');
  const bound = boundMs(bytes);
  const violations: Violation[] = [];
  const outcome: Outcome = { violations, ms: 0, bytes, ratio: 0, findings: 0, fixesChecked: 0 };

  let run = lint(name, text, settings);
  // A slow first run on a busy machine (GC, another process) is timed again before it counts as a hang.
  for (let retry = 0; run.result && run.ms > bound && retry < 2; retry++) {
    const again = lint(name, text, settings);
    if (again.ms < run.ms) run = again;
  }
  outcome.ms = run.ms;
  outcome.ratio = run.ms / bound;
  if (!run.result) {
    violations.push({ type: 'crash', detail: `lintText threw ${errText(run.error)}` });
    return outcome;
  }
  if (run.ms > bound) violations.push({ type: 'hang', detail: `${run.ms.toFixed(0)} ms for ${bytes} bytes (bound ${bound.toFixed(0)} ms)` });
  const result = run.result;
  outcome.findings = result.findings.length;
  for (const f of result.findings) {
    if (INTERNAL.has(f.ruleId)) violations.push({ type: 'crash', detail: `${f.ruleId}: ${f.message}` });
  }
  const index = new LineIndex(text);
  for (const f of result.findings) for (const d of rangeViolations(f, text, index)) violations.push({ type: 'range', detail: d });
  if (violations.some((v) => v.type === 'range')) return outcome; // fixes with bad ranges cannot be judged

  const fixable = result.findings.filter((f) => f.fix);
  try {
    for (const f of pick(fixable, options.maxFixes ?? 3)) {
      outcome.fixesChecked++;
      for (const d of fixViolations(name, text, settings, result, f)) violations.push({ type: 'fix', detail: d });
    }
    // fixText stops after MAX_PASSES on purpose; with that many fixes (each pass may apply one) it cannot converge.
    const convergeable = fixable.length > 0 && fixable.length < MAX_PASSES && text.length <= 256 * 1024;
    if ((options.fixAll ?? true) && convergeable) for (const d of fixAllViolations(name, text, settings, result)) violations.push({ type: 'fix', detail: d });
  } catch (e) {
    violations.push({ type: 'crash', detail: `while checking fixes: ${errText(e)}` });
  }
  return outcome;
}
