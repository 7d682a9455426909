// Finding the checked files under a folder without blocking: an async walk for the language server's
// workspace scan (the CLI's synchronous walk is engine/walk.ts; both skip the same kinds of folder and
// recognise files with files.ts). Symlinked folders are followed once (loops are safe).
import { promises as fsp, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { mayClassify } from './files';

/** Dependency and version-control folders: never product configuration. */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.bzr', '_darcs', 'CVS', '.jj', '.vscode-test']);

export interface WalkControl {
  /** Leave out this file or folder (absolute path). */
  excluded?(absPath: string, isFolder: boolean): boolean;
  /** Checked between folders: stop early. */
  cancelled?(): boolean;
  /** Other file names to yield (e.g. the project file). */
  extraNames?: readonly string[];
  /** Other files to yield (names the project file's "associations" give a kind). */
  accept?(absPath: string): boolean;
}

/** Candidate files under `root` (by name; product scripts still need their content checked), folder by folder. */
export async function* walkFolder(root: string, control: WalkControl = {}): AsyncGenerator<string> {
  const seen = new Set<string>();
  const stack = [root];
  while (stack.length) {
    if (control.cancelled?.()) return;
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      const real = await fsp.realpath(dir);
      if (seen.has(real)) continue;
      seen.add(real);
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      continue; // vanished or unreadable: nothing to report on
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folders: string[] = [];
    for (const e of entries) {
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) isDir = await fsp.stat(p).then((s) => s.isDirectory(), () => false);
      if (isDir) {
        if (!SKIPPED_FOLDERS.has(e.name) && !control.excluded?.(p, true)) folders.push(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && (mayClassify(e.name) || control.extraNames?.includes(e.name) || control.accept?.(p)) && !control.excluded?.(p, false)) {
        yield p;
      }
    }
    stack.push(...folders.reverse()); // depth first, in name order
  }
}

/** Whether `child` is `parent` or inside it. */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** '/'-separated path of `abs` relative to `base`, or undefined when it is outside. */
export function relativeTo(base: string, abs: string): string | undefined {
  const rel = path.relative(base, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}
