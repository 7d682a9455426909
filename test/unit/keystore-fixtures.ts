// Shared by the keystore tests: the corpus stores with their passwords, keytool's inventory as an oracle, and
// product layouts built around the stores in temporary folders.
import * as fs from 'node:fs';
import { createHash, generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS } from '../helpers/shared';
import { nodeResources } from '../../shared-rules/engine/resources';
import type { RuleResources } from '../../shared-rules/engine/rule';

export const KEYSTORES = path.join(CORPUS, 'keystores');
export const HAVE_KEYSTORES = fs.existsSync(path.join(KEYSTORES, 'INVENTORY.md'));
export const NO_KEYSTORES = HAVE_KEYSTORES ? false : `the keystore corpus is not at ${KEYSTORES}`;

/** The 16 stores: 14 shipped by the vendor (password wso2carbon) and the two generated contrast stores. */
export const STORES = [
  'carbon-kernel-4.4.0/wso2carbon.jks', 'carbon-kernel-4.4.40/wso2carbon.jks', 'carbon-kernel-4.6.0/wso2carbon.jks',
  'carbon-kernel-4.8.1/wso2carbon.jks', 'carbon-kernel-4.9.0/wso2carbon.jks', 'carbon-kernel-4.9.27/wso2carbon.jks',
  'carbon-kernel-4.9.33/wso2carbon.jks', 'carbon-kernel-4.11.18/wso2carbon.jks', 'is-7.0.0/wso2carbon.jks',
  'is-7.2.0/wso2carbon.p12', 'is-7.3.0/wso2carbon.p12', 'is-7.3.0/client-truststore.p12', 'apim-3.2.0/client-truststore.jks',
  'mi-1.1.0-dashboard/wso2carbon.jks', 'generated/strong.p12', 'generated/weak.jks',
] as const;

export function passwordOf(rel: string): string {
  return rel === 'generated/strong.p12' ? 'changeit-strong' : rel === 'generated/weak.jks' ? 'changeit-weak' : 'wso2carbon';
}

export function storeBytes(rel: string): Buffer {
  return fs.readFileSync(path.join(KEYSTORES, rel));
}

export interface OracleEntry { alias: string; type: 'PrivateKeyEntry' | 'trustedCertEntry'; sha256: string; sigalg: string; keyBits: number; notAfter: string; subject: string }

/** keytool's listing of every entry of every store (INVENTORY.md §4, §5a, §5b), by store. */
export function inventory(): Map<string, OracleEntry[]> {
  const md = fs.readFileSync(path.join(KEYSTORES, 'INVENTORY.md'), 'utf8').split('\n');
  const certs = new Map<string, { sigalg: string; key: string; notAfter: string; sha256: string; subject: string }>();
  const out = new Map<string, OracleEntry[]>();
  let section = '';
  const hex = (s: string) => s.replace(/:/g, '').toLowerCase();
  const add = (file: string, e: OracleEntry) => out.set(file, [...(out.get(file) ?? []), e]);
  for (const line of md) {
    if (line.startsWith('## ') || line.startsWith('### ')) section = line.split(' ')[1];
    if (!line.startsWith('| ')) continue;
    const c = line.split('|').slice(1, -1).map((x) => x.trim());
    if (section === '5a.' && /^C\d+$/.test(c[0])) certs.set(c[0], { sigalg: c[7], key: c[8], notAfter: c[5], sha256: hex(c[10]), subject: c[1] });
    if (section === '5b.' && c[0].includes('/')) {
      const k = certs.get(c[3])!;
      add(c[0], { alias: c[1], type: c[2] as OracleEntry['type'], sha256: k.sha256, sigalg: k.sigalg, keyBits: parseInt(k.key, 10), notAfter: k.notAfter, subject: k.subject });
    }
    if (section === '4.' && c[0].startsWith('generated/') && c.length === 13) {
      add(c[0], { alias: c[2], type: c[3] as OracleEntry['type'], sha256: hex(c[12]), sigalg: c[8], keyBits: parseInt(c[9], 10), notAfter: c[7], subject: c[4] });
    }
  }
  return out;
}

/** The day the inventory was taken: expiry results are pinned to it. */
export const INVENTORY_DAY = Date.parse('2026-11-23T00:00:00Z');

export function resourcesAt(now = INVENTORY_DAY, env: Record<string, string | undefined> = {}): RuleResources {
  return { ...nodeResources(env), now: () => now };
}

/** A product home in a temporary folder: `files` maps paths relative to the home to their content. */
const roots: string[] = [];
process.on('exit', () => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

export function productHome(name: string, files: Record<string, string | Uint8Array>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-ks-'));
  roots.push(root);
  const home = path.join(root, name);
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(home, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return home;
}

/** A JKS with one key entry per certificate (placeholder key blobs: the reader never decrypts them). */
export function jksWith(password: string, entries: Array<[alias: string, certDer: Uint8Array]>): Buffer {
  const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; };
  const utf = (t: string) => { const b = Buffer.from(t, 'utf8'); const l = Buffer.alloc(2); l.writeUInt16BE(b.length); return Buffer.concat([l, b]); };
  const parts = [u32(0xfeedfeed), u32(2), u32(entries.length)];
  for (const [alias, der] of entries) parts.push(u32(1), utf(alias), Buffer.alloc(8), u32(4), Buffer.from('none'), u32(1), utf('X.509'), u32(der.length), Buffer.from(der));
  const body = Buffer.concat(parts);
  const pw = Buffer.from(password, 'utf16le').swap16();
  return Buffer.concat([body, createHash('sha1').update(pw).update('Mighty Aphrodite').update(body).digest()]);
}

/** A self-signed certificate made with forge (RSA key from Node's generator), signed with the given digest. */
export function selfSigned(subject: Array<[string, string]>, digest: 'md5' | 'sha1' | 'sha256', bits = 2048, notAfter = new Date('2036-01-01T00:00:00Z')): Buffer {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey((key as forge.pki.rsa.PrivateKey).n, (key as forge.pki.rsa.PrivateKey).e);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2020-01-01T00:00:00Z');
  cert.validity.notAfter = notAfter;
  const attrs = subject.map(([shortName, value]) => ({ shortName, value }));
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(key as forge.pki.rsa.PrivateKey, forge.md[digest].create());
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}
