// Which store files CarbonLint may open: only those inside the product home (the folder the configuration belongs
// to, or the configured product home). A hostile deployment.toml can name any path — `/etc/shadow`,
// `/proc/self/environ`, `../../../../etc/passwd`, or a link planted in the home that points out of it — and such a
// file is never opened, statted for its content or hashed: it gets a notice instead.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from '../engine/workspace';
import { knownAbsent } from '../engine/disk-snapshot';

export const OUTSIDE_MESSAGE = 'not inspected: outside the workspace (CarbonLint opens only keystores inside the product home)';

/** True when `file` is, by its name or by the links on its way, outside every one of `roots`. */
export function outsideRoots(file: string, roots: readonly string[]): boolean {
  const abs = path.resolve(file);
  const resolvedRoots = roots.map((r) => path.resolve(r));
  if (!resolvedRoots.some((r) => isInside(r, abs))) return true;
  if (knownAbsent(abs)) return false; // a CLI run's walk saw no such file (disk-snapshot.ts): as not on disk, below
  let real: string;
  try {
    // A name that is not there cannot lead anywhere; most candidates are absent (a store is looked for in several
    // folders), and a thrown ENOENT per candidate per keystroke was measurable while typing.
    if (!fs.lstatSync(abs, { throwIfNoEntry: false })) return false;
    real = fs.realpathSync(abs);
  } catch {
    return false; // not on disk (or a stub's file): nothing there to read through a link
  }
  return !resolvedRoots.some((r) => isInside(realOr(r), real));
}

// By name, the answer depends on the strings alone once they are absolute (no working folder): remembered, bounded.
const BY_NAME_MAX = 512;
const byName = new Map<string, boolean>();

/**
 * outsideRoots for a file whose folder is absent: its name decides. Nothing is read either way (the file is not
 * there, wherever a link on its way points), so this only chooses between the outside notice and silence.
 */
export function outsideByName(file: string, roots: readonly string[]): boolean {
  if (!path.isAbsolute(file) || !roots.every((r) => path.isAbsolute(r))) return nameOutside(file, roots);
  const key = `${file}\u0000${roots.join('\u0000')}`;
  let o = byName.get(key);
  if (o === undefined) {
    o = nameOutside(file, roots);
    if (byName.size >= BY_NAME_MAX) byName.clear();
    byName.set(key, o);
  }
  return o;
}

function nameOutside(file: string, roots: readonly string[]): boolean {
  const abs = path.resolve(file);
  return !roots.some((r) => isInside(path.resolve(r), abs));
}

function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
