// Node's crypto under forge's PKCS12 reader. Forge runs its key derivations and RC2 in pure JavaScript: opening a
// shipped IS 7.x store (160,000 derivation iterations, 180 KB of RC2-protected certificates) took 1.8 s, a pause
// of the language server on the first lint of that deployment.toml. Each replacement keeps forge's interface and
// falls back to forge for anything it does not cover; the corpus stores give the same entries as keytool.
import * as crypto from 'node:crypto';
import type * as Forge from 'node-forge';
import { rc2CbcDecrypt } from './rc2';
import { pkcs12Kdf, supportsPkcs12Kdf } from './pkcs12-kdf';

type Bytes = Forge.util.ByteStringBuffer;
type Md = { algorithm?: string } | null | undefined;
type Kdf = (password: string | null, salt: Bytes, id: number, iter: number, n: number, md?: Md) => Bytes;
type Pbkdf2 = (p: string, s: string, c: number, dkLen: number, md?: Md | string | ((...a: unknown[]) => void), cb?: unknown) => string;
interface ForgeInternals {
  pbe: { generatePkcs12Key: Kdf };
  pkcs12: { generateKey: Kdf };
  pkcs5: { pbkdf2: Pbkdf2 };
  rc2: { createDecryptionCipher: (key: Bytes | string, bits: number) => unknown };
  util: typeof Forge.util;
}

const NODE_HASHES = new Set(crypto.getHashes());
let installed = false;
/** Forge's own implementations, as they were before installNativeCrypto (the tests compare against them). */
export const forgeOriginals: { generatePkcs12Key?: Kdf; pbkdf2?: Pbkdf2 } = {};

export function installNativeCrypto(forgeModule: typeof Forge): void {
  if (installed) return;
  installed = true;
  const forge = forgeModule as unknown as ForgeInternals;
  const binary = (b: Bytes | string) => Buffer.from(typeof b === 'string' ? b : b.bytes(), 'binary');

  // PKCS#12 KDF (MAC key; key and IV of the legacy PBE). pkcs12.js keeps its own reference (p12.generateKey).
  const forgeKdf = (forgeOriginals.generatePkcs12Key = forge.pbe.generatePkcs12Key);
  const kdf: Kdf = (password, salt, id, iter, n, md) => {
    const hash = md?.algorithm ?? 'sha1';
    if (!supportsPkcs12Kdf(hash)) return forgeKdf(password, salt, id, iter, n, md);
    return forge.util.createBuffer(pkcs12Kdf(password, binary(salt), id, iter, n, hash).toString('binary'));
  };
  forge.pbe.generatePkcs12Key = kdf;
  forge.pkcs12.generateKey = kdf;

  // PBKDF2 for PBES2: forge goes native only when the PRF is given by name, and PBES2 gives it as a digest object.
  const forgePbkdf2 = (forgeOriginals.pbkdf2 = forge.pkcs5.pbkdf2);
  forge.pkcs5.pbkdf2 = (p, s, c, dkLen, md, cb) => {
    const alg = md && typeof md === 'object' ? md.algorithm : undefined;
    if (cb !== undefined || !alg || !NODE_HASHES.has(alg)) return forgePbkdf2(p, s, c, dkLen, md, cb);
    return crypto.pbkdf2Sync(Buffer.from(p, 'binary'), Buffer.from(s, 'binary'), c, dkLen, alg).toString('binary');
  };

  // RC2-CBC (pbeWithSHAAnd40BitRC2-CBC): the ciphertext is collected and decrypted in one linear pass at finish.
  forge.rc2.createDecryptionCipher = (key, bits) => {
    const keyBytes = binary(key);
    let iv: Buffer | undefined;
    let chunks: string[] = [];
    const cipher = {
      output: forge.util.createBuffer(),
      start(ivIn: Bytes | string | null, output?: Bytes | null) {
        iv = ivIn === null ? undefined : binary(ivIn);
        chunks = [];
        cipher.output = output ?? forge.util.createBuffer();
      },
      update(input?: Bytes) {
        if (input) chunks.push(input.getBytes());
      },
      /** False when the data is not whole blocks or its PKCS#7 padding is wrong (a wrong key, most likely). */
      finish(): boolean {
        const data = Buffer.from(chunks.join(''), 'binary');
        chunks = [];
        if (!iv || data.length === 0 || data.length % 8 !== 0) return false;
        const plain = rc2CbcDecrypt(keyBytes, bits, iv, data);
        const pad = plain[plain.length - 1];
        if (pad < 1 || pad > 8) return false;
        cipher.output.putBytes(Buffer.from(plain.buffer, plain.byteOffset, plain.length - pad).toString('binary'));
        return true;
      },
    };
    return cipher;
  };
}
