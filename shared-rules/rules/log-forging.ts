import { defineRule } from '../engine/rule';
import { appenders, isFileAppender } from './util/log4j';

// %u / %uuid tags each event; %replace{…}{\n…} or %enc{…}{CRLF} neutralise injected newlines. WSO2's %mm only masks.
const UUID = /%u(uid)?(?![a-zA-Z])/;
// Java properties decode `\n` in a value to a real newline before Log4j sees it, so accept both spellings.
const NEUTRALISED = /%(replace\{[^}]*\}\{[^}]*(\\[rn]|[\r\n])|enc(ode)?\{[^}]*\}\{CRLF\})/;

export default defineRule({
  meta: {
    id: 'log-forging',
    title: 'Log pattern open to log forging',
    guideline: 'Prevent log forging',
    guidelineId: 'G21',
    severity: 'warning',
    kind: 'properties',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds the audit (and carbon) file appenders whose layout pattern neither tags each event with a UUID (`%u`) nor neutralises newlines in the message.',
      why: 'A user name or request value containing a line break can write a fake log line into the audit log, hiding an attack or framing someone. A per-event UUID makes forged lines stand out; neutralising newlines prevents them.',
      example: {
        bad: 'appender.AUDIT_LOGFILE.layout.pattern = TID: [%tenantId] [%d] %5p {%c} - %m%ex%n',
        good: 'appender.AUDIT_LOGFILE.layout.pattern = [%u] TID: [%tenantId] [%d] %5p {%c} - %m%ex%n',
      },
      fix: 'The quick fix prefixes the pattern with `[%u] `, as the guideline shows. Alternatively wrap the message: `%replace{%m}{[\\r\\n]+}{ }` or `%enc{%m}{CRLF}`. WSO2\'s `%mm` masks secrets but does not neutralise newlines.',
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    for (const a of appenders(ctx.model.doc)) {
      const audit = /AUDIT/i.test(a.id);
      const carbon = /^CARBON_LOGFILE$/i.test(a.id);
      if (!(audit || carbon) || !a.active || !isFileAppender(a)) continue;
      const pattern = a.prop('layout.pattern');
      if (!pattern || UUID.test(pattern.value) || NEUTRALISED.test(pattern.value)) continue;
      ctx.report({
        span: pattern.valueSpan,
        severity: audit ? 'warning' : 'info',
        message: `The ${a.id} layout pattern lets a message with line breaks forge log entries: add \`%u\` (a UUID per event) or neutralise newlines with \`%replace{%m}{[\\r\\n]+}{ }\`.`,
        fix: { title: 'Prefix the pattern with [%u]', edits: [{ start: pattern.valueSpan.start, end: pattern.valueSpan.start, newText: '[%u] ' }], safe: true, preferred: true },
      });
    }
  },
  cases: {
    valid: [
      { code: 'appenders = AUDIT_LOGFILE\nappender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = [%u] TID: [%tenantId] %m%n\n' },
      { name: 'newlines neutralised', code: 'appender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = [%d] %replace{%mm}{\\n}{|}%n\n' },
      { name: 'inactive appender', code: 'appenders = CARBON_CONSOLE\nappender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = %m%n\n' },
      { name: 'console appenders are not log files', code: 'appender.AUDIT_CONSOLE.type = Console\nappender.AUDIT_CONSOLE.layout.pattern = %m%n\n' },
    ],
    invalid: [
      {
        code: 'appenders = AUDIT_LOGFILE\nappender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = TID: [%tenantId] [%d] %5p {%c} - %mm%ex%n\n',
        errors: [{ range: [2, 40, 2, 81], message: 'AUDIT_LOGFILE', severity: 'warning' }],
        output: 'appenders = AUDIT_LOGFILE\nappender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = [%u] TID: [%tenantId] [%d] %5p {%c} - %mm%ex%n\n',
      },
      {
        name: 'referenced by a logger though not listed',
        code: 'appenders = CARBON_CONSOLE\nappender.CARBON_LOGFILE.type = RollingFile\nappender.CARBON_LOGFILE.name = CARBON_LOGFILE\nappender.CARBON_LOGFILE.layout.pattern = %m%n\nrootLogger.appenderRef.CARBON_LOGFILE.ref = CARBON_LOGFILE\n',
        errors: [{ range: [3, 41, 3, 45], severity: 'info' }],
        output: 'appenders = CARBON_CONSOLE\nappender.CARBON_LOGFILE.type = RollingFile\nappender.CARBON_LOGFILE.name = CARBON_LOGFILE\nappender.CARBON_LOGFILE.layout.pattern = [%u] %m%n\nrootLogger.appenderRef.CARBON_LOGFILE.ref = CARBON_LOGFILE\n',
      },
    ],
  },
});
