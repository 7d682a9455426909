// What the G02 keystore rules share: their guideline, file kind and products; the keytool recipe and example in their
// docs; how aliases are listed; and the key entries of the stores deployment.toml configures.
import type { RuleContext } from '../../engine/rule';
import { openedStores, type InspectedStore } from '../../keystores/inspect';
import type { AnalyzedEntry } from '../../keystores/open';
import type { CertificateFacts } from '../../keystores/certificate';

/** The meta of every G02 rule: deployment.toml of every product. */
export const KEYSTORE_RULE = { guideline: 'Change default keystores', guidelineId: 'G02', kind: 'toml', products: ['apim', 'is', 'mi'] } as const;

/** Shown in the docs, never run by CarbonLint. */
export const KEYTOOL_NEW_KEYSTORE = [
  '```sh',
  'keytool -genkeypair -alias acme-tls -keyalg RSA -keysize 3072 -sigalg SHA256withRSA -validity 825 \\',
  '  -dname "CN=api.example.com, O=Example Ltd, C=US" -ext "SAN=dns:api.example.com" \\',
  '  -storetype PKCS12 -keystore repository/resources/security/acme-tls.p12 -storepass:env KEYSTORE_PASSWORD',
  '# or import the key and certificate your CA issued:',
  'openssl pkcs12 -export -name acme-tls -inkey tls.key -in tls.crt -certfile ca.crt -out acme-tls.p12',
  '```',
].join('\n');

export const KEYSTORE_EXAMPLE = {
  bad: '[keystore.tls]\nfile_name = "wso2carbon.jks"   # or any store that still holds the vendor key\npassword = "wso2carbon"',
  good: '[keystore.tls]\nfile_name = "acme-tls.p12"\ntype = "PKCS12"\npassword = "$secret{tls_keystore_password}"\nalias = "acme-tls"\nkey_password = "$secret{tls_keystore_password}"',
};

/** `"a"`, `"a" and "b"`, `"a", "b" and 3 more`. */
export function quoteAliases(aliases: readonly string[]): string {
  const q = aliases.map((a) => `"${a}"`);
  if (q.length <= 1) return q.join('');
  if (q.length <= 4) return `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
  return `${q.slice(0, 3).join(', ')} and ${q.length - 3} more`;
}

/** The key entries (not trusted certificates) of every store that could be opened, each with its store. */
export function keyEntries(ctx: RuleContext<'toml'>): Array<{ store: InspectedStore; entry: AnalyzedEntry & { cert: CertificateFacts } }> {
  return openedStores(ctx).flatMap(({ store, entries }) => entries.filter((e) => e.kind === 'key').map((entry) => ({ store, entry })));
}
