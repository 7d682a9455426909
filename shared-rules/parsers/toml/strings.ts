// The four TOML string forms, scanned strictly and decoded in one pass. Decoding appends whole unescaped chunks
// (not characters) so long strings stay linear. Template text inside a string is stepped over whole (it may hold
// quotes, e.g. `"tcp://{{ template "x" . }}:5672"`) and flags the string as templated.
import type { Source } from './source';
import * as source from './source';
import { Fault } from './source';

// Module-local copies: tsx/CommonJS interop turns imported bindings into getter calls, too slow per character.
const { BSLASH, CR, DQ, LBRACE, LF, SQ, TAB } = source;

export interface ScannedString {
  value: string;
  /** Just past the closing delimiter. */
  end: number;
  /** Content between the delimiters. */
  contentStart: number;
  contentEnd: number;
}

const ESCAPES: Record<number, string> = {
  98: '\b', // b
  116: '\t', // t
  110: '\n', // n
  102: '\f', // f
  114: '\r', // r
  34: '"',
  92: '\\',
};

/** Offsets from which no closing `"""` / `'''` exists: a second unterminated opener fails without rescanning. */
export interface MultilineMemo {
  basicNoClose: number;
  literalNoClose: number;
}

export function newMultilineMemo(): MultilineMemo {
  return { basicNoClose: Infinity, literalNoClose: Infinity };
}

/** Control characters other than tab are not allowed raw in TOML strings. */
function isControl(c: number): boolean {
  return (c < 32 && c !== TAB) || c === 127;
}

function controlFault(s: Source, i: number): Fault {
  return new Fault(i, i + 1, `Control character ${s.describe(i)} must be escaped in a string`);
}

function hexDigits(s: Source, from: number, count: number): number {
  let v = 0;
  for (let k = 0; k < count; k++) {
    const c = s.code(from + k);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 65 && c <= 70) d = c - 55;
    else if (c >= 97 && c <= 102) d = c - 87;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

/** Decodes the escape at `i` (a backslash); returns [text, next offset]. */
function escape(s: Source, i: number): [string, number] {
  const c = s.code(i + 1);
  const simple = ESCAPES[c];
  if (simple !== undefined) return [simple, i + 2];
  if (c === 117 || c === 85) {
    const n = c === 117 ? 4 : 8;
    const cp = hexDigits(s, i + 2, n);
    if (cp < 0) throw new Fault(i, Math.min(i + 2 + n, s.len), `Invalid Unicode escape: \\${s.text[i + 1]} needs ${n} hex digits`);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      throw new Fault(i, i + 2 + n, `Invalid Unicode escape: U+${cp.toString(16).toUpperCase()} is not a Unicode scalar value`);
    }
    return [String.fromCodePoint(cp), i + 2 + n];
  }
  const shown = i + 1 < s.len && c !== LF && c !== CR ? s.text[i + 1] : '';
  throw new Fault(i, Math.min(i + 2, s.len), `Invalid escape sequence '\\${shown}' (use \\\\ for a backslash)`);
}

/** `"…"` at `pos`. */
export function scanBasic(s: Source, pos: number): ScannedString {
  const t = s.text;
  const len = s.len;
  let out = '';
  let chunk = pos + 1;
  let i = chunk;
  while (i < len) {
    const c = t.charCodeAt(i);
    if (c === DQ) return { value: out + t.slice(chunk, i), end: i + 1, contentStart: pos + 1, contentEnd: i };
    if (c === BSLASH) {
      const [str, next] = escape(s, i);
      out += t.slice(chunk, i) + str;
      i = chunk = next;
      continue;
    }
    if (c === LF || c === CR) break;
    if (c === LBRACE) {
      const e = s.tplAt(i);
      if (e >= 0) {
        s.sawTemplate = true;
        i = e;
        continue;
      }
    }
    if (isControl(c)) throw controlFault(s, i);
    i++;
  }
  throw new Fault(pos, i, 'Unterminated string: a "…" string must end on the same line');
}

/** `'…'` at `pos`. */
export function scanLiteral(s: Source, pos: number): ScannedString {
  const t = s.text;
  const len = s.len;
  let i = pos + 1;
  while (i < len) {
    const c = t.charCodeAt(i);
    if (c === SQ) return { value: t.slice(pos + 1, i), end: i + 1, contentStart: pos + 1, contentEnd: i };
    if (c === LF || c === CR) break;
    if (c === LBRACE) {
      const e = s.tplAt(i);
      if (e >= 0) {
        s.sawTemplate = true;
        i = e;
        continue;
      }
    }
    if (isControl(c)) throw controlFault(s, i);
    i++;
  }
  throw new Fault(pos, i, "Unterminated string: a '…' string must end on the same line");
}

/** Skips the newline right after an opening `"""`/`'''` (it is not part of the value). */
function skipFirstBreak(s: Source, i: number): number {
  const c = s.code(i);
  if (c === LF) return i + 1;
  if (c === CR) return s.code(i + 1) === LF ? i + 2 : i + 1;
  return i;
}

/** Counts the quote run at `i` and, when it closes the string (3–5 quotes), returns the run length; else 0. */
function closingRun(s: Source, i: number, q: number): number {
  let n = 0;
  while (s.code(i + n) === q) n++;
  if (n < 3) return 0;
  if (n > 5) throw new Fault(i, i + n, 'Too many quotes: at most two quotes may directly precede the closing delimiter');
  return n;
}

/** `"""…"""` at `pos`. Handles line-ending backslashes (they trim the break and leading blanks of the next line). */
export function scanMultilineBasic(s: Source, pos: number, memo: MultilineMemo): ScannedString {
  if (pos >= memo.basicNoClose) throw new Fault(pos, pos + 3, 'Unterminated multi-line string: missing closing """');
  const t = s.text;
  const len = s.len;
  let i = skipFirstBreak(s, pos + 3);
  let out = '';
  let chunk = i;
  while (i < len) {
    const c = t.charCodeAt(i);
    if (c === DQ) {
      const n = closingRun(s, i, DQ);
      if (n > 0) {
        const contentEnd = i + n - 3;
        return { value: out + t.slice(chunk, contentEnd), end: i + n, contentStart: pos + 3, contentEnd };
      }
      i++;
      continue;
    }
    if (c === BSLASH) {
      let j = i + 1;
      while (t.charCodeAt(j) === 32 || t.charCodeAt(j) === TAB) j++;
      const b = t.charCodeAt(j);
      if (b === LF || b === CR) {
        // Line-ending backslash: drop it and all whitespace/newlines up to the next content.
        out += t.slice(chunk, i);
        while (j < len) {
          const w = t.charCodeAt(j);
          if (w !== 32 && w !== TAB && w !== LF && w !== CR) break;
          j++;
        }
        i = chunk = j;
        continue;
      }
      const [str, next] = escape(s, i);
      out += t.slice(chunk, i) + str;
      i = chunk = next;
      continue;
    }
    if (c === LBRACE) {
      const e = s.tplAt(i);
      if (e >= 0) {
        s.sawTemplate = true;
        i = e;
        continue;
      }
    }
    if (isControl(c) && c !== LF && c !== CR) throw controlFault(s, i);
    i++;
  }
  memo.basicNoClose = Math.min(memo.basicNoClose, pos);
  throw new Fault(pos, pos + 3, 'Unterminated multi-line string: missing closing """');
}

/** `'''…'''` at `pos`. */
export function scanMultilineLiteral(s: Source, pos: number, memo: MultilineMemo): ScannedString {
  if (pos >= memo.literalNoClose) throw new Fault(pos, pos + 3, "Unterminated multi-line string: missing closing '''");
  const t = s.text;
  const len = s.len;
  const start = skipFirstBreak(s, pos + 3);
  let i = start;
  while (i < len) {
    const c = t.charCodeAt(i);
    if (c === SQ) {
      const n = closingRun(s, i, SQ);
      if (n > 0) {
        const contentEnd = i + n - 3;
        return { value: t.slice(start, contentEnd), end: i + n, contentStart: pos + 3, contentEnd };
      }
      i++;
      continue;
    }
    if (c === LBRACE) {
      const e = s.tplAt(i);
      if (e >= 0) {
        s.sawTemplate = true;
        i = e;
        continue;
      }
    }
    if (isControl(c) && c !== LF && c !== CR) throw controlFault(s, i);
    i++;
  }
  memo.literalNoClose = Math.min(memo.literalNoClose, pos);
  throw new Fault(pos, pos + 3, "Unterminated multi-line string: missing closing '''");
}
