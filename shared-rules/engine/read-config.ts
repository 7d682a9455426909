// Reading a configuration file found in a workspace, which may be hostile: only a regular file is read, judged on the
// OPEN descriptor (a path swapped for a FIFO or /dev/zero between a stat and the open changes nothing), opened with
// O_NONBLOCK so that opening a FIFO cannot block, and never more than fstat's size (a file that grows is not followed).
// A file over the size limit gives only its head (enough to classify it and word the notice). Never throws.
import * as fs from 'node:fs';
import { promises as fsp } from 'node:fs';
import { firstInvalidUtf8 } from './utf8';

/** The head kept of a file too large to check. */
export const HEAD_BYTES = 64 * 1024;

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export type ConfigRead =
  /** `text` is the whole file, or its first HEAD_BYTES when `size` is over the limit (`tooLarge`). */
  | {
    ok: true; text: string; size: number; tooLarge: boolean;
    /** Offset in `text` of the first character decoded from bytes that are not UTF-8 (they read as U+FFFD). */
    invalidUtf8At?: number;
  }
  /** Not read: `reason` says why, for a notice ("a named pipe (FIFO), not a regular file"). */
  | { ok: false; reason: string };

/** What a non-regular file is, in words. */
export function describeNonRegular(st: fs.Stats): string {
  const what = st.isFIFO() ? 'a named pipe (FIFO)' : st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device'
    : st.isSocket() ? 'a socket' : st.isDirectory() ? 'a folder' : 'a special file';
  return `${what}, not a regular file; not read`;
}

export function cannotRead(e: unknown): string {
  return `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
}

function decoded(bytes: Buffer, size: number, tooLarge: boolean): ConfigRead {
  const text = bytes.toString('utf8');
  // The head of a large file may end inside a character: that cut is not the file's fault.
  const invalidUtf8At = tooLarge ? undefined : firstInvalidUtf8(bytes, text);
  return invalidUtf8At === undefined ? { ok: true, text, size, tooLarge } : { ok: true, text, size, tooLarge, invalidUtf8At };
}

/** Reads `file` if it is a regular file; over `maxBytes`, only its head. */
export function readConfigFile(file: string, maxBytes: number): ConfigRead {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: describeNonRegular(st) };
    const tooLarge = st.size > maxBytes;
    const want = tooLarge ? Math.min(HEAD_BYTES, st.size) : st.size;
    const buf = Buffer.alloc(want);
    let n = 0;
    while (n < want) {
      const r = fs.readSync(fd, buf, n, want - n, n);
      if (r === 0) break; // truncated meanwhile
      n += r;
    }
    return decoded(buf.subarray(0, n), st.size, tooLarge);
  } catch (e) {
    return { ok: false, reason: cannotRead(e) };
  } finally {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already closed */ }
  }
}

/** The same, without blocking the event loop (the language server's workspace scan). */
export async function readConfigFileAsync(file: string, maxBytes: number): Promise<ConfigRead> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(file, OPEN_FLAGS);
    const st = await fh.stat();
    if (!st.isFile()) return { ok: false, reason: describeNonRegular(st) };
    const tooLarge = st.size > maxBytes;
    const want = tooLarge ? Math.min(HEAD_BYTES, st.size) : st.size;
    const buf = Buffer.alloc(want);
    let n = 0;
    while (n < want) {
      const { bytesRead } = await fh.read(buf, n, want - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    return decoded(buf.subarray(0, n), st.size, tooLarge);
  } catch (e) {
    return { ok: false, reason: cannotRead(e) };
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** "9 MB" / "512 KB" / "700 bytes": sizes in notices, rounded as people say them (1 MB = 2^20 bytes). */
export function humanSize(bytes: number): string {
  if (bytes >= 1 << 20) return `${+(bytes / (1 << 20)).toFixed(bytes >= 10 << 20 ? 0 : 1)} MB`;
  if (bytes >= 1 << 10) return `${+(bytes / (1 << 10)).toFixed(bytes >= 10 << 10 ? 0 : 1)} KB`;
  return `${bytes} bytes`;
}

/** The size notice, the same in every front end: "File not checked: 9 MB (9437184 bytes), over the 8 MB limit …". */
export function tooLargeMessage(size: number, max: number): string {
  return `File not checked: ${humanSize(size)} (${size} bytes), over the ${humanSize(max)} limit (setting carbonlint.maxFileSize).`;
}

/** A project file (.carbonlint.json) larger than this is not read: real ones are a few kilobytes. */
export const PROJECT_FILE_MAX_BYTES = 1 << 20;
