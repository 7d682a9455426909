// Comments and statements of each file kind, as far as suppressions need them: where a comment is (never
// inside a string or a continued value), how to write one, and which lines one "line" really spans (a TOML
// array, a properties value or a shell command continued with `\`, an XML tag over several lines).
import type { FileKind } from './rule';
import { LineIndex, type Span } from './text';

export type CommentSyntax = 'toml' | 'properties' | 'shell' | 'xml' | 'bat';

export interface Comment {
  /** The whole comment, markers included. */
  span: Span;
  /** The text between the markers. */
  body: Span;
  /** Only whitespace shares its line(s) with it. */
  alone: boolean;
  line: number;
  endLine: number;
}

export interface SourceLines {
  syntax: CommentSyntax;
  index: LineIndex;
  comments: Comment[];
  /** First line of the statement (key/value, command, tag) the line belongs to. */
  statementStart(line: number): number;
  /** Last line of the statement containing the line. */
  statementEnd(line: number): number;
}

export function syntaxOf(kind: FileKind, fileName: string): CommentSyntax {
  if (/\.(bat|cmd)$/i.test(fileName)) return 'bat'; // Windows launchers, should a kind ever read them
  return kind === 'xml' ? 'xml' : kind === 'properties' ? 'properties' : kind === 'shell' || kind === 'nginx' || kind === 'ingress' || kind === 'dockerfile' || kind === 'compose' || kind === 'systemd' ? 'shell' : 'toml';
}

/** How to write a new comment in this syntax. */
export function commentMarkers(syntax: CommentSyntax): { open: string; close: string } {
  if (syntax === 'xml') return { open: '<!-- ', close: ' -->' };
  if (syntax === 'bat') return { open: 'REM ', close: '' };
  return { open: '# ', close: '' };
}

export function scanSource(syntax: CommentSyntax, text: string, index = new LineIndex(text)): SourceLines {
  const startOf = Int32Array.from({ length: index.lineCount }, (_, i) => i);
  const comments: Comment[] = [];
  const ctx: Ctx = { text, index, startOf, comments };
  if (syntax === 'toml') scanToml(ctx);
  else if (syntax === 'shell') scanShell(ctx);
  else if (syntax === 'xml') scanXml(ctx);
  else scanLines(ctx, syntax);
  const endOf = Int32Array.from(startOf);
  for (let l = 0; l < startOf.length; l++) endOf[startOf[l]] = l;
  return {
    syntax, index, comments,
    statementStart: (line) => startOf[clamp(line, startOf.length)] ?? line,
    statementEnd: (line) => endOf[startOf[clamp(line, startOf.length)]] ?? line,
  };
}

interface Ctx {
  text: string;
  index: LineIndex;
  startOf: Int32Array;
  comments: Comment[];
}

const clamp = (l: number, n: number) => Math.max(0, Math.min(l, n - 1));

// Lines end at LF, CRLF or a lone CR, as in LineIndex (and in the editor), so comment lines and statement lines agree
// with the positions findings are reported at.
const isBreak = (c: string | undefined) => c === '\n' || c === '\r';
/** A line break starts at `i` (CRLF counts once, at its LF). */
const breakAt = (text: string, i: number) => text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n');

function lineEndAt(text: string, i: number): number {
  let e = i;
  while (e < text.length && !isBreak(text[e])) e++;
  return e;
}

function onlySpaceBefore(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0 && !isBreak(text[j]); j--) if (text[j] !== ' ' && text[j] !== '\t') return false;
  return true;
}

function onlySpaceAfter(text: string, i: number): boolean {
  for (let j = i; j < text.length && !isBreak(text[j]); j++) if (text[j] !== ' ' && text[j] !== '\t') return false;
  return true;
}

/** Marks lines from+1..last as belonging to the statement that starts on `first`. */
function continued(ctx: Ctx, first: number, last: number, from = last - 1): void {
  for (let l = from + 1; l <= last && l < ctx.startOf.length; l++) ctx.startOf[l] = first;
}

function pushLineComment(ctx: Ctx, start: number, bodyStart: number): number {
  const end = lineEndAt(ctx.text, start);
  const line = ctx.index.positionAt(start).line;
  ctx.comments.push({ span: { start, end }, body: { start: bodyStart, end }, alone: onlySpaceBefore(ctx.text, start), line, endLine: line });
  return end;
}

const TOML_HEADER = /^\[\[?\s*[A-Za-z0-9_"'][^\],\n]*\]\]?[ \t]*(#.*)?\r?$/;

/** TOML: strings (four kinds), brackets of arrays and inline tables (and template braces), `#` comments. */
function scanToml(ctx: Ctx): void {
  const { text } = ctx;
  let depth = 0;
  let str = '';
  let stmt = -1;
  let line = 0;
  let code = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (breakAt(text, i)) {
      if (str === '"' || str === "'") str = ''; // an unterminated one-line string ends with its line
      const next = line + 1;
      if (stmt >= 0 && (depth > 0 || str)) continued(ctx, stmt, next);
      else stmt = -1;
      line = next;
      code = false;
      continue;
    }
    if (str) {
      if (c === '\\' && (str === '"' || str === '"""')) {
        if (!isBreak(text[i + 1])) i++;
      } else if (text.startsWith(str, i)) {
        i += str.length - 1;
        str = '';
      }
      continue;
    }
    if (c === '#') {
      i = pushLineComment(ctx, i, i + 1) - 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (!code) {
      code = true;
      // A table header at the start of a line ends whatever a broken value left open (tolerance).
      if (c === '[' && depth > 0 && isBreak(text[i - 1]) && TOML_HEADER.test(text.slice(i, lineEndAt(text, i) + 1))) depth = 0, stmt = -1;
      if (stmt < 0) stmt = line;
    }
    if (c === '"' || c === "'") {
      str = text.startsWith(c + c + c, i) ? c + c + c : c;
      i += str.length - 1;
    } else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
}

/** POSIX shell: quotes, `\` line continuations, `#` comments at the start of a word. */
function scanShell(ctx: Ctx): void {
  const { text } = ctx;
  let quote = '';
  let cont = false;
  let stmt = -1;
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (breakAt(text, i)) {
      const next = line + 1;
      if (stmt >= 0 && (quote || cont)) continued(ctx, stmt, next);
      else stmt = -1;
      cont = false;
      line = next;
      continue;
    }
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (c === '\\') {
      if (isBreak(text[i + 1])) cont = true;
      else i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '#' && (i === 0 || /[\s;&|()]/.test(text[i - 1]))) {
      i = pushLineComment(ctx, i, i + 1) - 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (stmt < 0) stmt = line;
    if (c === '"' || c === "'" || c === '`') quote = c;
  }
}

/** Line-based syntaxes: java.util.Properties (`#`/`!` comment lines, odd trailing `\` continues) and .bat. */
function scanLines(ctx: Ctx, syntax: CommentSyntax): void {
  const { text, index } = ctx;
  let stmt = -1;
  for (let l = 0; l < index.lineCount; l++) {
    const start = index.lineStarts[l];
    const end = lineEndAt(text, start);
    const line = text.slice(start, end);
    if (stmt >= 0) ctx.startOf[l] = stmt;
    else {
      const lead = start + (line.length - line.trimStart().length);
      const bat = syntax === 'bat' && /^(rem(\s|$)|::)/i.exec(text.slice(lead, end));
      if (syntax === 'properties' && (text[lead] === '#' || text[lead] === '!')) {
        pushLineComment(ctx, lead, lead + 1);
        continue;
      }
      if (bat) {
        pushLineComment(ctx, lead, lead + (bat[0].startsWith('::') ? 2 : 3));
        continue;
      }
      if (lead === end) continue;
      stmt = l;
    }
    const trailing = syntax === 'bat' ? /\^$/.test(line) : /(^|[^\\])(\\\\)*\\$/.test(line);
    if (!trailing) stmt = -1;
  }
}

/** XML: `<!-- -->` comments anywhere; a tag spread over several lines is one statement. */
function scanXml(ctx: Ctx): void {
  const { text, index } = ctx;
  const lineOf = (i: number) => index.positionAt(i).line;
  for (let i = text.indexOf('<'); i >= 0 && i < text.length; i = text.indexOf('<', i + 1)) {
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      const bodyEnd = close < 0 ? text.length : close;
      const end = close < 0 ? text.length : close + 3;
      ctx.comments.push({ span: { start: i, end }, body: { start: i + 4, end: bodyEnd }, alone: onlySpaceBefore(text, i) && onlySpaceAfter(text, end), line: lineOf(i), endLine: lineOf(end) });
      i = end - 1;
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i);
      i = close < 0 ? text.length : close + 2;
      continue;
    }
    let quote = '';
    let j = i + 1;
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const first = lineOf(i);
    continued(ctx, ctx.startOf[first], lineOf(Math.min(j, text.length)), first);
    i = j;
  }
}
