// java.util.Properties#load semantics (what log4j2.properties is read with), plus exact source spans.
import type { Span } from '../../engine/text';
import { addProblem, type ParseProblem } from '../diagnostics';
import { logicalLines, type Segment } from './logical-lines';
import type { PropComment, PropEntry, PropertiesDocument } from './model';
import { unescapeProperty } from './unescape';

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 12;

/** Maps offsets in a joined logical line back to offsets in the source text. */
class SegmentMap {
  private readonly logStarts: number[] = [];
  readonly joined: string;

  constructor(
    text: string,
    private readonly segs: Segment[],
  ) {
    let joined = '';
    for (const s of segs) {
      this.logStarts.push(joined.length);
      joined += text.slice(s.start, s.end);
    }
    this.joined = joined;
  }

  /** Source offset of the logical character at `idx` (idx < joined.length). */
  at(idx: number): number {
    let k = 0;
    while (k + 1 < this.segs.length && this.logStarts[k + 1] <= idx) k++; // few segments: linear is fine
    return this.segs[k].start + (idx - this.logStarts[k]);
  }

  /** Source offset just past the logical character before `idx` (an exclusive end). */
  endAt(idx: number): number {
    return idx <= 0 ? this.segs[0].start : this.at(idx - 1) + 1;
  }

  get sourceEnd(): number {
    return this.segs[this.segs.length - 1].end;
  }
}

const sourceAt = (map: SegmentMap | undefined, idx: number): number => (map ? map.at(idx) : idx);
const sourceEndAt = (map: SegmentMap | undefined, from: number, idx: number): number => (map ? map.endAt(idx) : Math.max(idx, from));

/**
 * One logical line. A single-segment line (the usual entry) is read in place in the text: no joined copy and no
 * SegmentMap (allocation is a tenth of a CLI run's time); a continued line is read from its joined text.
 */
function parseEntry(text: string, segs: Segment[], problems: ParseProblem[], plain: boolean): PropEntry {
  const map = segs.length === 1 ? undefined : new SegmentMap(text, segs);
  const line = map ? map.joined : text;
  const from = map ? 0 : segs[0].start;
  const limit = map ? line.length : segs[0].end;
  // Offsets in `line` to source offsets (identity when reading in place).

  // Key ends at the first unescaped `=`, `:` or blank (Properties#load0).
  let keyEnd = from;
  let valueStart = limit;
  let hasSep = false;
  let escaped = false;
  while (keyEnd < limit) {
    const c = line.charCodeAt(keyEnd);
    if (!escaped && (c === 61 /* = */ || c === 58) /* : */) {
      valueStart = keyEnd + 1;
      hasSep = true;
      break;
    }
    if (!escaped && isBlank(c)) {
      valueStart = keyEnd + 1;
      break;
    }
    escaped = c === 92 ? !escaped : false;
    keyEnd++;
  }
  // Blanks, then at most one `=`/`:` if the key ended on a blank, then blanks.
  while (valueStart < limit) {
    const c = line.charCodeAt(valueStart);
    if (!isBlank(c)) {
      if (!hasSep && (c === 61 || c === 58)) hasSep = true;
      else break;
    }
    valueStart++;
  }

  // `plain`: no backslash in this line (the caller knows from one forward search), so nothing to unescape.
  const key = plain ? { value: line.slice(from, keyEnd), badUnicodeAt: -1 } : unescapeProperty(line, from, keyEnd);
  const value = plain ? { value: line.slice(valueStart, limit), badUnicodeAt: -1 } : unescapeProperty(line, valueStart, limit);
  if (key.badUnicodeAt >= 0 || value.badUnicodeAt >= 0) {
    for (const bad of [key.badUnicodeAt, value.badUnicodeAt]) {
      if (bad < 0) continue;
      const start = sourceAt(map, bad);
      addProblem(problems, {
        span: { start, end: Math.min(start + 2, text.length) },
        message: 'Malformed \\uXXXX escape: java.util.Properties (and so log4j2) refuses to load this file',
        severity: 'error',
        code: 'properties-syntax',
      });
    }
  }

  const keySpan: Span = { start: sourceAt(map, from), end: sourceEndAt(map, from, keyEnd) };
  const valueSpan: Span =
    valueStart < limit
      ? { start: sourceAt(map, valueStart), end: map ? map.sourceEnd : limit }
      : { start: sourceEndAt(map, from, valueStart), end: sourceEndAt(map, from, valueStart) };
  return {
    key: key.value,
    keySpan,
    value: value.value,
    valueSpan,
    span: { start: keySpan.start, end: Math.max(keySpan.end, valueSpan.end) },
  };
}

export function parseProperties(text: string): PropertiesDocument {
  const entries: PropEntry[] = [];
  const comments: PropComment[] = [];
  const problems: ParseProblem[] = [];
  let slash = text.indexOf('\\');
  for (const ev of logicalLines(text)) {
    if (ev.kind === 'comment') {
      comments.push({ span: { start: ev.start, end: ev.end }, text: text.slice(ev.start + 1, ev.end) });
    } else {
      // The next backslash at or after this line, searched forward only (linear over the file).
      const first = ev.segments[0];
      if (slash !== -1 && slash < first.start) slash = text.indexOf('\\', first.start);
      entries.push(parseEntry(text, ev.segments, problems, ev.segments.length === 1 && (slash === -1 || slash >= first.end)));
    }
  }
  if (text.charCodeAt(0) === 0xfeff) {
    const first = entries[0]?.span.start === 0 ? entries[0] : undefined;
    const what = !first ? 'it becomes part of the first line'
      : /^\uFEFF[#!]/.test(text) ? 'the first line, a comment, is read as a key instead'
      : `the first key is read as "\u00EF\u00BB\u00BF${first.key.slice(1)}", so ${first.key.slice(1) || 'it'} is not set as written`;
    addProblem(problems, {
      span: { start: 0, end: 1 },
      message: `The file starts with a UTF-8 byte order mark: log4j2 loads it with java.util.Properties (ISO-8859-1), where ${what}. Save the file without a BOM.`,
      severity: 'warning',
      code: 'properties-bom',
    });
  }
  return {
    text,
    entries,
    comments,
    problems,
    get: lastByKey(entries),
    withPrefix: (prefix) => entries.filter((e) => e.key.startsWith(prefix)),
  };
}

/**
 * The document's `get`: the last entry with the key (later definitions win), among the entries as parsed. A Map of
 * every key made at parse time hashed every key (5% of a log4j2.properties lint) for the one key a lint asks
 * (`appenders`): the first lookups scan back from the end; from the ninth, a Map made then answers.
 */
function lastByKey(entries: readonly PropEntry[]): (key: string) => PropEntry | undefined {
  const list = entries.slice();
  let scans = 0;
  let byKey: Map<string, PropEntry> | undefined;
  return (key) => {
    if (byKey === undefined && scans++ < 8) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i].key === key) return list[i];
      return undefined;
    }
    if (byKey === undefined) {
      byKey = new Map();
      for (const e of list) byKey.set(e.key, e);
    }
    return byKey.get(key);
  };
}
