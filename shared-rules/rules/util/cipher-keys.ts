// Which cipher suites a TLS server can really negotiate depends on its key: an RSA key (the shipped keystores and
// almost every real one) never negotiates DSS, ECDSA or static-ECDH suites, whatever the list enables. Where the
// keystore can be read, messages say what is really negotiable; otherwise they speak of the RSA case and put the
// rest as "if the key were DSA or EC".
import type { RuleContext } from '../../engine/rule';
import type { Suite } from '../../data/tls/cipher-names';
import type { EnabledSuite } from '../../data/tls/cipher-lists';
import { inspectStores } from '../../keystores/inspect';

export type KeyKind = 'rsa' | 'dsa' | 'ec';

/** The server key types that can negotiate a suite; 'any' when the suite needs no particular key (TLS 1.3, PSK, anon). */
export function keyKindsFor(s: Suite): readonly KeyKind[] | 'any' {
  if (s.tls13) return 'any';
  if (s.kx === 'ECDH') return ['ec']; // static ECDH: the certificate's own key is an EC key
  if (s.kx === 'DH') return []; // static DH needs a DH certificate, which no keystore here holds
  switch (s.au) {
    case 'RSA': return ['rsa'];
    case 'DSS': return ['dsa'];
    case 'ECDSA': return ['ec'];
    default: return 'any';
  }
}

export function negotiable(s: Suite, keys: ReadonlySet<KeyKind>): boolean {
  const k = keyKindsFor(s);
  return k === 'any' || k.some((x) => keys.has(x));
}

export interface ServerKeys {
  kinds: Set<KeyKind>;
  /** The store the keys were read from, as messages name it. */
  store: string;
}

const KIND: Record<string, KeyKind> = { rsa: 'rsa', 'rsa-pss': 'rsa', dsa: 'dsa', ec: 'ec' };

/** Key types of the private keys in the TLS keystore ([keystore.tls], else primary), when it could be opened. */
export function serverKeys(ctx: RuleContext<'toml'>): ServerKeys | undefined {
  for (const store of inspectStores(ctx)) {
    if (!store.result.ok || !store.tables.includes('[keystore.tls]')) continue;
    const kinds = new Set<KeyKind>();
    for (const e of store.result.entries) {
      const k = e.kind === 'key' ? KIND[e.cert?.key.type ?? ''] : undefined;
      if (k) kinds.add(k);
    }
    return kinds.size > 0 ? { kinds, store: store.display } : undefined;
  }
  return undefined;
}

/** Splits enabled suites into those the server can negotiate (with its keys, or an RSA key when unknown) and the rest. */
export function splitByKey(enabled: readonly EnabledSuite[], keys: ReadonlySet<KeyKind>): { real: EnabledSuite[]; other: EnabledSuite[] } {
  const real: EnabledSuite[] = [];
  const other: EnabledSuite[] = [];
  for (const e of enabled) (negotiable(e.suite, keys) ? real : other).push(e);
  return { real, other };
}

/** "RSA key", "RSA and EC keys" — for messages. */
export function keyNames(kinds: ReadonlySet<KeyKind>): string {
  const names = [...kinds].map((k) => k.toUpperCase());
  return `${names.join(' and ')} key${names.length > 1 ? 's' : ''}`;
}
