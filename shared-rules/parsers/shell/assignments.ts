// `NAME=value` words (as a command prefix, or as arguments of export/local/readonly/declare/typeset).
import type { ShellAssignment, ShellWord } from './model';

/** Length of the `NAME=` / `NAME+=` prefix of an assignment word, or 0. The name must be unquoted. */
export function assignmentPrefix(word: ShellWord): number {
  const s = word.raw;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!(alpha || (i > 0 && c >= 48 && c <= 57))) break;
  }
  // A bare word (most are) stops here: reading past the end made V8 throw away the parser's optimised code.
  if (i === 0 || i === s.length) return 0;
  if (s.charCodeAt(i) === 43 /* + */) i++;
  return s.charCodeAt(i) === 61 /* = */ ? i + 1 : 0;
}

export function toAssignment(word: ShellWord, prefix: number, exported: boolean): ShellAssignment {
  const nameEnd = word.raw.charCodeAt(prefix - 2) === 43 ? prefix - 2 : prefix - 1;
  return {
    name: word.raw.slice(0, nameEnd),
    // The prefix is plain text, so it has the same length in `text` as in `raw`.
    value: word.text.slice(prefix),
    valueSpan: { start: word.span.start + prefix, end: word.span.end },
    span: word.span,
    exported,
  };
}

const DECLARATION_BUILTINS = new Set(['export', 'local', 'readonly', 'declare', 'typeset']);

/** Assignments made by `export A=1 B=2`-style declarations (`words[from]` is the builtin), else undefined. */
export function declarationAssignments(words: readonly ShellWord[], from: number): ShellAssignment[] | undefined {
  const head = words[from];
  if (!head || head.raw !== head.text || !DECLARATION_BUILTINS.has(head.text)) return undefined;
  let exported = head.text === 'export';
  const out: ShellAssignment[] = [];
  for (const w of words.slice(from + 1)) {
    if (w.text.startsWith('-')) {
      if (w.text.includes('x')) exported = true; // declare -x
      continue;
    }
    const p = assignmentPrefix(w);
    if (p > 0) out.push(toAssignment(w, p, exported));
  }
  return out;
}
