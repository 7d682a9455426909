// Another project's log4j2.properties stays quiet (no finding, no fix); the product's variants are read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../shared-rules/engine/lint';
import { classify } from '../../shared-rules/engine/files';
import { isForeignLog4j } from '../../shared-rules/engine/foreign';

// Shaped like a Spring Boot application's src/main/resources/log4j2.properties (written for this test).
const SPRING = [
  'status = warn', 'name = app',
  'appender.file.type = File', 'appender.file.name = LOGFILE', 'appender.file.fileName = logs/app.log',
  'appender.file.layout.type = PatternLayout', 'appender.file.layout.pattern = %d %p %c{1.} [%t] %m%n',
  'rootLogger.level = info', 'rootLogger.appenderRef.file.ref = LOGFILE',
  'logger.spring.name = org.springframework', 'logger.spring.level = warn', '',
].join('\n');

test('a Spring Boot log4j2.properties: no findings and so nothing for --fix to apply', () => {
  assert.equal(isForeignLog4j(SPRING), true);
  const r = lintText('/home/dev/shop/src/main/resources/log4j2.properties', SPRING);
  assert.equal(r.kind, 'properties');
  assert.deepEqual(r.findings.map((f) => f.ruleId), []);
});

test('the same file is checked when a product word, the product path or the product setting says it is ours', () => {
  const carbon = SPRING.replace('logs/app.log', '${sys:carbon.home}/repository/logs/app.log');
  assert.equal(isForeignLog4j(carbon), false);
  assert.ok(lintText('/home/dev/shop/log4j2.properties', carbon).findings.length > 0);
  assert.ok(lintText('/opt/wso2is-7.0.0/repository/conf/log4j2.properties', SPRING).findings.length > 0);
  assert.ok(lintText('/home/dev/shop/log4j2.properties', SPRING, { settings: undefined, kind: 'properties' }).findings.length === 0);
});

test('a snippet (no root logger, no named logger) is still judged: it may be a piece of a product file', () => {
  assert.equal(isForeignLog4j('appender.S.type = RollingFile\nappender.S.filePattern = logs/s.log.gz\n'), false);
});

test('log4j2*.properties variants are read', () => {
  for (const n of ['log4j2WithoutLocalAppenders.properties', 'log4j2-tm.properties', 'log4j2.properties', 'LOG4J2_backup.properties']) {
    assert.equal(classify(`/opt/wso2am-4.5.0/repository/conf/${n}`), 'properties', n);
  }
  assert.equal(classify('/opt/x/log4j.properties'), undefined);
});
