// The unified diff --fix-dry-run prints: hunks from jsdiff (`diff`, see docs/decisions.md), shown with secret values
// masked. A masked line no longer matches the file, so a hunk must never carry one as a line `git apply` checks:
// masked context at a hunk's edges is trimmed, and a hunk that still holds a masked line (a change to a line with a
// secret) is withheld from the patch — printed before the file's header as `#` comment lines, both sides masked the
// same way — so the patch always applies, and `--fix` applies everything.
// jsdiff's cost is the length times the changed lines: it is given up past MAX_EDITS changed lines, and the hunks
// are then built from the fixes' changes (diff-regions.ts), in time linear in the file and its changes.
import { structuredPatch } from 'diff';
import type { Paint } from './color';
import { regionHunks } from './diff-regions';
import type { TextChange } from '../../shared-rules/engine/fix-changes';

/**
 * Up to this many changed lines (removed + added) a whole-file jsdiff diff is printed, as before the bound: every
 * file --fix changes in practice. Its cost below the bound is at most the file's lines times this.
 */
export const MAX_EDITS = 200;

export interface DiffOptions {
  context?: number;
  /** How to show line i of the old / new text (masking); defaults to the line itself. */
  showOld?: (i: number) => string;
  showNew?: (i: number) => string;
  paint?: Paint;
  /** Where the texts differ (fixText's changes): past MAX_EDITS the hunks are built from these in linear time. */
  changes?: readonly TextChange[];
  /** MAX_EDITS unless a test asks for another bound. */
  maxEdits?: number;
}

export interface FileDiff {
  /** Comment lines (each starting with "# ") for withheld hunks, then the applicable patch of the file ('' if none). */
  text: string;
  /** How many hunks were withheld because they change or border a line holding a secret. */
  withheld: number;
}

type Kind = ' ' | '-' | '+' | '\\';
interface Row {
  kind: Kind;
  /** Line index in the old (' ', '-') or new ('+') text. */
  at: number;
  line: string;
  /** Old and new lines before this row (for a trimmed hunk's header). */
  oBefore: number;
  nBefore: number;
}

const NO_EOL = '\\ No newline at end of file';

/** Index of the last removed or added row, -1 if none. */
function lastChangeIn(rows: readonly Row[]): number {
  let i = rows.length - 1;
  while (i >= 0 && rows[i].kind !== '-' && rows[i].kind !== '+') i--;
  return i;
}

/** A unified diff of one file, or '' when the texts are equal. Names are shown as a/<name> and b/<name>. */
export function unifiedDiff(oldText: string, newText: string, name: string, o: DiffOptions = {}): string {
  return fileDiff(oldText, newText, name, o).text;
}

export function fileDiff(oldText: string, newText: string, name: string, o: DiffOptions = {}): FileDiff {
  if (oldText === newText) return { text: '', withheld: 0 };
  const paint = o.paint ?? ((_s, t) => t);
  const showOld = o.showOld ?? ((i: number) => undefined);
  const showNew = o.showNew ?? ((i: number) => undefined);
  const context = o.context ?? 3;
  const maxEdits = o.maxEdits ?? MAX_EDITS;
  const whole = structuredPatch(`a/${name}`, `b/${name}`, oldText, newText, '', '', { context, maxEditLength: maxEdits });
  const fileHunks = whole ? whole.hunks : regionHunks(oldText, newText, o.changes, context, maxEdits);
  const oldCount = oldText === '' ? 0 : oldText.split('\n').length - (oldText.endsWith('\n') ? 1 : 0);
  const hunks: string[] = [];
  const withheld: string[] = [];
  for (const h of fileHunks) {
    let oi = h.oldStart - 1;
    let ni = h.newStart - 1;
    // One object per row, built in place (no spread copy): a diff of thousands of hunks makes less garbage.
    const rows: Row[] = h.lines.map((l) => {
      const row: Row = { kind: l[0] as Kind, at: -1, line: l.slice(1), oBefore: oi, nBefore: ni };
      if (row.kind === '+') row.at = ni++;
      else if (row.kind === '-') row.at = oi++;
      else if (row.kind === ' ') {
        ni++;
        row.at = oi++;
      }
      return row;
    });
    const shown = (r: Row) => (r.kind === '\\' ? r.line : ((r.kind === '+' ? showNew(r.at) : showOld(r.at)) ?? r.line));
    const masked = (r: Row) => r.kind !== '\\' && shown(r) !== r.line;
    // Trim context at the edges back to the nearest masked line (exclusive).
    let from = 0;
    let to = rows.length; // exclusive
    for (let i = 0; i < rows.length && rows[i].kind === ' '; i++) if (masked(rows[i])) from = i + 1;
    const lastChange = lastChangeIn(rows);
    for (let i = rows.length - 1; i > lastChange; i--) if (rows[i].kind === ' ' && masked(rows[i])) to = i;
    // A "\ No newline" marker belongs to the line before it: keep it only with that line.
    while (to > from && to < rows.length && rows[to].kind === '\\') to++;
    const kept = rows.slice(from, to);
    const oldRows = kept.filter((r) => r.kind === ' ' || r.kind === '-');
    const lastOld = oldRows.length ? oldRows[oldRows.length - 1].at : h.oldStart - 2;
    // git requires a hunk without trailing context to end at the end of the file.
    const trailing = kept.length - 1 - lastChangeIn(kept);
    const trailingContext = kept.slice(kept.length - trailing).filter((r) => r.kind === ' ').length;
    const endsFile = lastOld >= oldCount - 1;
    if (kept.some(masked) || (trailingContext === 0 && !endsFile)) {
      withheld.push(`# @@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@ (not in the patch: it touches a line holding a secret)`);
      for (const r of rows) withheld.push(`# ${r.kind === '\\' ? '' : r.kind}${shown(r)}`); // a loop: a hunk of every line would overflow push(...spread)
      continue;
    }
    const oLines = oldRows.length;
    const nLines = kept.filter((r) => r.kind === ' ' || r.kind === '+').length;
    // GNU convention: an empty side names the line before it (0 at the top).
    const oPos = kept[0].oBefore + (oLines ? 1 : 0);
    const nPos = kept[0].nBefore + (nLines ? 1 : 0);
    hunks.push(paint('cyan', `@@ -${oPos},${oLines} +${nPos},${nLines} @@`));
    for (const r of kept) {
      if (r.kind === '\\') hunks.push(NO_EOL);
      else if (r.kind === '-') hunks.push(paint('red', `-${shown(r)}`));
      else if (r.kind === '+') hunks.push(paint('green', `+${shown(r)}`));
      else hunks.push(` ${shown(r)}`);
    }
  }
  const head = withheld.length ? [`# ${name}: ${withheld.filter((l) => l.startsWith('# @@')).length} change(s) not in the patch below (a line holding a secret); --fix applies them`, ...withheld] : [];
  const body = hunks.length ? [paint('bold', `--- a/${name}`), paint('bold', `+++ b/${name}`), ...hunks] : [];
  const lines = [...head, ...body];
  return { text: lines.length ? lines.join('\n') + '\n' : '', withheld: head.length ? withheld.filter((l) => l.startsWith('# @@')).length : 0 };
}
