// Where the stylish and JSON reports are assembled. A plain check to stdout prints each file's part as soon as it is
// known, so a 10,000-file run does not hold the whole report (21 MB of text) until the end; a run that writes
// (--fix, --update-baseline, --output) keeps it, so that an error (exit 2) still prints and writes nothing. The
// bytes are the same either way.
import type { Envelope } from './formats';

export interface ReportSink {
  /** One file's part: a stylish block, or JSON array elements. */
  add(parts: string | readonly string[]): void;
  /** The whole report (when kept), or what is left to print after the streamed parts. */
  finish(tail: (parts: readonly string[]) => string): string;
}

/** Keeps every part until the end. */
export function keptReport(): ReportSink {
  const parts: string[] = [];
  return {
    add: (p) => void (typeof p === 'string' ? parts.push(p) : parts.push(...p)),
    finish: (tail) => tail(parts),
  };
}

/**
 * Prints stylish blocks as they come: the report is the blocks joined by '\n' and then its summary, so each block
 * goes out with its '\n' and the summary is what `tail([])` gives after them.
 */
export function streamedStylish(write: (text: string) => void): ReportSink {
  return {
    add: (p) => (typeof p === 'string' ? [p] : p).forEach((block) => write(block + '\n')),
    finish: (tail) => tail([]),
  };
}

/** Prints a format's elements as they come (its envelope's opening before the first); `finish` gives the rest. */
export function streamedList(write: (text: string) => void, env: Envelope): ReportSink {
  let first = true;
  return {
    add: (p) => {
      for (const el of typeof p === 'string' ? [p] : p) {
        write((first ? env.open : env.sep) + el);
        first = false;
      }
    },
    finish: () => (first ? env.empty() : env.close()),
  };
}
