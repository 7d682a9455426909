// G01 asks which release a deployment.toml's home is on every lint: up to a dozen small files above it (product.txt,
// carbon.xml, a Dockerfile, a chart's values.yaml) read and scanned again on each keystroke, and once per rendering of
// a Helm template (17 renderings of the IS 7.0 chart's deployment.toml). On the real disk the answer is remembered
// per (home, what the file's own detection said), with the lstat signature of every path the detectors looked at —
// present or absent — taken before the read: any change (a file edited, replaced, created, deleted or turned into a
// link; a `.git` appearing or going) gives another signature and the answer is computed again. Only the answer is
// kept (product, version, update level and where each came from), never file contents.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReadText } from './product-home';
import { hasDiskSnapshot } from './disk-snapshot';
import { currentLint } from './lint-epoch';

interface Entry<T> {
  deps: Array<[string, string]>;
  value: T;
  /** The one-lint call (lint-epoch.ts) that last found it fresh. */
  checkedIn?: number;
}

const REMEMBERED = 64;
const entries = new Map<string, Entry<unknown>>();

function signature(p: string): string {
  try {
    const st = fs.lstatSync(p, { throwIfNoEntry: false });
    if (!st) return '-';
    return `${st.isSymbolicLink() ? 'l' : st.isFile() ? 'f' : 'o'}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}:${st.dev}`;
  } catch {
    return '?';
  }
}

// `.git` only matters by existence (where the Dockerfile/values.yaml search stops); its mtime moves on every commit.
const exists = (p: string): string => (fs.existsSync(p) ? 'y' : 'n');

/** The folder, its parent and grandparent `.git` entries the detectors test (product-home.ts foldersUpFrom). */
function gitProbes(home: string | undefined): string[] {
  if (!home) return [];
  const out: string[] = [];
  let dir = home;
  for (let i = 0; i < 3; i++) {
    out.push(path.join(dir, '.git'));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

const GIT = `${path.sep}.git`;

function fresh(deps: ReadonlyArray<[string, string]>): boolean {
  // Folders confirmed still absent in this check: the absent files recorded under them (listed after them) are
  // absent still, without asking the disk (updates/, bin/, conf/ of a folder that is no pack: 18 → 14 lstats a lint).
  let absent: Set<string> | undefined;
  for (const [p, sig] of deps) {
    if (sig === '-' && absent !== undefined && absent.has(path.dirname(p))) continue;
    if ((p.endsWith(GIT) ? exists(p) : signature(p)) !== sig) return false;
    if (sig === '-') (absent ??= new Set()).add(p);
  }
  return true;
}

/**
 * `compute(read)` once per key while every path it read (through `read`), every `.git` probe around `home` and every
 * path of `alsoWatch` (what `compute` looks at without `read`) is unchanged on disk. Use only when `read` is the
 * plain disk reader: a caller's own reader (tests) is not statted.
 */
export function memoOnDisk<T>(key: string, home: string | undefined, read: ReadText, compute: (read: ReadText) => T, alsoWatch: readonly string[] = []): T {
  // A one-shot CLI run (disk-snapshot.ts) remembers a home's facts itself, per home: no signature is taken here
  // (statting every probed path would ask the disk about names the walk knows are absent), and nothing is kept per
  // file (a scope per file of a 10,000-file run would hold ~100 advisory matches each).
  if (hasDiskSnapshot()) return compute(read);
  const hit = entries.get(key);
  const lint = currentLint();
  if (hit && ((lint !== undefined && hit.checkedIn === lint) || fresh(hit.deps))) {
    hit.checkedIn = lint;
    entries.delete(key); // least recently used goes first
    entries.set(key, hit);
    return hit.value as T;
  }
  const deps: Array<[string, string]> = gitProbes(home).map((p) => [p, exists(p)]);
  const seen = new Set<string>();
  // A path's signature, taken before it is read (a change during the read gives a new one next time). An absent
  // path's folder is recorded too, before it, when that is absent as well: fresh() then asks only the folder.
  const note = (p: string): void => {
    if (seen.has(p)) return;
    seen.add(p);
    const sig = signature(p);
    const dir = path.dirname(p);
    if (sig === '-' && dir !== p && !seen.has(dir) && signature(dir) === '-') {
      seen.add(dir);
      deps.push([dir, '-']);
    }
    deps.push([p, sig]);
  };
  for (const p of alsoWatch) note(p);
  const recording: ReadText = (p) => {
    note(p);
    return read(p);
  };
  const value = compute(recording);
  entries.set(key, { deps, value, checkedIn: currentLint() });
  if (entries.size > REMEMBERED) entries.delete(entries.keys().next().value as string);
  return value;
}

/** For tests: forget everything. */
export function clearHomeMemo(): void {
  entries.clear();
}
