// Where bytes that are not UTF-8 were decoded: a U+FFFD in the text that the bytes do not spell (EF BF BD is a real
// U+FFFD, valid everywhere). Only the reader, which holds the bytes, can tell; an editor's text has lost them.

/** The offset in `text` (decoded from `bytes` as UTF-8 with replacement) of the first character from invalid bytes. */
export function firstInvalidUtf8(bytes: Uint8Array, text: string): number | undefined {
  let at = text.indexOf('\uFFFD');
  if (at < 0) return undefined;
  let b = 0; // byte offset of text[i]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === at) {
      if (bytes[b] !== 0xef || bytes[b + 1] !== 0xbf || bytes[b + 2] !== 0xbd) return i;
      b += 3;
      at = text.indexOf('\uFFFD', i + 1);
      if (at < 0) return undefined;
      continue;
    }
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      b += 4; // a surrogate pair is one 4-byte sequence
      i++;
    } else b += 3;
  }
  return undefined;
}
