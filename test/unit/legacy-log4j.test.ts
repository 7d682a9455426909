// log4j 1.x (Carbon 4.4 `log4j.properties`): G20 rotation/retention and G21 log forging on the shipped files
// vendored in test/fixtures/legacy/ (research table: shared/research/legacy-carbon.md §5 G20, G21).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { applyEdits } from '../../shared-rules/engine/text';

const ROOT = path.resolve(__dirname, '../fixtures/legacy');
const lint = (rel: string) => lintText(path.join(ROOT, rel), fs.readFileSync(path.join(ROOT, rel), 'utf8')).findings;
const G = new Set(['G20', 'G21']);

function counts(rel: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of lint(rel)) if (f.guidelineId && G.has(f.guidelineId)) out[f.ruleId] = (out[f.ruleId] ?? 0) + 1;
  return out;
}
const at = (rel: string, ruleId: string) => lint(rel).filter((f) => f.ruleId === ruleId).map((f) => `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.character}`);

test('API-M 2.6.0 log4j.properties: daily appenders kept forever, a FileAppender on the root logger, no %K', () => {
  const rel = 'apim-2.6.0/repository/conf/log4j.properties';
  assert.deepEqual(counts(rel), { 'log-retention': 5, 'log-forging': 2, 'log-rotation': 1 });
  // TRACE_APPENDER, CARBON_LOGFILE, AUDIT_LOGFILE, CARBON_TRACE_LOGFILE, EVENT_TRACE_APPENDER (all used by a logger)
  assert.deepEqual(at(rel, 'log-retention'), ['83:30-71', '96:30-100', '166:29-70', '196:36-77', '211:36-77']);
  assert.deepEqual(at(rel, 'log-rotation'), ['108:29-58']); // ERROR_LOGFILE=org.apache.log4j.FileAppender
  assert.deepEqual(at(rel, 'log-forging'), ['103:55-100', '170:54-75']);
  const sev = lint(rel).filter((f) => f.ruleId === 'log-forging').map((f) => f.severity);
  assert.deepEqual(sev, ['info', 'warning']); // the carbon log is information, the audit log a warning
});

test('every log4j 1.x home: audit log and carbon log without %K; daily rolling never deletes', () => {
  const expected: Record<string, Record<string, number>> = {
    'apim-2.1.0/repository/conf/log4j.properties': { 'log-retention': 5, 'log-forging': 2, 'log-rotation': 1 },
    'is-5.3.0/repository/conf/log4j.properties': { 'log-retention': 3, 'log-forging': 2 },
    'is-5.7.0/repository/conf/log4j.properties': { 'log-retention': 3, 'log-forging': 2 },
    'is-5.8.0/repository/conf/log4j.properties': { 'log-retention': 3, 'log-forging': 2 },
    'ei-6.1.1/conf/log4j.properties': { 'log-retention': 3, 'log-forging': 2, 'log-rotation': 1 },
    'ei-6.1.1/wso2/analytics/conf/log4j.properties': { 'log-retention': 4, 'log-forging': 2 },
    'ei-6.5.0/conf/log4j.properties': { 'log-retention': 4, 'log-forging': 2 },
    'esb-5.0.0/repository/conf/log4j.properties': { 'log-retention': 3, 'log-forging': 2, 'log-rotation': 1 },
  };
  for (const [rel, c] of Object.entries(expected)) assert.deepEqual(counts(rel), c, rel);
  assert.deepEqual(at('esb-5.0.0/repository/conf/log4j.properties', 'log-forging'), ['125:55-100', '174:54-75']);
});

test('the quick fixes: [%K] on a tenant-aware pattern, RollingFileAppender for log4j\'s own daily appender only', () => {
  const rel = 'apim-2.6.0/repository/conf/log4j.properties';
  const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
  const found = lint(rel);
  const forging = found.filter((f) => f.ruleId === 'log-forging');
  assert.ok(forging.every((f) => f.fix?.safe));
  const fixed = applyEdits(text, forging.flatMap((f) => f.fix!.edits));
  assert.match(fixed, /AUDIT_LOGFILE\.layout\.ConversionPattern=\[%K\] \[%d\] %P%5p - %x %m %n/);
  assert.equal(lintText(path.join(ROOT, rel), fixed).findings.filter((f) => f.ruleId === 'log-forging').length, 0);
  const retention = found.filter((f) => f.ruleId === 'log-retention');
  // CarbonDailyRollingFileAppender (CARBON_LOGFILE) gets no automatic class switch; log4j's own appenders do, for review.
  assert.deepEqual(retention.map((f) => f.fix === undefined ? 'none' : f.fix.safe ? 'safe' : 'review'), ['review', 'none', 'review', 'review', 'review']);
});

test('a log4j.properties outside a Carbon home is not read as log4j 1.x', () => {
  const text = 'log4j.rootLogger=INFO, F\nlog4j.appender.F=org.apache.log4j.FileAppender\n';
  assert.equal(lintText('/srv/app/log4j.properties', text).findings.filter((f) => f.ruleId === 'log-rotation').length, 0);
  assert.equal(lintText('/opt/wso2esb-5.0.0/repository/conf/log4j.properties', text).findings.filter((f) => f.ruleId === 'log-rotation').length, 1);
});
