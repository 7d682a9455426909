// Groups tokens into simple commands: the words between operators (`;`, `&&`, `|`, newline, `(` …),
// with redirections and their targets set aside (they are not arguments).
import type { Span } from '../../engine/text';
import type { TokenSink } from './lexer';
import type { ShellWord } from './model';

export interface SimpleCommand {
  /** Argument words in order (redirection operators and targets excluded). */
  words: ShellWord[];
  /** Offset just past the command's last word or redirection target. */
  end: number;
  /** The operator that ended it (`;`, `)`, `\n`…); none at EOF. */
  endOp?: string;
}

/** A TokenSink that hands each finished simple command to `onCommand`. Call `finish()` at EOF. */
export class CommandAssembler implements TokenSink {
  private words: ShellWord[] = [];
  private end = 0;
  private redirTarget = false;

  constructor(
    private readonly onCommand: (cmd: SimpleCommand) => void,
    /** Every operator, after the command it ends was handed over. */
    private readonly onOp?: (op: string) => void,
  ) {}

  word(word: ShellWord): void {
    this.end = word.span.end;
    if (this.redirTarget) this.redirTarget = false;
    else this.words.push(word);
  }

  op(op: string): void {
    this.finish(op);
    this.onOp?.(op);
  }

  redir(_op: string, span: Span): void {
    this.end = span.end;
    this.redirTarget = true;
  }

  finish(endOp?: string): void {
    if (this.words.length > 0) this.onCommand({ words: this.words, end: this.end, endOp });
    this.words = [];
    this.redirTarget = false;
  }
}

/** Reserved words that may precede a command on the same line (`then java …`, `do $JAVACMD …`). */
const LEADING_RESERVED = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);

/** Index of the first word after leading reserved words (only unquoted ones are reserved). */
export function skipReserved(words: readonly ShellWord[]): number {
  let k = 0;
  while (k < words.length && words[k].raw === words[k].text && LEADING_RESERVED.has(words[k].text)) k++;
  return k;
}
