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
  const chars: string[] = [];
  const offsets: number[] = [];
  const { start, end } = a.valueSpan;
  const push = (c: string, at: number) => {
    chars.push(c);
    offsets.push(at);
  };
  const delimiters = new Set<number>(); // offsets of the quotes that were removed
  let quote = '';
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (dialect === 'batch') {
      if (c === '"') {
        quote = quote ? '' : '"';
        delimiters.add(i);
      }
      else if (c === '^' && !quote && i + 1 < end) {
        i++;
        if (text[i] !== '\n' && text[i] !== '\r') push(text[i], i);
      } else push(quote && /\s/.test(c) ? '\u0000' : c, i); // NUL marks a quoted blank: not a separator
      continue;
    }
    if (quote === "'") {
      if (c === "'") {
        quote = '';
        delimiters.add(i);
      } else push(c, i);
    } else if (c === '\\' && i + 1 < end && (quote === '' || '$`"\\\n'.includes(text[i + 1]))) {
      i++;
      if (text[i] !== '\n') push(text[i], i);
    } else if ((quote === '' && (c === "'" || c === '"')) || (quote === '"' && c === '"')) {
      quote = quote ? '' : c;
      delimiters.add(i);
    } else push(c, i);
  }
  const words: ShellWord[] = [];
  let k = 0;
  while (k < chars.length) {
    while (k < chars.length && /\s/.test(chars[k])) k++;
    if (k >= chars.length) break;
    const s = k;
    while (k < chars.length && !/\s/.test(chars[k])) k++;
    const span = balanceQuotes(offsets[s], offsets[k - 1] + 1, delimiters);
    words.push({ text: chars.slice(s, k).join('').replace(/\u0000/g, ' '), raw: text.slice(span.start, span.end), span });
  }
  return words;
}

/** Widens a word's span over the removed quote that opens or closes it, so edits never leave a stray quote behind. */
function balanceQuotes(s: number, e: number, delimiters: ReadonlySet<number>): { start: number; end: number } {
  const inside = () => {
    let n = 0;
    for (const d of delimiters) if (d >= s && d < e) n++;
    return n;
  };
  for (let n = 0; n < 2 && inside() % 2 === 1; n++) {
    if (delimiters.has(e)) e++;
    else if (delimiters.has(s - 1)) s--;
    else break;
  }
  return { start: s, end: e };
}
