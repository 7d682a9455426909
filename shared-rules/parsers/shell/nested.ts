// Finds the end of `$(…)`, `${…}`, `` `…` `` and `(…)` (array values, `((…))`) without recursion: an
// explicit stack of open contexts, so hostile nesting depth cannot overflow the JS stack. Linear.

const PAREN = 0;
const BRACE = 1;
const BACKTICK = 2;
const DQUOTE = 3;
const SQUOTE = 4;

const isBlankOrBreak = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 59 || c === 40;

/** Offset just past the construct opening at `i` (`$(`, `${`, `` ` `` or `(`); text.length if unterminated. */
export function skipNested(text: string, i: number): number {
  const n = text.length;
  const stack: number[] = [];
  let j: number;
  const c0 = text.charCodeAt(i);
  if (c0 === 36 /* $ */) {
    stack.push(text.charCodeAt(i + 1) === 123 ? BRACE : PAREN);
    j = i + 2;
  } else {
    stack.push(c0 === 96 ? BACKTICK : PAREN);
    j = i + 1;
  }
  while (j < n && stack.length > 0) {
    const top = stack[stack.length - 1];
    const c = text.charCodeAt(j);
    if (top === SQUOTE) {
      if (c === 39) stack.pop();
      j++;
    } else if (top === BACKTICK) {
      if (c === 92) j += 2;
      else {
        if (c === 96) stack.pop();
        j++;
      }
    } else if (c === 92 /* \ */) {
      j += 2;
    } else if (top === DQUOTE) {
      if (c === 34) {
        stack.pop();
        j++;
      } else j = openInner(text, j, c, stack);
    } else if (c === 39 /* ' */) {
      stack.push(SQUOTE);
      j++;
    } else if (c === 34 /* " */) {
      stack.push(DQUOTE);
      j++;
    } else if (top === PAREN && c === 41 /* ) */) {
      stack.pop();
      j++;
    } else if (top === BRACE && c === 125 /* } */) {
      stack.pop();
      j++;
    } else if (top === PAREN && c === 40 /* ( */) {
      stack.push(PAREN);
      j++;
    } else if (top === PAREN && c === 35 /* # */ && isBlankOrBreak(text.charCodeAt(j - 1))) {
      // A comment inside `$(…)`: its quotes and parens mean nothing.
      while (j < n && text.charCodeAt(j) !== 10) j++;
    } else j = openInner(text, j, c, stack);
  }
  return Math.min(j, n);
}

/** Pushes `$(`, `${` or a backtick at `j` if there is one; returns the next offset to scan. */
function openInner(text: string, j: number, c: number, stack: number[]): number {
  if (c === 96) {
    stack.push(BACKTICK);
    return j + 1;
  }
  if (c === 36) {
    const d = text.charCodeAt(j + 1);
    if (d === 40) {
      stack.push(PAREN);
      return j + 2;
    }
    if (d === 123) {
      stack.push(BRACE);
      return j + 2;
    }
  }
  return j + 1;
}
