import { defineRule } from '../engine/rule';
import { at, storeName } from '../keystores/inspect';
import { SAMPLE_DEPLOYMENT_TOML, sampleResources } from '../keystores/sample';
import { KEYSTORE_RULE, KEYTOOL_NEW_KEYSTORE, KEYSTORE_EXAMPLE, keyEntries } from './util/keystore-rules';

// The guideline's floor for RSA (and DSA); an EC key of 224 bits is the NIST equivalent.
const MIN_BITS: Record<string, number> = { rsa: 2048, 'rsa-pss': 2048, dsa: 2048, ec: 224 };

export default defineRule({
  meta: {
    id: 'keystore-weak-key',
    title: 'Keystore key shorter than 2048 bits',
    ...KEYSTORE_RULE,
    severity: 'error',
    docs: {
      what: 'Opens the keystores deployment.toml configures (see `keystore-default-certificate` for how they are found and opened) and finds private keys under 2048 bits: RSA and DSA keys shorter than 2048 bits, EC keys on curves under 224 bits. The size is read from the key\'s certificate; the private key itself is never decrypted. Trusted certificates are not checked.',
      why: 'The guideline asks for keys of at least 2048 bits. 1024-bit RSA keys are within reach of well-funded attackers, and current JDKs and browsers refuse them.',
      example: KEYSTORE_EXAMPLE,
      fix: `Create a new key pair of 2048 bits or more (3072 recommended) and a certificate for it, then point the table at the new store:\n\n${KEYTOOL_NEW_KEYSTORE}\n\nCarbonLint never runs keytool. There is no quick fix.`,
      fixSafety: 'none',
    },
  },
  check(ctx) {
    for (const { store, entry: e } of keyEntries(ctx)) {
      const { type, bits } = e.cert.key;
      if (bits === undefined || MIN_BITS[type] === undefined || bits >= MIN_BITS[type]) continue;
      ctx.report({
        ...at(store),
        message: `${storeName(store)}: the key "${e.alias}" is a ${bits}-bit ${type.toUpperCase()} key; the guideline asks for at least ${MIN_BITS[type]} bits. Create a new key pair.`,
      });
    }
  },
  cases: {
    valid: [
      { name: 'no store in the workspace', fileName: SAMPLE_DEPLOYMENT_TOML, code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "sample"\n', resources: sampleResources({ files: {} }) },
      { name: 'wrong password: not opened', fileName: SAMPLE_DEPLOYMENT_TOML, code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "not-it"\n', resources: sampleResources() },
    ],
    invalid: [
      {
        fileName: SAMPLE_DEPLOYMENT_TOML,
        code: '[keystore.tls]\nfile_name = "wso2carbon.jks"\npassword = "sample"\n',
        resources: sampleResources(),
        errors: [{ range: [1, 12, 1, 28], message: ': the key "wso2carbon" is a 1024-bit RSA key' }],
      },
    ],
  },
});
