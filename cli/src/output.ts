// Where a command's output goes: stdout, or --output FILE (written atomically, its folder created). A path that
// cannot be written fails at once (exit 2): the folders are created one level at a time from the nearest one that
// exists (node's recursive mkdir loops forever under /proc), and a FIFO, device or folder at the path is refused,
// never replaced.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAtomic } from './atomic';
import { CliError } from './errors';
import { describeNonRegular } from '../../shared-rules/engine/read-config';

/** Deeper than any real output path; bounds the walk up to the nearest existing folder. */
const MAX_NEW_LEVELS = 64;

export function emit(text: string | Iterable<string>, file?: string): void {
  if (!file) {
    for (const piece of typeof text === 'string' ? [text] : text) process.stdout.write(piece);
    return;
  }
  try {
    makeFolders(path.dirname(path.resolve(file)));
    writeAtomic(path.resolve(file), text);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new CliError(`${file}: cannot write (${err.code === 'ESKIPPED' ? err.message : err.code ?? err.message})`);
  }
}

/**
 * Checked before a command does its work, so a path that cannot be written fails fast: its folder exists or is made,
 * and nothing but a regular file (or nothing) is at the path.
 */
export function checkOutput(file: string | undefined, flag = '--output'): void {
  if (!file) return;
  try {
    makeFolders(path.dirname(path.resolve(file)));
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK); // a read-only folder fails now, not after the scan
    const st = fs.statSync(path.resolve(file), { throwIfNoEntry: false });
    if (st && !st.isFile()) throw Object.assign(new Error(describeNonRegular(st).replace('not read', 'not replaced')), { code: 'ESKIPPED' });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new CliError(`${flag} ${file}: cannot write (${err.code === 'ESKIPPED' ? err.message : err.code ?? err.message})`);
  }
}

function makeFolders(dir: string): void {
  const missing: string[] = [];
  let d = dir;
  for (;;) {
    const st = fs.statSync(d, { throwIfNoEntry: false });
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`${d} is not a folder`), { code: 'ENOTDIR' });
      break;
    }
    if (missing.length >= MAX_NEW_LEVELS || path.dirname(d) === d) throw Object.assign(new Error(`cannot create ${dir}`), { code: 'ENOENT' });
    missing.push(d);
    d = path.dirname(d);
  }
  for (const m of missing.reverse()) {
    try {
      fs.mkdirSync(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
