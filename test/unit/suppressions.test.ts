// Inline suppressions in the engine: every directive form in every comment syntax, what a "line" covers,
// reasons, unused suppressions and their fixes. A synthetic rule (a finding on every "BAD") keeps these tests
// independent of the real rules' details; the real rules are used where the registry matters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, type LintFinding } from '../../shared-rules/engine/lint';
import { fixText } from '../../shared-rules/engine/fixes';
import { defineRule, type FileKind, type Rule } from '../../shared-rules/engine/rule';
import { UNUSED_SUPPRESSION } from '../../shared-rules/engine/suppressions';
import { resolveSettings } from '../../shared-rules/engine/settings';

function badRule(kind: FileKind, id = 'test-bad'): Rule {
  return defineRule({
    meta: {
      id, title: 'BAD', guideline: 'No BAD', guidelineId: 'G00', severity: 'warning', kind, products: ['apim', 'is', 'mi'],
      docs: { what: '', why: '', example: { bad: '', good: '' }, fix: '', fixSafety: 'none' },
    },
    check(ctx) {
      for (const m of ctx.text.matchAll(/BAD/g)) ctx.report({ span: { start: m.index!, end: m.index! + 3 }, message: 'BAD here' });
    },
    cases: { valid: [], invalid: [] },
  }) as Rule;
}

const FILES: Record<FileKind, string> = { toml: 'deployment.toml', properties: 'log4j2.properties', xml: 'context.xml', shell: 'wso2server.sh', nginx: 'nginx.conf', ingress: 'ingress.yaml', dockerfile: 'Dockerfile', compose: 'docker-compose.yml', systemd: 'wso2am.service', pod: 'deployment.yaml' };

function lint(kind: FileKind, text: string, extra: Rule[] = [], fileName = FILES[kind]) {
  const r = lintText(`/p/wso2am-4.2.0/${fileName}`, text, { rules: [badRule(kind), ...extra], kind });
  const at = (fs: readonly LintFinding[], id = 'test-bad') => fs.filter((f) => f.ruleId === id).map((f) => f.range.start.line);
  return { r, lines: at(r.findings), unused: r.findings.filter((f) => f.ruleId === UNUSED_SUPPRESSION), suppressedLines: at(r.suppressed ?? []) };
}

test('TOML: next line, this line, regions and the whole file', () => {
  const { lines, suppressedLines, unused } = lint('toml', [
    'a = "BAD"', //                                                   0 reported
    '# carbonlint-disable-next-line test-bad -- lab only', //          1
    'b = "BAD"', //                                                   2 suppressed
    'c = "BAD" # carbonlint-disable-line test-bad', //                 3 suppressed
    '# carbonlint-disable test-bad', //                               4
    'd = "BAD"', //                                                   5 suppressed
    'e = ["x", "BAD"]', //                                            6 suppressed
    '# carbonlint-enable test-bad', //                                7
    'f = "BAD"', //                                                   8 reported
    '',
  ].join('\n'));
  assert.deepEqual(lines, [0, 8]);
  assert.deepEqual(suppressedLines, [2, 3, 5, 6]);
  assert.deepEqual(unused, []);
  const file = lint('toml', '# carbonlint-disable-file\na = "BAD"\nb = "BAD"\n');
  assert.deepEqual(file.lines, []);
  assert.deepEqual(file.suppressedLines, [1, 2]);
});

test('a "line" is the whole statement: a multi-line TOML array, a continued value, a tag over several lines', () => {
  const toml = lint('toml', '# carbonlint-disable-next-line test-bad\nciphers = [\n  "ok",\n  "BAD",\n]\nx = "BAD"\n');
  assert.deepEqual(toml.suppressedLines, [3]);
  assert.deepEqual(toml.lines, [5]);
  const props = lint('properties', '! carbonlint-disable-next-line test-bad\nlayout.pattern = %d \\\n  BAD \\\n  # not a comment BAD\nother = BAD\n');
  assert.deepEqual(props.suppressedLines, [2, 3]);
  assert.deepEqual(props.lines, [4]);
  const xml = lint('xml', '<Context>\n  <!-- carbonlint-disable-next-line test-bad: legacy app -->\n  <Manager\n     pathname="BAD"/>\n  <Valve className="BAD"/>\n</Context>\n');
  assert.deepEqual(xml.suppressedLines, [3]);
  assert.deepEqual(xml.lines, [4]);
  assert.equal(xml.r.suppressed![0].suppression.reason, 'legacy app');
  const sh = lint('shell', '#!/bin/sh\n# carbonlint-disable-next-line test-bad\n$JAVACMD \\\n  -DBAD=1 \\\n  -Dx="a # BAD"\necho BAD\n');
  assert.deepEqual(sh.suppressedLines, [3, 4]);
  assert.deepEqual(sh.lines, [5]);
});

test('comment markers only count outside strings and values', () => {
  const toml = lint('toml', 'a = """\n# carbonlint-disable-next-line test-bad\nBAD"""\n');
  assert.deepEqual(toml.lines, [2], 'a # line inside a multi-line string is text, not a comment');
  const sh = lint('shell', 'echo "\n# carbonlint-disable-next-line test-bad\nBAD"\n');
  assert.deepEqual(sh.lines, [2]);
});

test('Windows batch scripts use REM and ::', () => {
  const bat = lint('shell', 'REM carbonlint-disable-next-line test-bad\nset BAD=1\n:: carbonlint-disable-next-line test-bad\n"%JAVA%" ^\n  -DBAD ^\n  Bootstrap\nset BAD=2\n', [], 'wso2server.bat');
  assert.deepEqual(bat.suppressedLines, [1, 4]);
  assert.deepEqual(bat.lines, [6]);
});

test('several rules, a reason after --, and a blanket suppression that leaves parse errors alone', () => {
  const two = lint('toml', '# carbonlint-disable-next-line test-bad, test-other -- both are known\na = "BAD OTHER"\n', [otherRule()]);
  assert.deepEqual(two.r.findings.filter((f) => f.ruleId !== UNUSED_SUPPRESSION), []);
  assert.equal(two.r.suppressed!.length, 2);
  assert.equal(two.r.suppressed![0].suppression.reason, 'both are known');
  const broken = lint('toml', '# carbonlint-disable-file\na = "BAD"\nb = = =\n');
  assert.deepEqual(broken.lines, []);
  assert.ok(broken.r.findings.some((f) => f.ruleId === 'toml-syntax'), 'the syntax error stays');
});

function otherRule(): Rule {
  const r = badRule('toml', 'test-other');
  return { ...r, check: (ctx) => { for (const m of ctx.text.matchAll(/OTHER/g)) ctx.report({ span: { start: m.index!, end: m.index! + 5 }, message: 'OTHER' }); } } as Rule;
}

test('unused suppressions are reported, with a fix that removes them (or only the unused rule)', () => {
  const text = [
    '# carbonlint-disable-next-line test-bad', //                 0 unused: line 1 is clean
    'a = "ok"',
    '# carbonlint-disable-next-line test-bad, test-other', //    2 test-other unused
    'b = "BAD"',
    'c = "x" # carbonlint-disable-line no-such-rule', //         4 unknown rule
    '# carbonlint-enable test-bad', //                            5 no matching disable
    '',
  ].join('\n');
  const { unused } = lint('toml', text, [otherRule()]);
  assert.deepEqual(unused.map((u) => u.range.start.line), [0, 2, 4, 5]);
  assert.match(unused[0].message, /no test-bad finding on the next line/);
  assert.match(unused[1].message, /no test-other finding/);
  assert.match(unused[2].message, /"no-such-rule" is not a CarbonLint rule/);
  assert.match(unused[3].message, /no matching carbonlint-disable/);
  assert.ok(unused.every((u) => u.severity === 'info' && u.fix?.safe));
  assert.deepEqual(unused[1].range, { start: { line: 2, character: 41 }, end: { line: 2, character: 51 } }, 'points at the unused rule');
  const fixed = fixText('/p/wso2am-4.2.0/deployment.toml', text, { rules: [badRule('toml'), otherRule()], kind: 'toml' });
  assert.equal(fixed.output, 'a = "ok"\n# carbonlint-disable-next-line test-bad\nb = "BAD"\nc = "x"\n');
});

test('no unused report for a rule that did not run (switched off), and a level from the settings', () => {
  const text = '# carbonlint-disable-next-line default-admin-credentials\n[super_admin]\nusername = "ops"\n';
  const off = lintText('/p/wso2am-4.2.0/repository/conf/deployment.toml', text, { settings: resolveSettings({ rules: { 'default-admin-credentials': 'off' } }) });
  assert.equal(off.findings.filter((f) => f.ruleId === UNUSED_SUPPRESSION).length, 0);
  const on = lintText('/p/wso2am-4.2.0/repository/conf/deployment.toml', text, { settings: resolveSettings({ rules: { 'unused-suppression': 'hint' } }) });
  const u = on.findings.filter((f) => f.ruleId === UNUSED_SUPPRESSION);
  assert.equal(u.length, 1);
  assert.equal(u[0].severity, 'hint');
  const other = lintText('/p/wso2am-4.2.0/repository/conf/deployment.toml', '# carbonlint-disable-file short-session-id\n[server]\n');
  assert.match(other.findings.find((f) => f.ruleId === UNUSED_SUPPRESSION)!.message, /does not check this kind of file/);
  const silenced = lintText('/p/wso2am-4.2.0/repository/conf/deployment.toml', '# carbonlint-disable-file short-session-id\n', { settings: resolveSettings({ rules: { 'unused-suppression': 'off' } }) });
  assert.equal(silenced.findings.filter((f) => f.ruleId === UNUSED_SUPPRESSION).length, 0);
});

test('a blanket suppression that hides nothing is unused; none of this happens without the marker', () => {
  const clean = lintText('/p/wso2am-4.2.0/repository/conf/deployment.toml', '# carbonlint-disable-next-line\n\n[server]\nhostname = "x"\n');
  assert.deepEqual(clean.findings.filter((f) => f.ruleId === UNUSED_SUPPRESSION).map((f) => f.message), ['Unused suppression: carbonlint-disable-next-line finds nothing to suppress on the next line.']);
  const restricted = lint('toml', '# carbonlint-disable-next-line\na = "ok"\n');
  assert.deepEqual(restricted.unused, [], 'with a restricted rule set a blanket suppression cannot be judged');
  const off = lintText('/p/deployment.toml', '# carbonlint-disable-file\n', { suppressions: false });
  assert.equal(off.findings.length, 0);
});
