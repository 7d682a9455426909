// Where the reports are assembled: each file's part is written as soon as it is known — to stdout, to the --output
// temp file, or to the spool of a run that prints only at the end (report-spool.ts) — so no run holds the whole
// report (a 10,000-file SARIF log is 180 MB of text). The bytes are the same wherever they go.
import type { Envelope } from './formats';

export interface ReportSink {
  /** One file's part: a stylish block, or JSON array elements. */
  add(parts: string | readonly string[]): void;
  /** The whole report (when kept), or what is left to print after the streamed parts. */
  finish(tail: (parts: readonly string[]) => string): string;
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
