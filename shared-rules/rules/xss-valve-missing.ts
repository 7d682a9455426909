import { xssValveLegacy } from './legacy/xss-valve';
import { defineRule } from '../engine/rule';
import { literalString } from './util/toml';
import { appendBlock, instanceGet } from './util/tls-toml';
import { isFullDeployment } from './util/scope';
import { versionAtLeast } from '../data/tls/defaults';
import { compareVersions } from '../data/products';

// The input-validation valve of the management console (carbon-ui). catalina-server.xml.j2 renders
// `{% for valve in catalina.valves %}` — written as [[catalina.valves]] with properties.className. The IS 5.x docs
// spell it [catalina.valves.valve.properties]; Jinja iterates a table's values too, so that form is accepted.
const XSS_VALVE = 'org.wso2.carbon.ui.valve.XSSValve';
const BLOCK = ['[[catalina.valves]]', `properties.className = "${XSS_VALVE}"`];

export default defineRule({
  meta: {
    id: 'xss-valve-missing',
    title: 'XSS input-validation valve not configured',
    guideline: 'Enable additional XSS protection',
    guidelineId: 'G16',
    severity: 'info',
    kind: 'toml',
    products: ['apim', 'is'],
    docs: {
      what: 'In a full API-M or Identity Server (before 7.0) deployment.toml, reports that no `[[catalina.valves]]` entry has `properties.className = "org.wso2.carbon.ui.valve.XSSValve"`. The table spelling of the IS 5.x documentation (`[catalina.valves.valve.properties] className = …`) counts as configured; a hint suggests the array form the templates are written for.',
      why: 'The products already prevent XSS by encoding output; the guideline recommends the input-validation valve where additional protection is required, so a missing valve is information, not a defect. Identity Server 7 and later rely on output encoding and are not checked.',
      example: {
        bad: '[server]\nhostname = "is.example.com"',
        good: `[server]\nhostname = "is.example.com"\n\n${BLOCK.join('\n')}`,
      },
      fix: 'Add the valve. The quick fix appends the `[[catalina.valves]]` block (before [secrets]). Review before applying: the valve rejects requests whose parameters match its XSS patterns, which can break legitimate input, and it needs the management console (carbon-ui) in the distribution.',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    const { doc, config } = ctx.model;
    const arrayForm = config.arrayTables(['catalina', 'valves']).some((t) => literalString(instanceGet(doc, t, ['properties', 'className'])?.value) === XSS_VALVE);
    if (arrayForm) return;
    const tableForm = config.under(['catalina', 'valves']).find((e) => e.path.length === 5 && e.path[3] === 'properties' && e.path[4] === 'className' && literalString(e.value) === XSS_VALVE);
    if (tableForm) {
      ctx.report({
        span: tableForm.table.headerSpan ?? tableForm.keySpan,
        severity: 'hint',
        message: 'The XSS valve is configured in the table form of the IS 5.x documentation; catalina-server.xml.j2 is written for the array form [[catalina.valves]] with properties.className, which reads unambiguously.',
      });
      return;
    }
    // Identity Server 7 (kernel 4.10) relies on output encoding; known from the version or from content hints.
    const { product, version, kernel } = ctx.product;
    const is7 = product === 'is' && (versionAtLeast(version, '7.0.0') === true || (kernel !== undefined && compareVersions(kernel, '4.10') >= 0));
    if (is7 || !isFullDeployment(ctx)) return;
    const block = appendBlock(ctx.text, config, BLOCK, [['catalina', 'valves']]);
    ctx.report({
      span: config.insertionPoint(['catalina', 'valves', 'properties']).reportSpan,
      message: `No [[catalina.valves]] entry adds ${XSS_VALVE}, the input-validation valve the guideline recommends where additional XSS protection is required.`,
      fix: block ? { title: 'Add the XSS input-validation valve', edits: [block], safe: false } : undefined,
    });
  },
  cases: {
    valid: [
      { fileName: 'wso2is-5.11.0/repository/conf/deployment.toml', code: '[server]\nhostname = "is"\n\n[[catalina.valves]]\nproperties.className = "org.wso2.carbon.ui.valve.XSSValve"\n' },
      { name: 'sub-table form of the array', code: '[[catalina.valves]]\n[catalina.valves.properties]\nclassName = "org.wso2.carbon.ui.valve.XSSValve"\n' },
      { name: 'Identity Server 7 relies on output encoding', fileName: 'wso2is-7.0.0/repository/conf/deployment.toml', code: '[server]\nhostname = "is"\n' },
      { name: 'a snippet', fileName: 'wso2am-4.2.0/repository/conf/deployment.toml', code: '[apim.cors]\nallow_origins = "*"\n' },
    ],
    invalid: [
      {
        name: 'absent: information, with the array-of-tables block',
        fileName: 'wso2am-4.2.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "apim"\n',
        errors: [{ range: [0, 0, 0, 8], severity: 'info' }],
        output: '[server]\nhostname = "apim"\n\n[[catalina.valves]]\nproperties.className = "org.wso2.carbon.ui.valve.XSSValve"\n',
      },
      {
        name: 'the IS 5.x documentation spelling is accepted, with a hint',
        fileName: 'wso2is-5.10.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "is"\n\n[catalina.valves.valve.properties]\nclassName = "org.wso2.carbon.ui.valve.XSSValve"\n',
        errors: [{ range: [3, 0, 3, 34], severity: 'hint' }],
      },
    ],
  },
  legacy: [xssValveLegacy],
});
