// G01 in the Carbon 4.4 homes: the settings advisories prescribe for identity/identity.xml, carbon.xml and
// api-manager.xml (the advisory-config variant), with the same severity policy as for deployment.toml.
import { defineVariant } from '../../engine/rule';
import type { Span } from '../../engine/text';
import type { XmlDocument, XmlElement } from '../../parsers/xml/model';
import type { Mitigation, TomlCondition } from '../../data/advisories';
import { advisoryScope } from '../util/advisories';
import { levelText, loudFor } from '../util/advisory-level';
import { atPath, childrenNamed, leafText } from '../util/legacy-xml';
import { CARBON, stub } from './advisories';

function applies(m: Mitigation, file: string, product: string, version: string): boolean {
  if (m.file !== file || m.when) return false;
  if (m.products && !m.products.includes(product)) return false;
  return !m.versions || m.versions.includes(version);
}

const same = (v: string, c: TomlCondition) => v.trim().toLowerCase() === String(c.equals).toLowerCase();
const elementText = (c: TomlCondition) => `<${c.key.slice(1).join('><')}>${String(c.equals)}`;
/** The open tag of the deepest element of `key` that the file has (where the missing child belongs). */
function deepest(doc: XmlDocument, key: readonly string[]): Span | undefined {
  for (let n = key.length - 1; n > 1; n--) {
    const el = atPath(doc, key.slice(0, n))[0];
    if (el) return el.openTagSpan;
  }
  return undefined;
}
const shortClass = (c: string) => c.slice(c.lastIndexOf('.') + 1);

const IDENTITY = (body: string) => `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">\n${body}</Server>\n`;
const IS_IDENTITY = '/srv/wso2is-5.7.0/repository/conf/identity/identity.xml';
const UPLOAD = (classes: string[]) => `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">\n    <Name>WSO2 API Manager</Name>\n    <Version>2.6.0</Version>\n    <FileUploadConfig>\n        <TotalFileSizeLimit>100</TotalFileSizeLimit>\n${classes.map((c) => `        <Mapping>\n            <Actions><Action>*</Action></Actions>\n            <Class>org.wso2.carbon.ui.transports.fileupload.${c}</Class>\n        </Mapping>\n`).join('')}    </FileUploadConfig>\n</Server>\n`;
const AM26 = '/srv/wso2am-2.6.0/repository/conf/carbon.xml';
const AM26_LEVEL = (n: number) => ({ '/srv/wso2am-2.6.0/updates/config.json': `{"update-level": ${n}}` });
const EI66 = '/srv/wso2ei-6.6.0/conf/carbon.xml';
const EI_UPLOAD = (classes: string[]) => UPLOAD(classes).replace('WSO2 API Manager', 'WSO2 Enterprise Integrator').replace('2.6.0', '6.6.0');
const AMXML = (jwt: string) => `<APIManager>\n    <JWTConfiguration>\n        <EnableJWTGeneration>false</EnableJWTGeneration>\n${jwt}    </JWTConfiguration>\n</APIManager>\n`;
const AM26_APIXML = '/srv/wso2am-2.6.0/repository/conf/api-manager.xml';
const TRAVERSAL = '        <Resource context="(.*)/((\\.+)|(.*;+.*)|%2e)/(.*)" secured="true" http-method="all">\n            <Permissions>/</Permissions>\n        </Resource>\n';
const SCIM2 = (suffix: string) => IDENTITY(`    <ResourceAccessControl>\n${TRAVERSAL}        <Resource context="(.*)/api/identity/user/v1.0/validate-code${suffix}" secured="true" http-method="all"/>\n        <Resource context="(.*)/scim2/Users${suffix}" secured="true" http-method="POST">\n            <Permissions>/permission/admin/manage/identity/usermgt/create</Permissions>\n        </Resource>\n    </ResourceAccessControl>\n`);
const RAC = (first: string, rest = '') => IDENTITY(`    <ResourceAccessControl>\n${first}        <Resource context="(.*)/api/identity/user/v1.0/me(.*)" secured="true" http-method="GET"/>\n${rest}    </ResourceAccessControl>\n`);
const IS55 = { '/srv/wso2is-5.5.0/repository/conf/carbon.xml': CARBON('WSO2 Identity Server', '5.5.0') };
const IS55_IDENTITY = '/srv/wso2is-5.5.0/repository/conf/identity/identity.xml';
const IS57 = { '/srv/wso2is-5.7.0/repository/conf/carbon.xml': CARBON('WSO2 Identity Server', '5.7.0') };

export const advisoryConfigLegacy = defineVariant({
  kind: 'xml',
  files: ['identity.xml', 'carbon.xml', 'api-manager.xml'],
  what: 'Carbon 4.4 (IS 5.x up to 5.8, API-M 2.x, EI 6.x): the settings advisories prescribe for identity/identity.xml, carbon.xml and api-manager.xml, e.g. `<JITProvisioning><AllowAssociatingToExistingUser>true` re-enabling the impersonation risk fixed by WSO2-2021-1573 (absent or off: quiet), the `<FileUploadConfig>` mappings WSO2-2021-1738 (CVE-2022-29464) says to remove until the update is in, `<JWTConfiguration><EnableBindingFederatedUserClaims>false` that turns on the fix of WSO2-2021-1482, and the secured path-traversal `<Resource>` WSO2-2022-2177 puts first in `<ResourceAccessControl>`. EI\'s other profiles (`wso2/<profile>/conf/carbon.xml`) are not checked.',
  example: {
    bad: '<JITProvisioning>\n    <AllowAssociatingToExistingUser>true</AllowAssociatingToExistingUser>\n</JITProvisioning>',
    good: '<JITProvisioning>\n    <UserNameProvisioningUI>/accountrecoveryendpoint/register.do</UserNameProvisioningUI>\n</JITProvisioning>',
  },
  check(ctx) {
    if (ctx.settings.advisories.severity === 'off') return;
    const scope = advisoryScope(ctx);
    if (!scope.matches || !scope.info.product || !scope.info.version) return;
    const { product, version } = scope.info;
    const doc = ctx.model.doc;
    // EI's profiles carry their own product name and release in carbon.xml: only the pack's conf/carbon.xml is read.
    if (ctx.legacyFile === 'carbon.xml' && /[\\/]wso2[\\/][^\\/]+[\\/]conf[\\/]carbon\.xml$/i.test(ctx.fileName)) return;
    for (const { advisory, status, pair } of scope.matches) {
      for (const m of advisory.mitigations ?? []) {
        if (!applies(m, ctx.legacyFile, product, version) || (m.kind === 'MIT' && status === 'fixed')) continue;
        const ref = `${advisory.id} (${advisory.url}) — ${m.note}`;
        const quiet = m.configOnly || loudFor(m.kind, false, status) ? undefined : ('info' as const);
        const tail = levelText(status, m.kind, scope.info.updateLevel, pair.l, m.configOnly);
        if (m.requireFirst) {
          const r = m.requireFirst;
          const parent = atPath(doc, r.parent)[0];
          const kids = parent ? childrenNamed(parent, r.child) : [];
          const fits = (el: XmlElement) => Object.entries(r.attrs).every(([k, v]) => el.attr(k)?.value.trim().toLowerCase() === v.toLowerCase());
          const at = kids.findIndex(fits);
          // A file without the list says nothing about it (the product ships one); the entry must be the first.
          if (parent && at !== 0) {
            const what = `<${r.child} ${Object.entries(r.attrs).map(([k, v]) => `${k}="${v}"`).join(' ')}>`;
            const span = at > 0 ? kids[at].openTagSpan : parent.openTagSpan;
            const problem = at > 0 ? `has ${what} as entry ${at + 1} of <${r.parent[r.parent.length - 1]}>; it must be the first` : `has no ${what} first in <${r.parent[r.parent.length - 1]}>`;
            ctx.report({ span, severity: quiet, message: `${scope.label} ${problem}, the mitigation of ${ref}.${tail}` });
          }
        }
        for (const f of m.forbidAttrs ?? []) {
          const found = atPath(doc, f.key).map((el) => el.attr(f.attr)).filter((a) => a && f.values.includes(a.value.trim()));
          if (!found.length) continue;
          const el = `<${f.key[f.key.length - 1]} ${f.attr}="${found[0]!.value.trim()}">`;
          const more = found.length > 1 ? ` and ${found.length - 1} more` : '';
          ctx.report({ span: found[0]!.valueSpan, severity: quiet, message: `${scope.label}: ${el}${more} in <${f.key[f.key.length - 2]}> — ${ref}.${tail}` });
        }
        for (const f of m.forbidElements ?? []) {
          const found = atPath(doc, f.key).map((el) => leafText(doc, el)).filter((t) => t && (!f.text || f.text.includes(t.value)));
          if (!found.length) continue;
          const names = [...new Set(found.map((t) => shortClass(t!.value)))].join(', ');
          const where = `<${f.key.slice(1, -2).join('><')}>`; // the key reaches each entry's text: name the list that holds them
          ctx.report({ span: found[0]!.span, severity: quiet, message: `${scope.label}: ${where} still maps ${names} (${found.length} mapping${found.length === 1 ? '' : 's'}); remove ${found.length === 1 ? 'it' : 'them'} as ${ref}.${tail}` });
        }
        for (const c of m.forbid ?? []) {
          for (const el of atPath(doc, c.key)) {
            const t = leafText(doc, el);
            if (t && same(t.value, c)) ctx.report({ span: t.span, message: `${elementText(c)} re-enables the behaviour fixed by ${ref}: remove it or set it back. (${scope.label})` });
          }
        }
        for (const c of m.require ?? []) {
          const found = atPath(doc, c.key).map((el) => ({ el, t: leafText(doc, el) }));
          if (found.some((f) => f.t && same(f.t.value, c))) continue;
          const wrong = found.find((f) => f.t)?.t;
          if (wrong) ctx.report({ span: wrong.span, severity: quiet, message: `${scope.label} needs ${elementText(c)} with the update of ${ref}.${tail}` });
          else if (doc.root) ctx.report({ span: deepest(doc, c.key) ?? doc.root.openTagSpan, severity: quiet, message: `${scope.label} needs ${elementText(c)}, which this file does not set, with the update of ${ref}.${tail}` });
        }
      }
    }
  },
  cases: {
    valid: [
      { name: 'IS 5.7.0 as shipped: no AllowAssociatingToExistingUser', code: IDENTITY('<JITProvisioning>\n    <UserNameProvisioningUI>/accountrecoveryendpoint/register.do</UserNameProvisioningUI>\n</JITProvisioning>\n'), fileName: IS_IDENTITY, resources: stub(IS57) },
      { name: 'IS 5.7.0, switch off', code: IDENTITY('<JITProvisioning>\n    <AllowAssociatingToExistingUser>false</AllowAssociatingToExistingUser>\n</JITProvisioning>\n'), fileName: IS_IDENTITY, resources: stub(IS57) },
      { name: 'IS 5.3.0 is not listed by WSO2-2021-1573', code: IDENTITY('<JITProvisioning>\n    <AllowAssociatingToExistingUser>true</AllowAssociatingToExistingUser>\n</JITProvisioning>\n'), fileName: '/srv/wso2is-5.3.0/repository/conf/identity/identity.xml', resources: stub({}) },
      { name: 'API-M 2.6.0 at update level 72: the FileUploadConfig mitigation of WSO2-2021-1738 is moot', code: UPLOAD(['AnyFileUploadExecutor']), fileName: AM26, resources: stub(AM26_LEVEL(72)) },
      { name: 'API-M 2.6.0 with <FileUploadConfig> emptied', code: UPLOAD([]), fileName: AM26, resources: stub({}) },
      { name: 'EI 6.6.0: a mapping group 3 keeps (DBSFileUploadExecutor)', code: EI_UPLOAD(['DBSFileUploadExecutor']), fileName: EI66, resources: stub({}) },
      { name: 'an EI profile\'s carbon.xml is not read', code: EI_UPLOAD(['AnyFileUploadExecutor']), fileName: '/srv/wso2ei-6.6.0/wso2/broker/conf/carbon.xml', resources: stub({ '/srv/wso2ei-6.6.0/conf/carbon.xml': CARBON('WSO2 Enterprise Integrator', '6.6.0') }) },
      { name: 'API-M 2.6.0 api-manager.xml with the WSO2-2021-1482 switch', code: AMXML('        <EnableBindingFederatedUserClaims>false</EnableBindingFederatedUserClaims>\n'), fileName: AM26_APIXML, resources: stub({}) },
      { name: 'IS 5.7.0 with the WSO2-2022-2177 group 2 entry first in <ResourceAccessControl>', code: RAC(TRAVERSAL), fileName: IS_IDENTITY, resources: stub(IS57) },
      { name: 'IS 5.7.0 at update level 77, which includes the fix of WSO2-2022-2177: the entry is moot', code: RAC(''), fileName: IS_IDENTITY, resources: stub({ ...IS57, '/srv/wso2is-5.7.0/updates/config.json': '{"update-level": 77}' }) },
      { name: 'IS 5.5.0 with the WSO2-2018-0462 contexts ending in (.*)', code: SCIM2('(.*)'), fileName: IS55_IDENTITY, resources: stub(IS55) },
      { name: 'IS 5.7.0 is not listed by WSO2-2018-0462', code: SCIM2(''), fileName: IS_IDENTITY, resources: stub(IS57) },
      { name: 'release unknown', code: IDENTITY('<JITProvisioning>\n    <AllowAssociatingToExistingUser>true</AllowAssociatingToExistingUser>\n</JITProvisioning>\n'), resources: stub({}) },
    ],
    invalid: [
      {
        name: 'API-M 2.6.0 at update level 40 (WSO2-2021-1738 is fixed at 72): every <FileUploadConfig> mapping, a warning at the first',
        code: UPLOAD(['AnyFileUploadExecutor', 'DBSFileUploadExecutor']),
        fileName: AM26,
        resources: stub(AM26_LEVEL(40)),
        errors: [{ range: [7, 19, 7, 81], severity: 'warning', message: /^WSO2 API Manager 2\.6\.0: <FileUploadConfig> still maps AnyFileUploadExecutor, DBSFileUploadExecutor \(2 mappings\); remove them as WSO2-2021-1738 \(https:\/\/security\.docs\.wso2\.com\/.*\/2022\/WSO2-2021-1738\/\) — group 4 .* Update level 40 lacks the fix \(level 72\): this setting is the mitigation until then\.$/ }],
      },
      {
        name: 'EI 6.6.0, update level unknown: only the mappings group 3 names, as info',
        code: EI_UPLOAD(['DBSFileUploadExecutor', 'JarZipUploadExecutor']),
        fileName: EI66,
        resources: stub({}),
        errors: [{ range: [11, 19, 11, 80], severity: 'info', message: /^WSO2 Enterprise Integrator 6\.6\.0: <FileUploadConfig> still maps JarZipUploadExecutor \(1 mapping\); remove it as WSO2-2021-1738 .* group 3 .*\(Update level unknown: needed until the fix \(level 79\) is applied\.\)$/ }],
      },
      {
        name: 'API-M 2.6.0 api-manager.xml without EnableBindingFederatedUserClaims (WSO2-2021-1482, opt-in fix): info at <JWTConfiguration>',
        code: AMXML(''),
        fileName: AM26_APIXML,
        resources: stub({}),
        errors: [{ range: [1, 4, 1, 22], severity: 'info', message: /^WSO2 API Manager 2\.6\.0 needs <JWTConfiguration><EnableBindingFederatedUserClaims>false, which this file does not set, with the update of WSO2-2021-1482 / }],
      },
      {
        name: 'IS 5.7.0, update level unknown, without the WSO2-2022-2177 group 2 entry: info at <ResourceAccessControl>',
        code: RAC(''),
        fileName: IS_IDENTITY,
        resources: stub(IS57),
        errors: [{ range: [1, 4, 1, 27], severity: 'info', message: /^WSO2 Identity Server 5\.7\.0 has no <Resource context="\(\.\*\)\/\(\(\\\.\+\)\|\(\.\*;\+\.\*\)\|%2e\)\/\(\.\*\)" secured="true"> first in <ResourceAccessControl>, the mitigation of WSO2-2022-2177 .*\(Update level unknown: needed until the fix \(level 77\) is applied\.\)$/ }],
      },
      {
        name: 'IS 5.7.0 at update level 50 (below 77): the entry is there but second, a warning',
        code: RAC('', TRAVERSAL),
        fileName: IS_IDENTITY,
        resources: stub({ ...IS57, '/srv/wso2is-5.7.0/updates/config.json': '{"update-level": 50}' }),
        errors: [{ range: [3, 8, 3, 92], severity: 'warning', message: /has <Resource context=.* as entry 2 of <ResourceAccessControl>; it must be the first, the mitigation of WSO2-2022-2177 .* Update level 50 lacks the fix \(level 77\)/ }],
      },
      {
        name: 'IS 5.5.0 with the exact-path contexts WSO2-2018-0462 rewrites (a configuration-only fix): a warning at the first',
        code: SCIM2(''),
        fileName: IS55_IDENTITY,
        resources: stub(IS55),
        errors: [
          { range: [5, 27, 5, 68], severity: 'warning', message: /^WSO2 Identity Server 5\.5\.0: <Resource context="\(\.\*\)\/api\/identity\/user\/v1\.0\/validate-code"> and 1 more in <ResourceAccessControl> — WSO2-2018-0462 \(https:\/\/security\.docs\.wso2\.com\/.*\) — .*end each with \(\.\*\) as the advisory shows\. The advisory's solution is this setting alone: no update turns it on\.$/ },
        ],
      },
      {
        name: 'IS 5.7.0: the compatibility switch of WSO2-2021-1573 is on',
        code: IDENTITY('<JITProvisioning>\n    <AllowAssociatingToExistingUser> true </AllowAssociatingToExistingUser>\n</JITProvisioning>\n'),
        fileName: IS_IDENTITY,
        resources: stub(IS57),
        errors: [{ range: [2, 37, 2, 41], message: /^<JITProvisioning><AllowAssociatingToExistingUser>true re-enables the behaviour fixed by WSO2-2021-1573 \(https:\/\/security\.docs\.wso2\.com\/.*WSO2-2021-1573\/\) — .*\(WSO2 Identity Server 5\.7\.0\)$/ }],
      },
    ],
  },
});
