import { defineRule } from '../engine/rule';
import { at, storeName } from '../keystores/inspect';
import { SAMPLE_DEPLOYMENT_TOML, sampleResources } from '../keystores/sample';
import { KEYSTORE_RULE, KEYTOOL_NEW_KEYSTORE, KEYSTORE_EXAMPLE, keyEntries } from './util/keystore-rules';

export default defineRule({
  meta: {
    id: 'keystore-weak-signature',
    title: 'Keystore certificate signed with SHA-1 or MD5',
    ...KEYSTORE_RULE,
    severity: 'warning',
    docs: {
      what: 'Opens the keystores deployment.toml configures (see `keystore-default-certificate` for how they are found and opened) and finds key entries whose certificate is signed with SHA-1 (a warning) or MD5/MD2 (an error). Trusted CA certificates are not checked: a root\'s own signature is not what makes it trusted.',
      why: 'The guideline asks for SHA-256 certificates. SHA-1 and MD5 signatures can be forged (chosen-prefix collisions), and TLS clients reject such certificates.',
      example: KEYSTORE_EXAMPLE,
      fix: `Reissue the certificate with SHA256withRSA (or stronger) — have your CA sign a new request, or for a self-signed key create a new one:\n\n${KEYTOOL_NEW_KEYSTORE}\n\nCarbonLint never runs keytool. There is no quick fix.`,
      fixSafety: 'none',
    },
  },
  check(ctx) {
    for (const { store, entry: e } of keyEntries(ctx)) {
      const { weakHash, name } = e.cert.signature;
      if (!weakHash) continue;
      ctx.report({
        ...at(store),
        severity: weakHash === 'SHA-1' ? undefined : 'error',
        message: `${storeName(store)}: the certificate of key "${e.alias}" is signed with ${name}; ${weakHash} signatures can be forged. Reissue it with SHA256withRSA or stronger.`,
      });
    }
  },
  cases: {
    valid: [
      { name: 'no store in the workspace', fileName: SAMPLE_DEPLOYMENT_TOML, code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "sample"\n', resources: sampleResources({ files: {} }) },
    ],
    invalid: [
      {
        name: 'file_name absent: the shipped file name, reported at the table header',
        fileName: SAMPLE_DEPLOYMENT_TOML,
        code: '[keystore.primary]\npassword = "sample"\n',
        resources: sampleResources(),
        errors: [{ range: [0, 0, 0, 18], severity: 'warning', message: 'is signed with SHA1withRSA; SHA-1 signatures can be forged' }],
      },
    ],
  },
});
