// Node's crypto under forge's PKCS12 reader. Forge runs its key derivations and RC2 in pure JavaScript: opening a
// shipped IS 7.x store (160,000 derivation iterations, 180 KB of RC2-protected certificates) took 1.8 s, a pause
// of the language server on the first lint of that deployment.toml. Each replacement keeps forge's interface and
// falls back to forge for anything it does not cover; the corpus stores give the same entries as keytool.
import * as crypto from 'node:crypto';
import type * as Forge from 'node-forge';
import { rc2CbcDecrypt } from './rc2';
import { pkcs12Kdf, supportsPkcs12Kdf } from './pkcs12-kdf';
import { charge } from './budget';

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
  pki: { pbe: { getCipher: (oid: string, params: unknown, password: string) => { update(input?: Bytes): void } } };
}

/** Hash output lengths: a derivation of n bytes runs the iterations once per output block. */
const OUT: Record<string, number> = { md5: 16, sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };
/** Forge's pure-JavaScript fallbacks cost about ten native iterations each. */
const JS_COST = 10;
const hashIterations = (iter: number, n: number, hash: string | undefined) => Number(iter) * Math.max(1, Math.ceil(Number(n) / (OUT[hash ?? ''] ?? 20)));

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
    // Charged before the work: the budget (budget.ts) sees every derivation whatever encoding hid its count.
    if (!supportsPkcs12Kdf(hash)) {
      charge('iterations', JS_COST * hashIterations(iter, n, hash));
      return forgeKdf(password, salt, id, iter, n, md);
    }
    charge('iterations', hashIterations(iter, n, hash));
    return forge.util.createBuffer(pkcs12Kdf(password, binary(salt), id, iter, n, hash).toString('binary'));
  };
  forge.pbe.generatePkcs12Key = kdf;
  forge.pkcs12.generateKey = kdf;

  // PBKDF2 for PBES2: forge goes native only when the PRF is given by name, and PBES2 gives it as a digest object.
  const forgePbkdf2 = (forgeOriginals.pbkdf2 = forge.pkcs5.pbkdf2);
  forge.pkcs5.pbkdf2 = (p, s, c, dkLen, md, cb) => {
    const alg = md && typeof md === 'object' ? md.algorithm : typeof md === 'string' ? md : undefined;
    if (cb !== undefined || !alg || !NODE_HASHES.has(alg)) {
      charge('iterations', JS_COST * hashIterations(c, dkLen, alg));
      return forgePbkdf2(p, s, c, dkLen, md, cb);
    }
    charge('iterations', hashIterations(c, dkLen, alg));
    return crypto.pbkdf2Sync(Buffer.from(p, 'binary'), Buffer.from(s, 'binary'), c, dkLen, alg).toString('binary');
  };

  // Every PBE decryption (encrypted safes, shrouded keys) charges the bytes it deciphers.
  const getCipher = forge.pki.pbe.getCipher;
  forge.pki.pbe.getCipher = (oid, params, password) => {
    const cipher = getCipher(oid, params, password);
    const update = cipher.update.bind(cipher);
    cipher.update = (input?: Bytes) => {
      if (input) charge('bytes', input.length());
      update(input);
    };
    return cipher;
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
