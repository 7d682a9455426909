// G20/G21 in log4j 1.x `log4j.properties` (every Carbon 4.4 product but EI 6.6; legacy-carbon.md §5 G20, G21).
import { defineVariant, type Fix } from '../../engine/rule';
import { endsWithBreak, eolOf, lineStartAt, type OffsetEdit } from '../../engine/text';
import type { PropEntry } from '../../parsers/properties/model';
import { activeAppenders1, conversions1, rollingOf, TENANT_AWARE_LAYOUT, type Appender1 } from '../util/log4j1';
import { oneLine } from '../util/message';

const ROLLING = 'org.apache.log4j.RollingFileAppender';
// The legacy (Carbon 4.4) admin guide's size-based example: 10 MB files, 20 backups.
const SIZE = '10MB';
const BACKUPS = '20';

/** The text of the source equals the decoded value (no escapes or continuation lines), so a literal edit is exact. */
const plain = (text: string, e: PropEntry) => text.slice(e.valueSpan.start, e.valueSpan.end) === e.value;

/** Adds `log4j.appender.<id>.<line>` lines after the appender's last line. */
function appendOptions(text: string, a: Appender1, lines: readonly string[]): OffsetEdit {
  const brk = /\r\n|\r|\n/g;
  brk.lastIndex = a.last.span.end;
  const m = brk.exec(text);
  const at = m ? m.index + m[0].length : text.length;
  const eol = eolOf(text);
  const lead = at === text.length && text.length > 0 && !endsWithBreak(text) ? eol : '';
  return { start: at, end: at, newText: lead + lines.map((l) => `log4j.appender.${a.id}.${l}${eol}`).join('') };
}

/** Removes an option's whole line (with its line break). */
function removeLine(text: string, e: PropEntry): OffsetEdit {
  const start = lineStartAt(text, e.span.start);
  const brk = /\r\n|\r|\n/g;
  brk.lastIndex = e.span.end;
  const m = brk.exec(text);
  return { start, end: m ? m.index + m[0].length : text.length, newText: '' };
}

/** Turn a file or daily appender into a size-based RollingFileAppender (10 MB × 20 backups); undefined unless a literal edit. */
function toRolling(text: string, a: Appender1): Fix | undefined {
  if (!plain(text, a.cls)) return undefined;
  const edits: OffsetEdit[] = [{ start: a.cls.valueSpan.start, end: a.cls.valueSpan.end, newText: ROLLING }];
  const datePattern = a.prop('DatePattern');
  if (datePattern) {
    if (datePattern === a.last) return undefined; // the new lines go after it: keep the edits apart
    edits.push(removeLine(text, datePattern)); // RollingFileAppender has no such option (log4j warns at startup)
  }
  const lines = [...(a.prop('MaxFileSize') ? [] : [`MaxFileSize=${SIZE}`]), ...(a.prop('MaxBackupIndex') ? [] : [`MaxBackupIndex=${BACKUPS}`])];
  if (lines.length) edits.push(appendOptions(text, a, lines));
  return { title: `Roll over at ${SIZE}, keep ${BACKUPS} files (RollingFileAppender; review the sizes)`, edits, safe: false };
}

const HOME = (body: string) => `log4j.rootLogger=INFO, CARBON_LOGFILE\nlog4j.logger.AUDIT_LOG=INFO, AUDIT_LOGFILE\n${body}`;

export const logRotationLog4j1 = defineVariant({
  kind: 'properties',
  files: ['log4j.properties'],
  what: 'Carbon 4.4 (log4j 1.x `log4j.properties`): an appender a logger uses that is a plain `org.apache.log4j.FileAppender` (never rotated), or a `RollingFileAppender` with `MaxBackupIndex` 0 or less (the file is truncated at each rollover, keeping no history). Daily appenders rotate; that they never delete is log-retention\'s finding.',
  example: {
    bad: 'log4j.appender.ERROR_LOGFILE=org.apache.log4j.FileAppender\nlog4j.appender.ERROR_LOGFILE.File=${carbon.home}/repository/logs/wso2-errors.log',
    good: 'log4j.appender.ERROR_LOGFILE=org.apache.log4j.RollingFileAppender\nlog4j.appender.ERROR_LOGFILE.File=${carbon.home}/repository/logs/wso2-errors.log\nlog4j.appender.ERROR_LOGFILE.MaxFileSize=10MB\nlog4j.appender.ERROR_LOGFILE.MaxBackupIndex=20',
  },
  check(ctx) {
    const { text } = ctx;
    for (const a of activeAppenders1(ctx.model.doc)) {
      const kind = rollingOf(a);
      if (kind === 'file') {
        ctx.report({
          span: a.cls.valueSpan,
          message: `${a.id} is a log4j FileAppender: its file is never rotated and grows until the disk is full. Use org.apache.log4j.RollingFileAppender with MaxFileSize and MaxBackupIndex.`,
          fix: toRolling(text, a),
        });
      } else if (kind === 'size') {
        const max = a.prop('MaxBackupIndex');
        if (!max || !/^\s*-?\d+\s*$/.test(max.value) || parseInt(max.value, 10) > 0) continue;
        ctx.report({
          span: max.valueSpan,
          message: `${a.id} has MaxBackupIndex=${oneLine(max.value.trim())}: at every rollover the log file is truncated and no previous file is kept, so log history is lost. Keep some backups (for example ${BACKUPS}).`,
          fix: plain(text, max) ? { title: `Keep ${BACKUPS} rolled files`, edits: [{ start: max.valueSpan.start, end: max.valueSpan.end, newText: BACKUPS }], safe: true, preferred: true } : undefined,
        });
      }
    }
  },
  cases: {
    valid: [
      { name: 'shipped daily appenders rotate', code: HOME('log4j.appender.CARBON_LOGFILE=org.wso2.carbon.utils.logging.appenders.CarbonDailyRollingFileAppender\nlog4j.appender.AUDIT_LOGFILE=org.apache.log4j.DailyRollingFileAppender\n') },
      { name: 'size-based with backups', code: HOME('log4j.appender.CARBON_LOGFILE=org.apache.log4j.RollingFileAppender\nlog4j.appender.CARBON_LOGFILE.MaxFileSize=10MB\nlog4j.appender.CARBON_LOGFILE.MaxBackupIndex=20\n') },
      { name: 'a FileAppender no logger uses', code: HOME('log4j.appender.ERROR_LOGFILE=org.apache.log4j.FileAppender\n') },
      { name: 'a commented FileAppender', code: 'log4j.rootLogger=INFO, X\n#log4j.appender.X=org.apache.log4j.FileAppender\n' },
    ],
    invalid: [
      {
        name: 'API-M 2.x ERROR_LOGFILE: FileAppender on the root logger',
        code: 'log4j.rootLogger=ERROR, CARBON_CONSOLE, ERROR_LOGFILE\nlog4j.appender.ERROR_LOGFILE=org.apache.log4j.FileAppender\nlog4j.appender.ERROR_LOGFILE.File=logs/errors.log\n# next\n',
        errors: [{ range: [1, 29, 1, 58], message: 'never rotated', severity: 'warning' }],
        output: 'log4j.rootLogger=ERROR, CARBON_CONSOLE, ERROR_LOGFILE\nlog4j.appender.ERROR_LOGFILE=org.apache.log4j.RollingFileAppender\nlog4j.appender.ERROR_LOGFILE.File=logs/errors.log\nlog4j.appender.ERROR_LOGFILE.MaxFileSize=10MB\nlog4j.appender.ERROR_LOGFILE.MaxBackupIndex=20\n# next\n',
      },
      {
        name: 'MaxBackupIndex=0 truncates',
        code: 'log4j.logger.trace=DEBUG,S\nlog4j.appender.S=org.apache.log4j.RollingFileAppender\nlog4j.appender.S.maxBackupIndex=0',
        errors: [{ range: [2, 32, 2, 33], message: 'no previous file is kept' }],
        output: 'log4j.logger.trace=DEBUG,S\nlog4j.appender.S=org.apache.log4j.RollingFileAppender\nlog4j.appender.S.maxBackupIndex=20',
      },
    ],
  },
});

export const logRetentionLog4j1 = defineVariant({
  kind: 'properties',
  files: ['log4j.properties'],
  what: 'Carbon 4.4 (log4j 1.x `log4j.properties`): an appender a logger uses that is a `DailyRollingFileAppender` (log4j\'s or Carbon\'s `CarbonDailyRollingFileAppender`, the shipped wso2carbon.log and audit.log): it rolls every day but has neither a size cap nor a backup limit, so rolled files pile up forever.',
  example: {
    bad: 'log4j.appender.AUDIT_LOGFILE=org.apache.log4j.DailyRollingFileAppender\nlog4j.appender.AUDIT_LOGFILE.File=${carbon.home}/repository/logs/audit.log',
    good: 'log4j.appender.AUDIT_LOGFILE=org.apache.log4j.RollingFileAppender\nlog4j.appender.AUDIT_LOGFILE.File=${carbon.home}/repository/logs/audit.log\nlog4j.appender.AUDIT_LOGFILE.MaxFileSize=10MB\nlog4j.appender.AUDIT_LOGFILE.MaxBackupIndex=20',
  },
  check(ctx) {
    for (const a of activeAppenders1(ctx.model.doc)) {
      if (rollingOf(a) !== 'daily') continue;
      // Carbon's subclass may do more than log4j's (tenant-aware file handling): no automatic switch for it.
      const own = a.cls.value.trim() === 'org.apache.log4j.DailyRollingFileAppender';
      ctx.report({
        span: a.cls.valueSpan,
        message: `${a.id} rolls over daily but keeps every rolled file and has no size cap: a log4j 1.x DailyRollingFileAppender cannot delete old files. Use org.apache.log4j.RollingFileAppender with MaxFileSize and MaxBackupIndex (the Carbon 4.4 guide's example: ${SIZE}, ${BACKUPS}), or remove old files with an external job (logrotate, cron).`,
        fix: own ? toRolling(ctx.text, a) : undefined,
      });
    }
  },
  cases: {
    valid: [
      { name: 'size-based rolling is bounded', code: HOME('log4j.appender.AUDIT_LOGFILE=org.apache.log4j.RollingFileAppender\nlog4j.appender.AUDIT_LOGFILE.MaxBackupIndex=20\n') },
      { name: 'not used by a logger', code: 'log4j.rootLogger=INFO, CARBON_CONSOLE\nlog4j.appender.TRACE_APPENDER=org.apache.log4j.DailyRollingFileAppender\n' },
    ],
    invalid: [
      {
        name: 'shipped audit.log: DailyRollingFileAppender with DatePattern',
        code: HOME('log4j.appender.AUDIT_LOGFILE=org.apache.log4j.DailyRollingFileAppender\nlog4j.appender.AUDIT_LOGFILE.File=${carbon.home}/repository/logs/audit.log\nlog4j.appender.AUDIT_LOGFILE.DatePattern=\'.\'yyyy-MM-dd\nlog4j.appender.AUDIT_LOGFILE.Append=true\n'),
        errors: [{ range: [2, 29, 2, 70], message: 'keeps every rolled file', severity: 'info' }],
        output: HOME('log4j.appender.AUDIT_LOGFILE=org.apache.log4j.RollingFileAppender\nlog4j.appender.AUDIT_LOGFILE.File=${carbon.home}/repository/logs/audit.log\nlog4j.appender.AUDIT_LOGFILE.Append=true\nlog4j.appender.AUDIT_LOGFILE.MaxFileSize=10MB\nlog4j.appender.AUDIT_LOGFILE.MaxBackupIndex=20\n'),
      },
      {
        name: 'Carbon\'s daily appender: reported, no automatic switch',
        code: HOME('log4j.appender.CARBON_LOGFILE=org.wso2.carbon.utils.logging.appenders.CarbonDailyRollingFileAppender\n'),
        errors: [{ range: [2, 30, 2, 100] }],
      },
    ],
  },
});

// Audit appenders whatever their output; the carbon log as information (it is not the audit trail).
const isAudit = (id: string) => /AUDIT/i.test(id);

export const logForgingLog4j1 = defineVariant({
  kind: 'properties',
  files: ['log4j.properties'],
  what: 'Carbon 4.4 (log4j 1.x `log4j.properties`): the audit appenders and CARBON_LOGFILE whose `layout.ConversionPattern` writes the message (`%m`) without Carbon\'s per-event log UUID `%K` (TenantAwarePatternLayout, kernel 4.4.3 and later). log4j 1.x has no `%replace`/`%enc`, and `%u` is not a UUID there. A pattern set in the management console (stored in the registry) overrides the file.',
  example: {
    bad: 'log4j.appender.AUDIT_LOGFILE.layout=org.wso2.carbon.utils.logging.TenantAwarePatternLayout\nlog4j.appender.AUDIT_LOGFILE.layout.ConversionPattern=[%d] %P%5p - %x %m %n',
    good: 'log4j.appender.AUDIT_LOGFILE.layout=org.wso2.carbon.utils.logging.TenantAwarePatternLayout\nlog4j.appender.AUDIT_LOGFILE.layout.ConversionPattern=[%K] [%d] %P%5p - %x %m %n',
  },
  check(ctx) {
    for (const a of activeAppenders1(ctx.model.doc)) {
      const audit = isAudit(a.id);
      if (!(audit || (a.id === 'CARBON_LOGFILE' && rollingOf(a) !== 'other'))) continue;
      const pattern = a.prop('layout.ConversionPattern');
      if (!pattern) continue; // XMLLayout and other non-pattern layouts: not judged
      const convs = conversions1(pattern.value);
      if (!convs.includes('m')) continue;
      const tenantAware = TENANT_AWARE_LAYOUT.test(a.prop('layout')?.value.trim() ?? '');
      if (tenantAware && convs.includes('K')) continue;
      ctx.report({
        span: pattern.valueSpan,
        severity: audit ? 'warning' : 'info',
        message: tenantAware
          ? `The ${a.id} layout pattern lets a message with line breaks forge log entries: add \`%K\` (Carbon's log UUID per event) so forged lines stand out.`
          : `The ${a.id} layout pattern lets a message with line breaks forge log entries, and its layout cannot tag events: use org.wso2.carbon.utils.logging.TenantAwarePatternLayout and add \`%K\` (a log UUID per event).`,
        fix: tenantAware ? { title: 'Prefix the pattern with [%K]', edits: [{ start: pattern.valueSpan.start, end: pattern.valueSpan.start, newText: '[%K] ' }], safe: true, preferred: true } : undefined,
      });
    }
  },
  cases: {
    valid: [
      { name: '%K with the tenant-aware layout', code: HOME('log4j.appender.AUDIT_LOGFILE=org.apache.log4j.DailyRollingFileAppender\nlog4j.appender.AUDIT_LOGFILE.layout=org.wso2.carbon.utils.logging.TenantAwarePatternLayout\nlog4j.appender.AUDIT_LOGFILE.layout.ConversionPattern=[%K] [%d] %m%n\n') },
      { name: 'not used by a logger', code: 'log4j.rootLogger=INFO, CARBON_CONSOLE\nlog4j.appender.AUDIT_LOGFILE=org.apache.log4j.DailyRollingFileAppender\nlog4j.appender.AUDIT_LOGFILE.layout.ConversionPattern=%m%n\n' },
      { name: 'the console is not the carbon log', code: 'log4j.rootLogger=INFO, CARBON_CONSOLE\nlog4j.appender.CARBON_CONSOLE=org.wso2.carbon.utils.logging.appenders.CarbonConsoleAppender\nlog4j.appender.CARBON_CONSOLE.layout.ConversionPattern=%m%n\n' },
    ],
    invalid: [
      {
        name: 'shipped audit pattern; %%K is a literal, %u is not a UUID in log4j 1.x',
        code: HOME('log4j.appender.AUDIT_LOGFILE=org.apache.log4j.DailyRollingFileAppender\nlog4j.appender.AUDIT_LOGFILE.layout=org.wso2.carbon.utils.logging.TenantAwarePatternLayout\nlog4j.appender.AUDIT_LOGFILE.layout.ConversionPattern=[%d] %%K %u %P%5p - %x %m %n\n'),
        errors: [{ range: [4, 54, 4, 82], message: 'add `%K`', severity: 'warning' }],
        output: HOME('log4j.appender.AUDIT_LOGFILE=org.apache.log4j.DailyRollingFileAppender\nlog4j.appender.AUDIT_LOGFILE.layout=org.wso2.carbon.utils.logging.TenantAwarePatternLayout\nlog4j.appender.AUDIT_LOGFILE.layout.ConversionPattern=[%K] [%d] %%K %u %P%5p - %x %m %n\n'),
      },
      {
        name: 'plain PatternLayout: %K is not understood, no fix',
        code: HOME('log4j.appender.CARBON_LOGFILE=org.apache.log4j.DailyRollingFileAppender\nlog4j.appender.CARBON_LOGFILE.layout=org.apache.log4j.PatternLayout\nlog4j.appender.CARBON_LOGFILE.layout.ConversionPattern=[%K] %m%n\n'),
        errors: [{ range: [4, 55, 4, 64], message: 'use org.wso2.carbon.utils.logging.TenantAwarePatternLayout', severity: 'info' }],
      },
    ],
  },
});
