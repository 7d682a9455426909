import { defineRule } from '../engine/rule';
import { readKey } from './util/keys';
import { literalScalar, literalString, pathText } from './util/toml';
import { embeddedLdap, ldapUrls } from './util/ldap';
import { userStoreWithoutTlsLegacy } from './legacy/user-store';

export default defineRule({
  meta: {
    id: 'user-store-without-tls',
    title: 'LDAP user store without TLS',
    guideline: 'Always communicate with external user stores and databases over TLS',
    guidelineId: 'G06',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds an LDAP/Active Directory user store reached over plain `ldap://` without StartTLS (`[user_store] connection_url`, alias `[user_store.properties] ConnectionURL`; StartTLS is `[user_store.properties] StartTLSEnabled = true`), and `SSLCertificateValidationEnabled = false`. The embedded LDAP of Identity Server 5.10/5.11 (`ldap://localhost:${Ports.EmbeddedLDAP.LDAPServerPort}`) and other loopback URLs are not reported: that traffic never leaves the host.',
      why: 'LDAP binds carry the bind account\'s password and every user\'s password check in clear text unless the connection is encrypted.',
      example: {
        bad: '[user_store]\ntype = "read_only_ldap_unique_id"\nconnection_url = "ldap://ldap.example.com:389"',
        good: '[user_store]\ntype = "read_only_ldap_unique_id"\nconnection_url = "ldaps://ldap.example.com:636"',
      },
      fix: 'Use `ldaps://host:636` (and import the directory\'s CA certificate into the truststore), or keep `ldap://` and set `[user_store.properties] StartTLSEnabled = true`. There is no quick fix: which one works depends on the directory.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    const { config } = ctx.model;
    const type = literalString(config.get(['user_store', 'type'])?.value)?.toLowerCase();
    if (type !== undefined && !/ldap|active_directory/.test(type)) return;
    const url = readKey(config, ['user_store', 'connection_url']);
    if (url && !embeddedLdap(url)) {
      const startTls = literalScalar(readKey(config, ['user_store', 'properties', 'StartTLSEnabled'])?.value)?.toLowerCase() === 'true';
      if (!startTls && ldapUrls(url).some((u) => u.scheme === 'ldap' && !u.loopback)) {
        ctx.report({
          span: url.value.span,
          message: `\`${pathText(url.path)}\` reaches the user store over plain ldap:// without StartTLS. Use ldaps://host:636, or set [user_store.properties] StartTLSEnabled = true.`,
        });
      }
    }
    const validation = readKey(config, ['user_store', 'ssl_certificate_validation_enabled']);
    if (validation && literalScalar(validation.value)?.toLowerCase() === 'false') {
      ctx.report({
        span: validation.value.span,
        message: `\`${pathText(validation.path)} = false\` accepts any certificate from the directory: TLS without validation can be intercepted. Import the directory's CA certificate into the truststore and remove this setting.`,
      });
    }
  },
  cases: {
    valid: [
      { code: '[user_store]\ntype = "read_only_ldap_unique_id"\nconnection_url = "ldaps://ldap.example.com:636"\n' },
      { code: '[user_store]\ntype = "read_only_ldap"\nconnection_url = "ldap://ldap.example.com:389"\n[user_store.properties]\nStartTLSEnabled = true\n' },
      { name: 'IS 5.10/5.11 embedded LDAP', code: '[user_store]\ntype = "read_write_ldap_unique_id"\nconnection_url = "ldap://localhost:${Ports.EmbeddedLDAP.LDAPServerPort}"\n' },
      { name: 'JDBC user store', code: '[user_store]\ntype = "database_unique_id"\n' },
    ],
    invalid: [
      {
        code: '[user_store]\ntype = "read_only_ldap_unique_id"\nconnection_url = "ldap://ldap.example.com:389"\n',
        errors: [{ range: [2, 17, 2, 46], message: '`user_store.connection_url` reaches the user store over plain ldap://' }],
      },
      {
        name: 'raw alias and certificate validation off',
        code: '[user_store]\ntype = "active_directory_unique_id"\n[user_store.properties]\nConnectionURL = "ldaps://ad.example.com:636"\nSSLCertificateValidationEnabled = false\n',
        errors: [{ range: [4, 34, 4, 39], message: 'accepts any certificate' }],
      },
    ],
  },
  legacy: [userStoreWithoutTlsLegacy],
});
