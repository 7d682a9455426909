import { defineRule } from '../engine/rule';
import { reportPlaintextPasswords } from './util/log4j-secrets';
import { log4jPlaintextPasswordLegacy } from './legacy/log4j1-secrets';

export default defineRule({
  meta: {
    id: 'log4j-plaintext-password',
    title: 'Plain-text password in log4j2.properties',
    guideline: 'Encrypt passwords in configuration files',
    guidelineId: 'G03',
    severity: 'warning',
    kind: 'properties',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds passwords in log4j2.properties (for example `appender.LOGEVENT.password = admin`, or a JDBC, SMTP or key-store password of an appender) written as plain text instead of a Secure Vault reference `secretAlias:<alias>` or a `${env:…}`/`${sys:…}` lookup.',
      why: 'log4j2.properties is copied into support bundles, backups and Git repositories like any other configuration file; a plain-text password there is readable by all of them. Secure Vault keeps only ciphertext on disk.',
      example: {
        bad: 'appender.LOGEVENT.password = admin',
        good: 'appender.LOGEVENT.password = secretAlias:Log4j.Appender.LOGEVENT.Password',
      },
      fix: 'No quick fix: add the alias and its encrypted value with the cipher tool (`ciphertool.sh -Dconfigure`, listing the alias in `cipher-text.properties`), then write `secretAlias:<alias>` as the value.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    reportPlaintextPasswords(ctx);
  },
  cases: {
    valid: [
      { code: 'appender.LOGEVENT.type = LogEvent\nappender.LOGEVENT.password = secretAlias:Log4j.Appender.LOGEVENT.Password\n' },
      { name: 'a lookup', code: 'appender.DB.connectionSource.password = ${env:LOG_DB_PASSWORD}\n' },
      { name: 'empty, and keys that only mention passwords', code: 'appender.X.password =\nlogger.passwordPolicy.name = org.wso2.carbon.identity.password.policy\nlogger.passwordPolicy.level = DEBUG\n' },
    ],
    invalid: [
      {
        name: 'older Carbon LOGEVENT appender',
        code: 'appender.LOGEVENT.type = LogEvent\nappender.LOGEVENT.userName = admin\nappender.LOGEVENT.password = admin\n',
        errors: [{ range: [2, 29, 2, 34], message: '`appender.LOGEVENT.password` is a plain-text password' }],
      },
      {
        name: 'a TLS key store password of a Syslog appender',
        code: 'appender.SYSLOG.ssl.keyStore.password = changeit\n',
        errors: [{ range: [0, 40, 0, 48] }],
      },
      {
        name: 'every spelling: secret, PWD, Passwd, trustStorePassword',
        code: 'appender.A.secret = s1\nappender.B.PWD = s2\nappender.C.Passwd = s3\nappender.D.ssl.trustStorePassword = s4\n',
        errors: [{ range: [0, 20, 0, 22] }, { range: [1, 17, 1, 19] }, { range: [2, 20, 2, 22] }, { range: [3, 36, 3, 38] }],
      },
    ],
  },
  legacy: [log4jPlaintextPasswordLegacy],
});
