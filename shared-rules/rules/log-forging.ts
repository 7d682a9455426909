import { logForgingLog4j1 } from './legacy/log4j1';
import { defineRule } from '../engine/rule';
import { activeAppenders, isFileAppender } from './util/log4j';
import { patternSafety } from './util/log4j-pattern';

// Audit appenders are checked whatever their output (containers send AUDIT_CONSOLE to the log pipeline);
// the carbon log only as the file it is on a server (info: it is not the audit trail).
const isAudit = (id: string, name: string) => /AUDIT/i.test(id) || /AUDIT/i.test(name);

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
      what: 'Finds active audit appenders (any appender whose id or name contains AUDIT, file or console) and the CARBON_LOGFILE whose layout pattern neither tags each event with a UUID (`%u`, `%uuid`) nor neutralises line breaks in every message conversion (`%m`, `%msg`, `%message`, WSO2\'s `%mm`) with `%replace{…}{\\n}{…}` or `%enc{…}{CRLF}` (HTML and JSON encodings also escape CR/LF). A pattern continued over several lines is read as one.',
      why: 'A user name or request value containing a line break can write a fake log line into the audit log, hiding an attack or framing someone. A per-event UUID makes forged lines stand out; neutralising newlines prevents them. WSO2\'s `%mm` masks secrets but leaves line breaks in place.',
      example: {
        bad: 'appender.AUDIT_LOGFILE.layout.pattern = TID: [%tenantId] [%d] %5p {%c} - %m%ex%n',
        good: 'appender.AUDIT_LOGFILE.layout.pattern = [%u] TID: [%tenantId] [%d] %5p {%c} - %m%ex%n',
      },
      fix: 'The quick fix prefixes the pattern with `[%u] `, as the guideline shows. Alternatively wrap the message in `%replace{%m}{[\\r\\n]+}{ }` (WSO2\'s container charts use `%replace{%mm}{\\n}{|}`) or `%enc{%m}{CRLF}`. Log shippers that parse the line layout must learn the new prefix.',
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    for (const a of activeAppenders(ctx.model.doc)) {
      const audit = isAudit(a.id, a.name);
      const carbon = /^CARBON_LOGFILE$/i.test(a.id) && isFileAppender(a);
      if (!(audit || carbon)) continue;
      const pattern = a.prop('layout.pattern');
      if (!pattern) continue; // JSON and other structured layouts escape line breaks themselves
      const safety = patternSafety(pattern.value);
      if (safety.uuid || safety.rawMessages === 0) continue;
      ctx.report({
        span: pattern.valueSpan,
        severity: audit ? 'warning' : 'info',
        message: `The ${a.id} layout pattern lets a message with line breaks forge log entries: add \`%u\` (a UUID per event) or neutralise newlines with \`%replace{%m}{[\\r\\n]+}{ }\`${/%mm\b/.test(pattern.value) ? ' (%mm masks secrets but keeps line breaks)' : ''}.`,
        fix: { title: 'Prefix the pattern with [%u]', edits: [{ start: pattern.valueSpan.start, end: pattern.valueSpan.start, newText: '[%u] ' }], safe: true, preferred: true },
      });
    }
  },
  cases: {
    valid: [
      { code: 'appenders = AUDIT_LOGFILE\nappender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = [%u] TID: [%tenantId] %m%n\n' },
      { name: '%uuid with a format modifier', code: 'appender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = %-36uuid %m%n\n' },
      { name: 'newlines neutralised', code: 'appender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = [%d] %replace{%mm}{\\n}{|}%n\n' },
      { name: '%enc{%mm}{CRLF}', code: 'appender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = [%d] %enc{%mm}{CRLF}%ex%n\n' },
      { name: 'nested options: %enc{%m{nolookups}}{JSON}', code: 'appender.AUDIT_LOGFILE.type = File\nappender.AUDIT_LOGFILE.layout.pattern = %d %enc{%m{nolookups}}{JSON}%n\n' },
      {
        name: 'WSO2 container chart: console audit log with newlines replaced',
        code: 'appenders = AUDIT_CONSOLE\nappender.AUDIT_CONSOLE.type = Console\nappender.AUDIT_CONSOLE.layout.pattern =  TID: [%X{tenantId}] [%d] : apim-audit : %5p {%c} - %replace{%mm}{\\n}{|}%xThrowable{separator(|)}%n\n',
      },
      { name: 'inactive appender', code: 'appenders = CARBON_CONSOLE\nappender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = %m%n\n' },
      { name: 'the carbon console is not checked', code: 'appender.CARBON_CONSOLE.type = Console\nappender.CARBON_CONSOLE.layout.pattern = %m%n\n' },
      { name: 'structured layout', code: 'appender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.type = JsonTemplateLayout\n' },
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
      {
        name: 'pattern continued over lines',
        code: 'appender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = TID: [%tenantId] \\\n    [%d] %5p - %m%ex%n\n',
        errors: [{ range: [1, 40, 2, 22] }],
        output: 'appender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = [%u] TID: [%tenantId] \\\n    [%d] %5p - %m%ex%n\n',
      },
      {
        name: 'only the date is neutralised, %%u is a literal, XML encoding keeps newlines',
        code: 'appender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = %%u %replace{%d}{\\n}{ } %enc{%m}{XML}%n\n',
        errors: [{ range: [1, 40, 1, 79] }],
        output: 'appender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.layout.pattern = [%u] %%u %replace{%d}{\\n}{ } %enc{%m}{XML}%n\n',
      },
      {
        name: 'console audit log, raw message',
        code: 'appender.AUDIT_CONSOLE.type = Console\nappender.AUDIT_CONSOLE.layout.pattern = [%d] %mm%n\n',
        errors: [{ range: [1, 40, 1, 50], severity: 'warning', message: '%mm masks secrets but keeps line breaks' }],
        output: 'appender.AUDIT_CONSOLE.type = Console\nappender.AUDIT_CONSOLE.layout.pattern = [%u] [%d] %mm%n\n',
      },
    ],
  },
  legacy: [logForgingLog4j1],
});
