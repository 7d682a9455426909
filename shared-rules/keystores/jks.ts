// Reader for Sun's JKS and JCEKS stores (our own: the format is small and documented in OpenJDK's
// JavaKeyStore.java; see docs/decisions.md). Verifies the keyed SHA-1 integrity digest, so a wrong password is
// detected. Private-key blobs are skipped, never decrypted: the entry's certificate carries its public key.
import { createHash, timingSafeEqual } from 'node:crypto';
import { StoreError, type StoreContents, type StoreEntry } from './types';

const MAGIC = { jks: 0xfeedfeed, jceks: 0xcececece } as const;
const PRIVATE_KEY = 1;
const TRUSTED_CERT = 2;
const SECRET_KEY = 3; // JCEKS only: a Java-serialized SealedObject, which cannot be skipped without a Java deserializer
const WHITENER = Buffer.from('Mighty Aphrodite', 'utf8');
const DIGEST_LENGTH = 20;

class Reader {
  pos = 0;
  constructor(readonly b: Uint8Array) {}
  private need(n: number): void {
    if (n < 0 || this.pos + n > this.b.length) throw new StoreError('damaged', 'the file is truncated or damaged');
  }
  u16(): number {
    this.need(2);
    const v = (this.b[this.pos] << 8) | this.b[this.pos + 1];
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = ((this.b[this.pos] << 24) >>> 0) + (this.b[this.pos + 1] << 16) + (this.b[this.pos + 2] << 8) + this.b[this.pos + 3];
    this.pos += 4;
    return v;
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const v = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
  /** java.io.DataInput.readUTF: a 2-byte length, then modified UTF-8. */
  utf(): string {
    return modifiedUtf8(this.bytes(this.u16()));
  }
}

function modifiedUtf8(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) { s += String.fromCharCode(c); i += 1; }
    else if ((c & 0xe0) === 0xc0 && i + 1 < b.length) { s += String.fromCharCode(((c & 0x1f) << 6) | (b[i + 1] & 0x3f)); i += 2; }
    else if ((c & 0xf0) === 0xe0 && i + 2 < b.length) { s += String.fromCharCode(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f)); i += 3; }
    else throw new StoreError('damaged', 'an alias is not valid modified UTF-8');
  }
  return s;
}

/** The JKS/JCEKS integrity digest: SHA-1 over the password as UTF-16BE, "Mighty Aphrodite", then the body. */
function integrityDigest(password: string, body: Uint8Array): Buffer {
  const pw = Buffer.alloc(password.length * 2);
  for (let i = 0; i < password.length; i++) pw.writeUInt16BE(password.charCodeAt(i), i * 2);
  return createHash('sha1').update(pw).update(WHITENER).update(body).digest();
}

export function readJks(bytes: Uint8Array, password: string): StoreContents {
  const r = new Reader(bytes);
  const magic = r.u32();
  const format = magic === MAGIC.jks ? 'jks' : magic === MAGIC.jceks ? 'jceks' : undefined;
  if (!format) throw new StoreError('damaged', 'the file does not start with the JKS or JCEKS magic number');
  const version = r.u32();
  if (version !== 1 && version !== 2) throw new StoreError('unsupported', `JKS version ${version} is not supported`);
  const count = r.u32();
  // Each entry takes at least 16 bytes: a count beyond that is damage, not a reason to loop for ever.
  if (count > bytes.length / 16) throw new StoreError('damaged', 'the file is truncated or damaged');
  const readCert = (): Uint8Array => {
    if (version === 2) {
      const type = r.utf();
      if (type !== 'X.509') throw new StoreError('unsupported', `a certificate of type ${type} is not supported`);
    }
    return r.bytes(r.u32());
  };
  const entries: StoreEntry[] = [];
  for (let i = 0; i < count; i++) {
    const tag = r.u32();
    const alias = r.utf();
    r.bytes(8); // creation date
    if (tag === PRIVATE_KEY) {
      r.bytes(r.u32()); // EncryptedPrivateKeyInfo: skipped
      const n = r.u32();
      if (n > bytes.length / 4) throw new StoreError('damaged', 'the file is truncated or damaged');
      const chain: Uint8Array[] = [];
      for (let j = 0; j < n; j++) chain.push(readCert());
      entries.push({ alias, kind: 'key', chain });
    } else if (tag === TRUSTED_CERT) {
      entries.push({ alias, kind: 'trusted', chain: [readCert()] });
    } else if (tag === SECRET_KEY && format === 'jceks') {
      throw new StoreError('unsupported', 'it holds JCEKS secret-key entries, which CarbonLint cannot read');
    } else {
      throw new StoreError('damaged', 'an entry has an unknown type');
    }
  }
  const stored = r.bytes(DIGEST_LENGTH);
  const computed = integrityDigest(password, bytes.subarray(0, r.pos - DIGEST_LENGTH));
  if (!timingSafeEqual(computed, stored)) throw new StoreError('wrong-password', 'the password does not match the store (integrity check failed)');
  return { format, entries };
}
