// Applying fixes to a whole file: non-overlapping ones in one pass, repeated until nothing changes (as ESLint does).
import { applyEdits } from './text';
import { lintText, type LintFinding, type LintOptions } from './lint';

/** Picks fixes whose edits do not overlap each other (first come, first kept), in text order. */
export function nonOverlapping(findings: readonly LintFinding[], safeOnly: boolean): LintFinding[] {
  const withFix = findings.filter((f) => f.fix && (!safeOnly || f.fix.safe));
  withFix.sort((a, b) => Math.min(...a.fix!.edits.map((e) => e.start)) - Math.min(...b.fix!.edits.map((e) => e.start)));
  const taken: Array<[number, number]> = [];
  const chosen: LintFinding[] = [];
  for (const f of withFix) {
    const edits = f.fix!.edits;
    // Two insertions at the same offset also conflict: their order would be a guess.
    const clash = edits.some((e) => taken.some(([s, t]) => (e.start < t && s < e.end) || (e.start === s && (e.start === e.end || s === t))));
    if (clash) continue;
    for (const e of edits) taken.push([e.start, e.end]);
    chosen.push(f);
  }
  return chosen;
}

export interface FixResult {
  output: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  passes: number;
}

/** Applies all (safe) fixes until the file is stable or 10 passes have run. */
export function fixText(fileName: string, text: string, options: LintOptions & { safeOnly?: boolean } = {}): FixResult {
  let output = text;
  let applied = 0;
  let passes = 0;
  for (; passes < 10; passes++) {
    const chosen = nonOverlapping(lintText(fileName, output, options).findings, options.safeOnly ?? true);
    if (chosen.length === 0) break;
    output = applyEdits(output, chosen.flatMap((f) => f.fix!.edits));
    applied += chosen.length;
  }
  return { output, applied, passes };
}
