// Writes a streamed report to stdout with back-pressure: when the stream is behind (write() returned false), the
// scan waits for 'drain' before linting the next file, so a slow reader (a pipe to a CI log) cannot make the
// report pile up in memory.
import { once } from 'node:events';

export interface StdoutWriter {
  write: (text: string | Uint8Array) => void;
  /** Resolves at once, or when the stream has drained after a write that filled its buffer. */
  drained: () => Promise<void>;
}

/** `before` runs before each write (the CLI clears its progress line on a terminal's stderr there). */
export function stdoutWriter(stream: NodeJS.WritableStream, before: () => void = () => {}): StdoutWriter {
  // The wait starts at the write that filled the buffer, not when the caller asks: a caller that yields to the event
  // loop in between (the --jobs pool does) would otherwise miss the 'drain' and wait for ever.
  let waiting: Promise<void> | undefined;
  return {
    write: (text) => {
      before();
      if (stream.write(text) || waiting) return;
      // An error (EPIPE: the reader went away) ends the wait too; main.ts handles it. The two listeners that did not
      // fire are removed (left behind, they piled up: one 'error' and one 'close' listener per wait).
      const ac = new AbortController();
      const { signal } = ac;
      waiting = Promise.race([once(stream, 'drain', { signal }), once(stream, 'error', { signal }), once(stream, 'close', { signal })])
        .catch(() => undefined)
        .then(() => {
          ac.abort();
          waiting = undefined;
        });
    },
    drained: () => waiting ?? Promise.resolve(),
  };
}
