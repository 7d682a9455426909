// Paths as keys of a Set or Map, so that "is this file under one of these folders" is a walk up its own folders
// (a lookup each) rather than a comparison with every folder: bursts of events and many workspace folders made
// the comparisons quadratic.
import * as path from 'node:path';

/** A path as path.relative (relativeTo, isInside) compares it: resolved, and case-insensitive on Windows. */
export function pathKey(p: string): string {
  const r = path.resolve(p);
  return process.platform === 'win32' ? r.toLowerCase() : r;
}

/** The nearest of `p` and its folders that `keys` (pathKey → value) holds. */
export function nearest<T>(p: string, keys: ReadonlyMap<string, T>): T | undefined {
  for (let d = pathKey(p); ; d = path.dirname(d)) {
    const v = keys.get(d);
    if (v !== undefined) return v;
    if (path.dirname(d) === d) return undefined;
  }
}
