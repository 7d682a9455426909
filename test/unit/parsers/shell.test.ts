import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertLinear } from '../../helpers/linear';
import type { Span } from '../../../shared-rules/engine/text';
import type { ShellDocument } from '../../../shared-rules/parsers/shell/model';
import { parseShell } from '../../../shared-rules/parsers/shell/parse';

const at = (text: string, s: Span): string => text.slice(s.start, s.end);
const argTexts = (d: ShellDocument, i = 0) => d.launches[i].args.map((a) => a.text);
const assigned = (d: ShellDocument) => d.assignments.map((a) => [a.name, a.value, at(d.text, a.valueSpan), a.exported]);

const LAUNCH = [
  'while [ "$status" = "$START_EXIT_STATUS" ]',
  'do',
  '    $JAVACMD \\',
  '    -Xbootclasspath/a:"$CARBON_XBOOTCLASSPATH" \\',
  '    $JVM_MEM_OPTS \\',
  '    -classpath "$CARBON_CLASSPATH" \\',
  '    -Dconf.location="$CARBON_HOME/repository/conf"\\',
  '    -Dhttpclient.hostnameVerifier="DefaultAndLocalhost" \\',
  '    org.wso2.carbon.bootstrap.Bootstrap $*',
  '    status=$?',
  'done',
  '',
].join('\n');

test('Carbon launch block: args in order, quote removal, raw kept, mainClass, span', () => {
  const d = parseShell(LAUNCH);
  assert.equal(d.launches.length, 1);
  const l = d.launches[0];
  assert.equal(l.command.text, '$JAVACMD');
  assert.deepEqual(argTexts(d), [
    '-Xbootclasspath/a:$CARBON_XBOOTCLASSPATH',
    '$JVM_MEM_OPTS',
    '-classpath',
    '$CARBON_CLASSPATH',
    '-Dconf.location=$CARBON_HOME/repository/conf',
    '-Dhttpclient.hostnameVerifier=DefaultAndLocalhost',
    'org.wso2.carbon.bootstrap.Bootstrap',
    '$*',
  ]);
  const hv = l.args[5];
  assert.equal(hv.raw, '-Dhttpclient.hostnameVerifier="DefaultAndLocalhost"');
  assert.equal(at(LAUNCH, hv.span), hv.raw);
  assert.equal(l.mainClass?.text, 'org.wso2.carbon.bootstrap.Bootstrap');
  assert.equal(at(LAUNCH, l.span), LAUNCH.slice(LAUNCH.indexOf('$JAVACMD'), LAUNCH.indexOf(' $*') + 3));
  assert.equal(d.bootstrapClass, 'org.wso2.carbon.bootstrap.Bootstrap');
  assert.equal(d.isProductScript, true);
});

test('launch lines: start, indent and continuation backslash of each physical line', () => {
  const l = parseShell(LAUNCH).launches[0];
  assert.equal(l.lines.length, 7);
  for (const [i, line] of l.lines.entries()) {
    assert.equal(line.indent, '    ');
    assert.equal(LAUNCH[line.start - 1], '\n');
    if (i < 6) {
      assert.equal(LAUNCH[line.continuation!], '\\');
      assert.equal(LAUNCH[line.continuation! + 1], '\n');
    } else assert.equal(line.continuation, undefined);
  }
  assert.equal(LAUNCH.slice(l.lines[4].start, l.lines[4].continuation! + 1), '    -Dconf.location="$CARBON_HOME/repository/conf"\\');
});

test('java launcher forms', () => {
  const forms = [
    '$JAVACMD -Da=1 x.Y',
    '"$JAVACMD" -Da=1 x.Y',
    '${JAVACMD} -Da=1 x.Y',
    '$JAVA_HOME/bin/java -Da=1 x.Y',
    '"$JAVA_HOME/bin/java" -Da=1 x.Y',
    '"$JAVA_HOME"/bin/java -Da=1 x.Y',
    'java -Da=1 x.Y',
    '/usr/bin/java -Da=1 x.Y',
    'exec $JAVACMD -Da=1 x.Y',
    'if true; then java -Da=1 x.Y; fi',
    'for i in 1; do $JAVACMD -Da=1 x.Y; done',
    'true; java -Da=1 x.Y',
    'true && java -Da=1 x.Y',
    'nohup $JAVACMD -Da=1 x.Y &',
    'JAVA_OPTS=-X java -Da=1 x.Y',
    'f() { java -Da=1 x.Y; }',
  ];
  for (const src of forms) {
    const d = parseShell(src);
    assert.equal(d.launches.length, 1, src);
    assert.deepEqual(argTexts(d), ['-Da=1', 'x.Y'], src);
    assert.equal(d.launches[0].mainClass?.text, 'x.Y', src);
  }
  assert.equal(parseShell('exec $JAVACMD x.Y').launches[0].span.start, 0); // the span includes the prefix
});

test('redirections and a trailing & are not arguments', () => {
  const text = 'nohup "$JAVACMD" -Dx=1 a.B arg > "$CARBON_HOME/repository/logs/out.log" 2>&1 &\necho done';
  const d = parseShell(text);
  assert.deepEqual(argTexts(d), ['-Dx=1', 'a.B', 'arg']);
  assert.equal(at(text, d.launches[0].span), text.slice(0, text.indexOf(' &\n')));
  const d2 = parseShell('java -Dy=2 a.B 2>/dev/null >>log <in &>all');
  assert.deepEqual(argTexts(d2), ['-Dy=2', 'a.B']);
});

test('not launches: substitutions, other commands, lookups, re-invoking the script', () => {
  const text = [
    'java_version=$("$JAVACMD" -version 2>&1 | awk -F \'"\' \'/version/ {print $2}\')',
    'v=`java -version`',
    'echo java',
    'nohup sh "$CARBON_HOME"/bin/api-manager.sh $args > /dev/null 2>&1 &',
    'command -v java',
    'if [ ! -x "$JAVACMD" ] ; then exit 1; fi',
    'JAVACMD="exec "$JAVACMD""',
    "echo 'java -version'",
  ].join('\n');
  assert.equal(parseShell(text).launches.length, 0);
});

test('mainClass: skips options, option values, $VAR-only words; none after -jar', () => {
  const main = (src: string) => parseShell(src).launches[0].mainClass?.text;
  assert.equal(main('java -cp lib/Foo.jar -classpath x.Y $OPTS "$MORE" ${X} app.Main arg.Z'), 'app.Main');
  assert.equal(main('java -jar app.jar com.x.Y'), undefined);
  assert.equal(main('java --add-opens java.base/java.lang=ALL-UNNAMED config.properties a.b.C'), 'a.b.C');
  assert.equal(main('java -version'), undefined);
});

test('words: quotes, escapes, continuation inside a word, $(…), `…`, ${…} kept as written', () => {
  const text = `java a'b c'"d \\"e\\" $x \\q" f\\ g h\\\ni $(echo ") x") \`pwd\` \${x:-"}"} $'t\\tu'`;
  const d = parseShell(text);
  assert.deepEqual(argTexts(d), ['ab cd "e" $x \\q', 'f g', 'hi', '$(echo ") x")', '`pwd`', '${x:-"}"}', 't\tu']);
  const [, , hi] = d.launches[0].args;
  assert.equal(hi.raw, 'h\\\ni');
  assert.equal(d.launches[0].lines.length, 2);
  assert.equal(text[d.launches[0].lines[0].continuation!], '\\');
});

test('comments: only at word start, never in quotes, $#, ${#x} or mid-word', () => {
  const text = '#!/bin/sh\n# one\necho "a # b" \'c # d\' $# ${#x} e#f # two\n  # three';
  const d = parseShell(text);
  assert.deepEqual(
    d.comments.map((c) => [c.text, at(text, c.span)]),
    [
      ['!/bin/sh', '#!/bin/sh'],
      [' one', '# one'],
      [' two', '# two'],
      [' three', '# three'],
    ],
  );
});

test('assignments: plain, export, self-appending, in if/while/case bodies and after then/do/;', () => {
  const text = [
    'A=1',
    'export B="x y"',
    'JAVA_OPTS="$JAVA_OPTS -Dx=y"',
    'if [ -z "$C" ]; then C=3; fi',
    'while false; do D=4; done',
    'case "$1" in',
    '  start) E=5;;',
    '  *) F=6',
    '     ;;',
    'esac',
    '[ -n "$G" ] && G=`cd x; pwd`',
    'true; H=8 I=9 cmd',
    'export J=10 K',
    'local L=11',
    'arr=("a b" c)',
    'M+=more',
    '"N"=no',
  ].join('\n');
  assert.deepEqual(assigned(parseShell(text)), [
    ['A', '1', '1', false],
    ['B', 'x y', '"x y"', true],
    ['JAVA_OPTS', '$JAVA_OPTS -Dx=y', '"$JAVA_OPTS -Dx=y"', false],
    ['C', '3', '3', false],
    ['D', '4', '4', false],
    ['E', '5', '5', false],
    ['F', '6', '6', false],
    ['G', '`cd x; pwd`', '`cd x; pwd`', false],
    ['H', '8', '8', false],
    ['I', '9', '9', false],
    ['J', '10', '10', true],
    ['L', '11', '11', false],
    ['arr', '("a b" c)', '("a b" c)', false],
    ['M', 'more', 'more', false],
  ]);
  const d = parseShell('export X=1');
  assert.equal(at(d.text, d.assignments[0].span), 'X=1');
});

test('here-document bodies are neither commands nor comments', () => {
  const text = "cat <<'EOF' > f\njava -Dx=1 a.B\n# not a comment\nEOF\ncat <<-END\n\tX=1\n\tEND\njava c.D";
  const d = parseShell(text);
  assert.equal(d.launches.length, 1);
  assert.equal(d.launches[0].mainClass?.text, 'c.D');
  assert.deepEqual(d.comments, []);
  assert.deepEqual(d.assignments, []);
});

test('arithmetic (( … )) is not a here-document', () => {
  const d = parseShell('(( x = 1 << 2 ))\njava a.B');
  assert.equal(d.launches.length, 1);
});

test('product detection: Bootstrap class in text, or a known script name', () => {
  assert.equal(parseShell('echo hi', '/x/bin/wso2server.sh').isProductScript, true);
  assert.equal(parseShell('echo hi', 'C:\\wso2\\bin\\micro-integrator.sh').isProductScript, true);
  for (const name of ['api-manager.sh', 'api-cp.sh', 'gateway.sh', 'key-manager.sh', 'traffic-manager.sh']) {
    assert.equal(parseShell('', name).isProductScript, true, name);
  }
  const entry = parseShell('sh "${WSO2_SERVER_HOME}/bin/api-manager.sh" "$@" &', 'docker-entrypoint.sh');
  assert.equal(entry.isProductScript, false);
  assert.equal(entry.bootstrapClass, undefined);
  const mi = parseShell('# org.wso2.carbon.bootstrap.Bootstrap\n$JAVACMD org.wso2.micro.integrator.bootstrap.Bootstrap', 'copy.sh');
  assert.equal(mi.isProductScript, true);
  assert.equal(mi.bootstrapClass, 'org.wso2.micro.integrator.bootstrap.Bootstrap'); // the launched one wins
  assert.equal(parseShell('X=org.wso2.carbon.bootstrap.Bootstrap').bootstrapClass, 'org.wso2.carbon.bootstrap.Bootstrap');
});

test('CRLF line endings and a leading BOM', () => {
  const text = '\uFEFF#!/bin/sh\r\nA="1"\r\n    $JAVACMD \\\r\n    -Dx="y" \\\r\n    a.b.C $*\r\n';
  const d = parseShell(text);
  assert.deepEqual(assigned(d), [['A', '1', '"1"', false]]);
  assert.equal(d.comments[0].text, '!/bin/sh');
  const l = d.launches[0];
  assert.deepEqual(argTexts(d), ['-Dx=y', 'a.b.C', '$*']);
  assert.equal(l.lines.length, 3);
  assert.equal(text[l.lines[0].continuation!], '\\');
  assert.equal(text.slice(l.lines[0].continuation!, l.lines[0].continuation! + 3), '\\\r\n');
  assert.equal(l.lines[2].continuation, undefined);
});

function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function assertSpans(d: ShellDocument): void {
  const n = d.text.length;
  const check = (s: Span): void => assert.ok(0 <= s.start && s.start <= s.end && s.end <= n, JSON.stringify(d.text.slice(0, 80)));
  d.comments.forEach((c) => check(c.span));
  for (const a of d.assignments) [a.span, a.valueSpan].forEach(check);
  for (const l of d.launches) {
    check(l.span);
    [l.command, ...l.args].forEach((w) => check(w.span));
    for (const line of l.lines) {
      assert.ok(line.start >= 0 && line.start <= n);
      if (line.continuation !== undefined) assert.equal(d.text[line.continuation], '\\');
    }
  }
}

test('never throws on random shell-ish text and random code units; spans stay inside', () => {
  const r = rng(3);
  const pieces = ['java', '$JAVACMD', ' ', '\\', '\n', '\r\n', '"', "'", '`', '$(', '${', ')', '}', '(', '#', ';', '&', '|', '>', '<<', 'EOF', '=', 'A', '-D', 'a.B', '\0', '\uDC00'];
  for (let i = 0; i < 5000; i++) {
    let s = '';
    const len = Math.floor(r() * 50);
    for (let j = 0; j < len; j++) s += pieces[Math.floor(r() * pieces.length)];
    assertSpans(parseShell(s, 'x.sh'));
  }
  for (let i = 0; i < 200; i++) {
    let s = '';
    for (let j = 0; j < 300; j++) s += String.fromCharCode(Math.floor(r() * 0x10000));
    assertSpans(parseShell(s));
  }
});

test('deep nesting and 10 MB inputs: no recursion limit, linear time', () => {
  const shapes: Array<(k: number) => string> = [
    (k) => 'echo ' + '$('.repeat(200_000 * k),
    (k) => 'echo "' + '${'.repeat(200_000 * k),
    (k) => '$JAVACMD \\\n' + '    -Dfoo.bar="$CARBON_HOME/x" \\\n'.repeat(30_000 * k) + '    a.b.C',
    (k) => "echo '" + 'x'.repeat(1_000_000 * k),
    (k) => 'cat <<EOF\n' + 'line\n'.repeat(200_000 * k),
    (k) => '\\\n'.repeat(300_000 * k),
  ];
  shapes.forEach((make, i) => assertLinear(`shape ${i}`, make, (text) => assertSpans(parseShell(text)), 1));
});
