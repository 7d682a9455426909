// Well-formedness checks the product's XML parser (Xerces, fatal errors) makes and a lenient reader could skip:
// a bare `&`, `--` inside a comment, characters XML forbids, a malformed XML declaration. Each is linear in the text.
import { isNameChar, isNameStart } from './chars';

const MAX_REF = 64; // a reference longer than this is not one; bounds the look-ahead

function isDigit(c: number, hex: boolean): boolean {
  return (c >= 48 && c <= 57) || (hex && ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)));
}

/** Length of the entity or character reference at `i` (`&amp;`, `&#10;`, `&#x1F;`), or 0 when it is not one. */
export function referenceLength(text: string, i: number, to = text.length): number {
  const limit = Math.min(to, i + MAX_REF);
  let j = i + 1;
  if (text.charCodeAt(j) === 35 /* # */) {
    j++;
    const hex = text.charCodeAt(j) === 120; /* x */
    if (hex) j++;
    const digitsStart = j;
    while (j < limit && isDigit(text.charCodeAt(j), hex)) j++;
    return j > digitsStart && j < limit && text.charCodeAt(j) === 59 ? j + 1 - i : 0;
  }
  if (!isNameStart(text.charCodeAt(j))) return 0;
  while (j < limit && isNameChar(text.charCodeAt(j))) j++;
  return j < limit && text.charCodeAt(j) === 59 /* ; */ ? j + 1 - i : 0;
}

/** Calls `bad(start)` for each `&` in [from, to) that does not start a reference. */
export function bareAmpersands(text: string, from: number, to: number, bad: (at: number) => void): void {
  // A scan bounded by `to` (indexOf would run on to the end of the text for every segment: quadratic).
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 38 /* & */ && referenceLength(text, i, to) === 0) bad(i);
  }
}

// Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF] (lone surrogates are not chars).
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Offsets of characters XML does not allow anywhere, even escaped as text. */
export function illegalChars(text: string, each: (at: number, code: number) => void): void {
  ILLEGAL.lastIndex = 0;
  for (let m = ILLEGAL.exec(text); m; m = ILLEGAL.exec(text)) each(m.index, m[0].charCodeAt(0));
}

/**
 * XMLDecl ::= '<?xml' VersionInfo EncodingDecl? SDDecl? S? '?>' — `decl` is the text from `<?xml` to `?>` inclusive.
 * Returns what is wrong, or undefined.
 */
export function xmlDeclProblem(decl: string): string | undefined {
  const m = /^<\?xml([ \t\r\n]+)version[ \t\r\n]*=[ \t\r\n]*(?:"1\.[0-9]+"|'1\.[0-9]+')((?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?)((?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?)[ \t\r\n]*\?>$/.exec(decl);
  if (m) return undefined;
  if (!/^<\?xml[ \t\r\n]+version[ \t\r\n]*=/.test(decl)) return "the XML declaration must start with version=\"1.0\"";
  return 'malformed XML declaration: expected version, then optional encoding and standalone="yes|no", quoted, in that order';
}

/** Offset of the first `]]>` inside [from, to), or -1 (a scan bounded by `to`, unlike indexOf). */
export function cdataCloseIn(text: string, from: number, to: number): number {
  for (let i = from; i + 3 <= to; i++) {
    if (text.charCodeAt(i) === 93 && text.charCodeAt(i + 1) === 93 && text.charCodeAt(i + 2) === 62) return i;
  }
  return -1;
}
