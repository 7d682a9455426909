// A small unified-diff generator (Myers' O(ND) algorithm) for --fix-dry-run; git apply / patch -p1 accept it.
// Lines are shown through `show` so secret values can be masked; the edit script is computed on the real text.
import type { Paint } from './color';

type Op = [kind: ' ' | '-' | '+', a: number, b: number];

interface Lines {
  lines: string[];
  /** False when the text does not end with a line break ("\ No newline at end of file"). */
  eol: boolean;
}

function split(text: string): Lines {
  if (text === '') return { lines: [], eol: true };
  const lines = text.split('\n');
  const eol = lines[lines.length - 1] === '';
  if (eol) lines.pop();
  return { lines, eol };
}

/** The shortest edit script between a and b as ops over line indexes. */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = n === 0 && m === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const mid: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const px = vd[max + prevK];
    const py = px - prevK;
    while (x > px && y > py) mid.push([' ', pre + --x, pre + --y]);
    if (d > 0) {
      if (x === px) mid.push(['+', pre + x, pre + --y]);
      else mid.push(['-', pre + --x, pre + y]);
    }
  }
  mid.reverse();
  const ops: Op[] = [];
  for (let i = 0; i < pre; i++) ops.push([' ', i, i]);
  ops.push(...mid);
  for (let i = 0; i < suf; i++) ops.push([' ', a.length - suf + i, b.length - suf + i]);
  return ops;
}

export interface DiffOptions {
  context?: number;
  /** How to show line i of the old / new text (masking); defaults to the line itself. */
  showOld?: (i: number) => string;
  showNew?: (i: number) => string;
  paint?: Paint;
}

/** A unified diff of one file, or '' when the texts are equal. Names are shown as a/<name> and b/<name>. */
export function unifiedDiff(oldText: string, newText: string, name: string, o: DiffOptions = {}): string {
  if (oldText === newText) return '';
  const A = split(oldText);
  const B = split(newText);
  // A missing final newline is a difference of the last line: compare with a marker so it shows up.
  const a = A.lines.map((l, i) => (i === A.lines.length - 1 && !A.eol ? `${l}\u0000` : l));
  const b = B.lines.map((l, i) => (i === B.lines.length - 1 && !B.eol ? `${l}\u0000` : l));
  const ops = diffLines(a, b);
  const ctx = o.context ?? 3;
  const paint = o.paint ?? ((_s, t) => t);
  const showOld = o.showOld ?? ((i) => A.lines[i]);
  const showNew = o.showNew ?? ((i) => B.lines[i]);
  const out = [paint('bold', `--- a/${name}`), paint('bold', `+++ b/${name}`)];
  const changed = ops.map((op, i) => (op[0] !== ' ' ? i : -1)).filter((i) => i >= 0);
  let h = 0;
  while (h < changed.length) {
    // Group changes whose context windows touch into one hunk.
    let end = h;
    while (end + 1 < changed.length && changed[end + 1] - changed[end] <= 2 * ctx) end++;
    const from = Math.max(0, changed[h] - ctx);
    const to = Math.min(ops.length - 1, changed[end] + ctx);
    const slice = ops.slice(from, to + 1);
    const oldCount = slice.filter((op) => op[0] !== '+').length;
    const newCount = slice.filter((op) => op[0] !== '-').length;
    const oldStart = slice.find((op) => op[0] !== '+')?.[1] ?? slice[0][1];
    const newStart = slice.find((op) => op[0] !== '-')?.[2] ?? slice[0][2];
    out.push(paint('cyan', `@@ -${oldCount ? oldStart + 1 : oldStart},${oldCount} +${newCount ? newStart + 1 : newStart},${newCount} @@`));
    for (const [kind, ai, bi] of slice) {
      const text = kind === '+' ? showNew(bi) : showOld(ai);
      out.push(kind === '-' ? paint('red', `-${text}`) : kind === '+' ? paint('green', `+${text}`) : ` ${text}`);
      const last = kind === '+' ? bi === B.lines.length - 1 && !B.eol : ai === A.lines.length - 1 && !A.eol;
      if (last) out.push('\\ No newline at end of file');
    }
    h = end + 1;
  }
  return out.join('\n') + '\n';
}
