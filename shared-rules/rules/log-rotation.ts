import { logRotationLog4j1 } from './legacy/log4j1';
import { defineRule, type Fix } from '../engine/rule';
import type { OffsetEdit } from '../engine/text';
import { activeAppenders, appendProperties, isFileAppender, isRollingAppender, plainValue, triggeringPolicies, type Appender } from './util/log4j';
import { hasDate, hasIndex, indexInsertionPoint } from './util/log4j-files';

/** The edit that adds `-%i` to the filePattern, when its source text can be edited 1:1. */
function addIndex(text: string, a: Appender): OffsetEdit | undefined {
  const fp = a.prop('filePattern');
  if (!fp || !plainValue(text, fp)) return undefined;
  const at = fp.valueSpan.start + indexInsertionPoint(fp.value);
  return { start: at, end: at, newText: '-%i' };
}

/** No time/size/cron policy: daily rollover when the pattern has a date, else 10 MB with an index. */
function addPolicy(text: string, a: Appender, pattern: string): Fix | undefined {
  const lines = a.prop('policies.type') ? [] : ['policies.type = Policies'];
  const edits: OffsetEdit[] = [];
  if (hasDate(pattern)) lines.push('policies.time.type = TimeBasedTriggeringPolicy', 'policies.time.interval = 1');
  else {
    lines.push('policies.size.type = SizeBasedTriggeringPolicy', 'policies.size.size = 10MB');
    if (!hasIndex(pattern)) {
      const e = addIndex(text, a);
      if (!e) return undefined;
      edits.push(e);
    }
  }
  edits.push(appendProperties(text, a, lines));
  return { title: hasDate(pattern) ? 'Roll over daily (TimeBasedTriggeringPolicy)' : 'Roll over at 10 MB (SizeBasedTriggeringPolicy)', edits, safe: false };
}

export default defineRule({
  meta: {
    id: 'log-rotation',
    title: 'Log file not rotated, or rollovers overwrite each other',
    guideline: 'Enable log rotation and monitoring',
    guidelineId: 'G20',
    severity: 'warning',
    kind: 'properties',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Checks every active file appender (listed in `appenders =` or referenced by a logger; console-only setups need nothing): a plain `File` appender is never rotated; a `RollingFile` needs a time, size or cron triggering policy; and with a size-based policy the `filePattern` needs `%i`, otherwise a second rollover in the same period (or every rollover, without a date) overwrites the previous file.',
      why: 'The guideline asks for a log rotation scheme. A log that is never rotated grows until the disk is full; a size-based rollover without `%i` silently destroys log history — API-M 3.2/4.0 `wso2carbon.log`, Identity Server 5.10, Micro Integrator and most `audit.log` configurations (API-M 3.2–4.6, MI) ship this way, so a busy day keeps only the last 10 MB.',
      example: {
        bad: 'appender.AUDIT_LOGFILE.filePattern = ${sys:carbon.home}/repository/logs/audit-%d{MM-dd-yyyy}.log\nappender.AUDIT_LOGFILE.policies.size.type = SizeBasedTriggeringPolicy',
        good: 'appender.AUDIT_LOGFILE.filePattern = ${sys:carbon.home}/repository/logs/audit-%d{MM-dd-yyyy}-%i.log\nappender.AUDIT_LOGFILE.policies.size.type = SizeBasedTriggeringPolicy',
      },
      fix: 'Adding `%i` is a safe quick fix: it puts `-%i` before the file extension, so each rollover gets its own file and `strategy.max` bounds them per period (nothing more is deleted than before). A missing policy gets a reviewable fix: daily rollover when the pattern has a date, else a 10 MB size policy (with `%i`) — with the default `strategy.max` of 7 that keeps 7 files, so review the values. A plain `File` appender has no quick fix: change it to `RollingFile` with a `filePattern` and a policy.',
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    const { text } = ctx;
    for (const a of activeAppenders(ctx.model.doc)) {
      if (!isFileAppender(a) || !a.type) continue;
      if (!isRollingAppender(a)) {
        ctx.report({
          span: a.type.valueSpan,
          message: `${a.id} is a ${a.type.value.trim()} appender: its file is never rotated and grows until the disk is full. Use a RollingFile appender with a time or size policy.`,
        });
        continue;
      }
      const fp = a.prop('filePattern');
      const policies = triggeringPolicies(a);
      if (policies.length === 0) {
        ctx.report({
          span: a.type.valueSpan,
          message: `${a.id} has no triggering policy (time, size or cron), so it never rolls over${fp ? '' : ' (and a RollingFile needs a filePattern)'}.`,
          fix: fp ? addPolicy(text, a, fp.value) : undefined,
        });
        continue;
      }
      const sized = policies.some((p) => /^SizeBased/i.test(p));
      if (!sized || !fp || hasIndex(fp.value)) continue;
      const edit = addIndex(text, a);
      ctx.report({
        span: fp.valueSpan,
        message: hasDate(fp.value)
          ? `${a.id} rolls over by size but its filePattern has no %i: a second rollover on the same ${/%d(ate)?\{[^}]*[Hh]/.test(fp.value) ? 'hour' : 'day'} overwrites the first, losing log history. Add %i.`
          : `${a.id} rolls over by size but its filePattern has no %i: every rollover overwrites the previous file. Add %i.`,
        fix: edit && { title: 'Add -%i to the filePattern', edits: [edit], safe: true, preferred: true },
      });
    }
  },
  cases: {
    valid: [
      {
        name: "another project's log4j2.properties (HBase): complete, and nothing in it names a product",
        fileName: '/opt/hbase-2.5.8/conf/log4j2.properties',
        code: 'status = warn\nappender.DRFA.type = RollingFile\nappender.DRFA.name = DRFA\nappender.DRFA.fileName = ${sys:hbase.log.dir:-.}/${sys:hbase.log.file:-hbase.log}\nappender.DRFA.filePattern = ${sys:hbase.log.dir:-.}/${sys:hbase.log.file:-hbase.log}.%d{yyyy-MM-dd}\nappender.DRFA.policies.type = Policies\nappender.DRFA.policies.time.type = TimeBasedTriggeringPolicy\nappender.DRFA.policies.size.type = SizeBasedTriggeringPolicy\nappender.DRFA.policies.size.size = 256MB\nrootLogger = ${sys:hbase.root.logger:-INFO,console}\nlogger.zookeeper.name = org.apache.zookeeper\nlogger.zookeeper.level = INFO\n',
      },
      {
        name: 'API-M 4.2+ CARBON_LOGFILE',
        code: 'appenders = CARBON_LOGFILE\nappender.CARBON_LOGFILE.type = RollingFile\nappender.CARBON_LOGFILE.fileName = ${sys:carbon.home}/repository/logs/wso2carbon.log\nappender.CARBON_LOGFILE.filePattern = ${sys:carbon.home}/repository/logs/wso2carbon-%d{MM-dd-yyyy}-%i.log\nappender.CARBON_LOGFILE.policies.type = Policies\nappender.CARBON_LOGFILE.policies.time.type = TimeBasedTriggeringPolicy\nappender.CARBON_LOGFILE.policies.size.type = SizeBasedTriggeringPolicy\nappender.CARBON_LOGFILE.policies.size.size = 10MB\n',
      },
      { name: 'time-based only needs no %i', code: 'appender.TM.type = RollingFile\nappender.TM.filePattern = logs/tm-%d{MM-dd-yyyy}.out\nappender.TM.policies.type = Policies\nappender.TM.policies.time.type = TimeBasedTriggeringPolicy\n' },
      { name: 'console only (container charts)', code: 'appenders = CARBON_CONSOLE\nappender.CARBON_CONSOLE.type = Console\nappender.CARBON_LOGFILE.type = File\n' },
      { name: 'a single policy.type', code: 'appender.R.type = RollingFile\nappender.R.filePattern = r-%i.log\nappender.R.policy.type = SizeBasedTriggeringPolicy\n' },
    ],
    invalid: [
      {
        name: 'the same complete file under a product home is the product\'s (a variant name kept beside the real one)',
        fileName: '/opt/wso2am-4.2.0/repository/conf/log4j2WithoutLocalAppenders.properties',
        code: 'appender.R.type = RollingFile\nappender.R.filePattern = logs/r.%d{yyyy-MM-dd}\nappender.R.policies.type = Policies\nappender.R.policies.size.type = SizeBasedTriggeringPolicy\nrootLogger.level = INFO\nlogger.zk.name = org.apache.zookeeper\n',
        errors: [{ range: [1, 25, 1, 46], message: 'overwrites' }],
        output: 'appender.R.type = RollingFile\nappender.R.filePattern = logs/r.%d{yyyy-MM-dd}-%i\nappender.R.policies.type = Policies\nappender.R.policies.size.type = SizeBasedTriggeringPolicy\nrootLogger.level = INFO\nlogger.zk.name = org.apache.zookeeper\n',
      },
      {
        name: 'size policy, dated pattern without %i (API-M 3.2 wso2carbon.log)',
        code: 'appender.CARBON_LOGFILE.type = RollingFile\nappender.CARBON_LOGFILE.filePattern = ${sys:carbon.home}/repository/logs/wso2carbon-%d{MM-dd-yyyy}.log\nappender.CARBON_LOGFILE.policies.type = Policies\nappender.CARBON_LOGFILE.policies.time.type = TimeBasedTriggeringPolicy\nappender.CARBON_LOGFILE.policies.size.type = SizeBasedTriggeringPolicy\n',
        errors: [{ range: [1, 38, 1, 102], message: 'a second rollover on the same day overwrites the first' }],
        output: 'appender.CARBON_LOGFILE.type = RollingFile\nappender.CARBON_LOGFILE.filePattern = ${sys:carbon.home}/repository/logs/wso2carbon-%d{MM-dd-yyyy}-%i.log\nappender.CARBON_LOGFILE.policies.type = Policies\nappender.CARBON_LOGFILE.policies.time.type = TimeBasedTriggeringPolicy\nappender.CARBON_LOGFILE.policies.size.type = SizeBasedTriggeringPolicy\n',
      },
      {
        name: 'size only, no date, compressed',
        code: 'appender.S.type = RollingFile\nappender.S.filePattern = logs/service.log.gz\nappender.S.policies.type = Policies\nappender.S.policies.size.type = SizeBasedTriggeringPolicy\n',
        errors: [{ range: [1, 25, 1, 44], message: 'every rollover overwrites the previous file' }],
        output: 'appender.S.type = RollingFile\nappender.S.filePattern = logs/service-%i.log.gz\nappender.S.policies.type = Policies\nappender.S.policies.size.type = SizeBasedTriggeringPolicy\n',
      },
      {
        name: 'a plain File appender',
        code: 'appenders = AUDIT\nappender.AUDIT.type = File\nappender.AUDIT.fileName = logs/audit.log\n',
        errors: [{ range: [1, 22, 1, 26], message: 'never rotated' }],
      },
      {
        name: 'RollingFile without a policy (no trailing newline)',
        code: 'appender.R.type = RollingFile\nappender.R.fileName = logs/r.log\nappender.R.filePattern = logs/r-%d{yyyy-MM-dd}.log',
        errors: [{ range: [0, 18, 0, 29], message: 'no triggering policy' }],
        output: 'appender.R.type = RollingFile\nappender.R.fileName = logs/r.log\nappender.R.filePattern = logs/r-%d{yyyy-MM-dd}.log\nappender.R.policies.type = Policies\nappender.R.policies.time.type = TimeBasedTriggeringPolicy\nappender.R.policies.time.interval = 1\n',
      },
    ],
  },
  legacy: [logRotationLog4j1],
});
