// Checking an administrator's user name and password against the shipped admin/admin (G18, and G27 for MI).
import type { RelatedInfo, RuleContext } from '../../engine/rule';
import type { EffectiveConfig, TomlEntry } from '../../parsers/toml/model';
import { DEFAULT_ADMIN_PASSWORD, DEFAULT_ADMIN_USER } from '../../data/defaults';
import { literalScalar, literalString, replaceValue } from './toml';
import { resolvePlain, viaNote } from './values';

export interface AdminAccount {
  /** How the message names it: "[super_admin]", "[[internal_apis.users]] #1". */
  where: string;
  user?: TomlEntry;
  password?: TomlEntry;
  /** `create_admin_account`, when the account is created from this file. */
  create?: TomlEntry;
  /** Environment variable the quick fix reads the password from. */
  envVar: string;
}

/** The `[super_admin]` account (API-M and IS; MI with an LDAP or JDBC user store). */
export function superAdmin(config: EffectiveConfig, envVar: string): AdminAccount {
  const key = (k: string) => config.get(['super_admin', k]);
  return { where: '[super_admin]', user: key('username'), password: key('password'), create: key('create_admin_account'), envVar };
}

export function checkAdminAccount(ctx: RuleContext<'toml'>, a: AdminAccount): void {
  const creates = a.create !== undefined && literalScalar(a.create.value) === 'true';
  const related: RelatedInfo[] = creates ? [{ span: a.create!.span, message: 'create_admin_account = true: the server creates this account from these values.' }] : [];
  const pw = resolvePlain(ctx.model.config, a.password);
  if (a.password && pw?.text === DEFAULT_ADMIN_PASSWORD) {
    ctx.report({
      span: a.password.value.span,
      message: `${a.where} uses the shipped default password${viaNote(pw)}.${creates ? ' The server creates the account with it on first start.' : ''} Set a strong password in the user store and reference it here through Secure Vault or an environment variable.`,
      related: related.length > 0 ? related : undefined,
      // Through a still-plain [secrets] entry, the secret itself must change: no edit here fixes that.
      fix: pw.via ? undefined : {
        title: `Read the admin password from the environment variable ${a.envVar}`,
        edits: [replaceValue(a.password, `"$env{${a.envVar}}"`)],
        safe: false,
        preferred: true,
      },
    });
  }
  if (a.user && literalString(a.user.value) === DEFAULT_ADMIN_USER) {
    ctx.report({
      span: a.user.value.span,
      severity: 'warning',
      message: `${a.where} uses the well-known user name "admin". Create the admin account with a name of your own${creates ? ' (the product creates it on first start)' : ''}.`,
    });
  }
}
