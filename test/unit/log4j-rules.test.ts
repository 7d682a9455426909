// log4j2.properties helpers (pattern reading, file-name handling) and what the rules make of the shipped
// files, checked against the research notes (wso2-config-map.md §2.16, §2.17).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { conversions, patternSafety } from '../../shared-rules/rules/util/log4j-pattern';
import { hasDate, hasIndex, indexInsertionPoint, logDirectory, rolledFilesGlob } from '../../shared-rules/rules/util/log4j-files';
import { CORPUS, NO_CORPUS } from '../helpers/shared';

test('pattern conversions: modifiers, %% literals, nested options', () => {
  assert.deepEqual(conversions('%%u [%-5p] %d{HH:mm} %replace{%m{nolookups}}{\n}{|}%n').map((c) => [c.name, c.options]), [
    ['p', []], ['d', ['HH:mm']], ['replace', ['%m{nolookups}', '\n', '|']], ['n', []],
  ]);
  assert.deepEqual(conversions('%enc{%maxLen{%mm}{80}}{CRLF}')[0].options, ['%maxLen{%mm}{80}', 'CRLF']);
  assert.deepEqual(conversions('100% %').map((c) => c.name), []);
});

test('pattern safety: %u anywhere, or every message neutralised', () => {
  const s = (p: string) => patternSafety(p);
  assert.deepEqual(s('TID: [%tenantId] [%d] %5p {%c} - %mm%ex%n'), { uuid: false, rawMessages: 1 });
  assert.equal(s('[%u] %m%n').uuid, true);
  assert.equal(s('%uuid{TIME} %m%n').uuid, true);
  assert.equal(s('%d %replace{%mm}{\n}{|}%xThrowable{separator(|)}%n').rawMessages, 0); // WSO2 charts (properties decode \n)
  assert.equal(s('%d %replace{%msg}{[\\r\\n]+}{ }%n').rawMessages, 0);
  assert.equal(s('%enc{%m}{CRLF} %enc{%message}').rawMessages, 0); // HTML by default
  assert.equal(s('%enc{%m}{XML}').rawMessages, 1);
  assert.equal(s('%replace{%m}{a}{b}').rawMessages, 1);
  assert.equal(s('%maxLen{%m}{100}').rawMessages, 1);
  assert.equal(s('%replace{%d}{\\n}{} %m').rawMessages, 1);
});

test('file names: where %i goes, the log directory, a glob for the rolled files only', () => {
  const ins = (p: string) => p.slice(0, indexInsertionPoint(p)) + '-%i' + p.slice(indexInsertionPoint(p));
  assert.equal(ins('${sys:carbon.home}/repository/logs/wso2carbon-%d{MM-dd-yyyy}.log'), '${sys:carbon.home}/repository/logs/wso2carbon-%d{MM-dd-yyyy}-%i.log');
  assert.equal(ins('logs/tm-%d{MM-dd-yyyy}.out'), 'logs/tm-%d{MM-dd-yyyy}-%i.out');
  assert.equal(ins('logs/audit.log.gz'), 'logs/audit-%i.log.gz');
  assert.equal(ins('logs/x-%d{yyyy.MM.dd}'), 'logs/x-%d{yyyy.MM.dd}-%i');
  assert.equal(hasDate('a-%d{MM}.log') && hasDate('a-%date.log') && !hasDate('a-%i.log'), true);
  assert.equal(hasIndex('a.%i.log') && !hasIndex('a-%d.log'), true);
  assert.equal(logDirectory('${sys:carbon.home}/repository/logs/wso2carbon.log', 'x'), '${sys:carbon.home}/repository/logs');
  assert.equal(logDirectory(undefined, 'logs/a-%d.log'), 'logs');
  assert.equal(rolledFilesGlob('${sys:carbon.home}/repository/logs/wso2carbon-%d{MM-dd-yyyy}-%i.log'), 'wso2carbon-[0-9]*');
  assert.equal(rolledFilesGlob('logs/http_access_%d{yyyy-MM-dd}.log'), 'http_access_[0-9]*');
  assert.equal(rolledFilesGlob('logs/%d{yyyy}.log'), undefined); // would match other files
  assert.equal(rolledFilesGlob('logs/${ctx:app}-%d.log'), undefined);
});

// Appender ids with findings of a rule in a corpus file.
function flagged(rel: string, rule: string): string[] {
  const file = path.join(CORPUS, rel);
  return lintText(file, fs.readFileSync(file, 'utf8')).findings.filter((f) => f.ruleId === rule).map((f) => /^(\S+)/.exec(f.message.replace(/^The /, ''))![1]).sort();
}

test('rotation: the shipped size-rolled appenders without %i, as the research lists them', { skip: NO_CORPUS }, () => {
  // CARBON_LOGFILE: APIM 3.2 (= 4.0), IS 5.10 and MI lack %i; APIM 4.2+ and IS 5.11+ have it.
  const carbon = (rel: string) => flagged(rel, 'log-rotation').includes('CARBON_LOGFILE');
  assert.ok(carbon('apim-3.2.0/log4j2.properties') && carbon('is-5.10.0/log4j2.properties') && carbon('mi-4.3.0/log4j2.properties'));
  assert.ok(!carbon('apim-4.2.0/log4j2.properties') && !carbon('apim-4.6.0/all-in-one-apim/log4j2.properties') && !carbon('is-7.2.0/log4j2.properties'));
  // AUDIT_LOGFILE: no %i in APIM 3.2–4.6 and MI; IS 5.11+ has .%i.
  const audit = (rel: string) => flagged(rel, 'log-rotation').includes('AUDIT_LOGFILE');
  for (const rel of ['apim-3.2.0', 'apim-4.2.0', 'apim-4.4.0', 'apim-4.6.0/all-in-one-apim', 'mi-1.2.0', 'mi-4.2.0', 'mi-4.3.0']) assert.ok(audit(`${rel}/log4j2.properties`), rel);
  for (const rel of ['is-5.11.0', 'is-6.1.0', 'is-7.0.0', 'is-7.2.0', 'helm-apim-main/all-in-one']) assert.ok(!audit(`${rel}/log4j2.properties`), rel);
  // Container charts: the console-only appenders need nothing.
  assert.deepEqual(flagged('kubernetes-is-master/log4j2.properties', 'log-rotation'), []);
  assert.deepEqual(flagged('kubernetes-is-master/log4j2.properties', 'log-retention'), []);
});

test('retention: only helm-apim\'s CARBON_LOGFILE has a Delete action; %i-only appenders are bounded', { skip: NO_CORPUS }, () => {
  const helm = flagged('helm-apim-main/all-in-one/log4j2.properties', 'log-retention');
  assert.ok(!helm.includes('CARBON_LOGFILE') && helm.includes('AUDIT_LOGFILE'));
  assert.ok(!flagged('apim-4.6.0/all-in-one-apim/log4j2.properties', 'log-retention').includes('SERVICE_APPENDER')); // wso2-apigw-service-%i.log, max 10
});

test('log forging: the shipped audit patterns lack %u; the charts neutralise newlines', { skip: NO_CORPUS }, () => {
  for (const rel of ['apim-3.2.0', 'apim-4.6.0/all-in-one-apim', 'is-5.10.0', 'is-7.2.0', 'mi-4.3.0']) {
    assert.ok(flagged(`${rel}/log4j2.properties`, 'log-forging').includes('AUDIT_LOGFILE'), rel);
  }
  for (const rel of ['kubernetes-is-master', 'helm-mi-main/mi']) assert.deepEqual(flagged(`${rel}/log4j2.properties`, 'log-forging'), [], rel);
  assert.ok(!flagged('helm-apim-main/all-in-one/log4j2.properties', 'log-forging').includes('AUDIT_CONSOLE'));
});
