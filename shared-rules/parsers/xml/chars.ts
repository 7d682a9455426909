// XML character classes, kept lenient: any non-ASCII character may appear in a name.

export const isXmlSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

export const isNameStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 /* _ */ || c === 58 /* : */ || c >= 0x80;

export const isNameChar = (c: number): boolean =>
  isNameStart(c) || (c >= 48 && c <= 57) || c === 45 /* - */ || c === 46 /* . */;

/** End offset of the name starting at `i` (=== i when there is none). */
export function nameEnd(text: string, i: number): number {
  if (i >= text.length || !isNameStart(text.charCodeAt(i))) return i;
  let j = i + 1;
  while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
  return j;
}

export function skipSpace(text: string, i: number): number {
  while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
  return i;
}
