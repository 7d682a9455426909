import { defineRule } from '../engine/rule';
import { checkAdminAccount, superAdmin } from './util/admin-credentials';
import { adminCredentialsUserMgt } from './legacy/admin-credentials';

const ENV_VAR = 'CARBON_ADMIN_PASSWORD';

export default defineRule({
  meta: {
    id: 'default-admin-credentials',
    title: 'Default admin credentials',
    guideline: 'Change default admin credentials',
    guidelineId: 'G18',
    severity: 'error',
    kind: 'toml',
    products: ['apim', 'is'],
    docs: {
      what: 'Finds the shipped `admin`/`admin` super admin of API Manager and Identity Server in `[super_admin]` (the password also through a `$secret{}` alias whose `[secrets]` value is still plain `"[admin]"`). With `create_admin_account = true` the server creates that account on first start. An absent `[super_admin]` or password is not reported: the Carbon kernel\'s default.json has no default user name or password (it sets only `admin_role`), so absence does not mean admin/admin. Micro Integrator is covered by `mi-admin-credentials`.',
      why: 'Every installation of the product ships the same administrator name and password; anyone who can reach the management console or the admin APIs can log in with them.',
      example: {
        bad: '[super_admin]\nusername = "admin"\npassword = "admin"\ncreate_admin_account = true',
        good: '[super_admin]\nusername = "ops-root"\npassword = "$secret{admin_password}"\ncreate_admin_account = true',
      },
      fix: 'Choose a new administrator name and password. The quick fix replaces a literal default password with `$env{CARBON_ADMIN_PASSWORD}`, so the password comes from the server\'s environment; set that variable before starting the server. The user name cannot be chosen for you: write your own. If the account already exists in the user store, change its password there too (management console or SCIM).',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    // No absence check: the kernel's default.json has no super_admin user name or password (only admin_role), so a
    // missing [super_admin] or password is not the shipped admin/admin (wso2/carbon-kernel …/conf/default.json).
    checkAdminAccount(ctx, superAdmin(ctx.model.config, ENV_VAR));
  },
  cases: {
    valid: [
      { code: '[super_admin]\nusername = "ops"\npassword = "$secret{admin_password}"\n' },
      { code: '[super_admin]\nusername = "ops"\npassword = "$env{ADMIN_PW}"\n' },
      { name: 'templated values are not literals', code: '[super_admin]\nusername = "{{ .Values.user }}"\npassword = "{{ .Values.pw }}"\n' },
      { name: 'deploy-time tokens are not literals', code: '[super_admin]\nusername = "AM_ADMIN_USERNAME"\npassword = "AM_ADMIN_PASSWORD"\n' },
      { name: 'absent [super_admin] is not admin/admin (no kernel default)', fileName: '/opt/wso2is-7.0.0/repository/conf/deployment.toml', code: '[server]\nhostname = "localhost"\n' },
      { name: 'Micro Integrator: mi-admin-credentials', fileName: '/opt/wso2mi-4.3.0/conf/deployment.toml', code: '[super_admin]\nusername = "admin"\npassword = "admin"\n' },
    ],
    invalid: [
      {
        code: '[super_admin]\nusername = "admin"\npassword = "admin"\ncreate_admin_account = true\n',
        errors: [
          { range: [1, 11, 1, 18], message: 'user name "admin". Create the admin account with a name of your own (the product creates it on first start)', severity: 'warning' },
          { range: [2, 11, 2, 18], message: 'shipped default password. The server creates the account with it on first start.', severity: 'error' },
        ],
        output: '[super_admin]\nusername = "admin"\npassword = "$env{CARBON_ADMIN_PASSWORD}"\ncreate_admin_account = true\n',
      },
      {
        name: 'the Integration Control Plane (not MI): G18',
        fileName: '/charts/helm-mi/icp/deployment.toml',
        code: '[super_admin]\nusername = "admin"\npassword = "admin"\n',
        errors: [
          { range: [1, 11, 1, 18], message: 'well-known user name "admin"', severity: 'warning' },
          { range: [2, 11, 2, 18], message: 'shipped default password', severity: 'error' },
        ],
        output: '[super_admin]\nusername = "admin"\npassword = "$env{CARBON_ADMIN_PASSWORD}"\n',
      },
      {
        name: 'dotted keys are the same key',
        code: 'super_admin.password = "admin"\n',
        errors: [{ range: [0, 23, 0, 30] }],
        output: 'super_admin.password = "$env{CARBON_ADMIN_PASSWORD}"\n',
      },
      {
        name: 'through a still-plain Secure Vault alias: no edit here fixes it',
        code: '[super_admin]\nusername = "ops"\npassword = "$secret{admin_password}"\n\n[secrets]\nadmin_password = "[admin]"\n',
        errors: [{ range: [2, 11, 2, 36], message: 'through the Secure Vault alias `admin_password`' }],
      },
    ],
  },
  legacy: [adminCredentialsUserMgt],
});
