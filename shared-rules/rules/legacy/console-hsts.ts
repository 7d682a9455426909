// G11 in the Carbon 4.4 management console's web.xml (`tomcat/carbon/WEB-INF/web.xml`): Tomcat's
// HttpHeaderSecurityFilter ships with `hstsEnabled=false` (API-M 2.x, IS 5.x, EI 6.x) or is missing (ESB 5.0)
// (legacy-carbon.md §5 G11). Tomcat's own defaults: hstsEnabled=true, hstsMaxAgeSeconds=0 — and "max-age=0" tells
// browsers to drop HSTS, so an enabled filter without a max-age does nothing.
import { defineVariant } from '../../engine/rule';
import { eolOf, type OffsetEdit } from '../../engine/text';
import type { XmlDocument, XmlElement } from '../../parsers/xml/model';
import { childText, childrenNamed, isPlaceholder, leafText } from '../util/legacy-xml';

const FILTER_CLASS = 'org.apache.catalina.filters.HttpHeaderSecurityFilter';
const ONE_YEAR = '31536000';

function leafValue(doc: XmlDocument, el: XmlElement): string | undefined {
  return leafText(doc, el)?.value;
}

function initParam(doc: XmlDocument, filter: XmlElement, name: string) {
  for (const p of childrenNamed(filter, 'init-param')) {
    if (childText(doc, p, 'param-name')?.value !== name) continue;
    const v = childText(doc, p, 'param-value');
    return { param: p, value: v };
  }
  return undefined;
}

/**
 * The blanks between the start of the line and `at`, or '' when other text comes first. Looks back at most 256
 * characters: on a one-line file a walk to the line start for every finding would be quadratic.
 */
function indentBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 256 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r' ? text.slice(i, at) : '';
}

/** A new `<init-param>` after `after`, indented like it. */
function addParam(text: string, after: XmlElement, name: string, value: string): OffsetEdit {
  const indent = indentBefore(text, after.span.start);
  const eol = eolOf(text);
  const inner = indent + (indent.includes('\t') ? '\t' : '    ');
  return {
    start: after.span.end, end: after.span.end,
    newText: `${eol}${indent}<init-param>${eol}${inner}<param-name>${name}</param-name>${eol}${inner}<param-value>${value}</param-value>${eol}${indent}</init-param>`,
  };
}

const WEB = (filter: string) => `<web-app>\n    <filter>\n        <filter-name>HttpHeaderSecurityFilter</filter-name>\n        <filter-class>org.apache.catalina.filters.HttpHeaderSecurityFilter</filter-class>\n${filter}    </filter>\n    <filter-mapping>\n        <filter-name>HttpHeaderSecurityFilter</filter-name>\n        <url-pattern>*</url-pattern>\n    </filter-mapping>\n</web-app>\n`;
const PARAM = (name: string, value: string) => `        <init-param>\n            <param-name>${name}</param-name>\n            <param-value>${value}</param-value>\n        </init-param>\n`;

export const hstsDisabledLegacy = defineVariant({
  kind: 'xml',
  files: ['console-web.xml'],
  what: 'Carbon 4.4 (management console `tomcat/carbon/WEB-INF/web.xml`): the `HttpHeaderSecurityFilter` has `hstsEnabled` false (as shipped in API-M 2.x, IS 5.x and EI 6.x), or is enabled without a positive `hstsMaxAgeSeconds` (Tomcat then sends `max-age=0`), or is not mapped; a console web.xml without the filter (ESB 5.0) is information. Other web applications have their own web.xml and are not covered.',
  example: {
    bad: '<init-param>\n    <param-name>hstsEnabled</param-name>\n    <param-value>false</param-value>\n</init-param>',
    good: `<init-param>\n    <param-name>hstsEnabled</param-name>\n    <param-value>true</param-value>\n</init-param>\n<init-param>\n    <param-name>hstsMaxAgeSeconds</param-name>\n    <param-value>${ONE_YEAR}</param-value>\n</init-param>`,
  },
  check(ctx) {
    const doc = ctx.model.doc;
    const root = doc.root;
    if (!root || root.name !== 'web-app') return;
    const filters = childrenNamed(root, 'filter').filter((f) => childText(doc, f, 'filter-class')?.value === FILTER_CLASS);
    if (filters.length === 0) {
      ctx.report({
        span: root.nameSpan,
        severity: 'info',
        message: `The management console's web.xml declares no HttpHeaderSecurityFilter, so the console sends no HSTS header (unless the global tomcat/web.xml adds one). Declare ${FILTER_CLASS} with hstsEnabled=true and hstsMaxAgeSeconds=${ONE_YEAR}, mapped to *.`,
      });
      return;
    }
    const mappings = childrenNamed(root, 'filter-mapping');
    const mapped = new Set(mappings.map((m) => childText(doc, m, 'filter-name')?.value));
    const catchAll = new Set(mappings.filter((m) => childrenNamed(m, 'url-pattern').some((u) => /^\/?\*$/.test(leafValue(doc, u) ?? ''))).map((m) => childText(doc, m, 'filter-name')?.value));
    // A filter mapped to every request decides the header; extra instances on a few paths (IS/EI anti-clickjacking
    // filters) cannot remove it, so they are judged only when no filter covers everything.
    const primary = filters.filter((f) => catchAll.has(childText(doc, f, 'filter-name')?.value));
    for (const f of primary.length ? primary : filters) {
      const name = childText(doc, f, 'filter-name')?.value ?? '';
      const enabled = initParam(doc, f, 'hstsEnabled');
      const maxAge = initParam(doc, f, 'hstsMaxAgeSeconds');
      const age = maxAge?.value && /^\s*\d+\s*$/.test(maxAge.value.value) ? parseInt(maxAge.value.value, 10) : 0;
      const edits: OffsetEdit[] = [];
      if (enabled?.value && /^false$/i.test(enabled.value.value)) {
        edits.push({ start: enabled.value.span.start, end: enabled.value.span.end, newText: 'true' });
        if (!maxAge) edits.push(addParam(ctx.text, enabled.param, 'hstsMaxAgeSeconds', ONE_YEAR));
        else if (age <= 0 && maxAge.value) edits.push({ start: maxAge.value.span.start, end: maxAge.value.span.end, newText: ONE_YEAR });
        ctx.report({
          span: enabled.value.span,
          message: `HSTS is disabled on the management console (${name}: hstsEnabled=false): a browser can be downgraded to plain HTTP (SSL stripping). Set hstsEnabled=true with hstsMaxAgeSeconds=${ONE_YEAR}.`,
          fix: maxAge && age <= 0 && !maxAge.value ? undefined : { title: `Enable HSTS (max-age ${ONE_YEAR}); review: browsers then refuse plain HTTP for a year`, edits, safe: false },
        });
        continue;
      }
      if (maxAge?.value && isPlaceholder(maxAge.value.value)) continue; // set at deploy time: not ours to judge
      if (age <= 0) {
        const anchor = maxAge?.value?.span ?? enabled?.value?.span ?? f.nameSpan;
        const fix = maxAge?.value
          ? { title: `Set hstsMaxAgeSeconds to ${ONE_YEAR}`, edits: [{ start: maxAge.value.span.start, end: maxAge.value.span.end, newText: ONE_YEAR }], safe: false }
          : !maxAge ? { title: `Add hstsMaxAgeSeconds ${ONE_YEAR}`, edits: [addParam(ctx.text, enabled?.param ?? childrenNamed(f, 'filter-class')[0] ?? f, 'hstsMaxAgeSeconds', ONE_YEAR)], safe: false } : undefined;
        ctx.report({
          span: anchor,
          message: `${name} enables HSTS without a positive hstsMaxAgeSeconds: Tomcat sends "max-age=0", which tells browsers to forget HSTS. Set hstsMaxAgeSeconds=${ONE_YEAR}.`,
          fix,
        });
        continue;
      }
      if (!mapped.has(name)) {
        ctx.report({ span: f.nameSpan, message: `${name} is not mapped by a <filter-mapping>, so it never runs: map it to * (every console request).` });
      }
    }
  },
  cases: {
    valid: [
      { code: WEB(PARAM('hstsEnabled', 'true') + PARAM('hstsMaxAgeSeconds', ONE_YEAR)) },
      { name: 'a max-age set at deploy time', code: WEB(PARAM('hstsEnabled', 'true') + PARAM('hstsMaxAgeSeconds', '${hsts.max.age}')) },
      { name: 'a commented filter is not a filter, and other filters do not matter', code: '<web-app>\n<!-- <filter><filter-class>org.apache.catalina.filters.HttpHeaderSecurityFilter</filter-class></filter> -->\n<filter><filter-name>CSRF</filter-name><filter-class>x.Csrf</filter-class></filter>\n<filter><filter-name>H</filter-name><filter-class>org.apache.catalina.filters.HttpHeaderSecurityFilter</filter-class><init-param><param-name>hstsMaxAgeSeconds</param-name><param-value>63072000</param-value></init-param></filter>\n<filter-mapping><filter-name>H</filter-name><url-pattern>/*</url-pattern></filter-mapping>\n</web-app>' },
    ],
    invalid: [
      {
        name: 'shipped console filter: hstsEnabled=false',
        code: WEB(PARAM('hstsEnabled', 'false')),
        errors: [{ range: [6, 25, 6, 30], message: 'hstsEnabled=false', severity: 'warning' }],
        output: WEB(PARAM('hstsEnabled', 'true') + PARAM('hstsMaxAgeSeconds', ONE_YEAR)),
      },
      {
        name: 'enabled without a max-age',
        code: WEB(PARAM('hstsEnabled', 'true')),
        errors: [{ range: [6, 25, 6, 29], message: 'max-age=0' }],
        output: WEB(PARAM('hstsEnabled', 'true') + PARAM('hstsMaxAgeSeconds', ONE_YEAR)),
      },
      {
        name: 'ESB 5.0: no filter at all',
        code: '<web-app>\n<filter><filter-name>CSRF</filter-name><filter-class>x.Csrf</filter-class></filter>\n</web-app>',
        errors: [{ range: [0, 1, 0, 8], severity: 'info', message: 'declares no HttpHeaderSecurityFilter' }],
      },
    ],
  },
});
