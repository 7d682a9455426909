// Finds the files CarbonLint checks under the given paths: recognised names, product scripts by content.
// Shared by the CLI and the language server's readiness report, so both see the same workspace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mayClassify } from './files';
import { associatedKind, type Association } from './template-names';
import { SKIPPED_FOLDERS } from './workspace';

// The same folders the editor's workspace scan skips, so the CLI and the Problems panel agree.
const SKIP_DIRS = SKIPPED_FOLDERS;

export interface WalkError {
  path: string;
  message: string;
}

export interface WalkOptions {
  /** Files and folders for which this returns true are left out (the project file's "exclude"). */
  excluded?: (absPath: string) => boolean;
  /** Called for every file found (progress lines). */
  onFile?: (count: number) => void;
  /** The project file's "associations": unusual names that are checked files too. */
  associations?: readonly Association[];
}

/** Files to lint, sorted; explicit file arguments are linted whatever their name (as scripts by content). */
export function collectFiles(inputs: string[], errors: WalkError[], options: WalkOptions = {}): string[] {
  const out = new Set<string>();
  const seenDirs = new Set<string>();
  const excluded = options.excluded ?? (() => false);
  const add = (p: string) => {
    out.add(p);
    options.onFile?.(out.size);
  };
  const visit = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      errors.push({ path: dir, message: (e as Error).message });
      return;
    }
    if (seenDirs.has(real)) return; // symlink loops
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ path: dir, message: (e as Error).message });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (excluded(p)) continue;
      if (e.isDirectory() || (e.isSymbolicLink() && isDir(p))) {
        if (!SKIP_DIRS.has(e.name)) visit(p);
      } else if (mayClassify(e.name) || (options.associations?.length && associatedKind(p, options.associations))) {
        add(p);
      }
    }
  };
  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch {
      errors.push({ path: input, message: 'no such file or directory' });
      continue;
    }
    if (st.isDirectory()) visit(input);
    else add(input);
  }
  return [...out].sort();
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
