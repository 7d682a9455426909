// Offsets are what parsers and rules work with (cheap); LSP positions are computed once, at the edge.

/** Half-open range of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** Zero-based LSP position (line, UTF-16 character). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** An edit in offsets; the engine turns it into an LSP TextEdit. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** Maps offsets to positions with a binary search over line starts (one pass to build). */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    // Line breaks as LSP counts them (and editors show them): LF, CRLF and a lone CR.
    // indexOf jumps between breaks (this runs on every lint); a file without CR looks for one once.
    const starts = [0];
    let n = text.indexOf('\n');
    let r = text.indexOf('\r');
    while (n !== -1 || r !== -1) {
      if (r !== -1 && (n === -1 || r < n)) {
        if (r + 1 !== n) starts.push(r + 1); // a CR of a CRLF starts no line; the LF does
        r = text.indexOf('\r', r + 1);
      } else {
        starts.push(n + 1);
        n = text.indexOf('\n', n + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const lineEnd = pos.line + 1 < this.lineStarts.length ? this.lineStarts[pos.line + 1] : this.text.length;
    return Math.min(this.lineStarts[pos.line] + Math.max(0, pos.character), lineEnd);
  }

  range(s: Span): Range {
    return { start: this.positionAt(s.start), end: this.positionAt(s.end) };
  }

  /** Offset of the start of the line containing `offset`. */
  lineStartOf(offset: number): number {
    return this.lineStarts[this.positionAt(offset).line];
  }

  /** Offset just past the line's text (before its line break) for the line containing `offset`. */
  lineEndOf(offset: number): number {
    const line = this.positionAt(offset).line;
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    if (end > 0 && this.text[end - 1] === '\r' && end - 1 >= this.lineStarts[line]) end--;
    return end;
  }
}

/** Applies non-overlapping edits (any order) to text. Throws on overlap: callers must not combine them. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

// Rules ask once per fix, so a file with thousands of fixable findings would be scanned as often: the last answer is kept.
let eolText: string | undefined;
let eolAnswer = '\n';

/** The line break a file uses, so inserted lines match it. */
export function eolOf(text: string): string {
  if (text === eolText) return eolAnswer;
  eolAnswer = findEol(text);
  eolText = text;
  return eolAnswer;
}

function findEol(text: string): string {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  // A CR that is not part of a CRLF comes first: the file uses lone CRs (old Mac style; Java properties accept them).
  if (r !== -1 && (n === -1 || r < n - 1)) return '\r';
  return n > 0 && text[n - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Offset of the start of the line holding `offset`, for any of LF, CRLF and lone-CR line breaks. Walks back over
 * one line only (`lastIndexOf('\r')` in an LF file ran back to the start of the file, every call).
 */
export function lineStartAt(text: string, offset: number): number {
  let i = Math.min(offset, text.length) - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i + 1;
}

/** Whether the text ends with a line break (a regex `$` test tries every position of the text first). */
export function endsWithBreak(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 10 || c === 13;
}

/**
 * Start of the line holding `offset`, moved up over the `#` comment lines directly above it (they describe what
 * follows, so they move or stay with it). A byte-order mark stays the file's, not the block's.
 */
export function blockStart(text: string, offset: number): number {
  let start = lineStartAt(text, offset);
  while (start > 0) {
    // Step over the line break ending the line above (CRLF is one break), then find that line's start.
    const brk = start - 1;
    const prev = lineStartAt(text, text.charCodeAt(brk) === 10 && text.charCodeAt(brk - 1) === 13 ? brk - 1 : brk);
    if (!text.slice(prev, start).trimStart().startsWith('#')) break;
    start = prev;
  }
  return start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
}
