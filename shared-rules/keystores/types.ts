// What a keystore reader returns: entries with their certificates as DER bytes. Private keys are never decoded here.

/** Formats told apart by content; the file name and the `type` key are not trusted (kernel 4.9.27 ships PKCS12 named .jks). */
export type StoreFormat = 'jks' | 'jceks' | 'pkcs12';

export interface StoreEntry {
  alias: string;
  /** 'key': a private key with its certificate chain; 'trusted': a trusted certificate. */
  kind: 'key' | 'trusted';
  /** DER certificates; chain[0] is the entry's own certificate (may be empty for a key whose certificate is missing). */
  chain: Uint8Array[];
}

export interface StoreContents {
  format: StoreFormat;
  entries: StoreEntry[];
}

/** Why a store could not be read. */
export type StoreProblem = 'wrong-password' | 'damaged' | 'unsupported';

/** Thrown by the readers. The message is ours, never a library's, and never contains the password. */
export class StoreError extends Error {
  constructor(readonly problem: StoreProblem, message: string) {
    super(message);
  }
}
