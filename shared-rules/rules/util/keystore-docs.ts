// Text shared by the keystore-contents rules: the keytool recipe in their docs and how aliases are listed.

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
