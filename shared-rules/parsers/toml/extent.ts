// Tolerant extent of a value: where a broken or templated value ends, so parsing can resume after it (and not in
// the middle of a multi-line array). Brackets are balanced and strings and templates skipped, without validating
// anything. An unclosed bracket must not swallow the file: a line inside it that looks like a new `key =` or
// `[header]` ends the construct.
import type { MultilineMemo } from './strings';
import type { Source } from './source';
import * as source from './source';

// Module-local copies: tsx/CommonJS interop turns imported bindings into getter calls, too slow per character.
const { BSLASH, CR, DOT, DQ, EQ, HASH, LBRACE, LBRACK, LF, RBRACE, RBRACK, SP, SQ, TAB, isBare } = source;

export interface Extent {
  /** End of the value text (trailing blanks excluded). */
  end: number;
  /** Where the value's line continues: a `#`, a line break, or the end of the text. */
  next: number;
}

/** Does the line starting (after blanks) at `i` look like `key =`, `a.b =` or a `[table]` header? */
export function looksLikeStatement(s: Source, i: number): boolean {
  const c = s.code(i);
  if (c === LBRACK) {
    const d = s.code(s.skipWs(i + 1));
    return d === LBRACK || (isBare(d) && !(d >= 48 && d <= 57) && d !== 45);
  }
  let j = i;
  for (;;) {
    const k = j;
    while (j < s.len && isBare(s.code(j))) j++;
    if (j === k) return false;
    j = s.skipWs(j);
    if (s.code(j) === EQ) return true;
    if (s.code(j) !== DOT) return false;
    j = s.skipWs(j + 1);
  }
}

/** Skips a string of any kind at `i` without validating it; stops at the line end if it is unterminated. */
function skipString(s: Source, i: number, memo: MultilineMemo): number {
  const q = s.code(i);
  const t = s.text;
  if (s.code(i + 1) === q && s.code(i + 2) === q) {
    const noClose = q === DQ ? memo.basicNoClose : memo.literalNoClose;
    if (i < noClose) {
      const close = q === DQ ? '"""' : "'''";
      let j = i + 3;
      for (;;) {
        const k = t.indexOf(close, j);
        if (k === -1) break;
        // A `\"""` only escapes its first quote; count preceding backslashes for basic strings.
        let b = 0;
        if (q === DQ) while (t.charCodeAt(k - 1 - b) === BSLASH) b++;
        if (b % 2 === 0) {
          let e = k + 3;
          while (t.charCodeAt(e) === q && e < k + 5) e++;
          return e;
        }
        j = k + 1;
      }
      if (q === DQ) memo.basicNoClose = Math.min(memo.basicNoClose, i);
      else memo.literalNoClose = Math.min(memo.literalNoClose, i);
    }
    return s.eol(i + 3);
  }
  let j = i + 1;
  while (j < s.len) {
    const c = t.charCodeAt(j);
    if (c === q) return j + 1;
    if (c === LF || c === CR) return j;
    if (c === BSLASH && q === DQ) {
      const n = t.charCodeAt(j + 1);
      j += n === LF || n === CR ? 1 : 2;
      continue;
    }
    if (c === LBRACE) {
      const e = s.tplAt(j);
      if (e >= 0) {
        j = e;
        continue;
      }
    }
    j++;
  }
  return j;
}

export function valueExtent(s: Source, start: number, memo: MultilineMemo): Extent {
  const t = s.text;
  let depth = 0;
  let i = start;
  let end = start;
  while (i < s.len) {
    const c = t.charCodeAt(i);
    if (c === LF || c === CR) {
      if (depth <= 0) break;
      const next = s.afterBreak(i);
      if (looksLikeStatement(s, s.skipWs(next))) break;
      i = next;
      continue;
    }
    if (c === HASH) {
      if (depth <= 0) break;
      i = s.eol(i);
      continue;
    }
    if (c === LBRACE) {
      const e = s.tplAt(i);
      if (e >= 0) {
        i = end = e;
        continue;
      }
    }
    if (c === DQ || c === SQ) {
      i = end = skipString(s, i, memo);
      continue;
    }
    if (c === LBRACK || c === LBRACE) depth++;
    else if (c === RBRACK || c === RBRACE) depth--;
    i++;
    if (c !== SP && c !== TAB) end = i;
  }
  return { end, next: i };
}
