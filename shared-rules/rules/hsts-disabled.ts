import { hstsDisabledLegacy } from './legacy/console-hsts';
import { defineRule, type RuleContext } from '../engine/rule';
import type { OffsetEdit, Span } from '../engine/text';
import type { TomlTable } from '../parsers/toml/model';
import { literalString, pathText, replaceValue } from './util/toml';
import { allEdits, appendBlock, instanceGet, instanceTable, literalBool, literalInt } from './util/tls-toml';
import { isFullDeployment } from './util/scope';
import { oneLine } from './util/message';

// HSTS comes from Tomcat's HttpHeaderSecurityFilter declared with [[tomcat.filter]] (rendered into the global
// tomcat/web.xml, so it covers every web application, the management console included) and mapped with
// [[tomcat.filter_mapping]]. Tomcat's own defaults: hstsEnabled=true but hstsMaxAgeSeconds=0, and "max-age=0"
// tells browsers to drop HSTS — so a filter without a max-age does nothing.
const FILTER_CLASS = 'org.apache.catalina.filters.HttpHeaderSecurityFilter';
const ONE_YEAR = 31536000;

const BLOCK = (name: string) => [
  '[[tomcat.filter]]',
  `name = "${name}"`,
  `class = "${FILTER_CLASS}"`,
  'async_supported = true',
  '[tomcat.filter.init_params]',
  'hstsEnabled = true',
  `hstsMaxAgeSeconds = ${ONE_YEAR}`,
  'hstsIncludeSubDomains = true',
  ...MAPPING(name),
];
const MAPPING = (name: string) => ['[[tomcat.filter_mapping]]', `name = "${name}"`, 'url_pattern = "/*"', 'dispatchers = ["REQUEST"]'];

const FILTER_ARRAYS = [['tomcat', 'filter'], ['tomcat', 'filter_mapping']];

/**
 * Writes init_params.<key> for one filter instance: into its [tomcat.filter.init_params] table if it has one, else
 * as a dotted key; undefined when init_params is an inline table (it cannot take another key).
 */
function setParam(ctx: RuleContext<'toml'>, filter: TomlTable, key: string, valueText: string): OffsetEdit | undefined {
  const { doc } = ctx.model;
  const existing = instanceGet(doc, filter, ['init_params', key]);
  if (existing) return replaceValue(existing, valueText);
  if (filter.get(['init_params'])) return undefined;
  const sub = instanceTable(doc, filter, ['init_params']);
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  if (sub) return { start: sub.contentEnd, end: sub.contentEnd, newText: `${eol}${key} = ${valueText}` };
  return { start: filter.contentEnd, end: filter.contentEnd, newText: `${eol}init_params.${key} = ${valueText}` };
}

export default defineRule({
  meta: {
    id: 'hsts-disabled',
    title: 'HSTS not enabled',
    guideline: 'Enable HTTP Strict Transport Security headers (HSTS)',
    guidelineId: 'G11',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is'],
    docs: {
      what: 'In a full API-M or Identity Server deployment.toml, finds the absence of an HSTS filter (`[[tomcat.filter]]` with `org.apache.catalina.filters.HttpHeaderSecurityFilter`), and in a declared filter: `hstsEnabled = false`, a missing or zero `hstsMaxAgeSeconds` (Tomcat then sends `max-age=0`, which switches HSTS off in browsers), a max-age under one year (information), or no `[[tomcat.filter_mapping]]` for it. An explicit `[http_header_security_filter.hsts] enabled = false` (the management console\'s own filter) is mentioned when no filter covers the console. Partial: HSTS set in a web application\'s own web.xml, or at a proxy, is not visible here.',
      why: 'Without HSTS a browser that once reached the server over HTTPS can still be downgraded to HTTP by an active attacker (SSL stripping). The products ship with HSTS disabled; the guideline asks to enable it for every application, the management console included.',
      example: {
        bad: '[server]\nhostname = "apim.example.com"',
        good: `[server]\nhostname = "apim.example.com"\n\n${BLOCK('httpHeaderSecurity').join('\n')}`,
      },
      fix: 'Declare the filter and its mapping exactly as the guideline shows. The quick fix appends that block (with `dispatchers = ["REQUEST"]`, the array form the web.xml template iterates) before [secrets], or sets `hstsEnabled`, `hstsMaxAgeSeconds` or the mapping in a filter you declared. Review before applying: once browsers have seen the header they refuse plain HTTP and certificate errors for a year, for every subdomain (`hstsIncludeSubDomains`) — use a real certificate first.',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    const { doc, config } = ctx.model;
    const filters = config.arrayTables(['tomcat', 'filter']).filter((t) => literalString(t.get(['class'])?.value) === FILTER_CLASS);
    const mapped = new Set(config.arrayTables(['tomcat', 'filter_mapping']).map((m) => literalString(m.get(['name'])?.value)));
    for (const f of filters) {
      const name = literalString(f.get(['name'])?.value);
      const shown = name === undefined ? undefined : oneLine(name);
      const enabled = instanceGet(doc, f, ['init_params', 'hstsEnabled']);
      const maxAge = instanceGet(doc, f, ['init_params', 'hstsMaxAgeSeconds']);
      const problems: string[] = [];
      const edits: Array<OffsetEdit | undefined> = [];
      let severity: 'warning' | 'info' = 'warning';
      let span: Span = f.headerSpan!;
      if (literalBool(enabled?.value) === false) {
        problems.push('`hstsEnabled` is false');
        edits.push(setParam(ctx, f, 'hstsEnabled', 'true'));
        span = enabled!.value.span;
      }
      const age = maxAge ? literalInt(maxAge.value) : 0;
      if (age !== undefined && age <= 0) {
        problems.push(`\`hstsMaxAgeSeconds\` is ${maxAge ? age : 'not set (Tomcat\'s default is 0)'}, so the header says "max-age=0" and browsers drop HSTS`);
        edits.push(setParam(ctx, f, 'hstsMaxAgeSeconds', String(ONE_YEAR)));
        if (maxAge) span = maxAge.value.span;
      } else if (age !== undefined && age < ONE_YEAR && problems.length === 0) {
        problems.push(`\`hstsMaxAgeSeconds\` is ${age} seconds, under the usual one year (${ONE_YEAR})`);
        severity = 'info';
        span = maxAge!.value.span;
      }
      if (name !== undefined && !mapped.has(name)) {
        problems.push(`no [[tomcat.filter_mapping]] names "${shown}", so the filter never runs`);
        edits.push(appendBlock(ctx.text, config, MAPPING(name), [FILTER_ARRAYS[1]]));
        severity = 'warning';
      }
      if (problems.length === 0) continue;
      const all = allEdits(edits);
      ctx.report({
        span,
        severity,
        message: `The HSTS filter [[tomcat.filter]]${shown ? ` "${shown}"` : ''}: ${problems.join('; ')}.`,
        fix: all ? { title: 'Enable HSTS with a one-year max-age', edits: all, safe: false } : undefined,
      });
    }
    if (filters.length > 0 || !isFullDeployment(ctx)) return;
    // No filter at all: the shipped state, HSTS off everywhere.
    const console = config.get(['http_header_security_filter', 'hsts', 'enabled']);
    const consoleOff = literalBool(console?.value) === false;
    const taken = new Set(config.arrayTables(['tomcat', 'filter']).map((t) => literalString(t.get(['name'])?.value)));
    const name = taken.has('httpHeaderSecurity') ? 'carbonlintHsts' : 'httpHeaderSecurity';
    const block = appendBlock(ctx.text, config, BLOCK(name), FILTER_ARRAYS);
    ctx.report({
      span: config.insertionPoint(['tomcat', 'filter', 'name']).reportSpan,
      message: `HSTS is not enabled: no [[tomcat.filter]] declares ${FILTER_CLASS} with hstsEnabled and a max-age, so neither the web applications nor the management console send Strict-Transport-Security${consoleOff ? ` (and \`${pathText(['http_header_security_filter', 'hsts', 'enabled'])} = false\` keeps the console's own filter off)` : ''}. Declare the filter and its mapping as the guideline shows.`,
      related: consoleOff ? [{ span: console!.value.span, message: 'the management console\'s HSTS switch is off' }] : undefined,
      fix: block ? { title: 'Add the HttpHeaderSecurityFilter with HSTS (one year)', edits: [block], safe: false } : undefined,
    });
  },
  cases: {
    valid: [
      { name: 'the guideline block', fileName: 'wso2am-4.2.0/repository/conf/deployment.toml', code: '[server]\nhostname = "apim"\n\n[[tomcat.filter]]\nname = "httpHeaderSecurity"\nclass = "org.apache.catalina.filters.HttpHeaderSecurityFilter"\nasync_supported = true\n[tomcat.filter.init_params]\nhstsEnabled = true\nhstsMaxAgeSeconds = 31536000\nhstsIncludeSubDomains = true\n[[tomcat.filter_mapping]]\nname = "httpHeaderSecurity"\nurl_pattern = "/*"\ndispatchers = ["REQUEST"]\n' },
      {
        name: 'dotted init_params, string values',
        code: '[[tomcat.filter]]\nname = "hsts"\nclass = "org.apache.catalina.filters.HttpHeaderSecurityFilter"\ninit_params.hstsEnabled = "true"\ninit_params.hstsMaxAgeSeconds = "63072000"\n\n[[tomcat.filter_mapping]]\nname = "hsts"\nurl_pattern = "/*"\n',
      },
      { name: 'a snippet: absence is not reported', fileName: 'wso2am-4.2.0/repository/conf/deployment.toml', code: '[apim.cors]\nallow_origins = "*"\n' },
    ],
    invalid: [
      {
        name: 'shipped state: no filter; the block goes before [secrets]',
        fileName: 'wso2am-4.2.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "apim"\n\n[secrets]\nadmin_password = "[x]"\n',
        errors: [{ range: [0, 0, 0, 8], message: 'HSTS is not enabled' }],
        output: '[server]\nhostname = "apim"\n\n[[tomcat.filter]]\nname = "httpHeaderSecurity"\nclass = "org.apache.catalina.filters.HttpHeaderSecurityFilter"\nasync_supported = true\n[tomcat.filter.init_params]\nhstsEnabled = true\nhstsMaxAgeSeconds = 31536000\nhstsIncludeSubDomains = true\n[[tomcat.filter_mapping]]\nname = "httpHeaderSecurity"\nurl_pattern = "/*"\ndispatchers = ["REQUEST"]\n\n[secrets]\nadmin_password = "[x]"\n',
      },
      {
        name: 'hstsEnabled = false',
        code: '[[tomcat.filter]]\nname = "hsts"\nclass = "org.apache.catalina.filters.HttpHeaderSecurityFilter"\n[tomcat.filter.init_params]\nhstsEnabled = false\nhstsMaxAgeSeconds = 31536000\n[[tomcat.filter_mapping]]\nname = "hsts"\nurl_pattern = "/*"\n',
        errors: [{ range: [4, 14, 4, 19], message: '`hstsEnabled` is false' }],
        output: '[[tomcat.filter]]\nname = "hsts"\nclass = "org.apache.catalina.filters.HttpHeaderSecurityFilter"\n[tomcat.filter.init_params]\nhstsEnabled = true\nhstsMaxAgeSeconds = 31536000\n[[tomcat.filter_mapping]]\nname = "hsts"\nurl_pattern = "/*"\n',
      },
      {
        name: "no max-age (Tomcat's default is 0) and no mapping",
        code: '[[tomcat.filter]]\nname = "hsts"\nclass = "org.apache.catalina.filters.HttpHeaderSecurityFilter"\n[tomcat.filter.init_params]\nhstsEnabled = true\n',
        errors: [{ range: [0, 0, 0, 17], message: 'max-age=0' }],
        output: '[[tomcat.filter]]\nname = "hsts"\nclass = "org.apache.catalina.filters.HttpHeaderSecurityFilter"\n[tomcat.filter.init_params]\nhstsEnabled = true\nhstsMaxAgeSeconds = 31536000\n\n[[tomcat.filter_mapping]]\nname = "hsts"\nurl_pattern = "/*"\ndispatchers = ["REQUEST"]\n',
      },
      {
        name: 'a short max-age is information',
        code: '[[tomcat.filter]]\nname = "hsts"\nclass = "org.apache.catalina.filters.HttpHeaderSecurityFilter"\ninit_params.hstsMaxAgeSeconds = 3600\n[[tomcat.filter_mapping]]\nname = "hsts"\nurl_pattern = "/*"\n',
        errors: [{ range: [3, 32, 3, 36], severity: 'info' }],
      },
      {
        name: 'an inline init_params table cannot take the missing max-age: no fix',
        code: '[[tomcat.filter]]\nname = "hsts"\nclass = "org.apache.catalina.filters.HttpHeaderSecurityFilter"\ninit_params = { hstsEnabled = true }\n[[tomcat.filter_mapping]]\nname = "hsts"\nurl_pattern = "/*"\n',
        errors: [{ range: [0, 0, 0, 17], message: 'max-age=0' }],
      },
      {
        name: 'the console switch off is pointed at',
        fileName: 'wso2is-5.11.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "is"\n\n[http_header_security_filter.hsts]\nenabled = false\n',
        errors: [{ range: [0, 0, 0, 8], message: "keeps the console's own filter off" }],
        output: '[server]\nhostname = "is"\n\n[http_header_security_filter.hsts]\nenabled = false\n\n[[tomcat.filter]]\nname = "httpHeaderSecurity"\nclass = "org.apache.catalina.filters.HttpHeaderSecurityFilter"\nasync_supported = true\n[tomcat.filter.init_params]\nhstsEnabled = true\nhstsMaxAgeSeconds = 31536000\nhstsIncludeSubDomains = true\n[[tomcat.filter_mapping]]\nname = "httpHeaderSecurity"\nurl_pattern = "/*"\ndispatchers = ["REQUEST"]\n',
      },
    ],
  },
  legacy: [hstsDisabledLegacy],
});
