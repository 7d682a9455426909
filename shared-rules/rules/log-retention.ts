import { logRetentionLog4j1 } from './legacy/log4j1';
import { defineRule, type Fix } from '../engine/rule';
import { activeAppenders, appendProperties, hasDeleteAction, isRollingAppender, triggeringPolicies, type Appender } from './util/log4j';
import { hasDate, hasIndex, logDirectory, rolledFilesGlob } from './util/log4j-files';
import { oneLine } from './util/message';

const AGE = '30D';

/** A Delete action for the appender's own rolled files older than 30 days (log4j2 "Managing log growth"). */
function deleteAction(text: string, a: Appender, filePattern: string): Fix | undefined {
  const dir = logDirectory(a.prop('fileName')?.value.trim(), filePattern);
  const glob = rolledFilesGlob(filePattern);
  if (!dir || !glob) return undefined;
  const lines = [
    ...(a.prop('strategy.type') ? [] : ['strategy.type = DefaultRolloverStrategy']),
    'strategy.action.type = Delete',
    `strategy.action.basepath = ${dir}`,
    'strategy.action.maxdepth = 1',
    'strategy.action.condition.type = IfLastModified',
    `strategy.action.condition.age = ${AGE}`,
    'strategy.action.PathConditions.type = IfFileName',
    `strategy.action.PathConditions.glob = ${glob}`,
  ];
  return { title: `Delete ${glob} files older than 30 days (review the retention period)`, edits: [appendProperties(text, a, lines)], safe: false };
}

export default defineRule({
  meta: {
    id: 'log-retention',
    title: 'Rolled log files are never deleted',
    guideline: 'Enable log rotation and monitoring',
    guidelineId: 'G20',
    severity: 'info',
    kind: 'properties',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds active rolling file appenders whose rolled files accumulate without bound: the `filePattern` has a date (`%d`), so `strategy.max` only limits the rollovers within one period, and no `strategy.action` of type `Delete` removes old files. One finding per appender, as information: every shipped log4j2.properties is like this.',
      why: 'The guideline asks for a rotation scheme that manages log growth and notes that the number of backup files can be limited. A new file every day for every appender, kept forever, eventually fills the disk and stops the server (or its logging). `max` does not help here: Log4j documents that it only works with size-based index rolling.',
      example: {
        bad: 'appender.CARBON_LOGFILE.filePattern = ${sys:carbon.home}/repository/logs/wso2carbon-%d{MM-dd-yyyy}-%i.log\nappender.CARBON_LOGFILE.strategy.type = DefaultRolloverStrategy\nappender.CARBON_LOGFILE.strategy.max = 20',
        good: 'appender.CARBON_LOGFILE.filePattern = ${sys:carbon.home}/repository/logs/wso2carbon-%d{MM-dd-yyyy}-%i.log\nappender.CARBON_LOGFILE.strategy.type = DefaultRolloverStrategy\nappender.CARBON_LOGFILE.strategy.max = 20\nappender.CARBON_LOGFILE.strategy.action.type = Delete\nappender.CARBON_LOGFILE.strategy.action.basepath = ${sys:carbon.home}/repository/logs\nappender.CARBON_LOGFILE.strategy.action.maxdepth = 1\nappender.CARBON_LOGFILE.strategy.action.condition.type = IfLastModified\nappender.CARBON_LOGFILE.strategy.action.condition.age = 30D\nappender.CARBON_LOGFILE.strategy.action.PathConditions.type = IfFileName\nappender.CARBON_LOGFILE.strategy.action.PathConditions.glob = wso2carbon-[0-9]*',
      },
      fix: 'The quick fix adds a Delete action after the appender\'s last line: files in the log directory (`basepath`, from `fileName`, depth 1) whose name matches the appender\'s own rolled files (`wso2carbon-[0-9]*`, so `wso2carbon-trace-messages-…` is left to its own appender) and that are older than 30 days. It deletes logs, so it is marked for review: audit and access logs often have to be kept longer, and logs shipped to a central store may be kept shorter. Appenders rolled only by size with `%i` and no date are already bounded by `strategy.max` and are not reported.',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    for (const a of activeAppenders(ctx.model.doc)) {
      if (!isRollingAppender(a) || triggeringPolicies(a).length === 0 || hasDeleteAction(a)) continue;
      const fp = a.prop('filePattern');
      if (!fp) continue;
      const pattern = fp.value;
      const nomax = /^nomax$/i.test(a.prop('strategy.fileIndex')?.value.trim() ?? '');
      if (!hasDate(pattern) && !(hasIndex(pattern) && nomax)) continue; // bounded by strategy.max (default 7)
      const max = a.prop('strategy.max');
      ctx.report({
        span: max ? max.span : fp.span,
        message: hasDate(pattern)
          ? `${a.id} keeps rolled files forever: with a dated filePattern, ${max ? `strategy.max = ${oneLine(max.value.trim())}` : 'strategy.max'} only limits rollovers per period and nothing deletes old files. Add a Delete action so logs cannot fill the disk.`
          : `${a.id} keeps rolled files forever: strategy.fileIndex = nomax and nothing deletes old files. Add a Delete action so logs cannot fill the disk.`,
        fix: deleteAction(ctx.text, a, pattern),
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'helm-apim: a Delete action',
        code: 'appender.CARBON_LOGFILE.type = RollingFile\nappender.CARBON_LOGFILE.filePattern = logs/wso2carbon-%d{MM-dd-yyyy}-%i.log.gz\nappender.CARBON_LOGFILE.policies.time.type = TimeBasedTriggeringPolicy\nappender.CARBON_LOGFILE.strategy.type = DefaultRolloverStrategy\nappender.CARBON_LOGFILE.strategy.action.type = Delete\nappender.CARBON_LOGFILE.strategy.action.condition.type = IfLastModified\n',
      },
      { name: 'size-only index rolling is bounded by max', code: 'appender.S.type = RollingFile\nappender.S.filePattern = logs/wso2-apigw-service-%i.log\nappender.S.policies.size.type = SizeBasedTriggeringPolicy\nappender.S.strategy.max = 10\n' },
      { name: 'inactive', code: 'appenders = CARBON_CONSOLE\nappender.T.type = RollingFile\nappender.T.filePattern = logs/t-%d{MM-dd-yyyy}.log\nappender.T.policies.time.type = TimeBasedTriggeringPolicy\n' },
    ],
    invalid: [
      {
        name: 'shipped AUDIT_LOGFILE: dated, max 20, no Delete',
        code: 'appender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.fileName = ${sys:carbon.home}/repository/logs/audit.log\nappender.AUDIT_LOGFILE.filePattern = ${sys:carbon.home}/repository/logs/audit-%d{MM-dd-yyyy}-%i.log\nappender.AUDIT_LOGFILE.policies.type = Policies\nappender.AUDIT_LOGFILE.policies.time.type = TimeBasedTriggeringPolicy\nappender.AUDIT_LOGFILE.strategy.type = DefaultRolloverStrategy\nappender.AUDIT_LOGFILE.strategy.max = 20\nappender.AUDIT_LOGFILE.filter.threshold.type = ThresholdFilter\n\n# next\n',
        errors: [{ range: [6, 0, 6, 40], severity: 'info', message: 'strategy.max = 20 only limits rollovers per period' }],
        output: 'appender.AUDIT_LOGFILE.type = RollingFile\nappender.AUDIT_LOGFILE.fileName = ${sys:carbon.home}/repository/logs/audit.log\nappender.AUDIT_LOGFILE.filePattern = ${sys:carbon.home}/repository/logs/audit-%d{MM-dd-yyyy}-%i.log\nappender.AUDIT_LOGFILE.policies.type = Policies\nappender.AUDIT_LOGFILE.policies.time.type = TimeBasedTriggeringPolicy\nappender.AUDIT_LOGFILE.strategy.type = DefaultRolloverStrategy\nappender.AUDIT_LOGFILE.strategy.max = 20\nappender.AUDIT_LOGFILE.filter.threshold.type = ThresholdFilter\nappender.AUDIT_LOGFILE.strategy.action.type = Delete\nappender.AUDIT_LOGFILE.strategy.action.basepath = ${sys:carbon.home}/repository/logs\nappender.AUDIT_LOGFILE.strategy.action.maxdepth = 1\nappender.AUDIT_LOGFILE.strategy.action.condition.type = IfLastModified\nappender.AUDIT_LOGFILE.strategy.action.condition.age = 30D\nappender.AUDIT_LOGFILE.strategy.action.PathConditions.type = IfFileName\nappender.AUDIT_LOGFILE.strategy.action.PathConditions.glob = audit-[0-9]*\n\n# next\n',
      },
      {
        name: 'no strategy at all: one is added for the action',
        code: 'appender.T.type = RollingFile\nappender.T.filePattern = logs/tm-%d{MM-dd-yyyy}.out\nappender.T.policies.time.type = TimeBasedTriggeringPolicy',
        errors: [{ range: [1, 0, 1, 51] }],
        output: 'appender.T.type = RollingFile\nappender.T.filePattern = logs/tm-%d{MM-dd-yyyy}.out\nappender.T.policies.time.type = TimeBasedTriggeringPolicy\nappender.T.strategy.type = DefaultRolloverStrategy\nappender.T.strategy.action.type = Delete\nappender.T.strategy.action.basepath = logs\nappender.T.strategy.action.maxdepth = 1\nappender.T.strategy.action.condition.type = IfLastModified\nappender.T.strategy.action.condition.age = 30D\nappender.T.strategy.action.PathConditions.type = IfFileName\nappender.T.strategy.action.PathConditions.glob = tm-[0-9]*\n',
      },
    ],
  },
  legacy: [logRetentionLog4j1],
});
