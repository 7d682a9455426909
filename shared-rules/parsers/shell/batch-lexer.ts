// Windows cmd tokenizer: splits a .bat/.cmd script into simple commands (words with spans), the way cmd
// reads a line: `"…"` groups (and ends at the line break), `^x` escapes x outside quotes, `^`+newline
// continues the line, `& && | ||` separate commands, `( … )` blocks, `> < 2>&1` redirections (targets
// are not words), `rem`/`::` comments, `:label` lines. Nothing is expanded: `%VAR%` stays as written.
import type { ShellComment, ShellWord } from './model';
import { breakAt } from './quotes';

export interface BatchCommand {
  words: ShellWord[];
  /** Offset of the first word, and just past the command's last character (trailing blanks excluded). */
  start: number;
  end: number;
  /** `( … )` blocks open around the command. */
  depth: number;
  /** The command is ended by `(`: it opens a block (`if … (`, `else (`, `for … do (`). */
  opensBlock?: boolean;
  /** Run only on another command's outcome (after `&&` or `||`). */
  conditional?: boolean;
}

export interface BatchLexed {
  commands: BatchCommand[];
  comments: ShellComment[];
  /** Offsets of `^` carets that continue a line, ascending. */
  continuations: number[];
}

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 13;

class BatchLexer {
  readonly commands: BatchCommand[] = [];
  readonly comments: ShellComment[] = [];
  readonly continuations: number[] = [];
  private words: ShellWord[] = [];
  private cmdEnd = 0;
  private depth = 0; // open `(` blocks
  private skipNextWord = false; // a redirection target follows
  private atLineStart = true;
  private conditional = false; // the pending command follows `&&` / `||`

  constructor(private readonly text: string) {}

  run(): void {
    const { text } = this;
    const n = text.length;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const br = breakAt(text, i);
      if (br > 0) {
        this.finish();
        this.atLineStart = true;
        i += br;
      } else if (isBlank(c) || (c === 64 /* @ */ && this.words.length === 0)) {
        i++;
      } else if (c === 94 /* ^ */ && breakAt(text, i + 1) > 0) {
        this.continuations.push(i);
        i += 1 + breakAt(text, i + 1);
      } else if (this.atLineStart && c === 58 /* : */) {
        i = this.comment(i, text.charCodeAt(i + 1) === 58 ? i + 2 : i + 1); // `::` comment or `:label`
      } else if (c === 38 /* & */ || c === 124 /* | */) {
        this.finish();
        const doubled = text.charCodeAt(i + 1) === c;
        this.conditional = doubled;
        i += doubled ? 2 : 1;
      } else if (c === 40 /* ( */) {
        // Only reached where a word could start (inside a word `(` is literal): opens a block.
        this.finish(true);
        this.depth++;
        i++;
      } else if (c === 41 /* ) */ && this.depth > 0) {
        this.finish();
        this.depth--;
        i++;
      } else if (c === 62 /* > */ || c === 60 /* < */) {
        i = this.redirection(i);
      } else {
        i = this.word(i);
      }
    }
    this.finish();
  }

  private comment(start: number, textStart: number): number {
    let e = start;
    while (e < this.text.length && this.text.charCodeAt(e) !== 10) e++;
    const end = e > start && this.text.charCodeAt(e - 1) === 13 ? e - 1 : e;
    this.comments.push({ span: { start, end }, text: this.text.slice(textStart, end) });
    return e;
  }

  private redirection(i: number): number {
    const { text } = this;
    // A lone fd number just before (`2>`) belongs to the redirection.
    const last = this.words[this.words.length - 1];
    if (last && last.span.end === i && /^[0-9]$/.test(last.raw)) this.words.pop();
    i++;
    if (text.charCodeAt(i) === text.charCodeAt(i - 1)) i++; // >> or <<
    if (text.charCodeAt(i) === 38 /* & */) {
      i++;
      while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++; // >&1
      return i;
    }
    this.skipNextWord = true;
    return i;
  }

  /** A word from `start`: ends at a blank, line break, `& | < >`, or `)` closing a block. */
  private word(start: number): number {
    const { text } = this;
    const n = text.length;
    let out = '';
    let i = start;
    let quoted = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10)) break; // quotes end at the line break too
      if (c === 34 /* " */) {
        quoted = !quoted;
        i++;
        continue;
      }
      if (!quoted) {
        if (isBlank(c) || c === 38 || c === 124 || c === 60 || c === 62) break;
        if (c === 41 && this.depth > 0) break;
        if (c === 94 /* ^ */) {
          const br = breakAt(text, i + 1);
          if (br > 0) {
            this.continuations.push(i);
            i += 1 + br;
            if (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) out += text[i++]; // first char of the next line is escaped
          } else if (i + 1 < n) {
            out += text[i + 1];
            i += 2;
          } else i++;
          continue;
        }
      }
      out += text[i];
      i++;
    }
    const word: ShellWord = { text: out, raw: text.slice(start, i), span: { start, end: i } };
    if (this.skipNextWord) this.skipNextWord = false;
    else if (this.words.length === 0 && /^rem$/i.test(out)) return this.comment(start, Math.min(i + 1, this.lineEnd(i)));
    else this.words.push(word);
    this.cmdEnd = i;
    this.atLineStart = false;
    return i;
  }

  private lineEnd(i: number): number {
    let e = i;
    while (e < this.text.length && this.text.charCodeAt(e) !== 10) e++;
    return e > i && this.text.charCodeAt(e - 1) === 13 ? e - 1 : e;
  }

  private finish(opensBlock = false): void {
    if (this.words.length > 0) {
      const cmd: BatchCommand = { words: this.words, start: this.words[0].span.start, end: this.cmdEnd, depth: this.depth };
      if (opensBlock) cmd.opensBlock = true;
      if (this.conditional) cmd.conditional = true;
      this.commands.push(cmd);
    }
    this.conditional = false;
    this.words = [];
    this.skipNextWord = false;
  }
}

export function lexBatch(text: string): BatchLexed {
  const lexer = new BatchLexer(text);
  lexer.run();
  return { commands: lexer.commands, comments: lexer.comments, continuations: lexer.continuations };
}
