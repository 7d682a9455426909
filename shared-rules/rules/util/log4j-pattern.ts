// Log4j 2 PatternLayout patterns, parsed just enough to tell where the message goes: `%%` is a literal,
// a conversion is `%[-][width][.precision]name{option}{option}…`, and options may hold nested patterns
// (`%replace{%m}{\n}{|}`, `%enc{%mm}{CRLF}`, `%maxLen{…}{n}`).

export interface Conversion {
  name: string;
  options: string[];
}

const MAX_DEPTH = 16;

/** The conversions of a pattern, in order (options unparsed). */
export function conversions(pattern: string): Conversion[] {
  const out: Conversion[] = [];
  let i = 0;
  while (i < pattern.length) {
    const p = pattern.indexOf('%', i);
    if (p === -1) break;
    if (pattern[p + 1] === '%') {
      i = p + 2;
      continue;
    }
    let j = p + 1;
    while (j < pattern.length && /[-.0-9]/.test(pattern[j])) j++; // format modifiers
    const ns = j;
    while (j < pattern.length && /[A-Za-z]/.test(pattern[j])) j++;
    const name = pattern.slice(ns, j);
    const options: string[] = [];
    while (pattern[j] === '{') {
      const close = matchingBrace(pattern, j);
      options.push(pattern.slice(j + 1, close));
      j = close + 1;
    }
    if (name) out.push({ name, options });
    i = Math.max(j, p + 1);
  }
  return out;
}

/** Offset of the `}` closing the `{` at `open` (nested braces count; the end of the text if unclosed). */
function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    if (s[k] === '\\') k++;
    else if (s[k] === '{') depth++;
    else if (s[k] === '}' && --depth === 0) return k;
  }
  return s.length;
}

const MESSAGE = new Set(['m', 'msg', 'message', 'mm']); // mm: WSO2's masked message — masks secrets, keeps newlines
const UUID = new Set(['u', 'uuid']);
/** A regex that matches a line break: `\n`, `\r`, `\R`, `\s`, `\v`, a real CR/LF (properties decode `\n`), `\x0A`. */
const NEWLINE_REGEX = /\\[nrRsv]|[\r\n]|\\x0[aAdD]|\\u000[aAdD]|\\p\{C/;

export interface PatternSafety {
  /** A `%u`/`%uuid` tags each event, so forged lines lack a valid id. */
  uuid: boolean;
  /** Message conversions not inside a newline-neutralising `%replace`/`%enc`. */
  rawMessages: number;
}

/** Whether each event is tagged (`%u`) and whether any message is written with its line breaks intact. */
export function patternSafety(pattern: string): PatternSafety {
  const result: PatternSafety = { uuid: false, rawMessages: 0 };
  const walk = (p: string, neutralised: boolean, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const c of conversions(p)) {
      const name = c.name;
      if (UUID.has(name)) result.uuid = true;
      else if (MESSAGE.has(name)) {
        if (!neutralised) result.rawMessages++;
      } else if (name === 'replace') {
        walk(c.options[0] ?? '', neutralised || NEWLINE_REGEX.test(c.options[1] ?? ''), depth + 1);
      } else if (name === 'enc' || name === 'encode') {
        // HTML (the default), JSON and CRLF escape CR and LF; XML does not.
        const kind = (c.options[1] ?? 'HTML').trim().toUpperCase();
        walk(c.options[0] ?? '', neutralised || kind === 'CRLF' || kind === 'HTML' || kind === 'JSON', depth + 1);
      } else {
        for (const o of c.options) if (o.includes('%')) walk(o, neutralised, depth + 1); // %maxLen{…}, %style{…}, %notEmpty{…}
      }
    }
  };
  walk(pattern, false, 0);
  return result;
}
