import { recoveryCallbackLegacy } from './legacy/identity';
import { defineRule } from '../engine/rule';
import { DEFAULT_CALLBACK_REGEX } from '../data/defaults';
import { pathText } from './util/toml';
import { visibleText } from './util/values';
import { hostsIdentityApps, isFullDeployment, usesEmbeddedKeyManager } from './util/scope';
import { permissiveReason } from './util/callback-regex';

const KEYS = [
  { path: ['identity_mgt', 'recovery', 'callback_url'], flow: 'password and user name recovery' },
  { path: ['identity_mgt', 'user_self_registration', 'callback_url'], flow: 'self-registration' },
  { path: ['identity_mgt', 'lite_user_registration', 'callback_url'], flow: 'lite user registration' },
];

const EXAMPLE = 'callback_url = "https://your-app\\\\.example\\\\.com/.*"';

export default defineRule({
  meta: {
    id: 'recovery-callback-regex',
    title: 'Permissive recovery callback URL regex',
    guideline: 'Define a callback URL regular expression',
    guidelineId: 'G25',
    severity: 'warning',
    kind: 'toml',
    products: ['is', 'apim'],
    docs: {
      what: 'Checks the callback URL regular expressions of `[identity_mgt.recovery]`, `[identity_mgt.user_self_registration]` and `[identity_mgt.lite_user_registration]`: `".*"` (the shipped default), any-host patterns such as `"https://.*"`, a wildcard in the host part, or the square-bracket form of the self-registration default. In a full deployment.toml (plain TOML with a `[server]` table, of a detected product), an absent `[identity_mgt.recovery] callback_url` is reported once, since the default accepts any URL. Applies to Identity Server and to API Manager nodes with the embedded key manager (not gateway or traffic-manager nodes, nor API-M using another key manager). Identity Server 7 can also set the pattern per organization in the Console; the file sets the server default.',
      why: 'Recovery and registration e-mails send the user to the callback URL the request names. If any URL is accepted, an attacker can start a recovery for a victim and have the confirmation link — with its code — delivered to a site they control.',
      example: {
        bad: '[identity_mgt.recovery]\ncallback_url = ".*"',
        good: '[identity_mgt.recovery]\ncallback_url = "https://myaccount\\\\.example\\\\.com/.*"',
      },
      fix: 'Set `callback_url` to a pattern that matches only your own applications\' URLs, with dots escaped (in a TOML basic string, `\\\\.`). There is no quick fix: the URLs are yours.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    const { config } = ctx.model;
    if (!hostsIdentityApps(ctx.product) || (ctx.product.product === 'apim' && !usesEmbeddedKeyManager(config))) return;
    for (const k of KEYS) {
      const entry = config.get(k.path);
      const value = visibleText(entry);
      const why = value === undefined ? undefined : permissiveReason(value);
      if (!entry || !why) continue;
      ctx.report({
        span: entry.value.span,
        message: `\`${pathText(k.path)}\` ${why}, so ${k.flow} links can be sent to any site. Allow only your applications, e.g. ${EXAMPLE}.`,
      });
    }
    if (config.get(KEYS[0].path) || !isFullDeployment(ctx)) return;
    const others = KEYS.slice(1).filter((k) => !config.get(k.path)).map((k) => `[${pathText(k.path.slice(0, -1))}]`);
    ctx.report({
      span: config.insertionPoint(KEYS[0].path).reportSpan,
      message: `No [identity_mgt.recovery] callback_url: password recovery accepts any callback URL (default "${DEFAULT_CALLBACK_REGEX}"). Add [identity_mgt.recovery] with ${EXAMPLE}${others.length > 0 ? `, and the same for ${others.join(' and ')} if you use them` : ''}.`,
    });
  },
  cases: {
    valid: [
      { code: '[server]\n[identity_mgt.recovery]\ncallback_url = "https://myaccount\\\\.example\\\\.com/.*"\n' },
      { name: 'a fixed host after a configurable scheme', code: '[server]\n[identity_mgt.recovery]\ncallback_url = "${carbon.protocol}://myaccount\\\\.example\\\\.com/.*"\n' },
      { name: 'dotted form', code: '[server]\n[identity_mgt]\nrecovery.callback_url = "^https://app\\\\.example\\\\.com/recover$"\n' },
      { name: 'template', code: '[identity_mgt]\nuser_self_registration.callback_url = "https://{{ .Values.host }}/.*"\n' },
      { name: 'API-M gateway node', fileName: '/opt/wso2am-universal-gw-4.5.0/repository/conf/deployment.toml', code: '[server]\nhostname = "gw"\n' },
      { name: 'API-M with Identity Server as key manager', code: '[server]\n[apim.key_manager]\ntype = "WSO2-IS"\n' },
    ],
    invalid: [
      {
        code: '[identity_mgt.recovery]\ncallback_url = ".*"\n[identity_mgt.user_self_registration]\ncallback_url = "https://.*"\n[identity_mgt.lite_user_registration]\ncallback_url = "https://.*\\\\.example\\\\.com/.*"\n',
        errors: [
          { range: [1, 15, 1, 19], message: 'matches any URL, so password and user name recovery links can be sent to any site. Allow only your applications, e.g. callback_url = "https://your-app\\\\.example\\\\.com/.*"' },
          { range: [3, 15, 3, 27], message: 'fixes only the scheme (https): it matches any URL on any host, as open as ".*"' },
          { range: [5, 15, 5, 46], message: 'wildcard in the host part' },
        ],
      },
      {
        name: 'only the scheme fixed, however it is written: as open as .*',
        code: '[identity_mgt.recovery]\ncallback_url = "${carbon.protocol}://.*"\n[identity_mgt.user_self_registration]\ncallback_url = "^(http|https)://.+/.*$"\n[identity_mgt.lite_user_registration]\ncallback_url = "https://[^/]+/recovery"\n',
        errors: [
          { range: [1, 15, 1, 40], message: 'fixes only the scheme (${carbon.protocol}): it matches any URL on any host' },
          { range: [3, 15, 3, 39], message: 'fixes only the scheme ((http|https))' },
          { range: [5, 15, 5, 39], message: 'lets any host through' },
        ],
      },
      {
        name: 'absent in a full IS deployment.toml',
        fileName: '/opt/wso2is-7.2.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "localhost"\n',
        errors: [{ range: [0, 0, 0, 8], message: 'No [identity_mgt.recovery] callback_url: password recovery accepts any callback URL' }],
      },
      {
        name: 'self-registration default written out',
        code: '[identity_mgt.user_self_registration]\ncallback_url = "[${carbon.protocol}://${carbon.host}:${carbon.management.port}].*[/authenticationendpoint/login.do]"\n',
        errors: [{ range: [1, 15, 1, 116], message: 'square brackets' }],
      },
    ],
  },
  legacy: [recoveryCallbackLegacy],
});
