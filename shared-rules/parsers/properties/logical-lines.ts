// java.util.Properties.LineReader: splits text into comments and logical lines (continuations joined),
// keeping, for each logical line, where its pieces came from so spans can point back into the text.
// Mirrors the JDK's quirks: a line that is empty after joining (`\` alone) is no line, and a `#`/`!`
// right after such an empty start is still a comment.

/** One physical piece of a logical line: `text.slice(start, end)` (continuation backslash and indent removed). */
export interface Segment {
  start: number;
  end: number;
}

export type LineEvent =
  | { kind: 'comment'; start: number; end: number }
  | { kind: 'line'; segments: Segment[] };

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 12; // space, tab, form feed
const isEol = (c: number): boolean => c === 10 || c === 13;

/**
 * Offset of the line terminator at or after `i` (or text.length), for positions that never move back: the next LF
 * and CR are searched with indexOf (a memchr) and kept until passed, so the text is searched once in all. A loop
 * over the characters was a tenth of a log4j2.properties lint.
 */
class EolFinder {
  private lf = -1;
  private cr = -1;

  constructor(private readonly text: string) {}

  from(i: number): number {
    const t = this.text;
    if (this.lf !== t.length && this.lf < i) this.lf = next(t, '\n', i);
    if (this.cr !== t.length && this.cr < i) this.cr = next(t, '\r', i);
    return Math.min(this.lf, this.cr);
  }
}

function next(text: string, ch: string, i: number): number {
  const at = text.indexOf(ch, i);
  return at < 0 ? text.length : at;
}

/** Offset just past the terminator at `i` (`\r\n` counts as one). */
function afterEol(text: string, i: number): number {
  return text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
}

/** Drops pieces that contribute no characters (keeps one so the line still has a position). */
function nonEmpty(segs: Segment[]): Segment[] {
  if (segs.length === 1) return segs; // the usual single-line entry
  const kept = segs.filter((s) => s.end > s.start);
  return kept.length > 0 ? kept : [segs[segs.length - 1]];
}

export function logicalLines(text: string): LineEvent[] {
  const events: LineEvent[] = [];
  const n = text.length;
  // A BOM is not skipped: java.util.Properties (ISO-8859-1, as log4j2 loads the file) reads it as part of the first
  // line, so a first comment becomes a key and a first key gets another name. parseProperties reports it.
  let i = 0;
  let segments: Segment[] = [];
  let len = 0; // logical characters collected so far
  let continued = false; // at the start of a continuation line: blanks are skipped, line breaks are not
  const eols = new EolFinder(text);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isBlank(c) || (!continued && isEol(c))) {
      i++;
      continue;
    }
    continued = false;
    if (isEol(c)) {
      // A blank continuation line ends the logical line (or, if nothing was collected, there was none).
      if (len > 0) events.push({ kind: 'line', segments: nonEmpty(segments) });
      segments = [];
      len = 0;
      i = afterEol(text, i);
      continue;
    }
    const eol = eols.from(i);
    if (len === 0 && (c === 35 /* # */ || c === 33) /* ! */) {
      // Comment lines never continue, even when they end with a backslash.
      events.push({ kind: 'comment', start: i, end: eol });
      segments = [];
      i = eol;
      continue;
    }
    let slashes = 0;
    while (eol - 1 - slashes >= i && text.charCodeAt(eol - 1 - slashes) === 92) slashes++;
    // As in the JDK, a backslash ending the text (or followed only by one line-break char) is dropped,
    // and the line counts even if that leaves it empty.
    const atEof = eol + 1 >= n;
    if (slashes % 2 === 0 || atEof) {
      segments.push({ start: i, end: slashes % 2 === 0 ? eol : eol - 1 });
      events.push({ kind: 'line', segments: nonEmpty(segments) });
      segments = [];
      len = 0;
      i = eol;
      continue;
    }
    segments.push({ start: i, end: eol - 1 });
    len += eol - 1 - i;
    continued = true;
    i = afterEol(text, eol);
  }
  if (len > 0) events.push({ kind: 'line', segments: nonEmpty(segments) });
  return events;
}
