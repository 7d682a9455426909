// What a variable holding JVM flags (JAVA_OPTS, JVM_MEM_OPTS, CMD_LINE_ARGS) contributes to the java command:
// its assigned value split into words the way the JVM receives them, each with its source span.
import type { ShellAssignment, ShellDialect, ShellDocument, ShellWord } from '../../parsers/shell/model';

/** `$VAR` / `${VAR}` (sh) or `%VAR%` / `!VAR!` (batch): the name when the word is only that expansion. */
export function expansionName(word: string, dialect: ShellDialect): string | undefined {
  const m = dialect === 'batch' ? /^(?:%([A-Za-z_][\w.-]*)%|!([A-Za-z_][\w.-]*)!)$/.exec(word) : /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))$/.exec(word);
  return m ? (m[1] ?? m[2]) : undefined;
}

export function dialectOf(doc: ShellDocument): ShellDialect {
  return doc.dialect ?? 'sh';
}

/** Same variable? Batch names are case-insensitive. */
export function sameName(a: string, b: string, dialect: ShellDialect): boolean {
  return dialect === 'batch' ? a.toUpperCase() === b.toUpperCase() : a === b;
}

/**
 * sh: the value after quote removal, split on blanks (an unquoted `$VAR` is word-split, quotes inside
 * the value stay literal). Batch: cmd stores the text as written; the java launcher then splits it on
 * blanks outside `"…"` and drops those quotes.
 */
export function splitValue(text: string, a: ShellAssignment, dialect: ShellDialect): ShellWord[] {
  const { start, end } = a.valueSpan;
  // The value after quote removal, as UTF-16 units with the source offset of each; typed arrays, as values can be long.
  const codes = new Uint16Array(Math.max(0, end - start));
  const offsets = new Int32Array(codes.length);
  let n = 0;
  const push = (c: number, at: number) => {
    codes[n] = c;
    offsets[n++] = at;
  };
  const delimiters: number[] = []; // offsets of the quotes that were removed, ascending
  let quote = '';
  // Every code is the source character at its offset, except a batch quoted blank (NUL): until one is made, a word
  // whose offsets are consecutive is its source text, sliced (no string built from codes per word).
  let marked = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (dialect === 'batch') {
      if (c === '"') {
        quote = quote ? '' : '"';
        delimiters.push(i);
      }
      else if (c === '^' && !quote && i + 1 < end) {
        i++;
        if (text[i] !== '\n' && text[i] !== '\r') push(text.charCodeAt(i), i);
      } else if (quote && isBlank(c.charCodeAt(0))) {
        push(0, i); // NUL marks a quoted blank: not a separator
        marked = true;
      } else push(c.charCodeAt(0), i);
      continue;
    }
    if (quote === "'") {
      if (c === "'") {
        quote = '';
        delimiters.push(i);
      } else push(c.charCodeAt(0), i);
    } else if (c === '\\' && i + 1 < end && (quote === '' || '$`"\\\n'.includes(text[i + 1]))) {
      i++;
      if (text[i] !== '\n') push(text.charCodeAt(i), i);
    } else if ((quote === '' && (c === "'" || c === '"')) || (quote === '"' && c === '"')) {
      quote = quote ? '' : c;
      delimiters.push(i);
    } else push(c.charCodeAt(0), i);
  }
  const words: ShellWord[] = [];
  let k = 0;
  while (k < n) {
    while (k < n && isBlank(codes[k])) k++;
    if (k >= n) break;
    const s = k;
    while (k < n && !isBlank(codes[k])) k++;
    const span = balanceQuotes(offsets[s], offsets[k - 1] + 1, delimiters);
    const plain = !marked && offsets[k - 1] - offsets[s] === k - 1 - s;
    const value = plain ? text.slice(offsets[s], offsets[k - 1] + 1) : fromCodes(codes, s, k);
    words.push({ text: value.includes('\u0000') ? value.replace(/\u0000/g, ' ') : value, raw: text.slice(span.start, span.end), span });
  }
  return words;
}

const BLANK = /\s/;

/** What /\s/ matches, without making a string of every character (the split used to). */
function isBlank(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return BLANK.test(String.fromCharCode(c));
}

function fromCodes(codes: Uint16Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i += 8192) out += String.fromCharCode(...codes.subarray(i, Math.min(to, i + 8192)));
  return out;
}

/** The number of entries of the ascending `sorted` below `x`. */
function below(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Widens a word's span over the removed quote that opens or closes it, so edits never leave a stray quote behind.
 * Quotes inside the span are counted by binary search: a value of thousands of quoted words stays linear.
 */
function balanceQuotes(s: number, e: number, delimiters: readonly number[]): { start: number; end: number } {
  const has = (x: number) => {
    const i = below(delimiters, x);
    return i < delimiters.length && delimiters[i] === x;
  };
  const inside = () => below(delimiters, e) - below(delimiters, s);
  for (let n = 0; n < 2 && inside() % 2 === 1; n++) {
    if (has(e)) e++;
    else if (has(s - 1)) s--;
    else break;
  }
  return { start: s, end: e };
}
