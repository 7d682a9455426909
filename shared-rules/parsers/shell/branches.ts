// Which branch of the script a command sits in. The normal start path is the script run with no
// argument: the arms for `--debug`, `--stop`, `start`, `restart`, `version`… (an `if`/`elif` comparing
// an argument to such a word, or a `case` arm matching it) are not taken, nor is `if [ -n "$X" ]` (an
// opt-in: X is unset unless the operator sets it). Assignments there must not count as always run.
import type { ShellWord } from './model';

/** Words a Carbon script takes as its command (`--debug`, `-stop`, `stop`…). */
const COMMAND_WORD = /^-{0,2}(debug|stop|start|restart|version|test|optimize|dump|help|status|run)$/i;

interface Frame {
  kind: 'if' | 'case' | 'loop';
  /** The condition or pattern of the arm in force, when that arm is off the normal start path. */
  offPath?: string;
  /** `case`: the next command (ended by `)`) is an arm's pattern. */
  expectPattern?: boolean;
}

/** Is an `if`/`elif` condition (its words after the keyword) one the normal start does not meet? */
function offPathCondition(words: readonly ShellWord[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i].text;
    if (w === '-n' && i + 1 < words.length && words[i + 1].raw.includes('$')) return true;
    // `[ "$c" = "--debug" ]`, `[ "$CMD" == "stop" ]`: an argument compared with a command word.
    if ((w === '=' || w === '==') && i > 0 && i + 1 < words.length && words[i - 1].raw.includes('$')) {
      const lit = words[i + 1].text;
      if (!lit.includes('$') && (COMMAND_WORD.test(lit) || /^--?[A-Za-z]/.test(lit))) return true;
    }
  }
  return false;
}

/** Is a `case` arm's pattern (its alternatives) one the normal start does not match? */
function offPathPattern(words: readonly ShellWord[]): boolean {
  const alts = words.map((w) => w.text).filter((t) => t !== '' && t !== '(');
  return alts.length > 0 && alts.every((t) => COMMAND_WORD.test(t) || /^--?[A-Za-z]/.test(t));
}

const MAX_FRAMES = 256; // hostile nesting: deeper frames are not tracked (their commands count as run)

/** Fed every simple command and operator in order; says whether the current command is off the normal path. */
export class BranchTracker {
  private readonly frames: Frame[] = [];
  private dropped = 0;

  /** The first off-path condition among the enclosing arms, if any. */
  offPath(): string | undefined {
    for (const f of this.frames) if (f.offPath !== undefined) return f.offPath;
    return undefined;
  }

  private push(f: Frame): void {
    if (this.frames.length < MAX_FRAMES) this.frames.push(f);
    else this.dropped++;
  }

  private pop(kind: Frame['kind']): void {
    if (this.dropped > 0) {
      this.dropped--;
      return;
    }
    const top = this.frames[this.frames.length - 1];
    if (top && top.kind === kind) this.frames.pop();
  }

  /** An operator ended a command: `;;` (and `;&`, `;;&`) ends a case arm. */
  op(op: string): void {
    if (op.startsWith(';;') || op === ';&') {
      const top = this.frames[this.frames.length - 1];
      if (top?.kind === 'case') {
        top.expectPattern = true;
        top.offPath = undefined;
      }
    }
  }

  /** A simple command, with the operator that ended it: updates the frames for its leading reserved words. */
  command(words: readonly ShellWord[], endOp: string | undefined): void {
    const top = this.frames[this.frames.length - 1];
    if (top?.kind === 'case' && top.expectPattern && words.length > 0) {
      const head = words[0];
      if (head.raw === 'esac') {
        this.pop('case');
        return;
      }
      if (endOp === ')') {
        top.expectPattern = false;
        top.offPath = offPathPattern(words) ? words.map((w) => w.raw).join(' ') : undefined;
        return;
      }
    }
    for (let k = 0; k < words.length; k++) {
      const w = words[k];
      if (w.raw !== w.text) return; // quoted: not a reserved word
      switch (w.text) {
        case 'then':
        case 'do':
        case '!':
        case '{':
        case 'time':
          continue;
        case 'if':
        case 'elif': {
          const cond = words.slice(k + 1);
          const offPath = offPathCondition(cond) ? cond.map((c) => c.raw).join(' ') : undefined;
          if (w.text === 'if') this.push({ kind: 'if', offPath });
          else {
            const f = this.frames[this.frames.length - 1];
            if (f?.kind === 'if') f.offPath = offPath;
          }
          return;
        }
        case 'else': {
          const f = this.frames[this.frames.length - 1];
          if (f?.kind === 'if') f.offPath = undefined; // the negation of a start-path test is not known to be off it
          continue;
        }
        case 'fi':
          this.pop('if');
          return;
        case 'case':
          this.push({ kind: 'case', expectPattern: true });
          return;
        case 'esac':
          this.pop('case');
          return;
        case 'for':
        case 'while':
        case 'until':
        case 'select':
          this.push({ kind: 'loop' });
          return;
        case 'done':
          this.pop('loop');
          return;
        default:
          return;
      }
    }
  }
}
