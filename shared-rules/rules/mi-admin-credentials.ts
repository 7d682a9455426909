import { defineRule } from '../engine/rule';
import { MI_FILE_USER_STORE_DEFAULT } from '../data/defaults';
import { literalScalar } from './util/toml';
import { checkAdminAccount, superAdmin } from './util/admin-credentials';
import { isFullDeployment } from './util/scope';

const ENV_VAR = 'MI_ADMIN_PASSWORD';
const WHAT_TO_WRITE = '[[internal_apis.users]] with user.name = "<your admin>" and user.password = "$secret{mi_admin_password}"';

export default defineRule({
  meta: {
    id: 'mi-admin-credentials',
    title: 'Micro Integrator default admin credentials',
    guideline: 'Verify super admin credentials (Micro Integrator)',
    guidelineId: 'G27',
    severity: 'error',
    kind: 'toml',
    products: ['mi'],
    docs: {
      what: 'Finds Micro Integrator administrators with the shipped `admin`/`admin` credentials: in the file-based user store (`[[internal_apis.users]] user.name` / `user.password`) and in `[super_admin]` (used with an LDAP or JDBC user store; `create_admin_account = true` creates it). In a full deployment.toml (plain TOML with a `[server]` table, of a detected product), a file user store that is enabled (the default; `[internal_apis.file_user_store] enable = false` turns it off) but defines no `[[internal_apis.users]]` is reported too: MI then uses its built-in admin/admin account.',
      why: 'The management API (port 9164) and the tools built on it (MI CLI, dashboard, ICP) accept these credentials on every installation that keeps them: deploy, undeploy and reconfigure integrations, read logs and secrets.',
      example: {
        bad: '[server]\nhostname = "localhost"\n\n[user_store]\ntype = "read_only_ldap"',
        good: '[server]\nhostname = "localhost"\n\n[[internal_apis.users]]\nuser.name = "mi-ops"\nuser.password = "$secret{mi_admin_password}"\n\n[secrets]\nmi_admin_password = "…cipher text…"',
      },
      fix: 'Define your own administrator: `[[internal_apis.users]]` with `user.name` and `user.password` (from Secure Vault) for the file user store, or disable it (`[internal_apis.file_user_store] enable = false`) when an LDAP/JDBC store holds the users, and check that store for unwanted admin records. The quick fix replaces a literal default password with `$env{MI_ADMIN_PASSWORD}`; user names and new accounts are yours to choose.',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    const { config } = ctx.model;
    if (ctx.product.product === 'mi') checkAdminAccount(ctx, superAdmin(config, ENV_VAR));
    const users = config.arrayTables(['internal_apis', 'users']);
    users.forEach((t, i) => checkAdminAccount(ctx, {
      where: `[[internal_apis.users]]${users.length > 1 ? ` #${i + 1}` : ''}`, user: t.get(['user', 'name']), password: t.get(['user', 'password']), envVar: ENV_VAR,
    }));
    const enable = config.get(['internal_apis', 'file_user_store', 'enable']);
    const enabled = enable === undefined ? MI_FILE_USER_STORE_DEFAULT : literalScalar(enable.value) === 'true';
    if (ctx.product.product !== 'mi' || users.length > 0 || !enabled || !isFullDeployment(ctx)) return;
    ctx.report({
      span: config.table(['internal_apis', 'file_user_store'])?.headerSpan ?? config.insertionPoint(['internal_apis', 'users', 'user']).reportSpan,
      message: `The file-based user store is enabled and defines no [[internal_apis.users]], so Micro Integrator's built-in admin account with the shipped default credentials is active. Add your own administrator: ${WHAT_TO_WRITE} (or set [internal_apis.file_user_store] enable = false when an LDAP or JDBC user store holds the users).`,
    });
  },
  cases: {
    valid: [
      { name: 'the Integration Control Plane is not Micro Integrator (its admin is default-admin-credentials\' business, G18)', fileName: '/charts/helm-mi/icp/deployment.toml', code: '[super_admin]\nusername = "admin"\npassword = "admin"\n' },
      { fileName: '/opt/wso2mi-4.3.0/conf/deployment.toml', code: '[server]\nhostname = "h"\n\n[[internal_apis.users]]\nuser.name = "ops"\nuser.password = "$secret{mi_admin}"\n\n[secrets]\nmi_admin = "x"\n' },
      { name: 'file user store disabled', fileName: '/opt/wso2mi-4.3.0/conf/deployment.toml', code: '[server]\nhostname = "h"\n[internal_apis.file_user_store]\nenable = false\n' },
      { name: 'template', fileName: '/opt/wso2mi-4.3.0/conf/deployment.toml', code: '[server]\noffset = {{ .Values.offset }}\n' },
    ],
    invalid: [
      {
        name: 'MI as shipped: built-in admin',
        fileName: '/opt/wso2mi-4.3.0/conf/deployment.toml',
        code: '[server]\nhostname = "localhost"\n# offset  = 10\n\n[user_store]\ntype = "read_only_ldap"\n',
        errors: [{ range: [0, 0, 0, 8], message: 'The file-based user store is enabled and defines no [[internal_apis.users]]' }],
      },
      {
        name: 'file user store with admin/admin',
        code: '[[internal_apis.users]]\nuser.name = "admin"\nuser.password = "admin"\n',
        errors: [{ range: [1, 12, 1, 19], severity: 'warning' }, { range: [2, 16, 2, 23], severity: 'error' }],
        output: '[[internal_apis.users]]\nuser.name = "admin"\nuser.password = "$env{MI_ADMIN_PASSWORD}"\n',
      },
      {
        name: 'MI [super_admin] created from the file',
        fileName: '/opt/wso2mi-4.3.0/conf/deployment.toml',
        code: '[super_admin]\nusername = "admin"\npassword = "admin"\nadmin_role = "admin"\ncreate_admin_account = true\n[internal_apis.file_user_store]\nenable = false\n',
        errors: [{ range: [1, 11, 1, 18] }, { range: [2, 11, 2, 18], message: 'The server creates the account with it on first start.' }],
        output: '[super_admin]\nusername = "admin"\npassword = "$env{MI_ADMIN_PASSWORD}"\nadmin_role = "admin"\ncreate_admin_account = true\n[internal_apis.file_user_store]\nenable = false\n',
      },
    ],
  },
});
