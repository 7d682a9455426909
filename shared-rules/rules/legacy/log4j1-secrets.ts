// G03 in log4j 1.x log4j.properties (Carbon 4.4): `log4j.appender.LOGEVENT.password=admin` ships in every home;
// `secretAlias:<alias>` is the Secure Vault form (legacy-carbon.md §3.4, §5 G03).
import { defineVariant } from '../../engine/rule';
import { reportPlaintextPasswords } from '../util/log4j-secrets';

export const log4jPlaintextPasswordLegacy = defineVariant({
  kind: 'properties',
  files: ['log4j.properties'],
  what: 'Carbon 4.4 (log4j 1.x `log4j.properties`): an appender password (the shipped `log4j.appender.LOGEVENT.password=admin`, JDBC, SMTP, XMPP) written as plain text instead of `secretAlias:<alias>`. Commented lines are not read; the password counts even when no logger uses the appender, since the file is copied around as it is.',
  example: { bad: 'log4j.appender.LOGEVENT.password=admin', good: 'log4j.appender.LOGEVENT.password=secretAlias:Log4j.Appender.LOGEVENT.Password' },
  check(ctx) {
    reportPlaintextPasswords(ctx);
  },
  cases: {
    valid: [{ code: 'log4j.appender.LOGEVENT.password=secretAlias:Log4j.Appender.LOGEVENT.Password\n#log4j.appender.XMPP_APPENDER.password=wso2esb\n' }],
    invalid: [{
      code: 'log4j.appender.LOGEVENT.userName=admin\nlog4j.appender.LOGEVENT.password=admin\n',
      errors: [{ range: [1, 33, 1, 38], message: '`log4j.appender.LOGEVENT.password` is a plain-text password' }],
    }],
  },
});
