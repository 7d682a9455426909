import { defineRule } from '../engine/rule';
import { at, storeName } from '../keystores/inspect';
import { SAMPLE_DEPLOYMENT_TOML, sampleResources } from '../keystores/sample';
import { KEYSTORE_RULE, KEYTOOL_NEW_KEYSTORE, KEYSTORE_EXAMPLE, keyEntries } from './util/keystore-rules';

const DAY = 24 * 60 * 60 * 1000;

export default defineRule({
  meta: {
    id: 'keystore-certificate-expiry',
    title: 'Keystore certificate expired or expiring',
    ...KEYSTORE_RULE,
    severity: 'error',
    docs: {
      what: 'Opens the keystores deployment.toml configures (see `keystore-default-certificate` for how they are found and opened) and checks the certificate of every key entry: expired is an error, expiring within `carbonlint.keystore.expiryWarningDays` days (default 30; 0 turns the early warning off) is a warning. Trusted CA certificates are not checked: shipped truststores carry expired roots that do no harm.',
      why: 'An expired server certificate breaks TLS for every client, and the tokens the server signs with that key are rejected; renewing in time avoids an outage caused by a keystore nobody looked at.',
      example: KEYSTORE_EXAMPLE,
      fix: `Renew the certificate before it expires: have your CA issue a new one and import it under the same alias (\`keytool -importcert -alias acme-tls -file renewed.crt -keystore acme-tls.p12\`), or create a new key pair:\n\n${KEYTOOL_NEW_KEYSTORE}\n\nCarbonLint never runs keytool. There is no quick fix.`,
      fixSafety: 'none',
      options: [{ setting: 'keystore.expiryWarningDays', default: '30', values: 'an integer, 0 or more', description: 'Warn when a certificate expires within this many days (0: report only certificates already expired).' }],
    },
  },
  check(ctx) {
    const now = ctx.resources?.now?.() ?? Date.now();
    const window = ctx.settings.keystore.expiryWarningDays * DAY;
    for (const { store, entry: e } of keyEntries(ctx)) {
      const end = e.cert.notAfter?.getTime();
      if (end === undefined || end - now > window) continue;
      const date = new Date(end).toISOString().slice(0, 10);
      const days = Math.ceil((end - now) / DAY);
      ctx.report({
        ...at(store),
        severity: end <= now ? 'error' : 'warning',
        message: end <= now
          ? `${storeName(store)}: the certificate of key "${e.alias}" expired on ${date}. Clients reject it; renew it or create a new key pair.`
          : `${storeName(store)}: the certificate of key "${e.alias}" expires on ${date} (in ${days} day${days === 1 ? '' : 's'}). Renew it before then.`,
      });
    }
  },
  cases: {
    valid: [
      { name: 'valid until 2035', fileName: SAMPLE_DEPLOYMENT_TOML, code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "sample"\n', resources: sampleResources({ now: '2026-11-23T00:00:00Z' }) },
      { name: 'early warning turned off', fileName: SAMPLE_DEPLOYMENT_TOML, code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "sample"\n', resources: sampleResources({ now: '2035-02-01T00:00:00Z' }), settings: { keystore: { expiryWarningDays: 0 } } },
    ],
    invalid: [
      {
        name: 'expired',
        fileName: SAMPLE_DEPLOYMENT_TOML,
        code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "sample"\n',
        resources: sampleResources({ now: '2036-01-01T00:00:00Z' }),
        errors: [{ range: [1, 12, 1, 28], severity: 'error', message: 'the certificate of key "wso2carbon" expired on 2035-02-13' }],
      },
      {
        name: 'expiring within the window',
        fileName: SAMPLE_DEPLOYMENT_TOML,
        code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "sample"\n',
        resources: sampleResources({ now: '2035-02-01T00:00:00Z' }),
        errors: [{ range: [1, 12, 1, 28], severity: 'warning', message: 'expires on 2035-02-13 (in 13 days)' }],
      },
    ],
  },
});
