// Finds the files CarbonLint checks under the given paths: recognised names, product scripts by content.
// Shared by the CLI and the language server's readiness report, so both see the same workspace.
// A hostile repository decides what is on disk: the walk never leaves the real path of the folder it was given
// (a symlink to `/` or `..` is not followed), visits each real folder once (loops), and anything it cannot read — a
// folder without permission, a name that is not UTF-8, a path over PATH_MAX, a dangling link — is a notice, not
// the end of the run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mayClassify } from './files';
import { mayBeNginx } from './nginx-files';
import { associatedKind, type Association } from './template-names';
import { SKIPPED_FOLDERS, isInside } from './workspace';

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
  /** Entries left out because they cannot be read or lead outside: notices. Without it they go to `errors`. */
  skipped?: WalkError[];
  /** The project file's "associations": unusual names that are checked files too. */
  associations?: readonly Association[];
  /** Called with each folder's listing (absolute path, every name in it), for disk-snapshot.ts. */
  onListing?: (dir: string, names: string[]) => void;
  /**
   * The CLI's working folder: an input named under it whose real path leads out of it is refused (an error), as a
   * link inside a walk is. Not set by the language server, whose workspace folders may themselves be links.
   */
  within?: string;
}

/** Messages of the entries the walks leave out. */
export const OUTSIDE_LINK = 'a symbolic link to outside the workspace; not followed';
export const BAD_NAME = 'its name is not valid UTF-8; not read';

/** Files to lint, sorted; explicit file arguments are linted whatever their name (as scripts by content). */
export function collectFiles(inputs: string[], errors: WalkError[], options: WalkOptions = {}): string[] {
  const out = new Set<string>();
  const seenDirs = new Set<string>();
  const skipped = options.skipped ?? errors;
  const excluded = options.excluded ?? (() => false);
  const add = (p: string) => {
    out.add(p);
    options.onFile?.(out.size);
  };
  const skip = (p: string, e: unknown) => skipped.push({ path: p, message: typeof e === 'string' ? e : `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
  const visit = (dir: string, real: string, root: string) => {
    if (seenDirs.has(real)) return; // symlink loops
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skip(dir, e);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    options.onListing?.(path.resolve(dir), entries.map((e) => e.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      const candidate = mayClassify(e.name) || mayBeNginx(p) || !!(options.associations?.length && associatedKind(p, options.associations));
      if (!candidate && !e.isDirectory() && !e.isSymbolicLink()) continue;
      if (SKIP_DIRS.has(e.name) || excluded(p)) continue; // node_modules, .git, … (even as links: no notice for them)
      // A name that is not UTF-8 arrives with U+FFFD in it, and the path built from it names nothing.
      if (e.name.includes('\uFFFD') && !fs.existsSync(p)) {
        if (candidate || e.isDirectory()) skip(p, BAD_NAME);
        continue;
      }
      if (e.isDirectory()) {
        visit(p, path.join(real, e.name), root);
      } else if (e.isSymbolicLink()) {
        let target: string;
        let st: fs.Stats;
        try {
          target = fs.realpathSync(p);
          st = fs.statSync(target);
        } catch (err) {
          if (candidate) skip(p, err);
          continue;
        }
        if (!st.isDirectory() && !candidate) continue;
        if (!isInside(root, target)) {
          skip(p, OUTSIDE_LINK);
          continue;
        }
        if (st.isDirectory()) {
          visit(p, target, root);
        } else {
          add(p);
        }
      } else {
        add(p); // regular or special: the reader decides (a FIFO is a notice, never opened for blocking reads)
      }
    }
  };
  const within = options.within === undefined ? undefined : path.resolve(options.within);
  let withinReal: string | undefined;
  for (const input of inputs) {
    let st: fs.Stats;
    let real: string;
    try {
      st = fs.statSync(input);
      real = fs.realpathSync(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') errors.push({ path: input, message: 'no such file or directory' });
      else skip(input, e);
      continue;
    }
    // A path under the working folder that leads out of it through a link is refused, as inside a walk: CI passes the
    // changed files of a pull request by name (`git diff --name-only`), and a committed link to a runner's secrets
    // must not be read. A path named outside the working folder is the user's own choice.
    if (within !== undefined && isInside(within, path.resolve(input)) && !isInside((withinReal ??= fs.realpathSync(within)), real)) {
      errors.push({ path: input, message: OUTSIDE_LINK });
      continue;
    }
    if (st.isDirectory()) visit(input, real, real);
    else add(input);
  }
  return [...out].sort();
}
