import { defineRule } from '../engine/rule';
import type { TomlEntry, EffectiveConfig } from '../parsers/toml/model';
import { insertKeys, literalString, pathText, replaceValue, tomlString } from './util/toml';
import { isSubstitutionToken } from './util/values';
import { plaintextPasswordLegacy } from './legacy/secure-vault';

// Credential keys across API-M, IS and MI (research §2.2: password, key_password, connection_password, app_password,
// secret_key, client_secret, …), in any spelling: snake_case, kebab-case, camelCase (`keyStorePassword`,
// `[user_store.properties] ConnectionPassword`). Judged by the key's last word(s).
const SECRET_WORD = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret']);
const SECRET_PAIR = new Set(['secret key', 'private key', 'access key']);

function words(key: string): string[] {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

// Key names repeat across files (password, username, url…): each is classified once. Bounded, then started afresh.
const secretKeyMemo = new Map<string, boolean>();

function isSecretKey(entry: TomlEntry): boolean {
  const key = entry.path[entry.path.length - 1] ?? '';
  let known = secretKeyMemo.get(key);
  if (known === undefined) {
    const w = words(key);
    known = SECRET_WORD.has(w[w.length - 1]) || SECRET_PAIR.has(w.slice(-2).join(' '));
    if (secretKeyMemo.size >= 4096) secretKeyMemo.clear();
    secretKeyMemo.set(key, known);
  }
  return known;
}

/**
 * A Secure Vault alias for this key that is not taken yet, e.g. `database_apim_db_password`; else `<base>_2`,
 * `<base>_3`… The first free number of a base is found once per lint (`firstFree`): probing from 2 for every entry
 * was quadratic in a file of many array-table passwords whose aliases were all taken.
 */
function aliasFor(entry: TomlEntry, config: EffectiveConfig, firstFree: Map<string, number>): string {
  const base = entry.path.join('_').replace(/[^A-Za-z0-9_]/g, '_').replace(/_+/g, '_');
  const alias = entry.table.isArray ? `${base}_${entry.table.arrayIndex + 1}` : base;
  if (!config.get(['secrets', alias])) return alias;
  let n = firstFree.get(base);
  if (n === undefined) {
    for (n = 2; config.get(['secrets', `${base}_${n}`]); n++);
    firstFree.set(base, n);
  }
  return `${base}_${n}`;
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
    const firstFree = new Map<string, number>();
    for (const entry of doc.entries) {
      if (entry.path[0] === 'secrets' || !isSecretKey(entry)) continue;
      const value = literalString(entry.value);
      // Deploy-time tokens (`DB_PASS`, replaced by a setup script) are not the secret itself.
      if (value === undefined || value === '' || isSubstitutionToken(value)) continue;
      const span = entry.value.span;
      const message = `\`${pathText(entry.path)}\` is a plain-text secret. Encrypt it with Secure Vault (\`$secret{…}\`) or read it from the environment (\`$env{…}\`).`;
      // The alias only names the fix: a bare lint (its fix thrown away) skips both.
      if (ctx.bare) {
        ctx.report({ span, message });
        continue;
      }
      const alias = aliasFor(entry, config, firstFree);
      const secretsLine = `${alias} = ${tomlString(`[${value}]`)}`;
      ctx.report({
        span,
        message,
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
      { name: 'not a secret key either', code: '[user_store.properties]\nPasswordJavaRegEx = "^[\\\\S]{5,30}$"\n' },
      { name: 'deploy-time substitution token', code: '[database.apim_db]\npassword = "DB_PASS"\n' },
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
      {
        name: 'camelCase and raw user store properties',
        code: '[user_store.properties]\nConnectionPassword = "pw1"\n',
        errors: [{ range: [1, 21, 1, 26], message: '`user_store.properties.ConnectionPassword`' }],
        output: '[user_store.properties]\nConnectionPassword = "$secret{user_store_properties_ConnectionPassword}"\n\n[secrets]\nuser_store_properties_ConnectionPassword = "[pw1]"\n',
      },
    ],
  },
  legacy: [plaintextPasswordLegacy],
});
