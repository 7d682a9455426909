// A report that must wait until the end (a run that writes files: --fix, --update-baseline — an error, exit 2, prints
// nothing) goes into a temp file as it is made, not into memory, and is copied to stdout at the end with
// back-pressure. The file is created exclusively (0600) with a random name and unlinked at once, so nothing is left
// behind whatever happens to the process; the report never carries a secret's value anyway.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliError } from './errors';
import type { StdoutWriter } from './stdout-writer';

export interface ReportSpool {
  write: (text: string) => void;
  /** Copies everything written to `out`, a chunk at a time, waiting whenever it is behind; then closes the spool. */
  copyTo: (out: StdoutWriter) => Promise<void>;
  /** Closes (and so frees) the spool without printing it. */
  close: () => void;
}

/** Read back in chunks of this size: one chunk is the most the copy holds. */
const CHUNK = 64 * 1024;

export function openSpool(dir = os.tmpdir()): ReportSpool {
  const file = path.join(dir, `carbonlint-report-${randomBytes(8).toString('hex')}.tmp`);
  const failure = (e: unknown) => new CliError(`cannot write the report's temp file in ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx+', 0o600);
  } catch (e) {
    throw failure(e);
  }
  // Unlinked at once: the open descriptor keeps the data until it is closed (where an open file cannot be
  // unlinked, Windows, it is removed when closed).
  let linked = true;
  try {
    fs.unlinkSync(file);
    linked = false;
  } catch {
    /* removed at close */
  }
  let open = true;
  let size = 0;
  const close = () => {
    if (open) fs.closeSync(fd);
    open = false;
    if (linked) fs.rmSync(file, { force: true });
    linked = false;
  };
  return {
    write: (text) => {
      try {
        const b = Buffer.from(text);
        for (let off = 0; off < b.length;) off += fs.writeSync(fd, b, off, b.length - off, size + off);
        size += b.length;
      } catch (e) {
        throw failure(e);
      }
    },
    copyTo: async (out) => {
      try {
        const buf = Buffer.allocUnsafe(CHUNK);
        for (let at = 0; at < size;) {
          const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, size - at), at);
          if (n <= 0) break;
          at += n;
          // A copy: the stream may still hold the chunk when the buffer is reused.
          out.write(Buffer.from(buf.subarray(0, n)));
          await out.drained();
        }
      } finally {
        close();
      }
    },
    close,
  };
}
