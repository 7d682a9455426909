// G01: the vendor's published security advisories that list the product home's release, summarised in one finding
// on its deployment.toml (the version itself comes from updates/product.txt and friends, which are not linted files:
// the message says which file revealed it). A Carbon 4.4 home, which has no deployment.toml, gets it on carbon.xml
// (legacy/advisories.ts); util/advisory-summary.ts writes both.
import { defineRule, type RuleResources } from '../engine/rule';
import { isHomeConfig } from './util/advisories';
import { advisorySummary } from './util/advisory-summary';
import { securityAdvisoriesLegacy } from './legacy/advisories';

/** Files for a product home in the test cases: updates/product.txt, updates/config.json … (no disk). */
function stub(files: Record<string, string>, now = Date.parse('2026-07-01T00:00:00Z')): RuleResources {
  return { readFile: (p) => (files[p] !== undefined ? new TextEncoder().encode(files[p]) : undefined), env: {}, now: () => now };
}

const HOME = '/srv/wso2am-4.2.0';
const APIM_HOME = {
  [`${HOME}/updates/product.txt`]: 'wso2am-4.2.0\n',
};

export default defineRule({
  meta: {
    id: 'security-advisories',
    title: 'Published security advisories for this release',
    guideline: 'Apply security updates',
    guidelineId: 'G01',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'For a product home whose release CarbonLint can tell — from `updates/product.txt`, `repository/conf/carbon.xml`, `bin/version.txt`, the home folder\'s name, an image tag in a Dockerfile beside it, the file\'s path or the `carbonlint.product` setting — one finding on its `deployment.toml` summarising the vendor\'s published security advisories that list that release (bundled offline, with their date): how many by severity, the most severe ids, and whether the update level is known. With `updates/config.json` (`update-level`), advisories whose fixing update level is at or below it count as fixed. `carbonlint advisories` lists them all.',
      why: 'Most attacks on WSO2 servers use published vulnerabilities. An advisory that lists your release is fixed only by the update level (or patch) it names: until that is applied, the server is exposed. The finding is as severe as the worst open advisory (error for critical or high); with no update level recorded, as the worst advisory that lists the release.',
      example: {
        bad: '# wso2am-4.2.0/repository/conf/deployment.toml, updates/product.txt = wso2am-4.2.0, no updates/config.json\n[server]\nhostname = "am.example.com"',
        good: '# the same home after `bin/wso2update_linux`: updates/config.json {"update-level": 200}\n[server]\nhostname = "am.example.com"',
      },
      fix: 'Update the product with the WSO2 Update tool (`bin/wso2update_<os>`) to at least the level each advisory names, or migrate to a release no advisory lists; then re-run CarbonLint. `carbonlint.advisories.severity` caps the finding (`info`, `off`), and `carbonlint.advisories.maxDataAgeDays` says when the bundled advisory data counts as old.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    if (!isHomeConfig(ctx.fileName)) return;
    const summary = advisorySummary(ctx);
    if (!summary) return;
    const first = ctx.text.indexOf('\n');
    ctx.report({ span: { start: 0, end: first < 0 ? ctx.text.length : first }, ...summary });
  },
  legacy: [securityAdvisoriesLegacy],
  cases: {
    valid: [
      { name: 'release unknown', code: '[server]\nhostname = "x"\n', fileName: '/srv/conf-repo/deployment.toml', resources: stub({}) },
      { name: 'not the home\'s deployment.toml', code: '[server]\n', fileName: `${HOME}/repository/conf/old-deployment.toml`, resources: stub(APIM_HOME) },
      { name: 'turned off', code: '[server]\n', fileName: `${HOME}/repository/conf/deployment.toml`, resources: stub(APIM_HOME), settings: { advisories: { severity: 'off', maxDataAgeDays: 180 } } },
    ],
    invalid: [
      {
        name: 'API-M 4.2.0 from updates/product.txt, no update level: the worst advisory is critical',
        code: '[server]\nhostname = "am.example.com"\n',
        fileName: `${HOME}/repository/conf/deployment.toml`,
        resources: stub(APIM_HOME),
        errors: [{ range: [0, 0, 0, 8], severity: 'error', message: /^WSO2 API Manager 4\.2\.0 \(version from updates\/product\.txt, update level unknown \(no updates\/config\.json\)\): \d+ published advisories list this release; .*critical.*confirm that your update level includes their fixes\. Most severe: WSO2-2026-5328, .* Advisory data of 2026-06-18\.$/ }],
      },
      {
        name: 'update level from updates/config.json: fixed ones are counted as fixed',
        code: '[server]\n',
        fileName: `${HOME}/repository/conf/deployment.toml`,
        resources: stub({ ...APIM_HOME, [`${HOME}/updates/config.json`]: '{"update-level": 100000}' }),
        errors: [{ range: [0, 0, 0, 8], severity: 'info', message: /update level 100000 from updates\/config\.json update-level\): \d+ published advisories list this release; 0 open at update level 100000 \(none\), \d+ fixed, \d+ without a stated fixing level/ }],
      },
      {
        name: 'a known level: open advisories decide the severity',
        code: '[server]\n',
        fileName: `${HOME}/repository/conf/deployment.toml`,
        resources: stub({ ...APIM_HOME, [`${HOME}/updates/config.json`]: '{"update-level": 196}' }),
        errors: [{ range: [0, 0, 0, 8], severity: 'error', message: /\b1 open at update level 196 \(1 critical\).* Most severe: WSO2-2026-5328\./ }],
      },
      {
        name: 'old data: the message says so',
        code: '[server]\n',
        fileName: `${HOME}/repository/conf/deployment.toml`,
        resources: stub(APIM_HOME, Date.parse('2027-06-18T00:00:00Z')),
        errors: [{ range: [0, 0, 0, 8], message: /The bundled advisory data is from 2026-06-18, 365 days old \(more than advisories\.maxDataAgeDays = 180\)/ }],
      },
      {
        name: 'capped by the setting',
        code: '[server]\n',
        fileName: `${HOME}/repository/conf/deployment.toml`,
        resources: stub(APIM_HOME),
        settings: { advisories: { severity: 'info', maxDataAgeDays: 180 } },
        errors: [{ range: [0, 0, 0, 8], severity: 'info' }],
      },
      {
        name: 'a deployment repository: the image tag in the Dockerfile beside the file',
        code: '[server]\nhostname = "is.example.com"\n',
        fileName: '/repo/identity/deployment.toml',
        resources: stub({ '/repo/identity/Dockerfile': 'FROM docker.wso2.com/wso2is:7.1.0.32\nCOPY deployment.toml /home/wso2carbon/wso2is-7.1.0/repository/conf/\n' }),
        errors: [{ range: [0, 0, 0, 8], message: /^WSO2 Identity Server 7\.1\.0 \(version from image tag in Dockerfile, update level 32 from image tag in Dockerfile \(<version>\.<update level> tag convention\)\): \d+ published advisories list this release; \d+ open at update level 32/ }],
      },
      {
        name: 'MI home (conf/deployment.toml) with bin/version.txt',
        code: '[server]\nhostname = "localhost"\n',
        fileName: '/opt/mi/conf/deployment.toml',
        resources: stub({ '/opt/mi/bin/version.txt': 'WSO2 Micro Integrator v4.2.0\n' }),
        errors: [{ range: [0, 0, 0, 8], message: /^WSO2 Micro Integrator 4\.2\.0 \(version from bin\/version\.txt/ }],
      },
    ],
  },
});
