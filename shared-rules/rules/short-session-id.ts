import { defineRule, type Fix } from '../engine/rule';
import { eolOf, type OffsetEdit } from '../engine/text';
import { TOMCAT_DEFAULT, isCarbon44, isWebappContext, lengthOf, lineIndent, managerWithGenerator, nestGenerator, removeAttr, runsTomcat9 } from './util/tomcat-context';

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
      what: 'Finds Tomcat `context.xml` files (root `<Context>`) whose session ids are shorter than the configured minimum (`carbonlint.session.minIdLength`, 32 bytes by default): a short `<SessionIdGenerator sessionIdLength>` inside `<Manager>` (Tomcat 9), a short `<Manager sessionIdLength>` (Tomcat 7/8), or none at all — Tomcat\'s 16 bytes. On API-M 3+/IS 5.10+ (Tomcat 9) the `<Manager>` attribute alone is ignored, and a `<SessionIdGenerator>` outside `<Manager>` is ignored everywhere. A web application\'s own `META-INF/context.xml` without a `<Manager>` inherits the global `repository/conf/tomcat/context.xml` one and is not reported; with a `<Manager>` (as the management console\'s `tomcat/carbon/META-INF/context.xml` has) it replaces the global one and is checked. In Carbon 4.4 homes (API-M 2.x, IS 5.0–5.8, EI 6.x, ESB 5.0) the guideline asks for 16 bytes, which Tomcat\'s default meets: a file without any length stays quiet there, and only an explicit length is judged.',
      why: 'A longer session identifier is harder to guess or brute-force, which protects logged-in sessions of the management console and web apps from hijacking.',
      example: {
        bad: '<Context>\n    <Manager pathname=""/>\n</Context>',
        good: '<Context>\n    <Manager pathname="">\n        <SessionIdGenerator sessionIdLength="32"/>\n    </Manager>\n</Context>',
      },
      fix: 'Set `sessionIdLength` to at least the minimum. The quick fix writes it in the form the file already uses: the `<SessionIdGenerator>` element (Tomcat 9, used by every deployment.toml-era product) or, in Tomcat 7/8 files that already use it, the `<Manager>` attribute. An ignored `<Manager>` attribute on Tomcat 9 is moved into a nested `<SessionIdGenerator>` (keeping a longer value); a stray `<SessionIdGenerator>` is wrapped in `<Manager>`.',
      fixSafety: 'safe',
      options: [{ setting: 'session.minIdLength', default: '32', values: 'an integer, 16 or more', description: 'The shortest JSESSIONID length in bytes accepted; the quick fix sets sessionIdLength to it.' }],
    },
  },
  check(ctx) {
    const { text } = ctx;
    const root = ctx.model.doc.root;
    if (!root || root.name !== 'Context') return; // only Tomcat context files
    const min = ctx.settings.session.minIdLength;
    const fixTo = (title: string, edits: OffsetEdit[]): Fix => ({ title, edits, safe: true, preferred: true });
    const manager = root.children.find((c) => c.name === 'Manager');
    const generator = manager?.children.find((c) => c.name === 'SessionIdGenerator');
    const stray = root.children.find((c) => c.name === 'SessionIdGenerator');
    const managerAttr = manager?.attr('sessionIdLength');
    const tomcat9 = runsTomcat9(ctx.product);

    if (stray) {
      if (manager) {
        ctx.report({ span: stray.nameSpan, severity: 'info', message: '<SessionIdGenerator> directly under <Context> is ignored: Tomcat reads it only inside <Manager>, whose setting applies.' });
      } else {
        // Wrap it in <Manager>, raising a short length on the way.
        const n = Math.max(lengthOf(stray.attr('sessionIdLength')) ?? 0, min);
        const indent = lineIndent(text, stray.span.start);
        const eol = eolOf(text);
        ctx.report({
          span: stray.nameSpan,
          message: `<SessionIdGenerator> directly under <Context> is ignored (Tomcat reads it only inside <Manager>): session ids are ${isWebappContext(ctx.fileName) ? 'whatever the global context.xml sets' : `Tomcat's default ${TOMCAT_DEFAULT} bytes`}.`,
          fix: fixTo('Move it into <Manager>', [{ start: stray.span.start, end: stray.span.end, newText: managerWithGenerator(eol, indent, n) }]),
        });
        return;
      }
    }
    if (managerAttr && generator) {
      ctx.report({
        span: managerAttr.span, severity: 'info',
        message: 'sessionIdLength on <Manager> is ignored by Tomcat 9; the <SessionIdGenerator> setting applies. Remove the attribute to avoid confusion.',
      });
    }
    if (managerAttr && !generator && tomcat9 && manager) {
      const declared = lengthOf(managerAttr);
      const n = Math.max(declared ?? 0, min);
      ctx.report({
        span: managerAttr.span,
        message: `sessionIdLength on <Manager> is ignored by Tomcat 9 (API-M 3+, IS 5.10+): session ids are Tomcat's default ${TOMCAT_DEFAULT} bytes. Set it on a nested <SessionIdGenerator>.`,
        fix: fixTo(`Move it to <SessionIdGenerator sessionIdLength="${n}"/>`, [removeAttr(text, managerAttr), nestGenerator(text, manager, n)]),
      });
      return;
    }
    if (!manager && isWebappContext(ctx.fileName)) return; // inherits the global context.xml's Manager

    // The setting in force: the nested generator's, else the Manager attribute (Tomcat 7/8), else Tomcat's default.
    const attr = generator ? generator.attr('sessionIdLength') : managerAttr;
    const length = attr ? lengthOf(attr) : TOMCAT_DEFAULT;
    if (length === undefined) return; // not a number (e.g. ${…}): nothing to judge
    // Carbon 4.4 homes: the guideline's minimum is 16 bytes, which Tomcat's default meets (the console's shipped
    // `<Manager pathname=""/>`); only an explicit length is judged there.
    if (!attr && isCarbon44(ctx.product)) return;
    if (length >= min) return;
    const message = `Session ids are ${length} bytes${attr ? '' : " (Tomcat's default, no sessionIdLength set)"}; use at least ${min}.`;
    const title = `Set sessionIdLength to ${min}`;
    if (attr) {
      ctx.report({ span: attr.valueSpan, message, fix: fixTo(title, [{ start: attr.valueSpan.start, end: attr.valueSpan.end, newText: String(min) }]) });
    } else if (generator) {
      const at = generator.nameSpan.end;
      ctx.report({ span: generator.nameSpan, message, fix: fixTo(title, [{ start: at, end: at, newText: ` sessionIdLength="${min}"` }]) });
    } else if (manager) {
      ctx.report({ span: manager.nameSpan, message, fix: fixTo(`${title} with <SessionIdGenerator>`, [nestGenerator(text, manager, min)]) });
    } else {
      const eol = eolOf(text);
      const childIndent = root.children[0] ? lineIndent(text, root.children[0].openTagSpan.start) : lineIndent(text, root.openTagSpan.start) + '    ';
      const at = root.openTagSpan.end;
      const edit = { start: at, end: at, newText: `${eol}${childIndent}${managerWithGenerator(eol, childIndent, min)}` };
      ctx.report({ span: root.nameSpan, message, fix: fixTo(`${title} with <SessionIdGenerator>`, [edit]) });
    }
  },
  cases: {
    valid: [
      { code: '<Context>\n  <Manager className="org.apache.catalina.session.StandardManager">\n    <SessionIdGenerator sessionIdLength="128"/>\n  </Manager>\n</Context>\n' },
      { name: 'Tomcat 7/8 attribute form', code: '<Context>\n  <Manager sessionIdLength="128"></Manager>\n</Context>\n' },
      { name: 'not a Tomcat context file', code: '<beans>\n  <Manager/>\n</beans>\n' },
      { name: 'minimum is a setting', code: '<Context>\n  <Manager sessionIdLength="24"/>\n</Context>\n', settings: { session: { minIdLength: 16 } } },
      {
        name: "a webapp's META-INF/context.xml without <Manager> inherits the global one",
        fileName: 'wso2is-7.0.0/repository/deployment/server/webapps/api/META-INF/context.xml',
        code: '<Context>\n    <JarScanner>\n        <JarScanFilter tldSkip="*.*"/>\n    </JarScanner>\n</Context>\n',
      },
      {
        name: 'Carbon 4.4 console META-INF/context.xml at default: Tomcat\'s 16 bytes meet the legacy guideline',
        fileName: 'wso2am-2.6.0/repository/conf/tomcat/carbon/META-INF/context.xml',
        code: '<Context privileged="true">\n    <Manager pathname=""/>\n</Context>\n',
      },
      {
        name: 'IS 5.8 (Carbon 4.4) global context.xml without a length',
        fileName: 'wso2is-5.8.0/repository/conf/tomcat/context.xml',
        code: '<Context>\n    <WatchedResource>WEB-INF/web.xml</WatchedResource>\n</Context>\n',
      },
      { name: 'not a number', code: '<Context>\n  <Manager>\n    <SessionIdGenerator sessionIdLength="${length}"/>\n  </Manager>\n</Context>\n' },
    ],
    invalid: [
      {
        name: 'management console context: no length',
        code: '<Context>\n    <Manager pathname=""/>\n</Context>\n',
        errors: [{ range: [1, 5, 1, 12], message: "16 bytes (Tomcat's default" }],
        output: '<Context>\n    <Manager pathname="">\n        <SessionIdGenerator sessionIdLength="32"/>\n    </Manager>\n</Context>\n',
      },
      {
        name: 'lone-CR line breaks (XML reads them as line breaks): the nested element is indented one level in',
        code: '<Context>\r    <Manager pathname=""/>\r</Context>\r',
        errors: [{ range: [1, 5, 1, 12] }],
        output: '<Context>\r    <Manager pathname="">\r        <SessionIdGenerator sessionIdLength="32"/>\r    </Manager>\r</Context>\r',
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
      {
        name: 'management console META-INF/context.xml: its <Manager> replaces the global one',
        fileName: 'wso2am-4.2.0/repository/conf/tomcat/carbon/META-INF/context.xml',
        code: '<Context privileged="true">\n    <Manager pathname=""/>\n</Context>\n',
        errors: [{ range: [1, 5, 1, 12], message: "16 bytes (Tomcat's default" }],
        output: '<Context privileged="true">\n    <Manager pathname="">\n        <SessionIdGenerator sessionIdLength="32"/>\n    </Manager>\n</Context>\n',
      },
      {
        name: 'Tomcat 7/8 attribute on a Tomcat 9 product is ignored: moved, keeping 128',
        fileName: 'wso2am-4.2.0/repository/conf/tomcat/context.xml',
        code: '<Context>\n    <Manager\n            className="org.wso2.carbon.webapp.mgt.CarbonTomcatSessionManager"\n            sessionIdLength="128">\n    </Manager>\n</Context>\n',
        errors: [{ range: [3, 12, 3, 33], message: 'ignored by Tomcat 9' }],
        output: '<Context>\n    <Manager\n            className="org.wso2.carbon.webapp.mgt.CarbonTomcatSessionManager">\n        <SessionIdGenerator sessionIdLength="128"/>\n    </Manager>\n</Context>\n',
      },
      {
        name: 'Carbon 4.4 console: an explicit short length is still judged',
        fileName: 'wso2am-2.6.0/repository/conf/tomcat/carbon/META-INF/context.xml',
        code: '<Context>\n    <Manager pathname="" sessionIdLength="8"/>\n</Context>\n',
        errors: [{ range: [1, 42, 1, 43], message: 'Session ids are 8 bytes' }],
        output: '<Context>\n    <Manager pathname="" sessionIdLength="32"/>\n</Context>\n',
      },
      {
        name: '<SessionIdGenerator> outside <Manager>',
        code: '<Context>\n    <SessionIdGenerator sessionIdLength="16"/>\n</Context>\n',
        errors: [{ range: [1, 5, 1, 23], message: 'is ignored (Tomcat reads it only inside <Manager>)' }],
        output: '<Context>\n    <Manager>\n        <SessionIdGenerator sessionIdLength="32"/>\n    </Manager>\n</Context>\n',
      },
      {
        name: 'a stray <SessionIdGenerator> beside a <Manager>',
        code: '<Context>\n    <SessionIdGenerator sessionIdLength="64"/>\n    <Manager>\n        <SessionIdGenerator sessionIdLength="64"/>\n    </Manager>\n</Context>\n',
        errors: [{ range: [1, 5, 1, 23], severity: 'info', message: 'whose setting applies' }],
      },
    ],
  },
});
