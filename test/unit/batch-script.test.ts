// Windows startup scripts: the batch parser (same ShellDocument model as sh), file classification, the
// flags CMD_LINE_ARGS puts on the java command, and the script rules and their fixes on .bat files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Span } from '../../shared-rules/engine/text';
import { classify, mayClassify } from '../../shared-rules/engine/files';
import { lintText } from '../../shared-rules/engine/lint';
import { fixText } from '../../shared-rules/engine/fixes';
import { parseShell } from '../../shared-rules/parsers/shell/parse';
import type { ShellDocument } from '../../shared-rules/parsers/shell/model';
import { launchFlags } from '../../shared-rules/rules/util/jvm-flags';
import { productLaunches } from '../../shared-rules/rules/util/jvm';
import { APIM_BAT, KERNEL_BAT, MI_BAT } from './batch-script-fixtures';

const at = (text: string, s: Span): string => text.slice(s.start, s.end);
const flagsOf = (d: ShellDocument) => launchFlags(d, productLaunches(d)[0]).flags;

function assertSpans(d: ShellDocument): void {
  for (const l of d.launches) {
    for (const w of [l.command, ...l.args]) assert.equal(at(d.text, w.span), w.raw);
    assert.ok(l.span.start <= l.command.span.start && l.span.end <= d.text.length);
  }
  for (const a of d.assignments) assert.ok(a.span.start <= a.valueSpan.start && a.valueSpan.end <= a.span.end);
  for (const c of d.comments) assert.ok(c.span.end <= d.text.length && !at(d.text, c.span).includes('\n'));
}

test('classification: .bat twins by name, renamed .bat/.cmd by their Bootstrap class', () => {
  for (const n of ['wso2server.bat', 'api-manager.bat', 'micro-integrator.bat', 'api-cp.bat', 'gateway.bat', 'key-manager.bat', 'traffic-manager.bat']) {
    assert.equal(classify(`C:/wso2/bin/${n}`), 'shell', n);
  }
  assert.equal(classify('start-mware.cmd', KERNEL_BAT), 'shell');
  assert.equal(classify('setenv.bat', '@echo off\r\nset X=1\r\n'), undefined);
  assert.equal(mayClassify('start-mware.bat'), true);
  assert.equal(parseShell('@echo off', 'bin/wso2server.bat').isProductScript, true);
  assert.equal(parseShell('@echo off', 'bin/setenv.bat').isProductScript, false);
});

test('kernel wso2server.bat: model, launches, assignments, comments', () => {
  const d = parseShell(KERNEL_BAT, 'wso2server.bat');
  assertSpans(d);
  assert.equal(d.dialect, 'batch');
  assert.equal(d.isProductScript, true);
  assert.equal(d.bootstrapClass, 'org.wso2.carbon.bootstrap.Bootstrap');
  // `"%JAVA_HOME%\bin\java" -version 2>&1 | findstr …` and the real launch.
  assert.equal(d.launches.length, 2);
  const l = productLaunches(d)[0];
  assert.equal(l.command.text, '%JAVA_HOME%\\bin\\java');
  assert.equal(l.command.raw, '"%JAVA_HOME%\\bin\\java"');
  assert.deepEqual(l.args.map((a) => a.text), ['%CMD_LINE_ARGS%', 'org.wso2.carbon.bootstrap.Bootstrap', '%CMD%']);
  assert.equal(l.mainClass?.text, 'org.wso2.carbon.bootstrap.Bootstrap');
  assert.equal(l.lines.length, 1);
  // `if "…"=="" set X=…` is an assignment; `set CMD=RUN %*`; CARBON_HOME from the if-prefixed set.
  const names = d.assignments.map((a) => a.name);
  assert.deepEqual(names.slice(0, 3), ['CARBON_HOME', 'curDrive', 'CARBON_CLASSPATH']);
  assert.ok(names.includes('CMD_LINE_ARGS') && names.includes('JAVA_OPTS') && names.includes('CMD'));
  const cmd = d.assignments.find((a) => a.name === 'CMD_LINE_ARGS')!;
  assert.ok(cmd.value.startsWith('-Xbootclasspath/a:%CARBON_XBOOTCLASSPATH% -Xms256m'));
  assert.ok(cmd.value.endsWith('-Dorg.wso2.ignoreHostnameVerification=true'));
  assert.ok(d.comments.some((c) => c.text.includes('Licensed under the Apache License')));
  assert.ok(d.comments.some((c) => at(d.text, c.span) === ':runJava'));
});

test('CMD_LINE_ARGS becomes the launch flags: quotes dropped as the java launcher does, spans in the set line', () => {
  const d = parseShell(KERNEL_BAT, 'wso2server.bat');
  const flags = flagsOf(d);
  const texts = flags.map((f) => f.word.text);
  assert.ok(texts.includes('-Xmx1024m'));
  assert.ok(texts.includes('-Dcarbon.home=%CARBON_HOME%'));
  assert.ok(texts.includes('-Dcom.atomikos.icatch.hide_init_file_path=true'));
  assert.ok(!texts.some((t) => t.includes('CARBON_CLASSPATH')), 'the classpath is not a flag');
  const home = flags.find((f) => f.word.text.startsWith('-Dcarbon.home='))!;
  assert.equal(home.word.raw, '-Dcarbon.home="%CARBON_HOME%"');
  assert.deepEqual(home.via, ['CMD_LINE_ARGS']);
  // The debug branch's JAVA_OPTS assignment comes in where %JAVA_OPTS% stands in CMD_LINE_ARGS.
  const debug = flags.findIndex((f) => f.word.text === '-Xdebug');
  assert.deepEqual(flags[debug].via, ['CMD_LINE_ARGS', 'JAVA_OPTS']);
  assert.ok(debug > texts.indexOf('-Dcom.sun.management.jmxremote') && debug < texts.indexOf('-Dcarbon.registry.root=/'));
});

test('API-M api-manager.bat: CMD_LINE_ARGS built over many lines, in order', () => {
  const d = parseShell(APIM_BAT, 'api-manager.bat');
  assertSpans(d);
  const texts = flagsOf(d).map((f) => f.word.text);
  const first = texts.indexOf('-Xms256m');
  const strict = texts.indexOf('-Dhttpclient.hostnameVerifier=Strict'); // from JAVA_OPTS
  const shipped = texts.indexOf('-Dhttpclient.hostnameVerifier=DefaultAndLocalhost');
  assert.ok(first >= 0 && first < strict && strict < shipped, texts.join(' '));
  assert.equal(texts.filter((t) => t === '-Xms256m').length, 1, 'a value reached through `X=%X% …` chains counts once');
  // `for /f … do set "JAVA_VERSION=%%j%%k"` (quoted form) and the guarded JAVA_VER_BASED_OPTS are assignments.
  const jv = d.assignments.find((a) => a.name === 'JAVA_VERSION')!;
  assert.equal(jv.value, '%%j%%k');
  assert.equal(d.assignments.filter((a) => a.name === 'JAVA_VER_BASED_OPTS').length, 2);
});

test('micro-integrator.bat: ^ continuations, ( … ) blocks, set /p is not an assignment', () => {
  const d = parseShell(MI_BAT, 'micro-integrator.bat');
  assertSpans(d);
  assert.equal(d.bootstrapClass, 'org.wso2.micro.integrator.bootstrap.Bootstrap');
  assert.ok(!d.assignments.some((a) => a.name === 'processId'));
  assert.deepEqual(d.assignments.filter((a) => a.name.startsWith('profile')).map((a) => [a.name, a.value]), [
    ['profileSet', 'false'], ['profileSet', 'true'], ['profile', '-Dprofile=micro-integrator-default'],
  ]);
  const cmd = d.assignments.find((a) => a.name === 'CMD_LINE_ARGS')!;
  assert.ok(!cmd.value.includes('^') && !cmd.value.includes('\n'), 'continuations are removed from the value');
  const flags = flagsOf(d);
  const reneg = flags.find((f) => f.word.text === '-Djdk.tls.rejectClientInitiatedRenegotiation=true')!;
  assert.equal(at(d.text, reneg.word.span), '-Djdk.tls.rejectClientInitiatedRenegotiation=true');
  assert.ok(flags.some((f) => f.word.text === '-Dprofile=micro-integrator-default'));
  assert.ok(flags.some((f) => f.word.text === '-Dorg.apache.activemq.SERIALIZABLE_PACKAGES=*'));
});

test('a launch continued with ^ gets an inserted flag on its own ^ line', () => {
  const text = '@echo off\r\n"%JAVA_HOME%\\bin\\java" ^\r\n    %CMD_LINE_ARGS% ^\r\n    org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n';
  const d = parseShell(text, 'wso2server.bat');
  assert.equal(d.launches[0].lines.length, 3);
  assert.equal(text[d.launches[0].lines[0].continuation!], '^');
  const f = lintText('wso2server.bat', text).findings.find((x) => x.ruleId === 'dh-key-size')!;
  assert.equal(f.fix!.edits[0].newText, '    -Djdk.tls.ephemeralDHKeySize=2048 ^\r\n');
});

const findings = (name: string, text: string) => lintText(`C:/wso2/bin/${name}`, text).findings.filter((f) => f.guideline);

test('kernel wso2server.bat: what the script rules report', () => {
  const got = findings('wso2server.bat', KERNEL_BAT).map((f) => `${f.ruleId} ${f.severity}`);
  assert.deepEqual(got, [
    'obsolete-jvm-flags warning', // unguarded -XX:MaxPermSize in CMD_LINE_ARGS
    'jvm-hostname-verification error', // -Dorg.wso2.ignoreHostnameVerification=true, same line
    'client-renegotiation warning',
    'dh-key-size warning',
    'jvm-hostname-verification warning', // no -Dhttpclient.hostnameVerifier at all
  ]);
});

test('api-manager.bat: the shipped DefaultAndLocalhost overrides the Strict an operator put in JAVA_OPTS', () => {
  const hv = findings('api-manager.bat', APIM_BAT).filter((f) => f.ruleId === 'jvm-hostname-verification');
  assert.equal(hv.length, 2);
  const verifier = hv.find((f) => f.message.includes('DefaultAndLocalhost'))!;
  assert.match(verifier.message, /overrides the Strict set in JAVA_OPTS \(line \d+\): for the same property the later flag wins/);
  assert.equal(verifier.related?.length, 1);
  const javaOptsLine = APIM_BAT.split('\r\n').findIndex((l) => l.startsWith('set JAVA_OPTS=%JAVA_OPTS%'));
  assert.equal(verifier.related![0].range.start.line, javaOptsLine);
  // DH 2048 only in JAVA_OPTS, nothing overrides it: counts as set. The guarded MaxPermSize is not reported.
  const ids = findings('api-manager.bat', APIM_BAT).map((f) => f.ruleId);
  assert.ok(!ids.includes('dh-key-size') && !ids.includes('obsolete-jvm-flags'));
});

test('micro-integrator.bat: missing heap, DH and verifier; renegotiation set in CMD_LINE_ARGS', () => {
  const got = findings('micro-integrator.bat', MI_BAT).map((f) => `${f.ruleId} ${f.severity}`).sort();
  assert.deepEqual(got, ['dh-key-size warning', 'jvm-heap-settings info', 'jvm-hostname-verification warning']);
});

for (const [name, text] of [['wso2server.bat', KERNEL_BAT], ['api-manager.bat', APIM_BAT], ['micro-integrator.bat', MI_BAT]] as const) {
  test(`${name}: all fixes apply, keep CRLF, leave nothing fixable, and are idempotent`, () => {
    const file = `C:/wso2/bin/${name}`;
    const fixed = fixText(file, text, { safeOnly: false });
    assert.ok(fixed.applied > 0);
    assert.ok(!/[^\r]\n/.test(fixed.output), 'no bare LF introduced');
    assert.deepEqual(lintText(file, fixed.output).findings.filter((f) => f.fix).map((f) => f.ruleId), []);
    assert.equal(fixText(file, fixed.output, { safeOnly: false }).applied, 0);
    const d = parseShell(fixed.output, name);
    const flags = flagsOf(d).map((f) => f.word.text);
    assert.ok(flags.includes('-Djdk.tls.ephemeralDHKeySize=2048'));
    assert.ok(flags.includes('-Djdk.tls.rejectClientInitiatedRenegotiation=true'));
    assert.equal(flags.filter((t) => t.startsWith('-Dhttpclient.hostnameVerifier=')).pop(), '-Dhttpclient.hostnameVerifier=Strict');
    assert.ok(!flags.some((t) => /MaxPermSize/.test(t)) || name === 'api-manager.bat');
  });
}

test('hostile batch input: deep blocks, unterminated quotes, carets at EOF never throw', () => {
  for (const t of ['('.repeat(5000), '"'.repeat(3) + '\r\n^', 'set "X=1', 'set =1\r\nset X', 'if', 'for %%a in (', '^', 'java ^\r\n^\r\n', ')))) & | >']) {
    const d = parseShell(t, 'x.bat');
    assertSpans(d);
  }
  const many = 'set A=%A% -Dx=1\r\n'.repeat(3000) + '"%JAVA_HOME%\\bin\\java" %A% org.wso2.carbon.bootstrap.Bootstrap\r\n';
  const d = parseShell(many, 'wso2server.bat');
  assert.equal(flagsOf(d).length, 3000);
});

test('branches a plain start does not take: --debug/stop arms, if defined, sections only their gotos reach', () => {
  const text = [
    '@echo off',
    ':setupArgs',
    'if ""%1""=="""" goto doneStart',
    'if ""%1""==""--debug"" goto commandDebug',
    'if /i "%1" EQU "stop" goto stopServer',
    'shift',
    'goto setupArgs',
    ':commandDebug',
    'set JAVA_OPTS=-Xdebug',
    'goto findJdk',
    ':stopServer',
    'set STOPPING=true',
    'goto end',
    ':doneStart',
    'if "%1"=="--debug" (',
    '  set A=debug',
    ') else (',
    '  set B=plain',
    ')',
    'if defined DEV_MODE set C=dev',
    'if not defined DEV_MODE set D=prod',
    'if not "%PROFILE%"=="" (set E=opt-in) & set F=always',
    'if "%X%"=="" call :helper',
    ':findJdk',
    'set G=runs',
    '"%JAVA_HOME%\\bin\\java" %JAVA_OPTS% org.wso2.carbon.bootstrap.Bootstrap %*',
    'goto end',
    ':helper',
    'set H=called',
    'goto :eof',
    ':end',
  ].join('\r\n');
  const d = parseShell(text, 'wso2server.bat');
  const off = Object.fromEntries(d.assignments.map((a) => [a.name, a.offPath ?? null]));
  assert.deepEqual(off, {
    JAVA_OPTS: ':commandDebug',
    STOPPING: ':stopServer',
    A: '"%1"=="--debug"',
    B: null,
    C: 'defined DEV_MODE',
    D: null,
    E: 'not "%PROFILE%"==""',
    F: null,
    G: null,
    H: null,
  });
  // A goto whose target is not there (or computed): sections are not judged, only the if arms are.
  const unsure = parseShell(text.replace('goto doneStart', 'goto %NEXT%'), 'wso2server.bat');
  assert.equal(unsure.assignments.find((a) => a.name === 'JAVA_OPTS')!.offPath, undefined);
  assert.equal(unsure.assignments.find((a) => a.name === 'A')!.offPath, '"%1"=="--debug"');
});
