// The startup-script rule helpers: which flags the JVM really gets (JAVA_OPTS / JVM_MEM_OPTS expanded in
// place, the last -D wins), the related information of an override, value splitting, version guards —
// and what they make of the shipped scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { parseShell } from '../../shared-rules/parsers/shell/parse';
import { launchFlags } from '../../shared-rules/rules/util/jvm-flags';
import { productLaunches, sysProp, sysProps } from '../../shared-rules/rules/util/jvm';
import { splitValue } from '../../shared-rules/rules/util/shell-values';
import { underJavaVersionTest } from '../../shared-rules/rules/util/script-guards';
import { CORPUS, NO_CORPUS, corpusFiles } from '../helpers/shared';

const SCRIPT = [
  '#!/bin/sh',
  'JAVA_OPTS="$JAVA_OPTS -Dhttpclient.hostnameVerifier=Strict"',
  'if [ -z "$JVM_MEM_OPTS" ]; then',
  '   JVM_MEM_OPTS="-Xms256m -Xmx1024m"',
  '   if [ "$java_version" \\< "1.8" ]; then',
  '      JVM_MEM_OPTS="$JVM_MEM_OPTS -XX:MaxPermSize=256m"',
  '   fi',
  'fi',
  'while [ "$status" = "$START_EXIT_STATUS" ]',
  'do',
  '    $JAVACMD \\',
  '    $JVM_MEM_OPTS \\',
  '    $JAVA_OPTS \\',
  '    -classpath "$CARBON_CLASSPATH" \\',
  '    -Dhttpclient.hostnameVerifier=AllowAll \\',
  '    org.wso2.carbon.bootstrap.Bootstrap $* -Dignored=after-main',
  'done',
  '',
].join('\n');

test('launch flags: variables expanded where they stand, program arguments and the classpath left out', () => {
  const d = parseShell(SCRIPT, 'wso2server.sh');
  const { flags, uses } = launchFlags(d, productLaunches(d)[0]);
  assert.deepEqual(flags.map((f) => [f.word.text, f.via.join('>')]), [
    ['-Xms256m', 'JVM_MEM_OPTS'],
    ['-Xmx1024m', 'JVM_MEM_OPTS'],
    ['-XX:MaxPermSize=256m', 'JVM_MEM_OPTS'],
    ['-Dhttpclient.hostnameVerifier=Strict', 'JAVA_OPTS'],
    ['-classpath', ''],
    ['-Dhttpclient.hostnameVerifier=AllowAll', ''],
  ]);
  assert.deepEqual(uses.map((u) => [u.name, u.index]), [['JVM_MEM_OPTS', 0], ['JAVA_OPTS', 3]]);
  const strict = flags[3].word;
  assert.equal(SCRIPT.slice(strict.span.start, strict.span.end), '-Dhttpclient.hostnameVerifier=Strict');
  const launch = productLaunches(d)[0];
  assert.equal(sysProps(d, launch, 'httpclient.hostnameVerifier').length, 2);
  assert.equal(sysProp(d, launch, 'httpclient.hostnameVerifier')?.value, 'AllowAll'); // the later one wins
});

test('an override finding points at the JAVA_OPTS flag it defeats', () => {
  const f = lintText('wso2server.sh', SCRIPT).findings.find((x) => x.ruleId === 'jvm-hostname-verification')!;
  assert.equal(f.severity, 'error');
  assert.match(f.message, /overrides the Strict set in JAVA_OPTS \(line 2\)/);
  assert.equal(f.related?.length, 1);
  assert.equal(f.related![0].range.start.line, 1);
  assert.match(f.related![0].message, /Overridden: -Dhttpclient\.hostnameVerifier=AllowAll on the java command \(line 15\) comes later/);
});

test('version guards: the shipped `if [ "$java_version" \\< "1.8" ]` branch, not an unrelated if', () => {
  assert.equal(underJavaVersionTest(SCRIPT, SCRIPT.indexOf('-XX:MaxPermSize'), 'sh'), true);
  assert.equal(underJavaVersionTest(SCRIPT, SCRIPT.indexOf('-Xms256m'), 'sh'), false); // under `if [ -z "$JVM_MEM_OPTS" ]` only
  const closed = 'if [ "$java_version" \\< "1.8" ]; then\n  X=1\nfi\nJVM_MEM_OPTS="-XX:PermSize=1m"\n';
  assert.equal(underJavaVersionTest(closed, closed.indexOf('-XX:PermSize'), 'sh'), false);
  assert.equal(lintText('wso2server.sh', SCRIPT).findings.filter((f) => f.ruleId === 'obsolete-jvm-flags').length, 0);
});

test('sh values split as an unquoted expansion would be: quotes removed at assignment, blanks split', () => {
  const text = `OPTS="$OPTS -Da=1  -Db='x y'" X='-Dc="q" -Dd' Y=-De\\ f`;
  const d = parseShell(text);
  const words = (name: string) => splitValue(text, d.assignments.find((a) => a.name === name)!, 'sh').map((w) => [w.text, w.raw]);
  assert.deepEqual(words('OPTS'), [['$OPTS', '$OPTS'], ['-Da=1', '-Da=1'], ["-Db='x", "-Db='x"], ["y'", "y'"]]);
  assert.deepEqual(words('X'), [['-Dc="q"', '-Dc="q"'], ['-Dd', '-Dd']]); // the quotes around both belong to neither
  assert.deepEqual(words('Y'), [['-De', '-De'], ['f', 'f']]); // an escaped blank is still split when $Y is expanded
});

const scripts = corpusFiles().filter((f) => f.endsWith('.sh') && !f.endsWith('docker-entrypoint.sh'));

test('shipped scripts: heap from JVM_MEM_OPTS, PermGen only under the version test, verifier as the research says', { skip: NO_CORPUS }, () => {
  assert.ok(scripts.length >= 15);
  for (const rel of scripts) {
    const text = fs.readFileSync(path.join(CORPUS, rel), 'utf8');
    const d = parseShell(text, rel);
    const launch = productLaunches(d)[0];
    const flags = launchFlags(d, launch).flags.map((f) => f.word.text);
    assert.ok(flags.includes('-Xmx1024m'), rel);
    const ids = lintText(path.join(CORPUS, rel), text).findings.map((f) => `${f.ruleId}/${f.severity}`);
    assert.ok(!ids.some((i) => i.startsWith('obsolete-jvm-flags') || i.startsWith('jvm-heap-settings')), `${rel}: ${ids}`);
    assert.ok(ids.includes('dh-key-size/warning') && ids.includes('client-renegotiation/warning'), rel);
    const verifier = sysProp(d, launch, 'httpclient.hostnameVerifier')?.value;
    if (/^(apim|helm-apim)/.test(rel)) assert.equal(verifier, 'AllowAll', rel);
    else if (rel.startsWith('carbon-kernel')) assert.equal(verifier, 'DefaultAndLocalhost', rel);
    else assert.equal(verifier, undefined, rel); // Micro Integrator
  }
});
