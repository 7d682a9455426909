// The native replacements under forge's PKCS12 reader give forge's own results: RC2-CBC against forge's encryption,
// the PKCS#12 KDF and PBKDF2 against forge's pure-JavaScript originals, on random inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type * as Forge from 'node-forge';
import '../../shared-rules/keystores/pkcs12'; // installs the replacements
import { forgeOriginals } from '../../shared-rules/keystores/forge-native';
import { rc2CbcDecrypt } from '../../shared-rules/keystores/rc2';
import { pkcs12Kdf } from '../../shared-rules/keystores/pkcs12-kdf';
const forge = require('node-forge/lib/forge') as typeof Forge & { rc2: { createEncryptionCipher(key: Forge.util.ByteStringBuffer, bits: number): Forge.cipher.BlockCipher } };

const bin = (b: Uint8Array) => Buffer.from(b).toString('binary');

test('RC2-CBC decrypts what forge encrypts, at 40 and 128 effective bits, for any length', () => {
  for (let i = 0; i < 60; i++) {
    const bits = i % 2 ? 40 : 128;
    const key = randomBytes(bits / 8);
    const iv = randomBytes(8);
    const plain = randomBytes(i * 13);
    const enc = forge.rc2.createEncryptionCipher(forge.util.createBuffer(bin(key)), bits);
    (enc.start as unknown as (iv: Forge.util.ByteStringBuffer, out: null) => void)(forge.util.createBuffer(bin(iv)), null);
    enc.update(forge.util.createBuffer(bin(plain)));
    enc.finish();
    const cipherText = Buffer.from(enc.output.getBytes(), 'binary');
    const out = rc2CbcDecrypt(key, bits, iv, cipherText);
    const pad = out[out.length - 1];
    assert.deepEqual(Buffer.from(out.subarray(0, out.length - pad)), plain, `length ${plain.length}, ${bits} bits`);
  }
});

test('RC2 refuses partial blocks and bad IVs', () => {
  assert.throws(() => rc2CbcDecrypt(randomBytes(5), 40, randomBytes(8), randomBytes(12)));
  assert.throws(() => rc2CbcDecrypt(randomBytes(5), 40, randomBytes(7), randomBytes(16)));
});

test('the PKCS#12 KDF matches forge for every purpose, hash, length and password shape', () => {
  const original = forgeOriginals.generatePkcs12Key!;
  const passwords: Array<string | null> = ['wso2carbon', '', null, 'pässwörd-ü€', 'x'.repeat(70)];
  for (const hash of ['sha1', 'sha256']) { // the digests forge's PKCS12 modules load
    for (const password of passwords) {
      for (const [id, n] of [[1, 5], [2, 8], [3, 20], [1, 24], [3, 64], [1, 100]] as const) {
        const salt = randomBytes(1 + ((id * n) % 20));
        const iter = 1 + (n % 7) * 3;
        const md = (forge.md as unknown as Record<string, { create(): Forge.md.MessageDigest }>)[hash].create();
        const want = Buffer.from(original(password, forge.util.createBuffer(bin(salt)), id, iter, n, md).getBytes(), 'binary');
        assert.deepEqual(pkcs12Kdf(password, salt, id, iter, n, hash), want, `${hash} ${JSON.stringify(password)} id ${id} n ${n}`);
      }
    }
  }
});

test('PBKDF2 with a digest object goes native and matches forge', () => {
  const original = forgeOriginals.pbkdf2!;
  for (const hash of ['sha1', 'sha256']) { // the digests forge's PKCS12 modules load
    const md = (forge.md as unknown as Record<string, { create(): Forge.md.MessageDigest }>)[hash].create();
    const p = 'changeit-strong';
    const s = bin(randomBytes(16));
    const want = original(p, s, 100, 32, (forge.md as unknown as Record<string, { create(): Forge.md.MessageDigest }>)[hash].create());
    assert.equal((forge as unknown as { pkcs5: { pbkdf2: typeof original } }).pkcs5.pbkdf2(p, s, 100, 32, md), want, hash);
  }
});
