// Applying fixes to a whole file: non-overlapping ones in one pass, repeated until nothing changes (as ESLint does).
import { applyEdits } from './text';
import { lintText, type LintFinding, type LintOptions } from './lint';

/** Whether two edits [a,b) and [c,d) cannot be applied together. */
function conflicts(a: number, b: number, c: number, d: number): boolean {
  if (a === b && c === d) return a === c; // two insertions at one point: their order (or a shared new header) would be a guess
  if (a === b) return c <= a && a <= d; // an insertion inside or at the edge of a replacement: its side would be a guess
  if (c === d) return a <= c && c <= b;
  return a < d && c < b;
}

/** Picks fixes whose edits do not overlap each other (first come, first kept), in text order. */
export function nonOverlapping(findings: readonly LintFinding[], safeOnly: boolean): LintFinding[] {
  const withFix = findings.filter((f) => f.fix && (!safeOnly || f.fix.safe));
  withFix.sort((a, b) => Math.min(...a.fix!.edits.map((e) => e.start)) - Math.min(...b.fix!.edits.map((e) => e.start)));
  const taken: Array<[number, number]> = [];
  const chosen: LintFinding[] = [];
  for (const f of withFix) {
    const edits = f.fix!.edits;
    const clash = edits.some((e) => taken.some(([s, t]) => conflicts(e.start, e.end, s, t)));
    if (clash) continue;
    for (const e of edits) taken.push([e.start, e.end]);
    chosen.push(f);
  }
  return chosen;
}

// Enough for a file with dozens of secrets that all append to one [secrets] table (one per pass).
const MAX_PASSES = 100;

export interface FixResult {
  output: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  passes: number;
}

/** Applies all (safe) fixes until the file is stable; each pass re-lints, so later fixes see earlier ones. */
export function fixText(fileName: string, text: string, options: LintOptions & { safeOnly?: boolean; only?: (f: LintFinding) => boolean } = {}): FixResult {
  let output = text;
  let applied = 0;
  let passes = 0;
  for (; passes < MAX_PASSES; passes++) {
    const found = lintText(fileName, output, options).findings;
    // `only`: fix just these findings (the CLI's --rule unused-suppression runs every rule but fixes its own).
    const chosen = nonOverlapping(options.only ? found.filter(options.only) : found, options.safeOnly ?? true);
    if (chosen.length === 0) break;
    output = applyEdits(output, chosen.flatMap((f) => f.fix!.edits));
    applied += chosen.length;
  }
  return { output, applied, passes };
}
