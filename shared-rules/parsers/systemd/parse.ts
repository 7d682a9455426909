// systemd unit files (INI-like): sections, `Key=value` lines with `\` continuations, `#`/`;` comments. One pass.
import type { Span } from '../../engine/text';

export interface UnitEntry {
  section: string;
  key: string;
  keySpan: Span;
  /** The value joined over continuation lines, trimmed. */
  value: string;
  valueSpan: Span;
  line: number;
}

export interface UnitDocument {
  entries: UnitEntry[];
  /** Section headers: name and the span of `[Name]`. */
  sections: Array<{ name: string; span: Span; line: number }>;
}

export function parseUnit(text: string): UnitDocument {
  const entries: UnitEntry[] = [];
  const sections: UnitDocument['sections'] = [];
  let section = '';
  let i = 0;
  let line = 0;
  const nextLine = (from: number): { end: number; next: number } => {
    let j = from;
    while (j < text.length && text[j] !== '\n' && text[j] !== '\r') j++;
    return { end: j, next: j >= text.length ? text.length + 1 : text[j] === '\r' && text[j + 1] === '\n' ? j + 2 : j + 1 };
  };
  while (i <= text.length) {
    const { end, next } = nextLine(i);
    let s = i;
    while (s < end && (text[s] === ' ' || text[s] === '\t')) s++;
    const c = text[s];
    if (s < end && c === '[') {
      const close = text.indexOf(']', s);
      if (close > s && close < end) {
        section = text.slice(s + 1, close);
        sections.push({ name: section, span: { start: s, end: close + 1 }, line });
      }
    } else if (s < end && c !== '#' && c !== ';') {
      const eq = text.indexOf('=', s);
      if (eq > s && eq < end) {
        let k = eq;
        while (k > s && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
        let vs = eq + 1;
        while (vs < end && (text[vs] === ' ' || text[vs] === '\t')) vs++;
        // Continuations: a line ending in `\` goes on (comment lines in between are skipped, as systemd does).
        let value = '';
        let ve = end;
        let curEnd = end;
        let curNext = next;
        let from = vs;
        const startLine = line;
        for (;;) {
          let e = curEnd;
          while (e > from && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
          if (e > from && text[e - 1] === '\\' && curNext <= text.length) {
            value += text.slice(from, e - 1) + ' ';
            const n = nextLine(curNext);
            from = curNext;
            curEnd = n.end;
            curNext = n.next;
            line++;
            continue;
          }
          value += text.slice(from, e);
          ve = e;
          break;
        }
        entries.push({ section, key: text.slice(s, k), keySpan: { start: s, end: k }, value: value.trim(), valueSpan: { start: vs, end: Math.max(vs, ve) }, line: startLine });
        i = curNext;
        line++;
        continue;
      }
    }
    i = next;
    line++;
  }
  return { entries, sections };
}
