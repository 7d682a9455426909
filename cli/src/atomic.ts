// Writes a file so that a failure midway leaves the original intact, and so that a hostile repository cannot turn the
// write against anything else: the temp file has a random name and is created exclusively (O_EXCL | O_NOFOLLOW: a
// planted file or symlink at that name is never opened) in the target's own folder, gets the original's mode and
// owner, and replaces the target by rename. A symlinked target is written at its real path (the link stays a link)
// — unless that leaves the allowed folders. With `expected`, the target is read again just before the rename and
// left alone if it changed since it was read (an editor saved meanwhile).
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from '../../shared-rules/engine/workspace';
import { describeNonRegular, readConfigFile } from '../../shared-rules/engine/read-config';

export interface AtomicOptions {
  /** The content the target had when it was read: if it differs now, nothing is written (WriteSkipped). */
  expected?: string;
  /** Real folders the written file must be in (the workspace); a symlink out of them is refused. */
  within?: readonly string[];
}

/** A write refused on purpose (the target changed, or leads outside): reported, never retried. */
export class WriteSkipped extends Error {
  readonly code = 'ESKIPPED';
}

const TEMP_TRIES = 8;
const OPEN_TEMP = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);

/** `content` may come in pieces (a baseline, a finding at a time): written in turn, never joined. */
export function writeAtomic(file: string, content: string | Iterable<string>, options: AtomicOptions = {}): void {
  const target = resolveTarget(file, options.within);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(target);
  } catch {
    st = undefined; // a new file (--output, baselines) gets the default mode
  }
  if (st && !st.isFile()) throw new WriteSkipped(describeNonRegular(st).replace('not read', 'not replaced'));
  const dir = path.dirname(target);
  let tmp = '';
  let fd: number | undefined;
  for (let i = 0; fd === undefined; i++) {
    tmp = path.join(dir, `.${path.basename(target)}.carbonlint-${crypto.randomBytes(8).toString('hex')}.tmp`);
    try {
      fd = fs.openSync(tmp, OPEN_TEMP, st ? st.mode & 0o7777 : 0o666);
    } catch (e) {
      // Someone else's file at that name (a squatter, a planted link): left alone, another name is tried.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || i + 1 >= TEMP_TRIES) throw e;
    }
  }
  try {
    try {
      for (const piece of typeof content === 'string' ? [content] : content) fs.writeFileSync(fd, piece); // at the file's position: appended
      if (st) {
        fs.fchmodSync(fd, st.mode & 0o7777); // the umask may have narrowed it at creation
        if (st.uid !== process.getuid?.() || st.gid !== process.getgid?.()) fs.fchownSync(fd, st.uid, st.gid);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.expected !== undefined && !unchanged(target, options.expected)) {
      throw new WriteSkipped('changed since it was read; not written');
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    // Only our own temp file is removed (it was created exclusively above); the real error is what is reported.
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

/**
 * Whether `target` is one of `roots` or inside one: its folders are looked up in a set made once per list, not every
 * root tried per file (pre-commit passes each changed file, so a --fix run had as many roots as files). On Windows
 * path.relative ignores case, so each root is tried there, as before.
 */
const ROOT_SETS = new WeakMap<readonly string[], Set<string>>();
function insideAny(roots: readonly string[], target: string): boolean {
  if (process.platform === 'win32') return roots.some((root) => isInside(root, target));
  let set = ROOT_SETS.get(roots);
  if (!set) ROOT_SETS.set(roots, (set = new Set(roots.map((r) => path.resolve(r)))));
  for (let p = path.resolve(target); ; p = path.dirname(p)) {
    if (set.has(p)) return true;
    if (path.dirname(p) === p) return false;
  }
}

/** The path to write: a symlink's real path when it stays within the allowed folders. */
function resolveTarget(file: string, within?: readonly string[]): string {
  const abs = path.resolve(file);
  let link: fs.Stats | undefined;
  try {
    link = fs.lstatSync(abs);
  } catch {
    link = undefined;
  }
  let target = abs;
  if (link?.isSymbolicLink()) {
    try {
      target = fs.realpathSync(abs);
    } catch (e) {
      throw new WriteSkipped(`a symbolic link that cannot be resolved (${(e as NodeJS.ErrnoException).code ?? 'error'}); not written`);
    }
  } else {
    try {
      target = path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      target = abs;
    }
  }
  if (within && !insideAny(within, target)) {
    throw new WriteSkipped(`${link?.isSymbolicLink() ? 'a symbolic link' : 'a path'} to outside the workspace (${target}); not written`);
  }
  return target;
}

/** Whether `file` still holds `expected` (read bounded and non-blocking: it may have been swapped for a FIFO). */
function unchanged(file: string, expected: string): boolean {
  const now = readConfigFile(file, expected.length * 3 + 4); // a UTF-16 unit is at most 3 bytes of UTF-8
  return now.ok && !now.tooLarge && now.text === expected;
}
