// G18 in user-mgt.xml: `/UserManager/Realm/Configuration/AdminUser/{UserName,Password}` (legacy-carbon.md §5 G18).
import { defineVariant } from '../../engine/rule';
import { atPath, childText, isPlaceholder, secretAliasOf } from '../util/legacy-xml';

const CONFIG = ['UserManager', 'Realm', 'Configuration'];

export const adminCredentialsUserMgt = defineVariant({
  kind: 'xml',
  files: ['user-mgt.xml'],
  what: 'Carbon 4.4 (user-mgt.xml): `AdminUser` `UserName` and `Password` left at `admin` (a Secure Vault-protected password is checked by the Secure Vault rules instead).',
  example: {
    bad: '<AdminUser>\n  <UserName>admin</UserName>\n  <Password>admin</Password>\n</AdminUser>',
    good: '<AdminUser>\n  <UserName>ops-root</UserName>\n  <Password svns:secretAlias="UserManager.AdminUser.Password">password</Password>\n</AdminUser>',
  },
  check(ctx) {
    for (const admin of atPath(ctx.model.doc, [...CONFIG, 'AdminUser'])) {
      const user = childText(ctx.model.doc, admin, 'UserName');
      if (user && user.value.toLowerCase() === 'admin') {
        ctx.report({ span: user.span, severity: 'warning', message: 'The super admin keeps the shipped user name "admin". Choose a name of your own before the server creates the account on first start.' });
      }
      const pw = childText(ctx.model.doc, admin, 'Password');
      if (pw && !secretAliasOf(pw.el) && !isPlaceholder(pw.value) && pw.value === 'admin') {
        ctx.report({ span: pw.span, message: 'The super admin password is the shipped default. The server creates the account with it on first start; choose your own and protect it with the Cipher Tool (Secure Vault). If the account already exists, change its password in the management console too.' });
      }
    }
  },
  cases: {
    valid: [
      { code: '<UserManager><Realm><Configuration><AdminUser><UserName>ops</UserName><Password xmlns:svns="http://org.wso2.securevault/configuration" svns:secretAlias="UserManager.AdminUser.Password">password</Password></AdminUser></Configuration></Realm></UserManager>' },
      { name: 'commented sample', code: '<UserManager><Realm><Configuration><!--<AdminUser><UserName>admin</UserName><Password>admin</Password></AdminUser>--></Configuration></Realm></UserManager>' },
    ],
    invalid: [
      {
        code: '<UserManager>\n<Realm>\n<Configuration>\n<AdminUser>\n  <UserName>admin</UserName>\n  <Password>admin</Password>\n</AdminUser>\n</Configuration>\n</Realm>\n</UserManager>\n',
        errors: [
          { range: [4, 12, 4, 17], severity: 'warning', message: 'user name "admin"' },
          { range: [5, 12, 5, 17], severity: 'error', message: 'shipped default' },
        ],
      },
    ],
  },
});
