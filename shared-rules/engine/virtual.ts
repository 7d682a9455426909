// A virtual document: the text a rule sees (a template with one branch chosen and its tags made opaque, a file
// embedded in YAML…) with a map from its offsets back to the source file. Rules never know where text came from;
// the engine maps every finding, fix and related span back, so every front end shows source positions.
import type { Span } from './text';

interface Segment {
  /** Start in the virtual text. */
  v: number;
  /** Start in the source text. */
  s: number;
  len: number;
  /** Source length when it differs from `len` (a substitution): offsets inside map to its start, or end. */
  srcLen?: number;
}

export class VirtualDocument {
  constructor(readonly text: string, private readonly segments: readonly Segment[]) {}

  /** The source offset of virtual offset `v`. At a seam (text dropped between two segments) `endOfSpan` keeps the left side. */
  toSource(v: number, endOfSpan = false): number {
    const segs = this.segments;
    if (!segs.length) return 0;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].v <= v) lo = mid;
      else hi = mid - 1;
    }
    let seg = segs[lo];
    if (endOfSpan && v === seg.v && lo > 0) seg = segs[lo - 1];
    if (seg.srcLen !== undefined) return v - seg.v >= seg.len || (endOfSpan && v > seg.v) ? seg.s + seg.srcLen : seg.s;
    return seg.s + Math.min(Math.max(v - seg.v, 0), seg.len);
  }

  spanToSource(span: Span): Span {
    const start = this.toSource(span.start);
    const end = span.end > span.start ? this.toSource(span.end, true) : start;
    return { start, end: Math.max(start, end) };
  }

  /** True when the virtual span is a verbatim copy of one source stretch (so an edit of it edits the source alike). */
  contiguous(span: Span): boolean {
    const s = this.spanToSource(span);
    return s.end - s.start === span.end - span.start && this.toSource(span.end) - this.toSource(span.start) === span.end - span.start;
  }
}

/** Builds a virtual text from source pieces in order: kept verbatim, replaced by text of the same length, or dropped. */
export class VirtualBuilder {
  private parts: string[] = [];
  private segments: Segment[] = [];
  private v = 0;

  constructor(private readonly source: string) {}

  keep(start: number, end: number): void {
    if (end > start) this.put(start, this.source.slice(start, end));
  }

  /** `text` must be as long as the source stretch it stands for. */
  replace(start: number, text: string): void {
    if (text.length) this.put(start, text);
  }

  /** `text` stands for the source stretch start…end (of any length): a resolved placeholder. */
  substitute(start: number, end: number, text: string): void {
    this.segments.push({ v: this.v, s: start, len: text.length, srcLen: end - start });
    this.parts.push(text);
    this.v += text.length;
  }

  private put(s: number, text: string): void {
    const last = this.segments[this.segments.length - 1];
    if (last && last.srcLen === undefined && last.s + last.len === s && last.v + last.len === this.v) last.len += text.length;
    else this.segments.push({ v: this.v, s, len: text.length });
    this.parts.push(text);
    this.v += text.length;
  }

  build(): VirtualDocument {
    return new VirtualDocument(this.parts.join(''), this.segments);
  }
}
