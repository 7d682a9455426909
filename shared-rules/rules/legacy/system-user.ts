// G24 in Carbon 4.4 API Manager's api-manager.xml: the credentials the nodes use to call each other (AuthManager,
// gateway environments, APIKeyValidator, APIStore, TrafficManager, analytics, …) ship as `${admin.username}` /
// `${admin.password}`, which resolve to user-mgt.xml `AdminUser`: the super admin is the system user
// (legacy-carbon.md §2 and §5 G24). The file shows only that much. The guideline asks for two accounts, one to log
// in and one as the system user, and the super admin as the system user with people logging in as another admin
// meets it (wso2-config-map.md §2.15: "intent not checkable"): so this is a hint, a report note that does not fail
// G24, one per file.
import { defineVariant } from '../../engine/rule';
import type { XmlDocument, XmlElement } from '../../parsers/xml/model';
import { leafText, localName } from '../util/legacy-xml';

const SUPER_ADMIN = '${admin.username}';
/** Elements visited at most: api-manager.xml has a few hundred; a hostile file stops here. */
const MAX_ELEMENTS = 100_000;

/** Every leaf element whose whole text is `${admin.username}`, in document order. */
function superAdminSlots(doc: XmlDocument): { el: XmlElement; start: number; end: number }[] {
  const out: { el: XmlElement; start: number; end: number }[] = [];
  const stack: XmlElement[] = doc.root ? [doc.root] : [];
  let seen = 0;
  while (stack.length && seen++ < MAX_ELEMENTS) {
    const el = stack.pop()!;
    if (el.children.length) {
      for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
      continue;
    }
    const t = leafText(doc, el);
    if (t?.value === SUPER_ADMIN) out.push({ el, start: t.span.start, end: t.span.end });
  }
  return out;
}

/** `APIGateway/Environments/Environment/Username` style path below the root. */
function pathOf(el: XmlElement): string {
  const names: string[] = [];
  for (let e: XmlElement | undefined = el; e?.parent && names.length < 8; e = e.parent) names.unshift(localName(e.name));
  return names.join('/');
}

const APIM = (body: string) => `<APIManager>\n${body}</APIManager>\n`;

export const systemUserApiManager = defineVariant({
  kind: 'xml',
  files: ['api-manager.xml'],
  what: 'Carbon 4.4 API Manager (api-manager.xml): the system-user credentials that the nodes use to call each other (`AuthManager`, gateway `Environment`, `APIKeyValidator`, `APIStore`, `TrafficManager`, analytics) are `${admin.username}`, i.e. the super admin of user-mgt.xml — as shipped. A hint (a note in the readiness report, not a failure), one per file: whether people log in with a separate admin account is not visible in any file.',
  example: {
    bad: '<AuthManager>\n    <ServerURL>https://${carbon.local.ip}:${mgt.transport.https.port}${carbon.context}services/</ServerURL>\n    <Username>${admin.username}</Username>\n    <Password>${admin.password}</Password>\n</AuthManager>',
    good: '<AuthManager>\n    <ServerURL>https://${carbon.local.ip}:${mgt.transport.https.port}${carbon.context}services/</ServerURL>\n    <Username>apim_system</Username>\n    <Password svns:secretAlias="APIManager.AuthManager.Password">password</Password>\n</AuthManager>',
  },
  check(ctx) {
    const slots = superAdminSlots(ctx.model.doc);
    if (slots.length === 0) return;
    const paths = [...new Set(slots.map((s) => pathOf(s.el)))];
    const shown = paths.slice(0, 4).join(', ') + (paths.length > 4 ? `, and ${paths.length - 4} more` : '');
    ctx.report({
      span: { start: slots[0].start, end: slots[0].end },
      severity: 'hint',
      message: `The super admin (\${admin.username}, user-mgt.xml AdminUser) is the system user for internal calls in ${slots.length} place${slots.length === 1 ? '' : 's'} (${shown}). If people log in with the same account, create a separate system account with the needed permissions, use it here (password in Secure Vault), and log in with another admin account.`,
      related: slots.slice(1, 50).map((s) => ({ span: { start: s.start, end: s.end }, message: `also \${admin.username}: ${pathOf(s.el)}` })),
    });
  },
  cases: {
    valid: [
      { name: 'a dedicated system account; commented samples are not read', code: APIM('<AuthManager>\n<Username>apim_system</Username>\n<!-- <Username>${admin.username}</Username> -->\n</AuthManager>\n') },
      { name: 'the placeholder inside a longer value is not a user name slot', code: APIM('<JMSConnectionDetails><connectionfactory.TopicConnectionFactory>amqp://${admin.username}:${admin.password}@clientid/carbon</connectionfactory.TopicConnectionFactory></JMSConnectionDetails>\n') },
    ],
    invalid: [{
      name: 'shipped API-M 2.6: one finding at the first slot, the others as related places',
      code: APIM('<AuthManager>\n    <Username>${admin.username}</Username>\n    <Password>${admin.password}</Password>\n</AuthManager>\n<APIKeyValidator>\n    <Username> ${admin.username} </Username>\n</APIKeyValidator>\n'),
      errors: [{ range: [2, 14, 2, 31], severity: 'hint', message: 'system user for internal calls in 2 places (AuthManager/Username, APIKeyValidator/Username)' }],
    }],
  },
});
