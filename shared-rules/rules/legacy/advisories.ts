// G01 in the Carbon 4.4 homes (API-M 2.x, IS 5.x, EI 6.x, ESB 5.0), which have no deployment.toml: the advisory
// summary goes on carbon.xml (the file that carries the product and release). The mitigations an advisory prescribes
// for the Carbon 4.4 files are checked by ./advisory-config.ts.
import { defineVariant, type RuleResources } from '../../engine/rule';
import { advisorySummary } from '../util/advisory-summary';
import { atPath, leafText } from '../util/legacy-xml';

export function stub(files: Record<string, string>, now = Date.parse('2026-07-01T00:00:00Z')): RuleResources {
  return { readFile: (p) => (files[p] !== undefined ? new TextEncoder().encode(files[p]) : undefined), env: {}, now: () => now };
}

export const CARBON = (name: string, version: string) => `<?xml version="1.0" encoding="ISO-8859-1"?>\n<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">\n    <Name>${name}</Name>\n    <ServerKey>EI</ServerKey>\n    <Version>${version}</Version>\n</Server>\n`;
const EI_XML = '/srv/ei-6.6.0/conf/carbon.xml';
const AM_XML = '/srv/wso2am-2.6.0/repository/conf/carbon.xml';

export const securityAdvisoriesLegacy = defineVariant({
  kind: 'xml',
  files: ['carbon.xml'],
  what: 'Carbon 4.4 (no deployment.toml): the same summary on `carbon.xml`, at its `<Version>` — the release from `<Version>` or, where the file from Git says `${product.version}`, from the home folder (`ei-6.6.0`, `wso2am-2.6.0`); the product from `<Name>`, `<ServerKey>`, the layout or the folder (advisory products `apim`, `is`, `ei`, `esb`).',
  example: {
    bad: '<!-- wso2ei-6.6.0/conf/carbon.xml, no updates/config.json -->\n<Version>6.6.0</Version>',
    good: '<!-- the same home at an update level past every advisory\'s fix, or a supported release -->\n<Version>6.6.0</Version>',
  },
  check(ctx) {
    // EI's other profiles (wso2/analytics/conf/carbon.xml …) belong to the pack whose conf/carbon.xml has the summary.
    if (/[\\/]wso2[\\/][^\\/]+[\\/]conf[\\/]carbon\.xml$/i.test(ctx.fileName)) return;
    const summary = advisorySummary(ctx);
    if (!summary) return;
    const doc = ctx.model.doc;
    const at = leafText(doc, atPath(doc, ['Server', 'Version'])[0]) ?? leafText(doc, atPath(doc, ['Server', 'Name'])[0]);
    const span = at && at.span.end > at.span.start ? at.span : doc.root ? doc.root.openTagSpan : { start: 0, end: 0 };
    ctx.report({ span, ...summary });
  },
  cases: {
    valid: [
      { name: 'release unknown', code: CARBON('${product.name}', '${product.version}'), fileName: '/srv/conf/repository/conf/carbon.xml', resources: stub({}) },
      { name: 'an EI profile: the pack\'s conf/carbon.xml carries the summary', code: CARBON('WSO2 Enterprise Integrator Analytics', '6.0.0'), fileName: '/srv/wso2ei-6.1.1/wso2/analytics/conf/carbon.xml', resources: stub({ '/srv/wso2ei-6.1.1/wso2/analytics/conf/carbon.xml': CARBON('WSO2 Enterprise Integrator Analytics', '6.0.0') }) },
      { name: 'turned off', code: CARBON('WSO2 Enterprise Integrator', '6.6.0'), fileName: EI_XML, resources: stub({ [EI_XML]: CARBON('WSO2 Enterprise Integrator', '6.6.0') }), settings: { advisories: { severity: 'off', maxDataAgeDays: 180 } } },
    ],
    invalid: [
      {
        name: 'EI 6.6.0: carbon.xml from Git says @product.version@, the home folder ei-6.6.0 gives the release',
        code: CARBON('WSO2 Enterprise Integrator', '@product.version@'),
        fileName: EI_XML,
        resources: stub({ [EI_XML]: CARBON('WSO2 Enterprise Integrator', '@product.version@') }),
        errors: [{ range: [4, 13, 4, 30], severity: 'error', message: /^WSO2 Enterprise Integrator 6\.6\.0 \(version from folder name, update level unknown \(no updates\/config\.json\)\): \d+ published advisories list this release; .*confirm that your update level includes their fixes\. Most severe: WSO2-/ }],
      },
      {
        name: 'API-M 2.6.0 with its release in carbon.xml and an update level',
        code: CARBON('WSO2 API Manager', '2.6.0'),
        fileName: AM_XML,
        resources: stub({ [AM_XML]: CARBON('WSO2 API Manager', '2.6.0'), '/srv/wso2am-2.6.0/updates/config.json': '{"update-level": 100000}' }),
        errors: [{ range: [4, 13, 4, 18], severity: 'info', message: /^WSO2 API Manager 2\.6\.0 \(version from repository\/conf\/carbon\.xml, update level 100000 from updates\/config\.json update-level\): \d+ published advisories list this release; 0 open at update level 100000/ }],
      },
    ],
  },
});
