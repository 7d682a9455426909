// Attribute-value decoding. Only the five predefined entities and character references are decoded:
// CarbonLint never reads a DTD, so any other `&name;` stays in the value literally (no expansion, ever).
import { isNameChar, isNameStart } from './chars';

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const MAX_REF = 64; // a reference longer than this is not one; bounds the look-ahead

/** A legal XML Char (so `&#0;` and lone surrogates are left as written). */
function isXmlChar(cp: number): boolean {
  return (
    cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function charRef(body: string): string | undefined {
  const hex = body.charCodeAt(1) === 120; // #x
  const digits = body.slice(hex ? 2 : 1);
  if (digits.length === 0 || digits.length > 8 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
  const cp = parseInt(digits, hex ? 16 : 10);
  return isXmlChar(cp) ? String.fromCodePoint(cp) : undefined;
}

/**
 * Decodes `text.slice(from, to)` as an attribute value: references as above, and XML attribute-value
 * normalization (each literal tab/CR/LF, and CRLF, becomes one space), which is what Tomcat sees.
 * `onUnknown` is told about each entity reference left undecoded (offsets of `&` and past `;`).
 */
export function decodeAttributeValue(
  text: string,
  from: number,
  to: number,
  onUnknown?: (start: number, end: number, name: string) => void,
): string {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 38 || c === 9 || c === 10 || c === 13) break;
    i++;
  }
  if (i === to) return text.slice(from, to); // fast path: nothing to decode

  let out = text.slice(from, i);
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      out += ' ';
      i += text.charCodeAt(i + 1) === 10 && i + 1 < to ? 2 : 1;
      continue;
    }
    if (c === 9 || c === 10) {
      out += ' ';
      i++;
      continue;
    }
    if (c !== 38 /* & */) {
      out += text[i++];
      continue;
    }
    let j = i + 1;
    const limit = Math.min(to, i + MAX_REF);
    if (text.charCodeAt(j) === 35 /* # */) j++;
    while (j < limit && isNameChar(text.charCodeAt(j))) j++;
    if (j >= limit || text.charCodeAt(j) !== 59 /* ; */) {
      out += '&'; // not a reference: keep the ampersand as written
      i++;
      continue;
    }
    const body = text.slice(i + 1, j);
    const decoded = body.charCodeAt(0) === 35 ? charRef(body) : PREDEFINED[body];
    if (decoded !== undefined) out += decoded;
    else {
      out += text.slice(i, j + 1);
      if (onUnknown && isNameStart(body.charCodeAt(0))) onUnknown(i, j + 1, body);
    }
    i = j + 1;
  }
  return out;
}
