// What a CLI run already knows about the disk. The walk lists every folder it visits; product detection and the
// G01 home probes ask again, per file, about the same folders (bin/ beside conf/, carbon.xml, updates/product.txt,
// a Dockerfile above the home…): ~30 stat/open/readdir calls a file, 3,400 readdirs for 10,000 files. With a
// snapshot set, a name the walk's listing of its folder does not hold is absent without asking the disk (a name
// it does hold is still asked: it may be a dangling link or unreadable), listings of scripts come from the walk,
// and facts about a product home are read once per home.
// Only a one-shot run sets it (the CLI's lint command, which writes nothing before every file is linted); the
// language server never does: files change while it runs, and a cached answer there could be stale.
// Compact on purpose (folder paths and hashed names): whatever stays live for the whole run raises the collector's
// heap limits, and with them the peak RSS, by a multiple of its size.
import * as path from 'node:path';

/** The snapshot as plain data (what a worker thread receives). */
export interface SnapshotData {
  /** Listed folders (absolute); a folder's index is its id. */
  dirs: string[];
  /** `${id}/${name lower-cased}` for every name in every listed folder. */
  names: string[];
  /** Folder id → the `.sh` names in it, as written (product detection's layout probe). */
  scripts: Array<[number, string[]]>;
}

interface Snapshot {
  ids: Map<string, number>;
  /** Hashes of the `${id}/${name}` keys: a collision can only make a probe ask the disk, never call a file absent. */
  names: Set<number>;
  scripts: Map<number, string[]>;
  /** Memoised per-run answers (table → key → value), e.g. a product home's facts. */
  memo: Map<string, Map<string, unknown>>;
  /** Paths outside every listed folder that the disk said are absent (noteAbsent): asked once per run, not per home. */
  absent: Set<string>;
}

/** Bound on `absent`: the probes above the walk's root are a handful of names per ancestor folder. */
const MAX_ABSENT = 4096;

let current: Snapshot | undefined;

/** Collects the walk's listings (WalkOptions.onListing) into SnapshotData. */
export function snapshotBuilder(): { add: (dir: string, names: readonly string[]) => void; data: () => SnapshotData } {
  const data: SnapshotData = { dirs: [], names: [], scripts: [] };
  return {
    add: (dir, names) => {
      const id = data.dirs.length;
      data.dirs.push(path.resolve(dir));
      // Lower-cased: "absent" is only said when no name matches in any case (macOS and Windows disks ignore case).
      for (const n of names) data.names.push(`${id}/${n.toLowerCase()}`);
      const scripts = names.filter((n) => n.endsWith('.sh'));
      if (scripts.length) data.scripts.push([id, scripts]);
    },
    data: () => data,
  };
}

/** FNV-1a, 31 bits (a small integer for V8: a Set of them is a fraction of the size of a Set of strings). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

/** Sets (or with undefined, clears) the run's snapshot. */
export function setDiskSnapshot(data: SnapshotData | undefined): void {
  current = data
    ? { ids: new Map(data.dirs.map((d, i) => [d, i])), names: new Set(data.names.map(hash)), scripts: new Map(data.scripts), memo: new Map(), absent: new Set() }
    : undefined;
}

/** True while a one-shot run's snapshot is set (the files cannot change under it). */
export function hasDiskSnapshot(): boolean {
  return current !== undefined;
}

// A POSIX path with no empty, `.` or `..` segment and no trailing slash is already what path.resolve would return:
// the probes (a few per file) skip resolve's work for it. Fixed-length alternatives: linear.
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)|.\/$/;

function normalised(absPath: string): string {
  return path.sep === '/' && absPath.startsWith('/') && !NOT_NORMAL.test(absPath) ? absPath : path.resolve(absPath);
}

/** The `.sh` names in `dir` as the walk listed them; undefined when there is no snapshot or the walk did not list it. */
export function listedScripts(dir: string): readonly string[] | undefined {
  const id = current?.ids.get(normalised(dir));
  return id === undefined ? undefined : current!.scripts.get(id) ?? [];
}

/**
 * True when the snapshot shows that `absPath` does not exist: the nearest listed folder above it lacks the next
 * name on the way down. False means "ask the disk" (no snapshot, nothing listed above it, or the name is there).
 */
export function knownAbsent(absPath: string): boolean {
  if (!current || !path.isAbsolute(absPath)) return false;
  let p = normalised(absPath);
  // Bounded by the path's depth.
  for (;;) {
    const dir = path.dirname(p);
    if (dir === p) return current.absent.has(normalised(absPath));
    const id = current.ids.get(dir);
    if (id !== undefined) return !current.names.has(hash(`${id}/${path.basename(p).toLowerCase()}`));
    p = dir;
  }
}

/**
 * Records that the disk said `absPath` does not exist, for a path no listed folder decides (outside the walk, e.g. a
 * Dockerfile or values.yaml above the workspace root that every home's probe asks about): knownAbsent then says so
 * for the rest of the run. No-op without a snapshot (the language server asks the disk every time).
 */
export function noteAbsent(absPath: string): void {
  if (!current || !path.isAbsolute(absPath) || current.absent.size >= MAX_ABSENT) return;
  current.absent.add(normalised(absPath));
}

/** `compute()`, remembered for the run under (table, key) when a snapshot is set; computed every time otherwise. */
export function snapshotMemo<T>(table: string, key: string, compute: () => T): T {
  if (!current) return compute();
  let t = current.memo.get(table);
  if (!t) current.memo.set(table, (t = new Map()));
  if (t.has(key)) return t.get(key) as T;
  const v = compute();
  t.set(key, v);
  return v;
}
