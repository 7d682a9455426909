// Quoted parts of shell words: `"…"` and `$'…'`. Quotes are removed; `$(…)`, `${…}` and backticks
// inside double quotes are kept as written (nothing is expanded).
import { skipNested } from './nested';

export interface Quoted {
  /** Content after quote removal. */
  value: string;
  /** Offset just past the closing quote (text.length when unterminated). */
  end: number;
}

/** Length of the line break at `i` (1 for LF, 2 for CRLF, 0 if none). */
export function breakAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 10) return 1;
  return c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 0;
}

/**
 * A double-quoted string whose content starts at `i`. Only `\$ \` \" \\` and `\`+newline are escapes
 * there; other backslashes stay. Continuation backslashes are added to `continuations`.
 */
export function readDoubleQuoted(text: string, i: number, continuations: number[]): Quoted {
  const n = text.length;
  let out = '';
  let run = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) return { value: out + text.slice(run, i), end: i + 1 };
    if (c === 92) {
      const br = breakAt(text, i + 1);
      const d = text.charCodeAt(i + 1);
      if (br > 0) {
        out += text.slice(run, i);
        continuations.push(i);
        i += 1 + br;
        run = i;
      } else if (d === 36 || d === 96 || d === 34 || d === 92) {
        out += text.slice(run, i) + text[i + 1];
        i += 2;
        run = i;
      } else i += 2;
    } else if ((c === 36 && (text.charCodeAt(i + 1) === 40 || text.charCodeAt(i + 1) === 123)) || c === 96) {
      i = skipNested(text, i);
    } else i++;
  }
  return { value: out + text.slice(run, n), end: n };
}

/** `$'…'` whose content starts at `i`, with the common escapes (`\n \t \r`, else the char) resolved. */
export function readAnsiC(text: string, i: number): Quoted {
  const n = text.length;
  let out = '';
  let run = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 39) return { value: out + text.slice(run, i), end: i + 1 };
    if (c === 92 && i + 1 < n) {
      const d = text[i + 1];
      out += text.slice(run, i) + (d === 'n' ? '\n' : d === 't' ? '\t' : d === 'r' ? '\r' : d);
      i += 2;
      run = i;
    } else i++;
  }
  return { value: out + text.slice(run, n), end: n };
}
