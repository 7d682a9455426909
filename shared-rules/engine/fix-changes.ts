// Where fixText changed a text, in offsets of the text before and after all its passes. --fix-dry-run builds its
// diff from these (cli/src/diff-regions.ts) instead of searching for the changed lines, which costs the length
// times the number of changes (a script whose thousands of launch lines all get a fix).
import type { OffsetEdit } from './text';

/** Old text [oldStart, oldEnd) became new text [newStart, newEnd); the texts between two changes are equal. */
export interface TextChange {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** The changes of one applyEdits call (non-overlapping edits, any order), sorted as applyEdits applies them. */
export function changesOf(edits: readonly OffsetEdit[]): TextChange[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let delta = 0;
  return sorted.map((e) => {
    const c = { oldStart: e.start, oldEnd: e.end, newStart: e.start + delta, newEnd: e.start + delta + e.newText.length };
    delta += e.newText.length - (e.end - e.start);
    return c;
  });
}

/**
 * `a` took t0 to t1 and `b` took t1 to t2: the changes from t0 to t2. Changes of either that overlap or touch in t1
 * become one; a point of t1 outside them maps back through a and forward through b by the sums of the changes
 * before it. One merge over both lists (each sorted).
 */
export function composeChanges(a: readonly TextChange[], b: readonly TextChange[]): TextChange[] {
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const out: TextChange[] = [];
  let i = 0;
  let j = 0;
  let deltaA = 0; // t1 − t0 after the changes of a consumed so far
  let deltaB = 0; // t2 − t1 after the changes of b consumed so far
  while (i < a.length || j < b.length) {
    // A group starts at the earlier of the next changes (a's by its t1 side, b's by its own).
    const fromA = j >= b.length || (i < a.length && a[i].newStart <= b[j].oldStart);
    const start = fromA ? a[i].newStart : b[j].oldStart;
    const oldStart = start - deltaA;
    const newStart = start + deltaB;
    let end = start;
    for (;;) {
      if (i < a.length && a[i].newStart <= end) {
        end = Math.max(end, a[i].newEnd);
        deltaA += (a[i].newEnd - a[i].newStart) - (a[i].oldEnd - a[i].oldStart);
        i++;
      } else if (j < b.length && b[j].oldStart <= end) {
        end = Math.max(end, b[j].oldEnd);
        deltaB += (b[j].newEnd - b[j].newStart) - (b[j].oldEnd - b[j].oldStart);
        j++;
      } else break;
    }
    out.push({ oldStart, oldEnd: end - deltaA, newStart, newEnd: end + deltaB });
  }
  return out;
}
