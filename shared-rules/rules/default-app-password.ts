import { createHash } from 'node:crypto';
import { defaultAppPasswordLegacy } from './legacy/identity';
import { defineRule, type RelatedInfo } from '../engine/rule';
import type { TomlEntry } from '../parsers/toml/model';
import { DEFAULT_APP_PASSWORD, DEFAULT_APP_PASSWORD_HASH } from '../data/defaults';
import { insertKeys, literalString, replaceValue, tomlString } from './util/toml';
import { resolvePlain, viaNote } from './util/values';
import { hostsIdentityApps, isFullDeployment } from './util/scope';

const APP_PASSWORD = ['identity', 'auth_framework', 'endpoint', 'app_password'];
const HASH_TABLE = ['account_recovery', 'endpoint', 'auth'];
const HASH = [...HASH_TABLE, 'hash'];
// Said briefly: the docs example shows the two tables.
const WHAT_TO_WRITE = 'Set your own app_password in [identity.auth_framework.endpoint], from Secure Vault, and its SHA-256 as [account_recovery.endpoint.auth] hash.';

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

function note(entry: TomlEntry | undefined, message: string): RelatedInfo[] | undefined {
  return entry ? [{ span: entry.value.span, message }] : undefined;
}

export default defineRule({
  meta: {
    id: 'default-app-password',
    title: 'Default client authentication password',
    guideline: 'Configure client authentication',
    guidelineId: 'G26',
    severity: 'error',
    kind: 'toml',
    products: ['is', 'apim'],
    docs: {
      what: 'Checks the credentials the bundled web apps (authenticationendpoint, accountrecoveryendpoint) use for the product\'s REST APIs: `[identity.auth_framework.endpoint] app_password` set to the shipped default (also through a still-plain `$secret{}`), or — in a full deployment.toml (plain TOML with a `[server]` table, of a detected product) — absent, which means the default; and `[account_recovery.endpoint.auth] hash`, which must be the SHA-256 of `app_password`. Applies to Identity Server and API Manager nodes that host the identity web apps (not gateway or traffic-manager nodes).',
      why: 'The default app password is the same in every installation: anyone who knows it can call the APIs that are reserved for the login and recovery apps. If `hash` does not match `app_password`, recovery and login flows fail.',
      example: {
        bad: '[identity.auth_framework.endpoint]\napp_password = "dashboard"',
        good: '[identity.auth_framework.endpoint]\napp_password = "$secret{app_password}"\n\n[account_recovery.endpoint.auth]\nhash = "<sha256 hex of the new password>"',
      },
      fix: 'Choose a new app password (from Secure Vault), set `hash` to its SHA-256 (`printf %s "$PASSWORD" | sha256sum`), and update `app.password` in EndpointConfig.properties / RecoveryEndpointConfig.properties of externally hosted endpoint apps. When both `app_password` and `hash` are visible and do not match, the quick fix writes the SHA-256 of `app_password` into `hash` — safe, it only makes the two agree.',
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    const { doc, config } = ctx.model;
    if (!hostsIdentityApps(ctx.product)) return;
    const pwEntry = config.get(APP_PASSWORD);
    const hashEntry = config.get(HASH);
    const hash = literalString(hashEntry?.value)?.toLowerCase();
    if (!pwEntry) {
      if (!isFullDeployment(ctx)) return;
      ctx.report({
        span: config.insertionPoint(APP_PASSWORD).reportSpan,
        message: `No [identity.auth_framework.endpoint] app_password: the identity web apps call the REST APIs with the shipped default password. ${WHAT_TO_WRITE}`,
      });
      return;
    }
    const pw = resolvePlain(config, pwEntry);
    if (pw?.text === DEFAULT_APP_PASSWORD) {
      ctx.report({
        span: pwEntry.value.span,
        message: `\`identity.auth_framework.endpoint.app_password\` is the shipped default${viaNote(pw)}. Set your own, from Secure Vault, and set [account_recovery.endpoint.auth] hash to its SHA-256.`,
        related: hash === DEFAULT_APP_PASSWORD_HASH ? note(hashEntry, 'hash is the SHA-256 of the default app password: change it with app_password.') : undefined,
      });
      return;
    }
    if (pw) {
      const expected = sha256(pw.text);
      if (hashEntry && hash !== undefined && hash !== expected) {
        ctx.report({
          span: hashEntry.value.span,
          message: '`account_recovery.endpoint.auth.hash` is not the SHA-256 of `identity.auth_framework.endpoint.app_password`: the recovery and login apps will fail to authenticate.',
          related: note(pwEntry, 'app_password, whose SHA-256 hash must hold.'),
          fix: { title: 'Set hash to the SHA-256 of app_password', edits: [replaceValue(hashEntry, tomlString(expected))], safe: true, preferred: true },
        });
      } else if (!hashEntry && !doc.templated) {
        ctx.report({
          span: config.insertionPoint(HASH).reportSpan,
          message: 'No [account_recovery.endpoint.auth] hash: the shipped default hash (of the default app password) does not match `identity.auth_framework.endpoint.app_password`. Set hash to the SHA-256 of app_password.',
          related: note(pwEntry, 'app_password, whose SHA-256 hash must hold.'),
          fix: { title: 'Add hash = SHA-256 of app_password', edits: [insertKeys(ctx.text, config, HASH_TABLE, 'hash', [`hash = ${tomlString(expected)}`])], safe: true, preferred: true },
        });
      }
      return;
    }
    if (hash === DEFAULT_APP_PASSWORD_HASH) {
      ctx.report({
        span: hashEntry!.value.span,
        severity: 'warning',
        message: '`account_recovery.endpoint.auth.hash` is still the SHA-256 of the shipped default app password, while app_password comes from elsewhere: unless that is still the default, they do not match. Set hash to the SHA-256 of the real app_password.',
        related: note(pwEntry, 'app_password, set outside this file.'),
      });
    }
  },
  cases: {
    valid: [
      { code: `[server]\n[identity.auth_framework.endpoint]\napp_password = "s3cret-app"\n[account_recovery.endpoint.auth]\nhash = "${sha256('s3cret-app').toUpperCase()}"\n` },
      { name: 'snippet: absence says nothing', code: '[apim.opa_security]\noperation_mode = "sync"\n' },
      { name: 'template', code: '[server]\n[identity.auth_framework.endpoint]\napp_password= {{ .Values.appPassword | quote }}\n[account_recovery.endpoint.auth]\nhash= {{ .Values.hash | quote }}\n' },
      { name: 'from Secure Vault with a custom hash', code: '[identity.auth_framework.endpoint]\napp_password = "$secret{app_password}"\n[account_recovery.endpoint.auth]\nhash = "0000000000000000000000000000000000000000000000000000000000000000"\n[secrets]\napp_password = "cipher"\n' },
      { name: 'API-M gateway', fileName: '/opt/wso2am-universal-gw-4.5.0/repository/conf/deployment.toml', code: '[server]\nhostname = "gw"\n' },
    ],
    invalid: [
      {
        name: 'IS as shipped',
        code: '[server]\n[account_recovery.endpoint.auth]\nhash= "66cd9688a2ae068244ea01e70f0e230f5623b7fa4cdecb65070a09ec06452262"\n\n[identity.auth_framework.endpoint]\napp_password= "dashboard"\n',
        errors: [{ range: [5, 14, 5, 25], message: '`identity.auth_framework.endpoint.app_password` is the shipped default.' }],
      },
      {
        name: 'absent (API-M as shipped)',
        fileName: '/opt/wso2am-4.2.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "localhost"\n',
        errors: [{ range: [0, 0, 0, 8], message: 'No [identity.auth_framework.endpoint] app_password' }],
      },
      {
        name: 'new password, old hash: the fix computes the SHA-256',
        code: '[account_recovery.endpoint.auth]\nhash = "66cd9688a2ae068244ea01e70f0e230f5623b7fa4cdecb65070a09ec06452262"\n[identity.auth_framework.endpoint]\napp_password = "n3w-app-pw"\n',
        errors: [{ range: [1, 7, 1, 73], message: 'is not the SHA-256' }],
        output: `[account_recovery.endpoint.auth]\nhash = "${sha256('n3w-app-pw')}"\n[identity.auth_framework.endpoint]\napp_password = "n3w-app-pw"\n`,
      },
      {
        name: 'new password, no hash: the fix adds it',
        code: '[identity.auth_framework.endpoint]\napp_password = "n3w-app-pw"\n',
        errors: [{ range: [0, 0, 0, 34], message: 'No [account_recovery.endpoint.auth] hash' }],
        output: `[identity.auth_framework.endpoint]\napp_password = "n3w-app-pw"\n\n[account_recovery.endpoint.auth]\nhash = "${sha256('n3w-app-pw')}"\n`,
      },
      {
        name: 'password from the environment, hash still the default',
        code: '[identity.auth_framework.endpoint]\napp_password = "$env{APP_PASSWORD}"\n[account_recovery.endpoint.auth]\nhash = "66cd9688a2ae068244ea01e70f0e230f5623b7fa4cdecb65070a09ec06452262"\n',
        errors: [{ range: [3, 7, 3, 73], severity: 'warning' }],
      },
    ],
  },
  legacy: [defaultAppPasswordLegacy],
});
