// The hunks of a diff whose changed lines are known (the fixes' changes, fix-changes.ts), in time linear in the
// texts: jsdiff's Myers diff costs the length times the number of changed lines, and is run here only inside each
// changed region, bounded by `maxEdits`; a region past the bound shows its old lines as `-` and its new lines as
// `+`. The hunks are assembled as jsdiff's structuredPatch assembles them (same context merging, same
// "\ No newline" markers), so the caller treats them alike.
import { diffArrays } from 'diff';
import type { TextChange } from '../../shared-rules/engine/fix-changes';

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

/** A text's lines as jsdiff's diffLines sees them: each with its "\n" (a "\r" before it stays in the line). */
interface Lines {
  text: string;
  /** starts[i] is where line i begins; starts[count] is the text's length. */
  starts: number[];
  count: number;
}

function linesOf(text: string): Lines {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  if (starts[starts.length - 1] !== text.length) starts.push(text.length);
  return { text, starts, count: starts.length - 1 };
}

const line = (l: Lines, i: number) => l.text.slice(l.starts[i], l.starts[i + 1]);
const lines = (l: Lines, from: number, to: number) => Array.from({ length: to - from }, (_x, i) => line(l, from + i));

/** Lines [a0, a1) of the old text became lines [b0, b1) of the new one. */
interface Region { a0: number; a1: number; b0: number; b1: number }

/** The line holding offset `pos`, found from `from` on (callers ask in increasing order); the end of an unterminated last line is on that line. */
function lineAt(l: Lines, pos: number, from: number): number {
  let i = from;
  while (i < l.count && l.starts[i + 1] <= pos) i++;
  return i === l.count && pos === l.text.length && l.count > 0 && !l.text.endsWith('\n') ? l.count - 1 : i;
}

/**
 * The changed line regions of the changes (sorted, as fixText gives them), overlapping or adjacent ones merged so
 * that a run of changed lines is one region, as a diff shows it. Undefined when the changes do not account for
 * every difference (the texts between regions must be equal line for line): the caller then falls back on one
 * region, so a wrong change list can cost a larger hunk but never a wrong patch.
 */
function regionsOf(a: Lines, b: Lines, changes: readonly TextChange[]): Region[] | undefined {
  const out: Region[] = [];
  let ia = 0;
  let ib = 0;
  // A region ends with the line its last change ends on (that line's rest is unchanged, as no other change starts
  // on it): a change ending where a line starts on both sides leaves that line alone.
  const close = (r: Region, c: TextChange, a0: number, b0: number) => {
    const ea = lineAt(a, c.oldEnd, a0); // from the change's own first line: a region of many changes is scanned once
    const eb = lineAt(b, c.newEnd, b0);
    const both = (ea === a.count || a.starts[ea] === c.oldEnd) && (eb === b.count || b.starts[eb] === c.newEnd);
    r.a1 = both ? ea : Math.min(ea + 1, a.count);
    r.b1 = both ? eb : Math.min(eb + 1, b.count);
  };
  for (const c of changes) {
    const a0 = (ia = lineAt(a, c.oldStart, ia));
    const b0 = (ib = lineAt(b, c.newStart, ib));
    const last = out[out.length - 1];
    // A change starting on (or right after) the region's last line, on either side, belongs to the region.
    if (last && (a0 <= last.a1 || b0 <= last.b1)) close(last, c, a0, b0);
    else {
      const r = { a0, b0, a1: a0, b1: b0 };
      close(r, c, a0, b0);
      out.push(r);
    }
  }
  // Every stretch between regions must be the same lines on both sides.
  let pa = 0;
  let pb = 0;
  for (const r of [...out, { a0: a.count, b0: b.count, a1: a.count, b1: b.count }]) {
    if (r.a0 < pa || r.b0 < pb || r.a0 - pa !== r.b0 - pb) return undefined;
    if (a.text.slice(a.starts[pa], a.starts[r.a0]) !== b.text.slice(b.starts[pb], b.starts[r.b0])) return undefined;
    pa = r.a1;
    pb = r.b1;
  }
  return out;
}

/** The changed line regions of `changes` between two texts, undefined if they miss a difference (for tests). */
export const changedRegions = (oldText: string, newText: string, changes: readonly TextChange[]) => regionsOf(linesOf(oldText), linesOf(newText), changes);

/** One region: every line. */
const wholeRegion = (a: Lines, b: Lines): Region => ({ a0: 0, a1: a.count, b0: 0, b1: b.count });

/** A run of lines: kept (' ', from both texts alike), removed ('-', old text) or added ('+', new text). */
interface Run { kind: ' ' | '-' | '+'; at: number; count: number }

function runsOf(a: Lines, b: Lines, regions: readonly Region[], maxEdits: number): Run[] {
  const runs: Run[] = [];
  const push = (kind: Run['kind'], at: number, count: number) => {
    if (count === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.kind === kind && last.at + last.count === at) last.count += count;
    else runs.push({ kind, at, count });
  };
  let pa = 0;
  for (const r of regions) {
    push(' ', pa, r.a0 - pa);
    let { a0, a1, b0, b1 } = r;
    // The common first lines, as jsdiff's first snake takes them (so the diff below is jsdiff's over the region).
    while (a0 < a1 && b0 < b1 && line(a, a0) === line(b, b0)) push(' ', a0++, 1), b0++;
    const parts = diffArrays(lines(a, a0, a1), lines(b, b0, b1), { maxEditLength: maxEdits });
    if (parts) {
      for (const p of parts) {
        const n = p.count ?? p.value.length;
        if (p.removed) push('-', a0, n), (a0 += n);
        else if (p.added) push('+', b0, n), (b0 += n);
        else push(' ', a0, n), (a0 += n), (b0 += n);
      }
    } else {
      // Past the bound: the common last lines stay context, all others are removed and added.
      let tail = 0;
      while (a1 > a0 && b1 > b0 && line(a, a1 - 1) === line(b, b1 - 1)) a1--, b1--, tail++;
      push('-', a0, a1 - a0);
      push('+', b0, b1 - b0);
      push(' ', a1, tail);
    }
    pa = r.a1;
  }
  push(' ', pa, a.count - pa);
  return runs;
}

/** The hunks, as structuredPatch builds them from diffLines' runs (diff 9.0, patch/create.js). */
function hunksOf(a: Lines, b: Lines, runs: readonly Run[], context: number): Hunk[] {
  const text = (r: Run, i: number) => (r.kind === '+' ? line(b, r.at + i) : line(a, r.at + i));
  const hunks: Hunk[] = [];
  let oldRangeStart = 0;
  let newRangeStart = 0;
  let cur: string[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (let i = 0; i <= runs.length; i++) {
    const r = runs[i] ?? { kind: ' ', at: 0, count: 0 }; // an empty kept run closes the last hunk
    if (r.kind !== ' ') {
      if (!oldRangeStart) {
        oldRangeStart = oldLine;
        newRangeStart = newLine;
        const prev = runs[i - 1];
        if (prev) {
          const n = Math.min(context, prev.count);
          for (let k = prev.count - n; k < prev.count; k++) cur.push(' ' + text(prev, k));
          oldRangeStart -= n;
          newRangeStart -= n;
        }
      }
      for (let k = 0; k < r.count; k++) cur.push(r.kind + text(r, k));
      if (r.kind === '+') newLine += r.count;
      else oldLine += r.count;
    } else {
      if (oldRangeStart) {
        if (r.count <= context * 2 && i < runs.length - 1) {
          for (let k = 0; k < r.count; k++) cur.push(' ' + text(r, k));
        } else {
          const n = Math.min(r.count, context);
          for (let k = 0; k < n; k++) cur.push(' ' + text(r, k));
          hunks.push({ oldStart: oldRangeStart, oldLines: oldLine - oldRangeStart + n, newStart: newRangeStart, newLines: newLine - newRangeStart + n, lines: cur });
          oldRangeStart = 0;
          newRangeStart = 0;
          cur = [];
        }
      }
      oldLine += r.count;
      newLine += r.count;
    }
  }
  for (const h of hunks) {
    const shown: string[] = [];
    for (const l of h.lines) {
      if (l.endsWith('\n')) shown.push(l.slice(0, -1));
      else shown.push(l, '\\ No newline at end of file');
    }
    h.lines = shown;
  }
  return hunks;
}

/**
 * The hunks from old to new text with `context` lines, in time linear in the texts and the changes. `changes` says
 * where they differ (fixText's); without them, or when they miss a difference, the whole file is one region.
 */
export function regionHunks(oldText: string, newText: string, changes: readonly TextChange[] | undefined, context: number, maxEdits: number): Hunk[] {
  const a = linesOf(oldText);
  const b = linesOf(newText);
  const regions = (changes && regionsOf(a, b, changes)) ?? [wholeRegion(a, b)];
  return hunksOf(a, b, runsOf(a, b, regions, maxEdits), context);
}
