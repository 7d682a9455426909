// --output FILE written as the report streams: into a temp file with a random name, created exclusively in the
// same folder, renamed over FILE at the end — so a failed run (exit 2) leaves FILE as it was and the report is
// never held whole in memory (a 100 MB SARIF log took 930 MB when kept).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from './errors';

export interface OutputFile {
  write: (text: string | Uint8Array) => void;
  /** Renames the temp file over the output. */
  commit: () => void;
  /** Removes the temp file (after an error). */
  abort: () => void;
}

const failure = (file: string, e: unknown) => new CliError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);

export function openOutput(file: string): OutputFile {
  const target = path.resolve(file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.carbonlint-${randomBytes(8).toString('hex')}.tmp`);
  let fd: number;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    let mode = 0o666;
    try {
      mode = fs.statSync(target).mode & 0o7777;
    } catch {
      /* a new file */
    }
    fd = fs.openSync(tmp, 'wx', mode);
  } catch (e) {
    throw failure(file, e);
  }
  let open = true;
  const close = () => {
    if (open) fs.closeSync(fd);
    open = false;
  };
  return {
    write: (text) => {
      try {
        // A write may take only part of what it is given: the rest is written in turn.
        const b = typeof text === 'string' ? Buffer.from(text) : text;
        for (let off = 0; off < b.length;) off += fs.writeSync(fd, b, off, b.length - off);
      } catch (e) {
        throw failure(file, e);
      }
    },
    commit: () => {
      try {
        close();
        fs.renameSync(tmp, target);
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        throw failure(file, e);
      }
    },
    abort: () => {
      try {
        close();
      } finally {
        fs.rmSync(tmp, { force: true });
      }
    },
  };
}
