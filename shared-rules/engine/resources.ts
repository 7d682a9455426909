// The default RuleResources: the real disk (bounded, never blocking on FIFOs or devices, never throwing) and the
// process environment. The server and the CLI get it without doing anything.
import * as fs from 'node:fs';
import type { RuleResources } from './rule';
import { knownAbsent } from './disk-snapshot';

/** Larger files read as absent: a keystore is well under a megabyte (the largest shipped one is 195 KB). */
export const MAX_RESOURCE_BYTES = 8 * 1024 * 1024;

export function readFileBounded(absPath: string, maxBytes = MAX_RESOURCE_BYTES): Uint8Array | undefined {
  if (knownAbsent(absPath)) return undefined; // a CLI run's walk saw no such file (disk-snapshot.ts)
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO named in a config file must not hang the server; fstat then rejects it.
    fd = fs.openSync(absPath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    const buf = Buffer.alloc(st.size);
    let n = 0;
    while (n < st.size) {
      const r = fs.readSync(fd, buf, n, st.size - n, n);
      if (r === 0) break;
      n += r;
    }
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already closed */ }
  }
}

export function nodeResources(env: Readonly<Record<string, string | undefined>> = process.env): RuleResources {
  return { readFile: (p) => readFileBounded(p), env };
}
