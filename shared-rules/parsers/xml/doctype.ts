// Skips a `<!DOCTYPE …>` as opaque text. Nothing in it is interpreted: no DTD, no entity declarations,
// no external ids fetched. Linear: quotes, the internal subset `[…]` and comments in it are only skipped.

/** End offset just past the DOCTYPE starting at `start` (`<!DOCTYPE`), and whether its `>` was found. */
export function skipDoctype(text: string, start: number): { end: number; terminated: boolean } {
  const n = text.length;
  let inSubset = false;
  let j = start + 9;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 34 || c === 39) {
      const close = text.indexOf(text[j], j + 1);
      if (close < 0) break;
      j = close + 1;
    } else if (inSubset && c === 60 && text.startsWith('<!--', j)) {
      const close = text.indexOf('-->', j + 4);
      if (close < 0) break;
      j = close + 3;
    } else if (inSubset) {
      if (c === 93 /* ] */) inSubset = false;
      j++;
    } else if (c === 91 /* [ */) {
      inSubset = true;
      j++;
    } else if (c === 62 /* > */) {
      return { end: j + 1, terminated: true };
    } else j++;
  }
  return { end: n, terminated: false };
}
