// Finding the checked files under a folder without blocking: an async walk for the language server's
// workspace scan (the CLI's synchronous walk is engine/walk.ts; both skip the same kinds of folder and
// recognise files with files.ts). Symlinked folders and files are followed once (loops are safe), and only while
// their real path stays inside the real path of `root`: a link to `/` or `..` in a hostile repository leads nowhere.
import { promises as fsp, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { mayClassify } from './files';
import { mayBeNginx } from './nginx-files';

/** Dependency and version-control folders: never product configuration. */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.bzr', '_darcs', 'CVS', '.jj', '.vscode-test']);

export interface WalkControl {
  /** Leave out this file or folder (absolute path). */
  excluded?(absPath: string, isFolder: boolean): boolean;
  /** Checked between folders: stop early. */
  cancelled?(): boolean;
  /** Other file names to yield (e.g. the project file). */
  extraNames?: readonly string[];
  /** The folder links may not lead out of (default: `root`; the workspace folder when walking a folder inside it). */
  boundary?: string;
  /** Other files to yield (names the project file's "associations" give a kind). */
  accept?(absPath: string): boolean;
}

/** Candidate files under `root` (by name; product scripts still need their content checked), folder by folder. */
export async function* walkFolder(root: string, control: WalkControl = {}): AsyncGenerator<string> {
  const seen = new Set<string>();
  const stack = [root];
  let rootReal: string;
  try {
    rootReal = await fsp.realpath(control.boundary ?? root);
    if (!isInside(rootReal, await fsp.realpath(root))) return; // a linked folder that leads out
  } catch {
    return; // vanished
  }
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
      if (e.isSymbolicLink()) {
        const target = await fsp.realpath(p).catch(() => undefined);
        if (target === undefined || !isInside(rootReal, target)) continue; // dangling, a loop, or out of the workspace
        isDir = await fsp.stat(target).then((s) => s.isDirectory(), () => false);
      }
      if (isDir) {
        if (!SKIPPED_FOLDERS.has(e.name) && !control.excluded?.(p, true)) folders.push(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && (mayClassify(e.name) || mayBeNginx(p) || control.extraNames?.includes(e.name) || control.accept?.(p)) && !control.excluded?.(p, false)) {
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
