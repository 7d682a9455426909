// Shared scanning primitives: character classes, line ends and the template lookup every scanner consults.
// Scanners work on the original text with charCodeAt (no regexes over the file, no copies), so offsets are exact.
import type { Span } from '../../engine/text';

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SP = 32;
export const DQ = 34;
export const HASH = 35;
export const SQ = 39;
export const COMMA = 44;
export const DOT = 46;
export const COLON = 58;
export const EQ = 61;
export const LBRACK = 91;
export const BSLASH = 92;
export const RBRACK = 93;
export const LBRACE = 123;
export const RBRACE = 125;

/** Bare key characters: A-Z a-z 0-9 _ - (TOML 1.0). */
const BARE = new Uint8Array(128);
/** Characters of an unquoted scalar token (numbers, booleans, dates, inf/nan): bare chars plus + . : */
const TOKEN = new Uint8Array(128);
for (let c = 48; c <= 57; c++) BARE[c] = TOKEN[c] = 1;
for (let c = 65; c <= 90; c++) BARE[c] = TOKEN[c] = 1;
for (let c = 97; c <= 122; c++) BARE[c] = TOKEN[c] = 1;
BARE[95] = TOKEN[95] = 1; // _
BARE[45] = TOKEN[45] = 1; // -
TOKEN[43] = TOKEN[DOT] = TOKEN[COLON] = 1;

export const isBare = (c: number): boolean => c < 128 && BARE[c] === 1;
export const isToken = (c: number): boolean => c < 128 && TOKEN[c] === 1;
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Line breaks: LF, and CR (CRLF, or a lone CR, which we tolerate as a break rather than fail the whole line). */
export const isBreak = (c: number): boolean => c === LF || c === CR;

/** A syntax error found by a strict scanner. A plain class, not an Error: throwing it captures no stack. */
export class Fault {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly message: string,
  ) {}
}

/** Thrown by strict scanners on template text where TOML syntax was expected; the caller rescans tolerantly. */
export const TEMPLATE_HIT: unique symbol = Symbol('template-hit');

export class Source {
  readonly len: number;
  /** Set by string scanners when they step over template text (a string containing a template is opaque). */
  sawTemplate = false;
  private readonly noTemplates: boolean;
  /** eol() caches: the first LF / CR at or after `lfFrom` / `crFrom` (-1: none). */
  private lfFrom = Infinity;
  private nextLf = -1;
  private crFrom = Infinity;
  private nextCr = -1;

  /** tplAt() cache: index of the span after the last one found (scanning mostly moves forward). */
  private tplCursor = 0;

  constructor(
    readonly text: string,
    /** Template spans in file order. */
    readonly tplSpans: readonly Span[],
  ) {
    this.len = text.length;
    this.noTemplates = tplSpans.length === 0;
  }

  code(i: number): number {
    return this.text.charCodeAt(i);
  }

  /** End of the template text starting exactly at `i`, or -1. */
  tplAt(i: number): number {
    if (this.noTemplates || this.text.charCodeAt(i) !== LBRACE) return -1;
    const spans = this.tplSpans;
    // Forward scanning asks about the span after the last one found (or that one again); else binary search.
    let k = this.tplCursor;
    if (!(k < spans.length && spans[k].start === i)) {
      if (k > 0 && spans[k - 1].start === i) k--;
      else {
        k = this.firstAtOrAfter(i);
        if (k >= spans.length || spans[k].start !== i) return -1;
      }
    }
    this.tplCursor = k + 1;
    return spans[k].end;
  }

  /** Index of the first span starting at or after `offset`. */
  private firstAtOrAfter(offset: number): number {
    const spans = this.tplSpans;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when template text starts in [a, b). */
  tplIn(a: number, b: number): boolean {
    const k = this.firstAtOrAfter(a);
    return k < this.tplSpans.length && this.tplSpans[k].start < b;
  }

  /** Skips spaces and tabs. */
  skipWs(i: number): number {
    const t = this.text;
    const len = this.len;
    while (i < len) {
      const c = t.charCodeAt(i);
      if (c !== SP && c !== TAB) break;
      i++;
    }
    return i;
  }

  /** Offset of the line break ending the line at `i` (or the text length). Template text (which may span lines) is stepped over. */
  eol(i: number): number {
    const t = this.text;
    const len = this.len;
    if (this.noTemplates) {
      // Fast path (comments are half of a typical file): memchr-speed indexOf for the next LF and the next CR, each
      // cached, so that a file without one of them (or a file of lone CRs) is not rescanned on every line.
      if (this.lfFrom > i || (this.nextLf !== -1 && this.nextLf < i)) {
        this.lfFrom = i;
        this.nextLf = t.indexOf('\n', i);
      }
      if (this.crFrom > i || (this.nextCr !== -1 && this.nextCr < i)) {
        this.crFrom = i;
        this.nextCr = t.indexOf('\r', i);
      }
      const lf = this.nextLf === -1 ? len : this.nextLf;
      return this.nextCr !== -1 && this.nextCr < lf ? this.nextCr : lf;
    }
    while (i < len) {
      const c = t.charCodeAt(i);
      if (c === LF || c === CR) return i;
      if (c === LBRACE && !this.noTemplates) {
        const e = this.tplAt(i);
        if (e >= 0) {
          i = e;
          continue;
        }
      }
      i++;
    }
    return len;
  }

  /** Offset just past the line break at `i` (CRLF counts as one). */
  afterBreak(i: number): number {
    if (i >= this.len) return this.len;
    return this.text.charCodeAt(i) === CR && this.text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }

  /** End of the line's content before `lineEnd`, without trailing blanks, but not before `floor`. */
  trimEnd(lineEnd: number, floor: number): number {
    while (lineEnd > floor) {
      const c = this.text.charCodeAt(lineEnd - 1);
      if (c !== SP && c !== TAB) break;
      lineEnd--;
    }
    return lineEnd;
  }

  /** A span to report an error at `i`: the character there, or the line's last visible character when `i` is at a line end. */
  at(i: number): Span {
    if (i < this.len && !isBreak(this.text.charCodeAt(i))) return { start: i, end: i + 1 };
    let k = i;
    while (k > 0 && (this.text.charCodeAt(k - 1) === SP || this.text.charCodeAt(k - 1) === TAB)) k--;
    if (k > 0 && !isBreak(this.text.charCodeAt(k - 1))) return { start: k - 1, end: k };
    return { start: i, end: i };
  }

  /** The run of non-blank characters at `i` (at least one character when there is one), for "unexpected text" errors. */
  word(i: number): Span {
    let j = i;
    while (j < this.len) {
      const c = this.text.charCodeAt(j);
      if (c === SP || c === TAB || c === LF || c === CR) break;
      j++;
    }
    return j > i ? { start: i, end: j } : this.at(i);
  }

  /** Describes the character at `i` for messages. */
  describe(i: number): string {
    if (i >= this.len) return 'end of file';
    const c = this.text.charCodeAt(i);
    if (isBreak(c)) return 'end of line';
    if (c < 32 || c === 127 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff)) {
      return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    }
    return `'${this.text[i]}'`;
  }
}
