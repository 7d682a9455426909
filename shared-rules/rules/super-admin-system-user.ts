import { defineRule } from '../engine/rule';
import { systemUserApiManager } from './legacy/system-user';

// G24 is manual (which account people log in with is not in any file). What a file shows is the super admin used as
// the system user: in Carbon 4.4 API Manager, api-manager.xml's `${admin.username}` slots. The TOML-era counterpart
// (`$ref{super_admin.username}` in the [apim.*] tables) is not covered yet, so the rule's own check reads nothing.
export default defineRule({
  meta: {
    id: 'super-admin-system-user',
    title: 'Super admin used as the system user',
    guideline: 'Use a separate admin user account to log in to the system',
    guidelineId: 'G24',
    severity: 'hint',
    kind: 'xml',
    products: ['apim'],
    docs: {
      what: 'Points out, as a hint (a note in the readiness report that does not fail the guideline), where the configuration makes the super admin the system user for internal communication: in Carbon 4.4 API Manager, the `${admin.username}` values in api-manager.xml (one finding per file, the other places listed as related). The guideline is met when people log in with another admin account, which no file shows: it stays a manual check.',
      why: 'The guideline asks for two admin accounts: one the system uses for internal calls, another that people log in with. When both are the super admin, its password is spread over every node\'s configuration, it cannot be changed or locked without breaking the deployment, and the audit log cannot tell people from the system.',
      example: {
        bad: '<Username>${admin.username}</Username>\n<Password>${admin.password}</Password>',
        good: '<Username>apim_system</Username>\n<Password svns:secretAlias="APIManager.AuthManager.Password">password</Password>',
      },
      fix: 'Create a dedicated system account with the permissions the internal calls need, put its name in these elements and its password in Secure Vault (cipher-text.properties), and log in with another admin account. No quick fix: the account must exist in the user store first.',
      fixSafety: 'none',
    },
  },
  check() {
    // See the comment above: only the Carbon 4.4 variant reads a file.
  },
  cases: {
    valid: [{ name: 'a TOML-era XML file has no system-user slot', code: '<Context><Manager pathname=""/></Context>' }],
    invalid: [{
      name: 'api-manager.xml of a Carbon 4.4 home (the legacy variant)',
      fileName: '/opt/wso2am-2.6.0/repository/conf/api-manager.xml',
      code: '<APIManager><AuthManager><Username>${admin.username}</Username></AuthManager></APIManager>',
      errors: [{ range: [0, 35, 0, 52], severity: 'hint', message: 'The super admin (${admin.username}, user-mgt.xml AdminUser) is the system user' }],
    }],
  },
  legacy: [systemUserApiManager],
});
