import { defineRule, type RuleContext } from '../engine/rule';
import type { TomlEntry } from '../parsers/toml/model';
import { literalString, replaceValue } from './util/toml';

// The shipped super admin (API-M, IS) and MI file-user-store account are admin/admin.
const DEFAULT_USER = 'admin';
const DEFAULT_PASSWORD = 'admin';
const ENV_FIX = '"$env{CARBON_ADMIN_PASSWORD}"';

function checkPair(ctx: RuleContext<'toml'>, where: string, user: TomlEntry | undefined, password: TomlEntry | undefined): void {
  if (password && literalString(password.value) === DEFAULT_PASSWORD) {
    ctx.report({
      span: password.value.span,
      message: `${where} uses the shipped default password. Set a strong password in the user store and reference it here through Secure Vault or an environment variable.`,
      fix: {
        title: 'Read the admin password from the environment variable CARBON_ADMIN_PASSWORD',
        edits: [replaceValue(password, ENV_FIX)],
        safe: false,
        preferred: true,
      },
    });
  }
  if (user && literalString(user.value) === DEFAULT_USER) {
    ctx.report({
      span: user.value.span,
      severity: 'warning',
      message: `${where} uses the well-known user name "admin". Create the admin account with a name of your own (the product creates it on first start).`,
    });
  }
}

export default defineRule({
  meta: {
    id: 'default-admin-credentials',
    title: 'Default admin credentials',
    guideline: 'Change default admin credentials',
    guidelineId: 'G18',
    severity: 'error',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds the shipped `admin`/`admin` credentials in `[super_admin]` and in the Micro Integrator file user store (`[[internal_apis.users]]`).',
      why: 'Every installation of the product ships the same administrator name and password; anyone who can reach the management console or APIs can log in with them.',
      example: {
        bad: '[super_admin]\nusername = "admin"\npassword = "admin"\ncreate_admin_account = true',
        good: '[super_admin]\nusername = "ops-root"\npassword = "$secret{admin_password}"\ncreate_admin_account = true',
      },
      fix: 'Choose a new administrator name and password. The quick fix replaces the default password with `$env{CARBON_ADMIN_PASSWORD}`, so the password comes from the server\'s environment; set that variable before starting the server. The user name cannot be chosen for you: write your own.',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    const { config } = ctx.model;
    checkPair(ctx, '[super_admin]', config.get(['super_admin', 'username']), config.get(['super_admin', 'password']));
    for (const t of config.arrayTables(['internal_apis', 'users'])) {
      checkPair(ctx, '[[internal_apis.users]]', t.get(['user', 'name']), t.get(['user', 'password']));
    }
  },
  cases: {
    valid: [
      { code: '[super_admin]\nusername = "ops"\npassword = "$secret{admin_password}"\n' },
      { code: '[super_admin]\nusername = "ops"\npassword = "$env{ADMIN_PW}"\n' },
      { name: 'templated values are not literals', code: '[super_admin]\nusername = "{{ .Values.user }}"\npassword = "{{ .Values.pw }}"\n' },
      { code: '[[internal_apis.users]]\nuser.name = "ops"\nuser.password = "$secret{mi_admin}"\n' },
    ],
    invalid: [
      {
        code: '[super_admin]\nusername = "admin"\npassword = "admin"\ncreate_admin_account = true\n',
        errors: [
          { range: [1, 11, 1, 18], message: 'user name "admin"', severity: 'warning' },
          { range: [2, 11, 2, 18], message: 'shipped default password', severity: 'error' },
        ],
        output: '[super_admin]\nusername = "admin"\npassword = "$env{CARBON_ADMIN_PASSWORD}"\ncreate_admin_account = true\n',
      },
      {
        name: 'dotted keys are the same key',
        code: 'super_admin.password = "admin"\n',
        errors: [{ range: [0, 23, 0, 30] }],
        output: 'super_admin.password = "$env{CARBON_ADMIN_PASSWORD}"\n',
      },
      {
        name: 'MI file user store',
        code: '[[internal_apis.users]]\nuser.name = "admin"\nuser.password = "admin"\n',
        errors: [{ range: [1, 12, 1, 19] }, { range: [2, 16, 2, 23] }],
        output: '[[internal_apis.users]]\nuser.name = "admin"\nuser.password = "$env{CARBON_ADMIN_PASSWORD}"\n',
      },
    ],
  },
});
