// The PKCS#12 key derivation (RFC 7292 appendix B.2) with Node's native hashes. Forge runs it in pure JavaScript:
// the shipped IS 7.x stores ask for 160,000 iterations, about 0.8 s of the language server's time per store.
import * as crypto from 'node:crypto';

// crypto.hash (Node 20.12+) is a one-shot digest without a Hash object: 1.6× faster over many small inputs.
const oneShot = (crypto as { hash?: (alg: string, data: Uint8Array, enc: 'buffer') => Buffer }).hash;
const digest = (alg: string, data: Uint8Array): Buffer => (oneShot ? oneShot(alg, data, 'buffer') : crypto.createHash(alg).update(data).digest());

/** Hash algorithms forge's PKCS12 code names, with their block length v (bytes). */
const BLOCK: Record<string, number> = { md5: 64, sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

export function supportsPkcs12Kdf(hash: string): boolean {
  return hash in BLOCK;
}

/**
 * `n` bytes of key material from `password` (UTF-16 big-endian with a terminating NUL, as Java writes it; none when
 * null), `salt`, the purpose `id` (1 key, 2 IV, 3 MAC) and `iterations` of `hash`.
 */
export function pkcs12Kdf(password: string | null | undefined, salt: Uint8Array, id: number, iterations: number, n: number, hash: string): Buffer {
  if (!(iterations >= 1)) throw new Error('PKCS#12 key derivation iteration count must be >= 1.');
  const v = BLOCK[hash];
  if (!v) throw new Error(`PKCS#12 key derivation with ${hash} is not supported`);
  const pass = password === null || password === undefined ? Buffer.alloc(0) : Buffer.alloc(2 * password.length + 2);
  for (let i = 0; password && i < password.length; i++) pass.writeUInt16BE(password.charCodeAt(i), 2 * i);
  const repeat = (src: Uint8Array, len: number) => {
    const out = Buffer.alloc(len);
    for (let i = 0; i < len; i++) out[i] = src[i % src.length];
    return out;
  };
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([repeat(salt, v * Math.ceil(salt.length / v)), repeat(pass, v * Math.ceil(pass.length / v))]);
  const blocks: Buffer[] = [];
  for (let got = 0; got < n; ) {
    let A = digest(hash, Buffer.concat([D, I]));
    for (let r = 1; r < iterations; r++) A = digest(hash, A);
    blocks.push(A);
    got += A.length;
    // I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block, B being A repeated to v bytes.
    const B = repeat(A, v);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let l = v - 1; l >= 0; l--) {
        carry += B[l] + I[j + l];
        I[j + l] = carry & 0xff;
        carry >>>= 8;
      }
    }
  }
  return Buffer.concat(blocks).subarray(0, n);
}
