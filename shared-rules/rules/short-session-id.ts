import { defineRule } from '../engine/rule';
import type { XmlElement } from '../parsers/xml/model';
import { eolOf } from '../engine/text';

// Tomcat's default session id is 16 bytes. Tomcat 9 reads the length from <SessionIdGenerator>; the
// <Manager sessionIdLength> attribute of Tomcat 7/8 is no longer honoured there.
const TOMCAT_DEFAULT = 16;

function lengthOf(el: XmlElement | undefined): number | undefined {
  const v = el?.attr('sessionIdLength')?.value.trim();
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

export default defineRule({
  meta: {
    id: 'short-session-id',
    title: 'Short JSESSIONID',
    guideline: 'Increase JSESSIONID length',
    guidelineId: 'G17',
    severity: 'warning',
    kind: 'xml',
    products: ['apim', 'is'],
    docs: {
      what: 'Finds Tomcat `context.xml` files whose session ids are shorter than the configured minimum (`carbonlint.session.minIdLength`, 32 bytes by default), including files that set no length and so get Tomcat\'s 16 bytes.',
      why: 'A longer session identifier is harder to guess or brute-force, which protects logged-in sessions of the management console and web apps from hijacking.',
      example: {
        bad: '<Context>\n    <Manager pathname=""/>\n</Context>',
        good: '<Context>\n    <Manager pathname="">\n        <SessionIdGenerator sessionIdLength="32"/>\n    </Manager>\n</Context>',
      },
      fix: 'Set `sessionIdLength` to at least the minimum. The quick fix writes it in the form the file already uses: the `<SessionIdGenerator>` element (Tomcat 9, used by every deployment.toml-era product) or, in Tomcat 7/8 files that already use it, the `<Manager>` attribute.',
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    const { doc } = ctx.model;
    const root = doc.root;
    if (!root || root.name !== 'Context') return; // only Tomcat context files
    const min = ctx.settings.session.minIdLength;
    const manager = root.children.find((c) => c.name === 'Manager');
    const generator = manager?.children.find((c) => c.name === 'SessionIdGenerator') ?? root.children.find((c) => c.name === 'SessionIdGenerator');
    const managerAttr = manager?.attr('sessionIdLength');
    const generatorAttr = generator?.attr('sessionIdLength');

    if (managerAttr && generator) {
      ctx.report({
        span: managerAttr.span, severity: 'info',
        message: 'sessionIdLength on <Manager> is ignored by Tomcat 9; the <SessionIdGenerator> setting applies. Remove the attribute to avoid confusion.',
      });
    }
    // Which setting is in force: the generator's, else the Manager attribute (Tomcat 7/8), else Tomcat's default.
    const attr = generatorAttr ?? (generator ? undefined : managerAttr);
    const length = attr ? lengthOf(generatorAttr ? generator : manager) : TOMCAT_DEFAULT;
    if (attr && length === undefined) return; // not a number (e.g. ${…}): nothing to judge
    if (length !== undefined && length >= min) return;
    const message = `Session ids are ${length} bytes${attr ? '' : " (Tomcat's default, no sessionIdLength set)"}; use at least ${min}.`;
    if (attr) {
      ctx.report({ span: attr.valueSpan, message, fix: { title: `Set sessionIdLength to ${min}`, edits: [{ start: attr.valueSpan.start, end: attr.valueSpan.end, newText: String(min) }], safe: true, preferred: true } });
      return;
    }
    const eol = eolOf(ctx.text);
    const lineIndent = (offset: number) => /^[ \t]*/.exec(ctx.text.slice(ctx.text.lastIndexOf('\n', offset - 1) + 1))![0];
    if (generator) {
      // <SessionIdGenerator> without the attribute: add it.
      const at = generator.nameSpan.end;
      ctx.report({ span: generator.nameSpan, message, fix: { title: `Set sessionIdLength to ${min}`, edits: [{ start: at, end: at, newText: ` sessionIdLength="${min}"` }], safe: true, preferred: true } });
      return;
    }
    const host = manager ?? root;
    const indent = lineIndent(host.openTagSpan.start);
    const generatorText = `<SessionIdGenerator sessionIdLength="${min}"/>`;
    let edit;
    if (manager && manager.selfClosing) {
      // <Manager …/> → <Manager …> <SessionIdGenerator …/> </Manager>
      const close = manager.openTagSpan.end;
      const slash = ctx.text.lastIndexOf('/', close - 1);
      edit = { start: slash, end: close, newText: `>${eol}${indent}    ${generatorText}${eol}${indent}</Manager>` };
    } else if (manager) {
      const at = manager.openTagSpan.end;
      edit = { start: at, end: at, newText: `${eol}${indent}    ${generatorText}` };
    } else {
      const childIndent = root.children[0] ? lineIndent(root.children[0].openTagSpan.start) : indent + '    ';
      const at = root.openTagSpan.end;
      edit = { start: at, end: at, newText: `${eol}${childIndent}<Manager>${eol}${childIndent}    ${generatorText}${eol}${childIndent}</Manager>` };
    }
    ctx.report({ span: (manager ?? root).nameSpan, message, fix: { title: `Set sessionIdLength to ${min} with <SessionIdGenerator>`, edits: [edit], safe: true, preferred: true } });
  },
  cases: {
    valid: [
      { code: '<Context>\n  <Manager className="org.apache.catalina.session.StandardManager">\n    <SessionIdGenerator sessionIdLength="128"/>\n  </Manager>\n</Context>\n' },
      { name: 'Tomcat 7/8 attribute form', code: '<Context>\n  <Manager sessionIdLength="128"></Manager>\n</Context>\n' },
      { name: 'not a Tomcat context file', code: '<beans>\n  <Manager/>\n</beans>\n' },
      { name: 'minimum is a setting', code: '<Context>\n  <Manager sessionIdLength="24"/>\n</Context>\n', settings: { session: { minIdLength: 16 } } },
    ],
    invalid: [
      {
        name: 'management console context: no length',
        code: '<Context>\n    <Manager pathname=""/>\n</Context>\n',
        errors: [{ range: [1, 5, 1, 12], message: "16 bytes (Tomcat's default" }],
        output: '<Context>\n    <Manager pathname="">\n        <SessionIdGenerator sessionIdLength="32"/>\n    </Manager>\n</Context>\n',
      },
      {
        code: '<Context>\n  <Manager>\n    <SessionIdGenerator sessionIdLength="16"/>\n  </Manager>\n</Context>\n',
        errors: [{ range: [2, 41, 2, 43], message: 'Session ids are 16 bytes' }],
        output: '<Context>\n  <Manager>\n    <SessionIdGenerator sessionIdLength="32"/>\n  </Manager>\n</Context>\n',
      },
      {
        name: 'both forms: the Manager attribute is ignored',
        code: '<Context>\n  <Manager sessionIdLength="128">\n    <SessionIdGenerator sessionIdLength="128"/>\n  </Manager>\n</Context>\n',
        errors: [{ range: [1, 11, 1, 32], severity: 'info', message: 'ignored by Tomcat 9' }],
      },
      {
        name: 'no Manager at all',
        code: '<Context>\n    <WatchedResource>WEB-INF/web.xml</WatchedResource>\n</Context>\n',
        errors: [{ range: [0, 1, 0, 8] }],
        output: '<Context>\n    <Manager>\n        <SessionIdGenerator sessionIdLength="32"/>\n    </Manager>\n    <WatchedResource>WEB-INF/web.xml</WatchedResource>\n</Context>\n',
      },
    ],
  },
});
