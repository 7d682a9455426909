import { defineRule } from '../engine/rule';
import { pathText } from './util/toml';
import { externalVaultAlias, runtimeSecretsEnabled, secretEntry, secretReferences, secretsSection } from './util/secrets';
import { secretAliasMissingLegacy } from './legacy/secure-vault';

export default defineRule({
  meta: {
    id: 'secret-alias-missing',
    title: 'Secure Vault alias not defined',
    guideline: 'Encrypt passwords in configuration files',
    guidelineId: 'G03',
    severity: 'error',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds `$secret{alias}` references whose alias is not defined in the `[secrets]` (or `[runtime_secrets]`) table. With `[runtime_secrets] enable = "true"` aliases are resolved at run time from an external vault and are not checked; MI\'s external-vault forms (`$secret{vault:alias}`) are not `[secrets]` aliases either. In Helm/Jinja templates it stays quiet when `[secrets]` is missing or built by the template, since the rendered file may define it.',
      why: 'config-mapper cannot resolve the reference: the server does not start, or starts with an unresolved value. A typo here is also how people end up "temporarily" writing the password in plain text.',
      example: {
        bad: '[database.apim_db]\npassword = "$secret{apim_db_pasword}"\n\n[secrets]\napim_db_password = "…cipher text…"',
        good: '[database.apim_db]\npassword = "$secret{apim_db_password}"\n\n[secrets]\napim_db_password = "…cipher text…"',
      },
      fix: 'Correct the alias, or add it to `[secrets]` as `alias = "[password]"` and run `ciphertool.sh -Dconfigure`. There is no quick fix: the secret is yours to supply.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    const { doc, config } = ctx.model;
    // A template may render [secrets] (or its keys) from values: only a literal, complete table can be checked.
    if (doc.templated) {
      const s = secretsSection(doc);
      if (!s) return;
      const end = s.next?.headerSpan?.start ?? doc.text.length;
      if (doc.templateSpans.some((t) => t.start >= s.table.headerSpan!.start && t.start < end && /\{\{-?\s*(range|include|template)\b/.test(doc.text.slice(t.start, t.end)))) return;
    }
    const runtime = runtimeSecretsEnabled(config);
    for (const entry of doc.entries) {
      if (entry.path[0] === 'secrets' || entry.path[0] === 'runtime_secrets') continue;
      for (const ref of secretReferences(entry)) {
        if (ref.alias !== '' && (runtime || externalVaultAlias(ref.alias) || secretEntry(config, ref.alias))) continue;
        ctx.report({
          span: { start: ref.start, end: ref.end },
          message: ref.alias === ''
            ? `\`${pathText(entry.path)}\` uses an empty Secure Vault reference $secret{}.`
            : `\`${pathText(entry.path)}\` refers to the Secure Vault alias \`${ref.alias}\`, which [secrets] does not define: the server cannot resolve it.`,
        });
      }
    }
  },
  cases: {
    valid: [
      { code: '[super_admin]\npassword = "$secret{admin_password}"\n\n[secrets]\nadmin_password = "[x]"\n' },
      { name: 'dotted keys in [secrets]', code: 'secrets.admin_password = "[x]"\n[super_admin]\npassword = "$secret{admin_password}"\n' },
      { name: 'runtime secrets: resolved from an external vault at run time', code: '[runtime_secrets]\nenable = "true"\n\n[super_admin]\npassword = "$secret{admin_password}"\n' },
      { name: 'runtime secrets enabled with a boolean', code: 'runtime_secrets.enable = true\n[super_admin]\npassword = "$secret{admin_password}"\n' },
      { name: 'MI external vault form', code: '[super_admin]\npassword = "$secret{vault:admin_password}"\n' },
      { name: 'template without a literal [secrets]', code: '[super_admin]\n{{- if .Values.vault }}\npassword = "$secret{admin_password}"\n{{- end }}\n' },
    ],
    invalid: [
      {
        code: '[database.apim_db]\npassword = "$secret{apim_db_pasword}"\n\n[secrets]\napim_db_password = "[x]"\n',
        errors: [{ range: [1, 12, 1, 36], message: 'alias `apim_db_pasword`, which [secrets] does not define' }],
      },
      {
        name: 'runtime secrets switched off: [secrets] must define the alias',
        code: '[runtime_secrets]\nenable = "false"\n[super_admin]\npassword = "$secret{admin_password}"\n',
        errors: [{ range: [3, 12, 3, 35] }],
      },
      {
        name: 'no [secrets] table at all',
        code: '[super_admin]\npassword = "$secret{admin_password}"\n',
        errors: [{ range: [1, 12, 1, 35] }],
      },
    ],
  },
  legacy: [secretAliasMissingLegacy],
});
