// The pipeline options: --max-warnings, --quiet, --rule/--ignore-rule, --product, --config (and the nearest
// .carbonlint.json), --output, colours for terminals only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, layout, rm } from './cli-helpers';

// A log4j2.properties with one warning (AUDIT pattern) and one info (CARBON pattern) finding, nothing else.
const LOG4J = [
  'appenders = CARBON_LOGFILE, AUDIT_LOGFILE',
  'appender.CARBON_LOGFILE.type = RollingFile',
  'appender.CARBON_LOGFILE.name = CARBON_LOGFILE',
  'appender.CARBON_LOGFILE.fileName = carbon.log',
  'appender.CARBON_LOGFILE.filePattern = carbon-%d{MM-dd-yyyy}.log',
  'appender.CARBON_LOGFILE.layout.type = PatternLayout',
  'appender.CARBON_LOGFILE.layout.pattern = TID: [%tenantId] [%d] %5p {%c} - %m%ex%n',
  'appender.CARBON_LOGFILE.policies.type = Policies',
  'appender.CARBON_LOGFILE.policies.time.type = TimeBasedTriggeringPolicy',
  'appender.CARBON_LOGFILE.policies.time.interval = 1',
  'appender.CARBON_LOGFILE.strategy.type = DefaultRolloverStrategy',
  'appender.CARBON_LOGFILE.strategy.max = 20',
  'appender.AUDIT_LOGFILE.type = RollingFile',
  'appender.AUDIT_LOGFILE.name = AUDIT_LOGFILE',
  'appender.AUDIT_LOGFILE.fileName = audit.log',
  'appender.AUDIT_LOGFILE.filePattern = audit-%d{MM-dd-yyyy}.log',
  'appender.AUDIT_LOGFILE.layout.type = PatternLayout',
  'appender.AUDIT_LOGFILE.layout.pattern = TID: [%tenantId] [%d] %5p {%c} - %m%ex%n',
  'appender.AUDIT_LOGFILE.policies.type = Policies',
  'appender.AUDIT_LOGFILE.policies.time.type = TimeBasedTriggeringPolicy',
  'appender.AUDIT_LOGFILE.policies.time.interval = 1',
  'appender.AUDIT_LOGFILE.strategy.type = DefaultRolloverStrategy',
  'appender.AUDIT_LOGFILE.strategy.max = 20',
  '',
].join('\n');
const ADMIN = '[super_admin]\nusername = "admin"\npassword = "admin"\ncreate_admin_account = true\n';

type Row = { rule: string; severity: string; file: string };
const json = (args: string[], cwd: string) => JSON.parse(run([...args, '--format', 'json'], { cwd }).stdout) as Row[];

test('--max-warnings and --quiet decide the exit code; --rule/--ignore-rule select rules', () => {
  const dir = layout({ 'wso2am-4.2.0/repository/conf/log4j2.properties': LOG4J });
  try {
    const all = json(['.'], dir).filter((r) => r.rule === 'log-forging');
    assert.deepEqual(all.map((r) => r.severity).sort(), ['info', 'warning']);
    const warnings = json(['.'], dir).filter((r) => r.severity === 'warning').length;
    assert.equal(run(['.'], { cwd: dir }).status, 0, 'warnings alone pass');
    assert.equal(run(['.', '--max-warnings', String(warnings)], { cwd: dir }).status, 0);
    const over = run(['.', '--max-warnings', String(warnings - 1)], { cwd: dir });
    assert.equal(over.status, 1);
    assert.match(over.stdout, /Too many warnings/);
    assert.deepEqual(json(['.', '--quiet'], dir), [], '--quiet shows errors only');
    assert.equal(run(['.', '--quiet', '--max-warnings', '0'], { cwd: dir }).status, 0);
    assert.deepEqual([...new Set(json(['.', '--rule', 'log-forging'], dir).map((r) => r.rule))], ['log-forging']);
    assert.ok(!json(['.', '--ignore-rule', 'log-forging'], dir).some((r) => r.rule === 'log-forging'));
  } finally {
    rm(dir);
  }
});

test('--config and the nearest .carbonlint.json set rule levels; --product and exclude apply', () => {
  const dir = layout({ 'prod/deployment.toml': ADMIN, 'prod/legacy/deployment.toml': ADMIN, 'prod/context.xml': '<Context>\n  <Manager pathname=""/>\n</Context>\n' });
  try {
    const rules = (rows: Row[]) => rows.filter((r) => r.rule === 'default-admin-credentials');
    assert.ok(rules(json(['prod'], dir)).some((r) => r.severity === 'error'));
    fs.writeFileSync(path.join(dir, 'quiet.json'), JSON.stringify({ rules: { 'default-admin-credentials': 'off' } }));
    assert.deepEqual(rules(json(['prod', '--config', 'quiet.json'], dir)), []);
    fs.writeFileSync(path.join(dir, 'prod/.carbonlint.json'), JSON.stringify({ rules: { 'default-admin-credentials': 'info' }, exclude: ['legacy/'] }));
    const nearest = rules(json(['prod'], dir));
    assert.ok(nearest.length > 0 && nearest.every((r) => r.severity === 'info' && !r.file.includes('legacy')), JSON.stringify(nearest));
    // short-session-id is for API-M and IS: naming the product as Micro Integrator turns it off.
    assert.ok(json(['prod'], dir).some((r) => r.rule === 'short-session-id'));
    assert.ok(!json(['prod', '--product', 'mi-4.3.0'], dir).some((r) => r.rule === 'short-session-id'));
  } finally {
    rm(dir);
  }
});

test('--output writes the report to a file (folders created), stdout stays empty', () => {
  const dir = layout({ 'deployment.toml': ADMIN });
  try {
    const r = run(['.', '--format', 'sarif', '--output', 'reports/carbonlint.sarif'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'reports/carbonlint.sarif'), 'utf8')).version, '2.1.0');
  } finally {
    rm(dir);
  }
});

test('colours: none in a pipe or with NO_COLOR; FORCE_COLOR forces them', () => {
  const dir = layout({ 'deployment.toml': ADMIN });
  try {
    const esc = /\u001b\[\d+m/;
    assert.ok(!esc.test(run(['.'], { cwd: dir }).stdout));
    assert.ok(esc.test(run(['.'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout));
    assert.ok(!esc.test(run(['.'], { cwd: dir, env: { FORCE_COLOR: '0' } }).stdout));
    assert.ok(!esc.test(run(['.'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout));
    assert.ok(!esc.test(run(['.', '--format', 'json'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout), 'json never coloured');
    assert.equal(run(['.'], { cwd: dir }).stderr, '', 'no progress line in a pipe');
  } finally {
    rm(dir);
  }
});
