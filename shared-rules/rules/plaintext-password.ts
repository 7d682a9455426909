import { defineRule } from '../engine/rule';
import type { TomlEntry, EffectiveConfig } from '../parsers/toml/model';
import { insertKeys, literalString, pathText, replaceValue, tomlString } from './util/toml';

// Key names whose values are credentials (config-mapper keys across API-M, IS and MI).
const SECRET_KEY = /(^|[_.-])(password|passwd|pwd|secret|secret_key|client_secret|consumer_secret|key_password|connection_password|app_password|access_key|private_key)$/i;

function isSecretKey(entry: TomlEntry): boolean {
  const last = entry.path[entry.path.length - 1] ?? '';
  return SECRET_KEY.test(last);
}

/** A Secure Vault alias for this key that is not taken yet, e.g. `database_apim_db_password`. */
function aliasFor(entry: TomlEntry, config: EffectiveConfig): string {
  const base = entry.path.join('_').replace(/[^A-Za-z0-9_]/g, '_').replace(/_+/g, '_');
  let alias = entry.table.isArray ? `${base}_${entry.table.arrayIndex + 1}` : base;
  for (let n = 2; config.get(['secrets', alias]); n++) alias = `${base}_${n}`;
  return alias;
}

export default defineRule({
  meta: {
    id: 'plaintext-password',
    title: 'Plain-text password',
    guideline: 'Encrypt passwords in configuration files',
    guidelineId: 'G03',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds passwords and secrets written as plain text in deployment.toml instead of a Secure Vault reference (`$secret{alias}`) or an environment or system property (`$env{VAR}`, `$sys{prop}`).',
      why: 'Anyone who can read the configuration — a backup, a support bundle, a Git repository — learns the credential. Secure Vault keeps only ciphertext in the file.',
      example: {
        bad: '[database.apim_db]\nurl = "jdbc:mysql://db:3306/apim?useSSL=true"\nusername = "apimuser"\npassword = "s3cret"',
        good: '[database.apim_db]\nurl = "jdbc:mysql://db:3306/apim?useSSL=true"\nusername = "apimuser"\npassword = "$secret{apim_db_password}"\n\n[secrets]\napim_db_password = "<ciphertext from ciphertool.sh>"',
      },
      fix: 'The quick fix moves the value into the `[secrets]` table as `alias = "[value]"` (square brackets mark plain text still to be encrypted) and writes `$secret{alias}` in its place; `[secrets]` stays the last table. Then run `bin/ciphertool.sh -Dconfigure` to encrypt it. Review before committing: until the cipher tool runs, the value is still readable in the file.',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    const { doc, config } = ctx.model;
    for (const entry of doc.entries) {
      if (entry.path[0] === 'secrets' || !isSecretKey(entry)) continue;
      const value = literalString(entry.value);
      if (value === undefined || value === '') continue;
      const alias = aliasFor(entry, config);
      const secretsLine = `${alias} = ${tomlString(`[${value}]`)}`;
      ctx.report({
        span: entry.value.span,
        message: `\`${pathText(entry.path)}\` is a plain-text secret. Encrypt it with Secure Vault (\`$secret{…}\`) or read it from the environment (\`$env{…}\`).`,
        fix: {
          title: `Move to [secrets] as $secret{${alias}} (then run ciphertool.sh -Dconfigure)`,
          edits: [replaceValue(entry, tomlString(`$secret{${alias}}`)), insertKeys(ctx.text, config, ['secrets'], alias, [secretsLine])],
          safe: false,
        },
      });
    }
  },
  cases: {
    valid: [
      { code: '[database.apim_db]\npassword = "$secret{apim_db_password}"\n' },
      { code: '[database.apim_db]\npassword = "$env{DB_PASSWORD}"\n' },
      { code: '[database.apim_db]\npassword = "$sys{db.password}"\n' },
      { name: 'runtime references are resolved by Carbon', code: '[[apim.gateway.environment]]\npassword = "${admin.password}"\n' },
      { name: 'templates are opaque', code: '[super_admin]\npassword = "{{ .Values.pw }}"\n' },
      { name: 'not a secret key', code: '[apim.key_manager]\npassword_policy = "strong"\n' },
    ],
    invalid: [
      {
        code: '[database.apim_db]\nusername = "apim"\npassword = "s3cret!"\n',
        errors: [{ range: [2, 11, 2, 20], message: '`database.apim_db.password` is a plain-text secret' }],
        output: '[database.apim_db]\nusername = "apim"\npassword = "$secret{database_apim_db_password}"\n\n[secrets]\ndatabase_apim_db_password = "[s3cret!]"\n',
      },
      {
        name: 'existing [secrets] gets the alias appended',
        code: '[keystore.tls]\nkey_password = "ks"\n\n[secrets]\nother = "abc"\n',
        errors: [{ range: [1, 15, 1, 19] }],
        output: '[keystore.tls]\nkey_password = "$secret{keystore_tls_key_password}"\n\n[secrets]\nother = "abc"\nkeystore_tls_key_password = "[ks]"\n',
      },
    ],
  },
});
