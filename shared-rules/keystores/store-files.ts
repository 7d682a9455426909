// Reading the store files a configuration names. On the real disk a store that has not changed since the last lint
// (same path, size, mtime, ctime, inode and device) is not read again: its SHA-256 is remembered, and openStore's cache
// (keyed by an HMAC of that digest and the password) already holds what opening it found. Only digests and stat
// signatures are kept here — never the bytes, never a password. Other RuleResources (tests, callers' own) are read
// every time, as before.
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { RuleResources } from '../engine/rule';
import { nodeResources } from '../engine/resources';
import { knownAbsent } from '../engine/disk-snapshot';

export interface StoreFile {
  /** Its length in bytes. */
  readonly size: number;
  /** SHA-256 of its content: with the password, what openStore's cache is keyed by. */
  digest(): Buffer;
  /** Its content (read again from disk when only the digest was remembered); undefined if it can no longer be read. */
  bytes(): Uint8Array | undefined;
}

// RuleResources whose readFile is the plain, bounded disk read (lintText's default): stat tells whether a file changed.
const disk = new WeakSet<RuleResources>();

/** lintText's default resources (the disk and process.env), marked so store reads can be skipped when unchanged. */
export function diskResources(): RuleResources {
  const r = nodeResources();
  disk.add(r);
  return r;
}

/** Whether `r` is lintText's default disk resources (so a stat says whether a file it reads changed). */
export function isDiskResources(r: RuleResources | undefined): boolean {
  return r !== undefined && disk.has(r);
}

// Stores are well under this (inspect.ts opens at most 1 MiB); a larger file is read (and refused) every time.
const REMEMBER_MAX_BYTES = 1024 * 1024;
const REMEMBERED = 64;
const remembered = new Map<string, { sig: string; size: number; digest: Buffer }>();

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

function signature(st: fs.Stats): string {
  return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}:${st.dev}`;
}

function fromBytes(bytes: Uint8Array, digest?: Buffer): StoreFile {
  let d = digest;
  return { size: bytes.length, digest: () => (d ??= sha256(bytes)), bytes: () => bytes };
}

/** Drops what is remembered of `absPath`, as readStore does when the file is gone (the caller saw its folder absent). */
export function forgetStore(absPath: string): void {
  remembered.delete(absPath);
}

/** The store at `absPath` through `resources`; undefined when `resources.readFile` would give nothing. */
export function readStore(resources: RuleResources, absPath: string): StoreFile | undefined {
  if (disk.has(resources)) {
    if (knownAbsent(absPath)) return undefined; // a CLI run's walk saw no such file (disk-snapshot.ts)
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(absPath, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (st?.isFile() && st.size <= REMEMBER_MAX_BYTES) {
      // The signature is taken before the read: a change during or after the read gives a different one next time.
      const sig = signature(st);
      const hit = remembered.get(absPath);
      if (hit && hit.sig === sig) {
        remembered.delete(absPath); // least recently used goes first
        remembered.set(absPath, hit);
        return { size: hit.size, digest: () => hit.digest, bytes: () => resources.readFile(absPath) };
      }
      const bytes = resources.readFile(absPath);
      if (!bytes) {
        remembered.delete(absPath);
        return undefined;
      }
      const digest = sha256(bytes);
      remembered.set(absPath, { sig, size: bytes.length, digest });
      if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value as string);
      return fromBytes(bytes, digest);
    }
    remembered.delete(absPath);
    // Nothing to stat is nothing to open (the disk reader would fail the same way): most candidate paths are absent,
    // and a thrown ENOENT from open per candidate per keystroke was measurable while typing.
    if (!st) return undefined;
  }
  const bytes = resources.readFile(absPath);
  return bytes ? fromBytes(bytes) : undefined;
}
