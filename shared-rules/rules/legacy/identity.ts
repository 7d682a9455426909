// identity/identity.xml in the Carbon 4.4 products (legacy-carbon.md §5 G25, G26, G35).
import { defineVariant, type RuleContext } from '../../engine/rule';
import { DEFAULT_APP_PASSWORD, DEFAULT_APP_PASSWORD_HASH, DEFAULT_CALLBACK_REGEX, SESSION_CLEANUP_CHUNK } from '../../data/defaults';
import { compareVersions } from '../../data/products';
import { atPath, childText } from '../util/legacy-xml';
import { oneLine } from '../util/message';

const ID = (body: string) => `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">\n${body}</Server>\n`;

/** The product is Identity Server or API Manager (EI and ESB carry identity.xml but not the endpoint apps). */
function identityProduct(ctx: RuleContext): boolean {
  const p = ctx.product.product;
  return p === 'is' || p === 'apim';
}

// ---------------------------------------------------------------------------------------------------------------
// G26: the dashboard app's hash is SHA-256("dashboard").

export const defaultAppPasswordLegacy = defineVariant({
  kind: 'xml',
  files: ['identity.xml'],
  what: `Carbon 4.4 (identity/identity.xml, Identity Server and API Manager): \`<ClientAppAuthentication><Application name="dashboard" hash="…">\` still holding the SHA-256 of the shipped app password "${DEFAULT_APP_PASSWORD}". Enterprise Integrator and ESB, which do not ship the endpoint apps, are not reported.`,
  example: {
    bad: `<Application name="dashboard" hash="${DEFAULT_APP_PASSWORD_HASH}"/>`,
    good: '<Application name="dashboard" hash="<sha256 hex of your app password>"/>',
  },
  check(ctx) {
    if (!identityProduct(ctx)) return;
    for (const app of atPath(ctx.model.doc, ['Server', 'ClientAppAuthentication', 'Application'])) {
      const hash = app.attr('hash');
      if (!hash || hash.value.trim().toLowerCase() !== DEFAULT_APP_PASSWORD_HASH) continue;
      ctx.report({
        span: hash.valueSpan,
        message: `The ${oneLine(app.attr('name')?.value ?? 'client')} application's hash is the SHA-256 of the shipped app password "${DEFAULT_APP_PASSWORD}", the same in every installation: anyone who knows it can call the APIs reserved for the login and recovery apps. Choose a new app password, put its SHA-256 here and set it as app.password in the endpoint apps' configuration.`,
      });
    }
  },
  cases: {
    valid: [
      { code: ID('<ClientAppAuthentication>\n<Application name="dashboard" hash="0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"/>\n</ClientAppAuthentication>\n') },
      { name: 'EI carries the file, not the endpoint apps', fileName: '/opt/wso2ei-6.5.0/conf/identity/identity.xml', code: ID(`<ClientAppAuthentication><Application name="dashboard" hash="${DEFAULT_APP_PASSWORD_HASH}"/></ClientAppAuthentication>\n`) },
    ],
    invalid: [{
      fileName: '/opt/wso2is-5.7.0/repository/conf/identity/identity.xml',
      code: ID(`<ClientAppAuthentication>\n    <Application name="dashboard" hash="${DEFAULT_APP_PASSWORD_HASH}"/>\n</ClientAppAuthentication>\n`),
      errors: [{ range: [2, 40, 2, 104], message: 'SHA-256 of the shipped app password', severity: 'error' }],
    }],
  },
});

// ---------------------------------------------------------------------------------------------------------------
// G35: JDBCPersistenceManager/SessionDataPersist/SessionDataCleanUp.

export const sessionDataCleanupLegacy = defineVariant({
  kind: 'xml',
  files: ['identity.xml'],
  what: `Carbon 4.4 (identity/identity.xml): \`SessionDataPersist/SessionDataCleanUp\` with \`Enable\` false, or a \`DeleteChunkSize\` above ${SESSION_CLEANUP_CHUNK.max} (IS 5.7/5.8, API-M 2.6 and EI 6.5/6.6 ship 50000; the guideline recommends ${SESSION_CLEANUP_CHUNK.default}). Whether releases before IS 5.7 read DeleteChunkSize is not known; they do not ship it.`,
  example: {
    bad: '<SessionDataCleanUp>\n    <Enable>true</Enable>\n    <DeleteChunkSize>50000</DeleteChunkSize>\n</SessionDataCleanUp>',
    good: `<SessionDataCleanUp>\n    <Enable>true</Enable>\n    <DeleteChunkSize>${SESSION_CLEANUP_CHUNK.default}</DeleteChunkSize>\n</SessionDataCleanUp>`,
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const c of atPath(doc, ['Server', 'JDBCPersistenceManager', 'SessionDataPersist', 'SessionDataCleanUp'])) {
      const enable = childText(doc, c, 'Enable');
      if (enable && /^false$/i.test(enable.value)) {
        ctx.report({
          span: enable.span,
          message: 'Expired session data cleanup is disabled (SessionDataCleanUp/Enable=false): the session tables grow without bound. Set it to true.',
          fix: { title: 'Turn session data cleanup on', edits: [{ start: enable.span.start, end: enable.span.end, newText: 'true' }], safe: true, preferred: true },
        });
      }
      const chunk = childText(doc, c, 'DeleteChunkSize');
      if (!chunk || !/^\d{1,12}$/.test(chunk.value) || Number(chunk.value) <= SESSION_CLEANUP_CHUNK.max) continue;
      ctx.report({
        span: chunk.span,
        message: `Session data is deleted in chunks of ${chunk.value} rows: deleting that many rows at once under load risks deadlocks and long table locks. The guideline recommends ${SESSION_CLEANUP_CHUNK.default}.`,
        fix: { title: `Delete in chunks of ${SESSION_CLEANUP_CHUNK.default}`, edits: [{ start: chunk.span.start, end: chunk.span.end, newText: String(SESSION_CLEANUP_CHUNK.default) }], safe: true, preferred: true },
      });
    }
  },
  cases: {
    valid: [{ name: 'IS 5.3: no DeleteChunkSize', code: ID('<JDBCPersistenceManager><SessionDataPersist><SessionDataCleanUp><Enable>true</Enable><CleanUpTimeout>20160</CleanUpTimeout></SessionDataCleanUp></SessionDataPersist></JDBCPersistenceManager>\n') }],
    invalid: [{
      code: ID('<JDBCPersistenceManager><SessionDataPersist><SessionDataCleanUp>\n<Enable>false</Enable>\n<DeleteChunkSize>50000</DeleteChunkSize>\n</SessionDataCleanUp></SessionDataPersist></JDBCPersistenceManager>\n'),
      errors: [{ range: [2, 8, 2, 13], message: 'cleanup is disabled' }, { range: [3, 17, 3, 22], message: 'chunks of 50000 rows' }],
      output: ID(`<JDBCPersistenceManager><SessionDataPersist><SessionDataCleanUp>\n<Enable>true</Enable>\n<DeleteChunkSize>${SESSION_CLEANUP_CHUNK.default}</DeleteChunkSize>\n</SessionDataCleanUp></SessionDataPersist></JDBCPersistenceManager>\n`),
    }],
  },
});

// ---------------------------------------------------------------------------------------------------------------
// G25: Recovery/CallbackRegex (IS 5.8 and later; earlier releases have no such setting).

const CALLBACK_SINCE = '5.8.0';

export const recoveryCallbackLegacy = defineVariant({
  kind: 'xml',
  files: ['identity.xml'],
  what: `Carbon 4.4 (identity/identity.xml, Identity Server ${CALLBACK_SINCE} and later): no active \`<Recovery><CallbackRegex>\` (IS 5.8 ships the whole block commented out, so the server default "${DEFAULT_CALLBACK_REGEX}" accepts any callback URL), or one (also \`SelfRegistration/CallbackRegex\`) that is "${DEFAULT_CALLBACK_REGEX}". Older releases have no such setting and are not reported; a value saved per tenant in the console overrides the file.`,
  example: { bad: '<!--Recovery>…<CallbackRegex>${carbon.protocol}://${carbon.host}:${carbon.management.port}/authenticationendpoint/login.do</CallbackRegex>…</Recovery-->', good: '<Recovery>\n    <CallbackRegex>https://login\\.example\\.com/authenticationendpoint/login\\.do</CallbackRegex>\n</Recovery>' },
  check(ctx) {
    const info = ctx.product;
    if (info.product !== 'is' || !info.legacy?.version || compareVersions(info.legacy.version, CALLBACK_SINCE) < 0) return;
    const doc = ctx.model.doc;
    const root = doc.root;
    if (!root) return;
    let written = false;
    for (const section of ['Recovery', 'SelfRegistration']) {
      for (const el of atPath(doc, ['Server', section])) {
        const regex = childText(doc, el, 'CallbackRegex');
        if (!regex) continue;
        if (section === 'Recovery') written = true;
        if (regex.value.trim() === DEFAULT_CALLBACK_REGEX) {
          ctx.report({ span: regex.span, message: `${section}/CallbackRegex is "${DEFAULT_CALLBACK_REGEX}": any URL is accepted as the callback, so a crafted recovery link can send users (and their codes) to an attacker's site. Anchor it to your login or recovery URL.` });
        }
      }
    }
    if (!written) {
      ctx.report({
        span: root.nameSpan,
        message: `No active <Recovery><CallbackRegex> (the block ships commented out): the server default "${DEFAULT_CALLBACK_REGEX}" accepts any callback URL for account recovery. Uncomment it and anchor it to your login or recovery URL (unless each tenant sets it in the console).`,
      });
    }
  },
  cases: {
    valid: [
      { name: 'IS 5.7 has no such setting', fileName: '/opt/wso2is-5.7.0/repository/conf/identity/identity.xml', code: ID('<!--Recovery><CallbackRegex>.*</CallbackRegex></Recovery-->\n') },
      { name: 'anchored', fileName: '/opt/wso2is-5.8.0/repository/conf/identity/identity.xml', code: ID('<Recovery><CallbackRegex>https://login\\.example\\.com/.*</CallbackRegex></Recovery>\n') },
    ],
    invalid: [
      {
        name: 'IS 5.8: the block commented out',
        fileName: '/opt/wso2is-5.8.0/repository/conf/identity/identity.xml',
        code: ID('<!--Recovery><CallbackRegex>https://x/.*</CallbackRegex></Recovery-->\n'),
        errors: [{ range: [0, 1, 0, 7], message: 'No active <Recovery><CallbackRegex>', severity: 'warning' }],
      },
      {
        name: 'IS 5.8: any URL',
        fileName: '/opt/wso2is-5.8.0/repository/conf/identity/identity.xml',
        code: ID('<Recovery>\n<CallbackRegex>.*</CallbackRegex>\n</Recovery>\n'),
        errors: [{ range: [2, 15, 2, 17], message: 'Recovery/CallbackRegex is ".*"' }],
      },
    ],
  },
});
