// Shell tokenizer: words (quotes removed, escapes resolved, `$…` kept as written), operators,
// redirections, comments and `\`+newline continuations. Not a bash parser; just enough structure to
// find simple commands. CRLF is accepted as a line break (bash would not, but the files are the same).
import type { Span } from '../../engine/text';
import type { ShellComment, ShellWord } from './model';
import { skipNested } from './nested';
import { breakAt, readAnsiC, readDoubleQuoted } from './quotes';

/** Receives tokens as they are read (streaming keeps memory flat on huge inputs). */
export interface TokenSink {
  word(word: ShellWord): void;
  /** `;` `;;` `;&` `;;&` `&` `&&` `|` `||` `|&` `(` `)` or `\n`. */
  op(op: string, span: Span): void;
  /** A redirection operator with its fd prefix (`>`, `2>&`, `&>>`, `<<-` …); its target is the next word. */
  redir(op: string, span: Span): void;
}

export interface Lexed {
  comments: ShellComment[];
  /** Offsets of line-continuation backslashes (outside single quotes), ascending (the scan is left to right). */
  continuations: number[];
}

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 13; // a stray CR is blank, not a word char
const isMeta = (c: number): boolean =>
  c === 59 || c === 38 || c === 124 || c === 60 || c === 62 || c === 40 || c === 41; // ; & | < > ( )

function isAssignPrefix(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(s);
}

class Lexer {
  readonly comments: ShellComment[] = [];
  readonly continuations: number[] = [];
  private readonly n: number;
  /** Here-documents opened on the current line; their bodies start after its line break. */
  private pendingHeredocs: { delim: string; stripTabs: boolean }[] = [];
  /** Set by `<<` (true for `<<-`): the next word is a here-document delimiter. */
  private expectHeredocDelim: boolean | undefined;

  constructor(
    private readonly text: string,
    private readonly sink: TokenSink,
  ) {
    this.n = text.length;
  }

  run(): void {
    const { text, n } = this;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const br = breakAt(text, i);
      if (br > 0) {
        this.sink.op('\n', { start: i, end: i + br });
        this.expectHeredocDelim = undefined; // `<<` with no delimiter on its line: nothing to skip
        i = this.skipHeredocBodies(i + br);
      } else if (isBlank(c)) {
        i++;
      } else if (c === 92 /* \ */ && breakAt(text, i + 1) > 0) {
        this.continuations.push(i);
        i += 1 + breakAt(text, i + 1);
      } else if (c === 35 /* # */) {
        let e = text.indexOf('\n', i); // a memchr, not a loop over the comment's characters
        if (e < 0) e = n;
        if (e > i && text.charCodeAt(e - 1) === 13) e--;
        this.comments.push({ span: { start: i, end: e }, text: text.slice(i + 1, e) });
        i = e;
      } else if (c === 40 && text.charCodeAt(i + 1) === 40) {
        // `(( … ))` arithmetic: one opaque word, so its `<<` and `<` are not redirections.
        const end = skipNested(text, i);
        i = this.pushWord(i, end);
      } else if (isMeta(c)) {
        i = this.operator(i, i);
      } else {
        i = this.word(i);
      }
    }
  }

  /** `value` is the word's text when it differs from the raw text (quotes removed, escapes resolved). */
  private pushWord(start: number, end: number, value?: string): number {
    const raw = this.text.slice(start, end);
    const word: ShellWord = { text: value ?? raw, raw, span: { start, end } };
    this.sink.word(word);
    if (this.expectHeredocDelim !== undefined) {
      this.pendingHeredocs.push({ delim: word.text, stripTabs: this.expectHeredocDelim });
      this.expectHeredocDelim = undefined;
    }
    return end;
  }

  /** Operator or redirection at `i`; `start` is earlier when an fd number (`2>`) precedes it. */
  private operator(start: number, i: number): number {
    const { text } = this;
    const c = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    let op: string;
    let redir = false;
    if (c === 59) op = c1 === 59 ? (c2 === 38 ? ';;&' : ';;') : c1 === 38 ? ';&' : ';';
    else if (c === 38) {
      if (c1 === 38) op = '&&';
      else if (c1 === 62) {
        op = c2 === 62 ? '&>>' : '&>';
        redir = true;
      } else op = '&';
    } else if (c === 124) op = c1 === 124 ? '||' : c1 === 38 ? '|&' : '|';
    else if (c === 40 || c === 41) op = text[i];
    else {
      redir = true;
      if (c === 60) {
        if (c1 === 60) op = c2 === 60 ? '<<<' : c2 === 45 ? '<<-' : '<<';
        else op = c1 === 38 ? '<&' : c1 === 62 ? '<>' : '<';
      } else op = c1 === 62 ? '>>' : c1 === 38 ? '>&' : c1 === 124 ? '>|' : '>';
    }
    const end = i + op.length;
    if (redir) {
      this.sink.redir(text.slice(start, end), { start, end });
      if (op === '<<' || op === '<<-') this.expectHeredocDelim = op === '<<-';
    } else {
      this.sink.op(op, { start, end });
    }
    return end;
  }

  /** After a line break: skips the bodies of here-documents opened on the line just ended. */
  private skipHeredocBodies(i: number): number {
    const { text, n } = this;
    for (const { delim, stripTabs } of this.pendingHeredocs) {
      while (i < n) {
        let e = text.indexOf('\n', i);
        if (e < 0) e = n;
        let s = i;
        if (stripTabs) while (s < e && text.charCodeAt(s) === 9) s++;
        const lineEnd = e > s && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
        i = e < n ? e + 1 : n;
        if (text.slice(s, lineEnd) === delim) break;
      }
    }
    this.pendingHeredocs = [];
    return i;
  }

  /** A word starting at `start`: quotes removed, backslash escapes resolved, expansions kept as written. */
  private word(start: number): number {
    const { text, n } = this;
    let out = '';
    let run = start; // start of the not-yet-copied literal run
    let i = start;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10 || isBlank(c)) break;
      if (isMeta(c)) {
        if (c === 40 && out === '' && isAssignPrefix(text.slice(start, i))) {
          i = skipNested(text, i); // NAME=( … ) array value, kept as written
          continue;
        }
        if ((c === 60 || c === 62) && run === start && /^[0-9]+$/.test(text.slice(start, i))) {
          return this.operator(start, i); // `2>`: the digits are the redirection's fd, not a word
        }
        break;
      }
      if (c === 92 /* \ */) {
        out += text.slice(run, i);
        const br = breakAt(text, i + 1);
        if (br > 0) {
          this.continuations.push(i);
          i += 1 + br;
        } else if (i + 1 < n) {
          out += text[i + 1];
          i += 2;
        } else {
          out += '\\';
          i++;
        }
        run = i;
      } else if (c === 39 /* ' */) {
        out += text.slice(run, i);
        const close = text.indexOf("'", i + 1);
        const end = close < 0 ? n : close;
        out += text.slice(i + 1, end);
        i = run = Math.min(end + 1, n);
      } else if (c === 34 /* " */) {
        out += text.slice(run, i);
        const r = readDoubleQuoted(text, i + 1, this.continuations);
        out += r.value;
        i = run = r.end;
      } else if (c === 36 /* $ */) {
        const d = text.charCodeAt(i + 1);
        if (d === 40 || d === 123) i = skipNested(text, i);
        else if (d === 39) {
          out += text.slice(run, i);
          const r = readAnsiC(text, i + 2);
          out += r.value;
          i = run = r.end;
        } else if (d === 34) {
          out += text.slice(run, i);
          const r = readDoubleQuoted(text, i + 2, this.continuations);
          out += r.value;
          i = run = r.end;
        } else i++;
      } else if (c === 96 /* ` */) {
        i = skipNested(text, i);
      } else i++;
    }
    // A plain word (nothing removed or resolved) is its raw text: one string, not two equal copies.
    return this.pushWord(start, i, run === start ? undefined : out + text.slice(run, i));
  }
}

export function lexShell(text: string, sink: TokenSink): Lexed {
  const lexer = new Lexer(text, sink);
  lexer.run();
  return { comments: lexer.comments, continuations: lexer.continuations };
}
