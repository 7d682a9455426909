// Opens a store's bytes with a password: format from the content, then the reader, then certificate facts.
// Results are cached in memory so the editor does not redo PKCS12 key derivation (up to ~2 s) on every keystroke.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { detectFormat } from './format';
import { readJks } from './jks';
import { readPkcs12 } from './pkcs12';
import { analyzeCertificate, type CertificateFacts } from './certificate';
import { StoreError, type StoreFormat, type StoreProblem } from './types';
import type { StoreFile } from './store-files';
import { activeBudget, BudgetExceeded, underBudget } from './budget';

export interface AnalyzedEntry {
  alias: string;
  kind: 'key' | 'trusted';
  /** The entry's own certificate; undefined when it is missing or OpenSSL cannot parse it. */
  cert?: CertificateFacts;
}

export type OpenResult =
  | { ok: true; format: StoreFormat; entries: AnalyzedEntry[] }
  | { ok: false; problem: StoreProblem | 'not-a-keystore'; message: string };

const CACHE_SIZE = 32;
const cache = new Map<string, OpenResult>();
// The cache key mixes in the password through an HMAC with a key that exists only in this process, so what is kept
// in memory is neither the password nor a plain hash of it.
const CACHE_KEY = randomBytes(32);

export function openStore(bytes: Uint8Array, password: string): OpenResult {
  return openCached(createHash('sha256').update(bytes).digest(), password, bytes);
}

/**
 * openStore for a store file whose digest may be known without its bytes (an unchanged file on disk): the bytes are
 * read only when the cache does not hold the result.
 */
export function openStoreFile(file: StoreFile, password: string): OpenResult {
  const hit = cached(cacheKey(file.digest(), password));
  if (hit) return hit;
  // Read now; if the file changed since its digest was taken, openStore keys the result by what was read.
  return openStore(file.bytes() ?? new Uint8Array(0), password);
}

function cacheKey(digest: Buffer, password: string): string {
  return createHmac('sha256', CACHE_KEY).update(digest).update(password, 'utf8').digest('base64');
}

function cached(key: string): OpenResult | undefined {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // refresh its place: least recently used goes first
    cache.set(key, hit);
  }
  return hit;
}

function openCached(digest: Buffer, password: string, bytes: Uint8Array): OpenResult {
  const key = cacheKey(digest, password);
  const hit = cached(key);
  if (hit) return hit;
  const budget = activeBudget();
  const before = budget ? { ...budget.spent } : undefined;
  const t0 = Date.now();
  let result: OpenResult;
  try {
    result = underBudget(() => open(bytes, password));
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    // Over the budget on its own (a fresh budget would not do): that is this store's result, kept like any other.
    // Over it because stores before it spent the shared budget: not kept, so a later lint (the others now cached)
    // gives it its turn.
    const own = e.what === 'ms' ? Date.now() - t0 : (budget && before ? budget.spent[e.what] - before[e.what] : 0) + e.attempted;
    if (budget && own <= e.limit) return { ok: false, problem: 'unsupported', message: `not inspected: ${e.message} by the other keystores of this file` };
    result = { ok: false, problem: 'unsupported', message: `inspecting it takes more than ${e.message.replace(/^the keystore inspection budget of (.*) is spent$/, 'the keystore inspection budget ($1)')}` };
  }
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return result;
}

function open(bytes: Uint8Array, password: string): OpenResult {
  const format = detectFormat(bytes);
  if (format === 'git-lfs-pointer') return { ok: false, problem: 'not-a-keystore', message: 'the file is a Git LFS pointer, not the keystore (run `git lfs pull`)' };
  if (format === 'empty') return { ok: false, problem: 'not-a-keystore', message: 'the file is empty' };
  if (format === 'unknown') return { ok: false, problem: 'not-a-keystore', message: 'the file is not a JKS, JCEKS or PKCS12 keystore' };
  try {
    const contents = format === 'pkcs12' ? readPkcs12(bytes, password) : readJks(bytes, password);
    return {
      ok: true,
      format: contents.format,
      entries: contents.entries.map((e) => ({ alias: e.alias, kind: e.kind, cert: e.chain[0] ? certificate(e.chain[0]) : undefined })),
    };
  } catch (e) {
    if (e instanceof BudgetExceeded) throw e; // openCached decides whose it is
    if (e instanceof StoreError) return { ok: false, problem: e.problem, message: e.message };
    // Any other failure inside a reader is damage we did not foresee; its text is not shown (it is not ours).
    return { ok: false, problem: 'damaged', message: 'the file is truncated or damaged' };
  }
}

function certificate(der: Uint8Array): CertificateFacts | undefined {
  try {
    return analyzeCertificate(der);
  } catch {
    return undefined;
  }
}
