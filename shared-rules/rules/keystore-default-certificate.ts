import { defineRule } from '../engine/rule';
import { at, openedStores, storeName } from '../keystores/inspect';
import { describeRelease, looksLikeVendorDefault, vendorCertificate } from '../keystores/inventory';
import { SAMPLE_DEPLOYMENT_TOML, sampleResources, sampleStore } from '../keystores/sample';
import { KEYSTORE_RULE, KEYTOOL_NEW_KEYSTORE, KEYSTORE_EXAMPLE, quoteAliases } from './util/keystore-rules';

export default defineRule({
  meta: {
    id: 'keystore-default-certificate',
    title: 'Vendor default certificate inside a keystore or truststore',
    ...KEYSTORE_RULE,
    severity: 'error',
    docs: {
      what: 'Opens every keystore and truststore deployment.toml configures (`[keystore.primary]`, `[keystore.internal]`, `[keystore.tls]`, `[truststore]`, and the shipped defaults when they are absent) and finds the vendor\'s default certificates inside, whatever the file is called: by SHA-256 fingerprint (every default certificate of carbon-kernel 4.4–4.12, API Manager 3.0–4.7, Identity Server 5.7–7.3 and Micro Integrator 1.1–4.4, named with its release in the message), and by its pattern (a self-signed `CN=localhost` certificate of `O=WSO2` or `MWARE`) for releases not in the list. A key entry is an error, and so is a trusted entry in a truststore; a trusted entry in a keystore is a warning. The store is found relative to the product home (`<home>/repository/resources/security/` for API Manager and Identity Server, `<home>/` for Micro Integrator\'s `repository/resources/security/…` paths) and opened only with a password the file or the environment gives (a literal, the shipped default when no password is set, a set `$env{VAR}`): see `keystore-unreadable` for stores that cannot be opened. A store that is not in the workspace is not reported.',
      why: 'The default key pair is the same in every download of the product, private key included. A server that still uses it can be impersonated and its signed tokens forged by anyone; a truststore that still trusts it trusts everybody who has the product.',
      example: KEYSTORE_EXAMPLE,
      fix: `Create a key pair of your own and point the tables at it, for example:\n\n${KEYTOOL_NEW_KEYSTORE}\n\nFor a truststore, delete the vendor entries the finding names: \`keytool -delete -alias wso2carbon -keystore client-truststore.p12 -storepass:env TRUSTSTORE_PASSWORD\` (and \`gateway_certificate_alias\`, …), then import the certificates of the parties you do trust. CarbonLint never runs keytool: the commands are for you to run. There is no quick fix.`,
      fixSafety: 'none',
    },
  },
  check(ctx) {
    for (const { store, entries } of openedStores(ctx)) {
      const bySha = new Map<string, typeof entries>();
      for (const e of entries) bySha.set(e.cert.sha256, [...(bySha.get(e.cert.sha256) ?? []), e]);
      for (const [sha, list] of bySha) {
        const vendor = vendorCertificate(sha);
        if (!vendor && !looksLikeVendorDefault(list[0].cert)) continue;
        const what = vendor
          ? `the WSO2 default certificate shipped with ${describeRelease(vendor, ctx.product)}`
          : `a self-signed "${list[0].cert.subject}" certificate (the pattern of the vendor's default certificates, from a release CarbonLint has no fingerprint for)`;
        const keys = list.filter((e) => e.kind === 'key').map((e) => e.alias);
        const trusted = list.filter((e) => e.kind === 'trusted').map((e) => e.alias);
        if (keys.length > 0) {
          ctx.report({
            ...at(store),
            message: `${storeName(store)} holds ${what} as its key ${quoteAliases(keys)}${trusted.length ? ` (and trusts it as ${quoteAliases(trusted)})` : ''}. Its private key is in every download of the product: anyone can impersonate this server and forge what it signs. Create a key pair of your own.`,
          });
        } else {
          ctx.report({
            ...at(store),
            severity: store.truststore ? 'error' : 'warning',
            message: `${storeName(store)} trusts ${what} as ${quoteAliases(trusted)}. Everyone who downloads the product has its private key, so the server trusts them too. Delete ${trusted.length > 1 ? 'these entries' : 'this entry'} (keytool -delete).`,
          });
        }
      }
    }
  },
  cases: {
    valid: [
      { name: 'no store in the workspace: not reported', fileName: SAMPLE_DEPLOYMENT_TOML, code: '[keystore.tls]\nfile_name = "wso2carbon.jks"\npassword = "sample"\n', resources: sampleResources({ files: {} }) },
      { name: 'outside a product layout nothing is resolved', code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "sample"\n', resources: sampleResources() },
      { name: 'password unknown: keystore-unreadable reports it, not this rule', fileName: SAMPLE_DEPLOYMENT_TOML, code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "$secret{ks}"\n', resources: sampleResources() },
    ],
    invalid: [
      {
        name: 'the kernel 4.4.0 default key, on the file_name line, with the tables that share it',
        fileName: SAMPLE_DEPLOYMENT_TOML,
        code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "sample"\n',
        resources: sampleResources(),
        errors: [{ range: [1, 12, 1, 28], severity: 'error', message: 'Keystore repository/resources/security/wso2carbon.jks ([keystore.primary], [keystore.internal], [keystore.tls]) holds the WSO2 default certificate shipped with carbon-kernel 4.4.0–4.4.14 as its key "wso2carbon"' }],
      },
      {
        name: 'a renamed store is found by its contents, opened with a password from the environment',
        fileName: SAMPLE_DEPLOYMENT_TOML,
        code: '[server]\nhostname = "h"\n[truststore]\nfile_name = "acme-trust.jks"\npassword = "$env{TS_PW}"\n',
        resources: sampleResources({ files: { 'repository/resources/security/acme-trust.jks': sampleStore() }, env: { TS_PW: 'sample' } }),
        errors: [{ range: [3, 12, 3, 28], message: 'Truststore repository/resources/security/acme-trust.jks ([truststore]) holds the WSO2 default certificate' }],
      },
    ],
  },
});
