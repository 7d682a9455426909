// Applying fixes to a whole file: non-overlapping ones in one pass, repeated until nothing changes (as ESLint does).
import { applyEdits } from './text';
import { lintText, type LintFinding, type LintOptions } from './lint';
import { resolveSettings } from './settings';
import { changesOf, composeChanges, type TextChange } from './fix-changes';

/** Whether two edits [a,b) and [c,d) cannot be applied together. */
function conflicts(a: number, b: number, c: number, d: number): boolean {
  if (a === b && c === d) return a === c; // two insertions at one point: their order (or a shared new header) would be a guess
  if (a === b) return c <= a && a <= d; // an insertion inside or at the edge of a replacement: its side would be a guess
  if (c === d) return a <= c && c <= b;
  return a < d && c < b;
}

/** Picks fixes whose edits do not overlap each other (first come, first kept), in text order. */
export function nonOverlapping(findings: readonly LintFinding[], safeOnly: boolean): LintFinding[] {
  // By the first edit of each fix (a stable sort: ties keep the findings' order), each key computed once.
  const withFix = findings.filter((f) => f.fix && (!safeOnly || f.fix.safe))
    .map((f) => ({ f, at: Math.min(...f.fix!.edits.map((e) => e.start)) }))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.f);
  const taken = new Taken();
  const chosen: LintFinding[] = [];
  for (const f of withFix) {
    const edits = f.fix!.edits;
    if (edits.some((e) => taken.clashes(e.start, e.end))) continue;
    for (const e of edits) taken.add(e.start, e.end);
    chosen.push(f);
  }
  return chosen;
}

/**
 * The edits kept so far, sorted by start: an edit is compared with its neighbours only, not with every kept edit
 * (a script with 8,000 fixable launch lines was quadratic: 16,000 fixes, 4× the file 15.9× the time).
 */
class Taken {
  private starts: number[] = [];
  private ends: number[] = [];
  /** The longest kept edit: one starting further back than this before `a` ends before `a`. */
  private longest = 0;

  /** Whether [a,b) conflicts with a kept edit (every conflicting one starts at or before b and ends at or after a). */
  clashes(a: number, b: number): boolean {
    for (let i = this.upper(b) - 1; i >= 0 && this.starts[i] + this.longest >= a; i--) {
      if (conflicts(a, b, this.starts[i], this.ends[i])) return true;
    }
    return false;
  }

  add(a: number, b: number): void {
    const i = this.upper(a); // after the kept edits starting at a: in order of arrival, as the old list was
    this.starts.splice(i, 0, a);
    this.ends.splice(i, 0, b);
    if (b - a > this.longest) this.longest = b - a;
  }

  /** The number of kept edits starting at or before x. */
  private upper(x: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// Enough for a file with dozens of secrets that all append to one [secrets] table (one per pass).
const MAX_PASSES = 100;

export interface FixResult {
  output: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  passes: number;
  /** Where output differs from the input, over all passes (sorted; equal text between them): --fix-dry-run's diff. */
  changes: TextChange[];
}

/** Applies all (safe) fixes until the file is stable; each pass re-lints, so later fixes see earlier ones. */
export function fixText(fileName: string, text: string, options: LintOptions & { safeOnly?: boolean; only?: (f: LintFinding) => boolean } = {}): FixResult {
  let output = text;
  let applied = 0;
  let passes = 0;
  let changes: TextChange[] = [];
  // The findings cap (maxFindingsPerFile) limits what is shown, not what is fixed: capped, a file with more findings
  // than the cap kept its most severe unfixable ones in view pass after pass and stopped with fixable ones left.
  const settings = options.settings ?? resolveSettings();
  const lintOptions: LintOptions = Object.assign({}, options, { settings: Object.assign({}, settings, { maxFindingsPerFile: Number.MAX_SAFE_INTEGER }) });
  for (; passes < MAX_PASSES; passes++) {
    const found = lintText(fileName, output, lintOptions).findings;
    // `only`: fix just these findings (the CLI's --rule unused-suppression runs every rule but fixes its own).
    const chosen = nonOverlapping(options.only ? found.filter(options.only) : found, options.safeOnly ?? true);
    if (chosen.length === 0) break;
    const edits = chosen.flatMap((f) => f.fix!.edits);
    output = applyEdits(output, edits);
    changes = composeChanges(changes, changesOf(edits));
    applied += chosen.length;
  }
  return { output, applied, passes, changes };
}
