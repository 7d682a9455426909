// What the fuzzer found, minimised, so it stays found: the fixed ones pass, the open ones are todo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../shared-rules/engine/text';
import { lintText } from '../../shared-rules/engine/lint';
import { fixText } from '../../shared-rules/engine/fixes';
import { boundMs } from '../../scripts/fuzz/oracle';

const TOML = '/ws/wso2am-4.2.0/repository/conf/deployment.toml';
const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};

test('shell: many java launches on one long line are linear (was quadratic: 112 KB took 6.6 s)', () => {
  const text = 'java -cp x org.wso2.carbon.bootstrap.Bootstrap;'.repeat(8000); // ~380 KB, one line
  const [, ms] = timed(() => lintText('/ws/wso2am-4.2.0/bin/api-manager.sh', text));
  assert.ok(ms < boundMs(text.length), `${ms.toFixed(0)} ms`);
});

test('shell: a JAVA_OPTS value of thousands of quoted words is linear (was quadratic: 197 KB took 1.1 s)', () => {
  // Each word brought its own pair of removed quotes, and each word's span was balanced against every quote.
  const seg = Array.from({ length: 32_000 }, (_, i) => (i % 2 ? `"-Dp${i}=v "` : `'-Dq${i}=w '`)).join(''); // ~400 KB
  const text = `#!/bin/sh\nJAVA_OPTS=${seg}\n"$JAVA_HOME/bin/java" $JAVA_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n`;
  const [r, ms] = timed(() => lintText('/ws/wso2am-4.2.0/bin/api-manager.sh', text));
  assert.ok(ms < boundMs(text.length), `${ms.toFixed(0)} ms for ${text.length} bytes`);
  assert.ok(r.findings.some((f) => f.ruleId === 'dh-key-size'), 'the launch command is still understood');
});

test('TOML: an unquoted value is not quoted back in the syntax error (it is often a password)', () => {
  const r = lintText(TOML, '[super_admin]\npassword = Zq9-LEAKCANARY-1\n');
  const syntax = r.findings.filter((f) => f.ruleId === 'toml-syntax');
  assert.equal(syntax.length, 1);
  assert.ok(!syntax[0].message.includes('LEAKCANARY'), syntax[0].message);
});

test('TOML and properties: a megabyte of broken lines gives at most 1,001 file-level problems, not a million', () => {
  for (const [name, unit] of [[TOML, '[\n'], [TOML, '=\n'], ['/ws/conf/log4j2.properties', 'a = \\u\n']]) {
    const text = unit.repeat(Math.ceil((1 << 20) / unit.length));
    const [r, ms] = timed(() => lintText(name, text));
    const problems = r.findings.filter((f) => f.guideline === null);
    assert.ok(problems.length <= 1001, `${JSON.stringify(unit)}: ${problems.length} problems`);
    assert.match(problems[problems.length - 1].message, /More than 1000 problems/);
    assert.ok(ms < boundMs(text.length), `${JSON.stringify(unit)}: ${ms.toFixed(0)} ms`);
  }
});

test('TOML: a new [section] goes above [secrets] in a lone-CR file, not above the root keys (fixes then parse no worse)', () => {
  // Was: the insertion point looked for LF only, so the new section landed at the top of the file and the root
  // key below it changed table; the next pass added the key again — a duplicate the product rejects.
  const text = 'password="password"\r[secrets]\r[[server.get_request_processor]]    # hidden property';
  const name = '/ws/wso2mi-4.3.0/conf/deployment.toml';
  const problems = (t: string) => lintText(name, t).findings.filter((f) => f.guideline === null).length;
  const r = fixText(name, text, { safeOnly: false });
  assert.ok(r.passes < 100);
  assert.ok(problems(r.output) <= problems(text), JSON.stringify(lintText(name, r.output).findings.filter((f) => f.guideline === null).map((f) => f.message)));
});

test('secrets-table-last: its fix keeps a BOM at the start of the file', () => {
  const text = '\ufeff[secrets]\na = "[x]"\n[b]\nc = 1\n';
  const r = fixText(TOML, text);
  assert.ok(r.output.startsWith('\ufeff') && !r.output.slice(1).includes('\ufeff'), JSON.stringify(r.output));
});

test('secrets-table-last: its safe fix converges on a file with lone-CR line breaks', () => {
  const text = '[secrets]\ra = "[x]"\r[b]\rc = 1\r';
  const r = fixText(TOML, text);
  assert.ok(r.passes < 100, `${r.passes} passes, ${r.output.length - text.length} characters added`);
  assert.equal(fixText(TOML, r.output).applied, 0, 'a second --fix changes nothing');
});

test('log-retention: its fix removes the finding in a lone-CR file whose last line ends with a backslash', () => {
  const base = fs.readFileSync(path.join(__dirname, '../../examples/wso2mi-4.3.0/conf/log4j2.properties'), 'utf8');
  const text = base.replace(/\r?\n/g, '\r').replace(/\r*$/, '') + '\rx = a\\';
  const name = '/ws/wso2mi-4.3.0/conf/log4j2.properties';
  const f = lintText(name, text).findings.find((g) => g.ruleId === 'log-retention' && g.fix);
  assert.ok(f, 'the example has a log-retention finding with a fix');
  const after = lintText(name, applyEdits(text, f.fix!.edits)).findings;
  assert.ok(!after.some((g) => g.ruleId === 'log-retention' && g.message === f.message), 'the finding is still there');
});
