// java.util.Properties#loadConvert: `\t \n \r \f \uXXXX`, any other `\x` is `x`.
// Java throws on a malformed `\uXXXX`; we never throw, so we keep it literally and tell the caller.

export interface Unescaped {
  value: string;
  /** Offset (into `s`) of the first malformed `\u` escape, or -1. */
  badUnicodeAt: number;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 65 && c <= 70) return c - 55; // A-F
  if (c >= 97 && c <= 102) return c - 87; // a-f
  return -1;
}

/** Unescapes `s.slice(from, to)`. */
export function unescapeProperty(s: string, from: number, to: number): Unescaped {
  // Searched within [from, to) only: `s` may be the whole file (parse.ts reads single lines in place).
  let firstSlash = from;
  while (firstSlash < to && s.charCodeAt(firstSlash) !== 92) firstSlash++;
  if (firstSlash >= to) return { value: s.slice(from, to), badUnicodeAt: -1 };

  let out = s.slice(from, firstSlash);
  let badUnicodeAt = -1;
  let i = firstSlash;
  let runStart = i;
  while (i < to) {
    if (s.charCodeAt(i) !== 92 /* \ */) {
      i++;
      continue;
    }
    out += s.slice(runStart, i);
    if (i + 1 >= to) {
      // A lone trailing backslash cannot reach here from a logical line; keep it rather than drop data.
      out += '\\';
      i++;
      runStart = i;
      continue;
    }
    const c = s.charCodeAt(i + 1);
    if (c === 117 /* u */) {
      let code = 0;
      let ok = i + 6 <= to;
      for (let k = i + 2; ok && k < i + 6; k++) {
        const h = hexValue(s.charCodeAt(k));
        if (h < 0) ok = false;
        else code = code * 16 + h;
      }
      if (ok) {
        out += String.fromCharCode(code);
        i += 6;
      } else {
        if (badUnicodeAt === -1) badUnicodeAt = i;
        out += '\\u';
        i += 2;
      }
    } else {
      out += c === 116 ? '\t' : c === 110 ? '\n' : c === 114 ? '\r' : c === 102 ? '\f' : s[i + 1];
      i += 2;
    }
    runStart = i;
  }
  out += s.slice(runStart, to);
  return { value: out, badUnicodeAt };
}
