// A small tokenizer for nginx's configuration grammar (words, quoted strings, `;`, `{`, `}`, `#` comments), read
// in one pass with spans. No maintained JS parser keeps source positions (docs/decisions.md, "nginx configurations").
// Tolerant and bounded: the first syntax error is the file's one problem, and what was read before it is kept.
import type { NginxArg, NginxDirective, NginxDocument } from './model';

/** Deeper nesting than any real configuration (http → server → location → if → …). */
const MAX_DEPTH = 32;
/** Directives read per file: a hostile file of a million `;` is not a million directives. */
const MAX_DIRECTIVES = 50_000;

const SPACE = /\s/;

export function parseNginx(text: string): NginxDocument {
  const doc: NginxDocument = { directives: [], problems: [] };
  let i = 0;
  let count = 0;
  // Set once a `${` has no `}` after it: later ones cannot have one either (keeps the scan linear).
  let noClose = false;
  const n = text.length;
  const fail = (start: number, end: number, message: string) => {
    if (!doc.problems.length) doc.problems.push({ span: { start, end: Math.max(end, start) }, message, severity: 'warning', code: 'nginx-syntax' });
  };

  /** The next token: a word/string (with its text), a punctuation mark, or undefined at the end. */
  type Tok = { t: 'word'; arg: NginxArg } | { t: ';' | '{' | '}'; at: number } | undefined;
  const next = (): Tok => {
    for (;;) {
      while (i < n && SPACE.test(text[i])) i++;
      if (i >= n) return undefined;
      if (text[i] !== '#') break;
      while (i < n && text[i] !== '\n') i++;
    }
    const c = text[i];
    if (c === ';' || c === '{' || c === '}') return { t: c, at: i++ };
    const start = i;
    if (c === '"' || c === "'") {
      i++;
      let s = '';
      while (i < n && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < n) { s += text[i] + text[i + 1]; i += 2; continue; }
        s += text[i++];
      }
      if (i >= n) { fail(start, Math.min(start + 1, n), 'Unterminated quoted string: the rest of the file is not read as nginx configuration.'); return undefined; }
      i++;
      return { t: 'word', arg: { text: s, span: { start, end: i } } };
    }
    // A word runs to whitespace, `;`, `{` or `}` — except the braces of a `${var}`, which belong to it.
    while (i < n) {
      const d = text[i];
      if (SPACE.test(d) || d === ';' || d === '}') break;
      if (d === '{') {
        if (text[i - 1] !== '$' || noClose) break;
        const close = text.indexOf('}', i);
        if (close < 0) { noClose = true; break; }
        i = close + 1;
        continue;
      }
      if (d === '\\' && i + 1 < n) { i += 2; continue; }
      i++;
    }
    return { t: 'word', arg: { text: text.slice(start, i), span: { start, end: i } } };
  };

  // An explicit stack (no recursion): hostile nesting cannot overflow the call stack.
  const stack: Array<{ list: NginxDirective[]; owner?: NginxDirective }> = [{ list: doc.directives }];
  let current: { name: NginxArg; args: NginxArg[] } | undefined;
  for (;;) {
    const tok = next();
    if (!tok) break;
    const top = stack[stack.length - 1];
    if (tok.t === 'word') {
      if (!current) current = { name: tok.arg, args: [] };
      else current.args.push(tok.arg);
      continue;
    }
    if (tok.t === ';') {
      if (!current) continue; // an empty statement: nginx rejects it, but it hides nothing
      top.list.push({ name: current.name.text, nameSpan: current.name.span, args: current.args, span: { start: current.name.span.start, end: tok.at + 1 } });
      current = undefined;
    } else if (tok.t === '{') {
      if (!current) { fail(tok.at, tok.at + 1, 'A block `{` without a directive name: the rest of the file is not read as nginx configuration.'); break; }
      if (stack.length > MAX_DEPTH) { fail(tok.at, tok.at + 1, `Blocks nested deeper than ${MAX_DEPTH} levels: the rest of the file is not read.`); break; }
      const d: NginxDirective = { name: current.name.text, nameSpan: current.name.span, args: current.args, span: { start: current.name.span.start, end: n }, block: [], open: tok.at };
      top.list.push(d);
      stack.push({ list: d.block!, owner: d });
      current = undefined;
    } else {
      if (current) { fail(current.name.span.start, tok.at, 'A directive without its closing `;`.'); current = undefined; }
      if (stack.length === 1) { fail(tok.at, tok.at + 1, 'An unbalanced `}`: the rest of the file is not read as nginx configuration.'); break; }
      const { owner } = stack.pop()!;
      owner!.close = tok.at;
      owner!.span = { start: owner!.span.start, end: tok.at + 1 };
    }
    if (++count > MAX_DIRECTIVES) { fail(tok.at, n, `More than ${MAX_DIRECTIVES} directives: the rest of the file is not read.`); break; }
  }
  if (current && !doc.problems.length) fail(current.name.span.start, current.name.span.end, 'A directive without its closing `;` at the end of the file.');
  if (stack.length > 1 && !doc.problems.length) {
    const owner = stack[stack.length - 1].owner!;
    fail(owner.open!, owner.open! + 1, `The block of \`${owner.name}\` is not closed: \`}\` is missing.`);
  }
  return doc;
}

/** Every directive of a list and its blocks, depth-first, in file order. */
export function* walkNginx(list: readonly NginxDirective[]): Generator<NginxDirective> {
  const stack: Array<{ list: readonly NginxDirective[]; i: number }> = [{ list, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.list.length) { stack.pop(); continue; }
    const d = top.list[top.i++];
    yield d;
    if (d.block) stack.push({ list: d.block, i: 0 });
  }
}
