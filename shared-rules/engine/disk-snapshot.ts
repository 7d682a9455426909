// What a CLI run already knows about the disk. The walk lists every folder it visits; product detection and the
// G01 home probes ask again, per file, about the same folders (bin/ beside conf/, carbon.xml, updates/product.txt,
// a Dockerfile above the home…): ~30 stat/open/readdir calls a file, 3,400 readdirs for 10,000 files. With a
// snapshot set, a name the walk's listing of its folder does not hold is absent without asking the disk (a name
// it does hold is still asked: it may be a dangling link or unreadable), listings come from the walk, and facts
// about a product home are read once per home.
// Only a one-shot run sets it (the CLI's lint command, which writes nothing before every file is linted); the
// language server never does: files change while it runs, and a cached answer there could be stale.
import * as path from 'node:path';

export interface DiskSnapshot {
  /** Absolute folder → the names in it, as the walk read them. */
  listings: Map<string, readonly string[]>;
  /** The same names lower-cased: "absent" is only said when no name matches in any case (macOS and Windows disks ignore case). */
  lower: Map<string, ReadonlySet<string>>;
  /** Memoised per-run answers (table → key → value), e.g. a product home's facts. */
  memo: Map<string, Map<string, unknown>>;
}

let current: DiskSnapshot | undefined;

/** Sets (or with undefined, clears) the run's snapshot from the walk's listings (folder → names). */
export function setDiskSnapshot(listings: Iterable<readonly [string, readonly string[]]> | undefined): void {
  if (!listings) {
    current = undefined;
    return;
  }
  const snap: DiskSnapshot = { listings: new Map(), lower: new Map(), memo: new Map() };
  for (const [d, names] of listings) {
    const dir = path.resolve(d);
    snap.listings.set(dir, names);
    snap.lower.set(dir, new Set(names.map((n) => n.toLowerCase())));
  }
  current = snap;
}

/** The names in `dir` as the walk listed them; undefined when there is no snapshot or the walk did not list it. */
export function listedNames(dir: string): readonly string[] | undefined {
  return current?.listings.get(path.resolve(dir));
}

/**
 * True when the snapshot shows that `absPath` does not exist: the nearest listed folder above it lacks the next
 * name on the way down. False means "ask the disk" (no snapshot, nothing listed above it, or the name is there).
 */
export function knownAbsent(absPath: string): boolean {
  if (!current || !path.isAbsolute(absPath)) return false;
  let p = path.resolve(absPath);
  // Bounded by the path's depth.
  for (;;) {
    const dir = path.dirname(p);
    if (dir === p) return false;
    const names = current.lower.get(dir);
    if (names) return !names.has(path.basename(p).toLowerCase());
    p = dir;
  }
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
