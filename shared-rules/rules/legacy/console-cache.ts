// G12 in the Carbon 4.4 management console's web.xml (`tomcat/carbon/WEB-INF/web.xml`): carbon-ui's
// `org.wso2.carbon.ui.filters.cache.URLBasedCachePreventionFilter` (kernel ≥ 4.2.0) mapped to `*.jsp` sends the
// no-cache headers for the console's dynamic pages. API-M 2.x, IS 5.x and EI 6.x ship it; ESB 5.0 does not
// (legacy-carbon.md §5 G12). `ContentTypeBasedCachePreventionFilter` is the vendor's other accepted filter.
import { defineVariant } from '../../engine/rule';
import { eolOf, type OffsetEdit } from '../../engine/text';
import type { XmlDocument, XmlElement } from '../../parsers/xml/model';
import { childText, childrenNamed, leafText } from '../util/legacy-xml';

const URL_FILTER = 'org.wso2.carbon.ui.filters.cache.URLBasedCachePreventionFilter';
const CLASSES = new Set([URL_FILTER, 'org.wso2.carbon.ui.filters.cache.ContentTypeBasedCachePreventionFilter']);
const NAME = 'URLBasedCachePreventionFilter';

/** A url-pattern that reaches the console's JSP pages. */
function coversJsp(pattern: string): boolean {
  return pattern === '*.jsp' || pattern === '/*' || pattern === '*' || pattern === '/';
}

/** The blanks before `el` on its line ('' when other text comes first); looks back at most 256 characters. */
function indentOf(text: string, el: XmlElement): string {
  const at = el.span.start;
  let i = at;
  while (i > 0 && at - i < 256 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r' ? text.slice(i, at) : '';
}

function block(text: string, like: XmlElement, lines: readonly string[]): string {
  const eol = eolOf(text);
  const indent = indentOf(text, like);
  const inner = indent + (indent.includes('\t') ? '\t' : '    ');
  return lines.map((l, i) => (i === 0 || i === lines.length - 1 ? indent : inner) + l).map((l) => eol + l).join('');
}

const filterLines = (name: string) => ['<filter>', `<filter-name>${name}</filter-name>`, `<filter-class>${URL_FILTER}</filter-class>`, '</filter>'];
const mappingLines = (name: string) => ['<filter-mapping>', `<filter-name>${name}</filter-name>`, '<url-pattern>*.jsp</url-pattern>', '</filter-mapping>'];

/** Inserts after the last element of that name (the DTD of older web.xml files wants filters, then mappings). */
function insertAfterLast(doc: XmlDocument, els: readonly XmlElement[], lines: readonly string[]): OffsetEdit | undefined {
  const last = els[els.length - 1];
  return last ? { start: last.span.end, end: last.span.end, newText: block(doc.text, last, lines) } : undefined;
}

const WEB = (body: string) => `<web-app>\n    <filter>\n        <filter-name>CSRFGuard</filter-name>\n        <filter-class>org.owasp.csrfguard.CsrfGuardFilter</filter-class>\n    </filter>\n${body}    <filter-mapping>\n        <filter-name>CSRFGuard</filter-name>\n        <url-pattern>*.jsp</url-pattern>\n    </filter-mapping>\n</web-app>\n`;
const FILTER = `    <filter>\n        <filter-name>${NAME}</filter-name>\n        <filter-class>${URL_FILTER}</filter-class>\n    </filter>\n`;
const MAPPING = `    <filter-mapping>\n        <filter-name>${NAME}</filter-name>\n        <url-pattern>*.jsp</url-pattern>\n    </filter-mapping>\n`;

export const cachePreventionConsole = defineVariant({
  kind: 'xml',
  files: ['console-web.xml'],
  what: `Carbon 4.4 (management console \`tomcat/carbon/WEB-INF/web.xml\`): no \`${URL_FILTER}\` (or \`ContentTypeBasedCachePreventionFilter\`) declared — as shipped in ESB 5.0 — or one that no \`<filter-mapping>\` applies to the console's JSP pages. Other web applications have their own web.xml and are not covered.`,
  example: {
    bad: '<filter>\n    <filter-name>CSRFGuard</filter-name>\n    <filter-class>org.owasp.csrfguard.CsrfGuardFilter</filter-class>\n</filter>',
    good: `<filter>\n    <filter-name>${NAME}</filter-name>\n    <filter-class>${URL_FILTER}</filter-class>\n</filter>\n<filter-mapping>\n    <filter-name>${NAME}</filter-name>\n    <url-pattern>*.jsp</url-pattern>\n</filter-mapping>`,
  },
  check(ctx) {
    const doc = ctx.model.doc;
    const root = doc.root;
    if (!root || root.name !== 'web-app') return;
    const allFilters = childrenNamed(root, 'filter');
    const mappings = childrenNamed(root, 'filter-mapping');
    const cache = allFilters.filter((f) => CLASSES.has(childText(doc, f, 'filter-class')?.value ?? ''));
    if (cache.length === 0) {
      const names = new Set(allFilters.map((f) => childText(doc, f, 'filter-name')?.value));
      const f = !names.has(NAME) ? insertAfterLast(doc, allFilters, filterLines(NAME)) : undefined;
      const m = f ? insertAfterLast(doc, mappings, mappingLines(NAME)) ?? { ...f, newText: block(doc.text, allFilters[allFilters.length - 1], mappingLines(NAME)) } : undefined;
      ctx.report({
        span: root.nameSpan,
        message: `The management console's web.xml declares no cache-prevention filter, so browsers and proxies may keep its pages (with session data) in their caches. Declare ${URL_FILTER} and map it to *.jsp, as the other Carbon 4.4 products ship it.`,
        fix: f && m ? { title: 'Add URLBasedCachePreventionFilter mapped to *.jsp (review; restart the server)', edits: f.start === m.start ? [{ ...f, newText: f.newText + m.newText }] : [f, m], safe: false } : undefined,
      });
      return;
    }
    // Any mapping that reaches the JSP pages (or names a servlet: which servlet serves them is not decided here) is enough.
    const names = cache.map((f) => childText(doc, f, 'filter-name')?.value ?? '');
    const applies = mappings.some((m) => names.includes(childText(doc, m, 'filter-name')?.value ?? '') &&
      (childrenNamed(m, 'servlet-name').length > 0 || childrenNamed(m, 'url-pattern').some((u) => coversJsp(leafText(doc, u)?.value ?? ''))));
    if (applies) return;
    const f = cache[0];
    const name = names[0];
    const mapped = mappings.some((m) => childText(doc, m, 'filter-name')?.value === name);
    const edit = name && /^[\w.-]{1,200}$/.test(name) ? insertAfterLast(doc, mappings.length ? mappings : [f], mappingLines(name)) : undefined;
    ctx.report({
      span: f.nameSpan,
      message: mapped
        ? `The cache-prevention filter ${name} is mapped only to paths that miss the console's JSP pages, so they are sent without no-cache headers. Map it to *.jsp.`
        : `The cache-prevention filter ${name} is declared but no <filter-mapping> uses it, so it never runs. Map it to *.jsp.`,
      fix: edit ? { title: `Map ${name} to *.jsp (review; restart the server)`, edits: [edit], safe: false } : undefined,
    });
  },
  cases: {
    valid: [
      { name: 'shipped (API-M 2.x, IS 5.x, EI 6.x)', code: WEB(FILTER + MAPPING) },
      { name: 'the content-type filter mapped to every path', code: WEB('    <filter><filter-name>C</filter-name><filter-class>org.wso2.carbon.ui.filters.cache.ContentTypeBasedCachePreventionFilter</filter-class></filter>\n    <filter-mapping><filter-name>C</filter-name><url-pattern>/*</url-pattern></filter-mapping>\n') },
      { name: 'not a web-app', code: '<Context/>' },
    ],
    invalid: [
      {
        name: 'ESB 5.0: no cache-prevention filter (a commented one does not count)',
        code: WEB(`    <!-- <filter><filter-class>${URL_FILTER}</filter-class></filter> -->\n`),
        errors: [{ range: [0, 1, 0, 8], message: 'declares no cache-prevention filter' }],
        output: WEB(`${FILTER}    <!-- <filter><filter-class>${URL_FILTER}</filter-class></filter> -->\n`).replace('</filter-mapping>\n</web-app>', `</filter-mapping>\n${MAPPING.replace(/\n$/, '')}\n</web-app>`),
      },
      {
        name: 'declared, never mapped',
        code: WEB(FILTER),
        errors: [{ range: [5, 5, 5, 11], message: 'no <filter-mapping> uses it' }],
        output: WEB(FILTER).replace('</filter-mapping>\n</web-app>', `</filter-mapping>\n${MAPPING.replace(/\n$/, '')}\n</web-app>`),
      },
      {
        name: 'mapped to a path that misses the JSP pages',
        code: WEB(FILTER + MAPPING.replace('*.jsp', '/admin/*')),
        errors: [{ range: [5, 5, 5, 11], message: 'mapped only to paths that miss' }],
        output: WEB(FILTER + MAPPING.replace('*.jsp', '/admin/*')).replace('</filter-mapping>\n</web-app>', `</filter-mapping>\n${MAPPING.replace(/\n$/, '')}\n</web-app>`),
      },
    ],
  },
});
