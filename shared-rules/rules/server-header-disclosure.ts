import { serverHeaderLegacy } from './legacy/tls';
import { defineRule } from '../engine/rule';
import { serverHeaderName } from '../engine/product';
import { insertKey, keyInsertionPoint, literalString, replaceValue, tomlString } from './util/toml';
import { isFullDeployment } from './util/scope';
import { listenPort } from './util/ports';

// Both Tomcat connectors (HTTPS 9443, HTTP 9763) send `server` as the Server header; the kernel's default.json sets
// it to "WSO2 Carbon Server" ("MWARE Carbon Server" in the rebranded distributions).
const CONNECTORS = [
  { path: ['transport', 'https', 'properties', 'server'], label: 'HTTPS connector', port: 9443 },
  { path: ['transport', 'http', 'properties', 'server'], label: 'HTTP connector', port: 9763 },
] as const;

const NEUTRAL = 'server';
// Product, vendor, stack and version words that tell an attacker what runs behind the port.
const REVEALING = /\b(wso2|mware|carbon|synapse|api[ -]?m(anager)?|identity[ -]?server|micro[ -]?integrator|esb|tomcat|coyote|apache|jetty)\b|(?<!\d)\d+\.\d+/i;

export default defineRule({
  meta: {
    id: 'server-header-disclosure',
    title: 'Server header names the product',
    guideline: 'Update the HTTP Response header "Server" value',
    guidelineId: 'G10',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is'],
    docs: {
      what: 'Finds a Tomcat connector whose `server` property (`[transport.https.properties]` and `[transport.http.properties]`) names the product, its vendor, the server stack or a version, and — in a full product deployment.toml — a connector that does not set it, which sends the shipped "WSO2 Carbon Server" ("MWARE Carbon Server").',
      why: 'The Server header tells every client, including an attacker scanning for vulnerable versions, which product stack answers. The guideline asks to replace the default value for every connector.',
      example: {
        bad: '[transport.https.properties]\nport = 9443',
        good: '[transport.https.properties]\nport = 9443\nserver = "server"',
      },
      fix: 'Set `server` to a neutral word. The quick fix writes `server = "server"` (replacing a revealing value, or adding the key to the connector\'s table); it changes only the header text, so it is safe. The PassThrough transport (8243/8280) has its own header, not covered here.',
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    const { config } = ctx.model;
    const full = isFullDeployment(ctx);
    for (const c of CONNECTORS) {
      const entry = config.get(c.path);
      const section = c.path.slice(0, -1);
      // The port it really listens on: an explicit `port` in the same table, plus `[server] offset`.
      const label = `${c.label} (${listenPort(config, ctx.product.product, c.port, [[...section, 'port']])})`;
      if (entry) {
        const value = literalString(entry.value);
        if (value === undefined || !REVEALING.test(value)) continue;
        ctx.report({
          span: entry.value.span,
          message: `The ${label} sends the Server header ${JSON.stringify(value)}, which names the product stack. Use a neutral value such as "${NEUTRAL}".`,
          fix: { title: `Set the Server header to "${NEUTRAL}"`, edits: [replaceValue(entry, tomlString(NEUTRAL))], safe: true, preferred: true },
        });
      } else if (full) {
        const insert = insertKey(ctx.text, config, c.path, tomlString(NEUTRAL), section);
        ctx.report({
          span: keyInsertionPoint(config, c.path).reportSpan,
          message: `The ${label} has no \`server\` property in [${section.join('.')}], so it sends the shipped Server header "${serverHeaderName(ctx.product)}". Set a neutral value such as "${NEUTRAL}".`,
          fix: insert ? { title: `Set the Server header to "${NEUTRAL}"`, edits: [insert], safe: true, preferred: true } : undefined,
        });
      }
    }
  },
  cases: {
    valid: [
      { code: '[transport.https.properties]\nserver = "server"\n\n[transport.http.properties]\nserver = "server"\n' },
      { name: 'templates are not literals', code: '[transport.https.properties]\nserver = {{ .Values.server | quote }}\n' },
      { name: 'an empty value sends an empty header', code: '[transport.https.properties]\nserver = ""\n' },
      { name: 'a snippet without [server]: absence is not reported', fileName: 'wso2is-7.0.0/repository/conf/deployment.toml', code: '[oauth]\nallowed_scopes = ["openid"]\n' },
    ],
    invalid: [
      {
        code: '[transport.https.properties]\nserver = "WSO2 Carbon Server"\n',
        errors: [{ range: [1, 9, 1, 29], message: 'names the product stack' }],
        output: '[transport.https.properties]\nserver = "server"\n',
      },
      {
        name: 'a stack and version is revealing too',
        code: '[transport.http.properties]\nserver = "Apache-Coyote/1.1"\n',
        errors: [{ range: [1, 9, 1, 28], message: 'HTTP connector (9763)' }],
        output: '[transport.http.properties]\nserver = "server"\n',
      },
      {
        name: 'absent: the shipped value, by brand; into the existing table or a new one',
        fileName: 'MWARE-is-6.1.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "is.example.com"\n\n[transport.https.properties]\nproxyPort = 443\n',
        errors: [
          { range: [0, 0, 0, 8], message: 'HTTP connector (9763) has no `server` property' },
          { range: [3, 0, 3, 28], message: '"MWARE Carbon Server"' },
        ],
        output: '[server]\nhostname = "is.example.com"\n\n[transport.https.properties]\nproxyPort = 443\nserver = "server"\n\n[transport.http.properties]\nserver = "server"\n',
      },
      {
        name: 'the message names the port the file sets: an explicit connector port, the offset added to both',
        code: '[server]\noffset = 2\n[transport.https.properties]\nport = "443"\nserver = "WSO2 Carbon Server"\n[transport.http.properties]\nserver = "Apache-Coyote/1.1"\n',
        errors: [
          { range: [4, 9, 4, 29], message: 'The HTTPS connector (445) sends' },
          { range: [6, 9, 6, 28], message: 'The HTTP connector (9765) sends' },
        ],
        output: '[server]\noffset = 2\n[transport.https.properties]\nport = "443"\nserver = "server"\n[transport.http.properties]\nserver = "server"\n',
      },
    ],
  },
  legacy: [serverHeaderLegacy(REVEALING)],
});
