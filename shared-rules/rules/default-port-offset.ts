import { defineRule } from '../engine/rule';
import { productLabel } from '../engine/product';
import { DEFAULT_PORT_OFFSET } from '../data/defaults';
import { literalScalar } from './util/toml';
import { isFullDeployment } from './util/scope';
import { portOffsetCarbonXml } from './legacy/port-offset';

/** What the well-known ports are at a given offset, for the message. */
function ports(product: string, offset: number): string {
  if (product === 'mi') return `HTTP ${8280 + offset}, HTTPS ${8243 + offset}, management API ${9154 + offset}`;
  const servlet = `HTTPS ${9443 + offset}, HTTP ${9763 + offset}`;
  return product === 'is' ? servlet : `${servlet}, gateway ${8243 + offset}/${8280 + offset}`;
}

export default defineRule({
  meta: {
    id: 'default-port-offset',
    title: 'Default port offset',
    guideline: 'Change default ports',
    guidelineId: 'G04',
    severity: 'info',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Reports `[server] offset` left at the product default — absent or 0 on API Manager and Identity Server; absent, 10 (Micro Integrator\'s built-in default: 8290/8253, management API 9164) or 0 (the classic 8280/8243) on Micro Integrator. Absence is reported only for a full deployment.toml (plain TOML with a `[server]` table, of a detected product); templates and snippets only for a literal value.',
      why: 'The default ports (9443, 9763, 8243, 8280, 9164) are the first ones scanners and attack tools try. Moving every port by an offset is a cheap way to avoid the default ports; it does not replace a firewall.',
      example: {
        bad: '[server]\nhostname = "apim.example.com"\n#offset = 0',
        good: '[server]\nhostname = "apim.example.com"\noffset = 3',
      },
      fix: 'Set `[server] offset` to a number of your choice (every port moves by it), or start the server with `-DportOffset=N`, and update load balancers, firewalls and clients. There is no quick fix: the offset, and the ports that follow from it, are a deployment decision.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    const { config } = ctx.model;
    const mi = ctx.product.product === 'mi';
    const base = mi ? DEFAULT_PORT_OFFSET.mi : DEFAULT_PORT_OFFSET.carbon;
    const entry = config.get(['server', 'offset']);
    const product = productLabel(ctx.product);
    if (!entry) {
      if (!isFullDeployment(ctx)) return;
      ctx.report({
        span: config.insertionPoint(['server', 'offset']).reportSpan,
        message: `No \`[server] offset\`: ${product} listens on its default ports (${ports(ctx.product.product, base)}). Set an offset (or start with -DportOffset=N) to move them.`,
      });
      return;
    }
    const raw = literalScalar(entry.value);
    if (raw === undefined || !/^\s*-?\d+\s*$/.test(raw)) return;
    const n = parseInt(raw, 10);
    if (n !== 0 && n !== base) return;
    const which = n === base ? 'the default' : 'the classic Carbon default';
    ctx.report({
      span: entry.value.span,
      message: `\`[server] offset = ${n}\` is ${which}: ${product} listens on well-known ports (${ports(ctx.product.product, n)}). Choose another offset to move them.`,
    });
  },
  cases: {
    valid: [
      { code: '[server]\nhostname = "h"\noffset = 3\n' },
      { name: 'string form', code: '[server]\noffset = "1"\n' },
      { name: 'template', code: '[server]\noffset = {{ .Values.portOffset }}\n' },
      { name: 'snippet without [server]', code: '[apim.opa_security]\noperation_mode = "sync"\n' },
      { name: 'MI: a non-default offset', fileName: '/opt/wso2mi-4.3.0/conf/deployment.toml', code: '[server]\noffset = 20\n' },
    ],
    invalid: [
      {
        name: 'absent on API-M',
        fileName: '/opt/wso2am-4.2.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "localhost"\n#offset=0\n',
        errors: [{ range: [0, 0, 0, 8], message: 'No `[server] offset`: WSO2 API Manager 4.2.0 listens on its default ports (HTTPS 9443', severity: 'info' }],
      },
      {
        name: 'explicit 0 on IS',
        code: '[server]\noffset = 0\n[database.identity_db]\ntype = "h2"\n',
        errors: [{ range: [1, 9, 1, 10], message: '`[server] offset = 0` is the default' }],
      },
      {
        name: 'MI: 10 is the default',
        fileName: '/opt/wso2mi-4.3.0/conf/deployment.toml',
        code: '[server]\noffset = 10\n',
        errors: [{ range: [1, 9, 1, 11], message: 'HTTP 8290, HTTPS 8253, management API 9164' }],
      },
      {
        name: 'MI: absent',
        fileName: '/opt/wso2mi-4.3.0/conf/deployment.toml',
        code: '[server]\nhostname = "localhost"\n# offset  = 10\n',
        errors: [{ range: [0, 0, 0, 8], message: 'WSO2 Micro Integrator 4.3.0 listens on its default ports (HTTP 8290' }],
      },
    ],
  },
  legacy: [portOffsetCarbonXml],
});
