// Which kind of keystore a file holds, from its first bytes: products ship PKCS12 content under a .jks name.
import type { StoreFormat } from './types';

export type DetectedFormat = StoreFormat | 'git-lfs-pointer' | 'empty' | 'unknown';

const LFS_POINTER = 'version https://git-lfs';

export function detectFormat(b: Uint8Array): DetectedFormat {
  if (b.length === 0) return 'empty';
  if (b.length >= 4 && b[0] === 0xfe && b[1] === 0xed && b[2] === 0xfe && b[3] === 0xed) return 'jks';
  if (b.length >= 4 && b[0] === 0xce && b[1] === 0xce && b[2] === 0xce && b[3] === 0xce) return 'jceks';
  if (isPfxHeader(b)) return 'pkcs12';
  // A clone without `git lfs pull` has a small text pointer where the store should be.
  if (b.length >= LFS_POINTER.length && String.fromCharCode(...b.subarray(0, LFS_POINTER.length)) === LFS_POINTER) return 'git-lfs-pointer';
  return 'unknown';
}

/** PFX ::= SEQUENCE { version INTEGER (3), … }: a SEQUENCE header (any length form) followed by `02 01 03`. */
function isPfxHeader(b: Uint8Array): boolean {
  if (b.length < 5 || b[0] !== 0x30) return false;
  let p = 2;
  if (b[1] & 0x80) p += b[1] & 0x7f; // long or indefinite (BER) length: skip the length octets
  return p + 3 <= b.length && b[p] === 0x02 && b[p + 1] === 0x01 && b[p + 2] === 0x03;
}
