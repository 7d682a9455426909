// --fix and fix-all apply every safe fix, also in a file with more findings than maxFindingsPerFile: the cap limits
// what is shown. Capped, the fix passes saw the most severe (unfixable) findings first and stopped with fixable
// ones left — a startup script of 1,500 launch lines was fixed on 500 of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixText } from '../../shared-rules/engine/fixes';
import { lintText } from '../../shared-rules/engine/lint';
import { resolveSettings } from '../../shared-rules/engine/settings';

const FILE = '/nonexistent/carbonlint-test/wso2am-4.2.0/bin/wso2server.sh';
const LAUNCH = (i: number) => `"$JAVA_HOME/bin/java" $JAVA_OPTS -Xms256m -Dnode=${i} -Djava.io.tmpdir="$CARBON_HOME/tmp" org.wso2.carbon.bootstrap.Bootstrap $*\n`;
const script = (n: number) => `#!/bin/sh\nCARBON_HOME=x\n${Array.from({ length: n }, (_, i) => LAUNCH(i)).join('')}`;

function fixable(text: string): number {
  const all = resolveSettings({ maxFindingsPerFile: 1e9 });
  return lintText(FILE, text, { settings: all }).findings.filter((f) => f.fix?.safe).length;
}

test('a file over the findings cap is fixed as completely as one under it', () => {
  const settings = resolveSettings({ maxFindingsPerFile: 100 });
  const text = script(300);
  assert.ok(fixable(text) > 100, 'the input has more fixable findings than the cap');
  const capped = fixText(FILE, text, { settings });
  const uncapped = fixText(FILE, text, { settings: resolveSettings({ maxFindingsPerFile: 1e9 }) });
  assert.equal(fixable(capped.output), 0, 'no safe fix left after --fix');
  assert.equal(capped.output, uncapped.output);
  assert.equal(capped.applied, uncapped.applied);
  // What is shown is still capped.
  assert.ok(lintText(FILE, capped.output, { settings }).findings.some((f) => f.ruleId === 'too-many-findings'));
});

test('the default settings (cap 1,000) fix every launch line of a 1,500-line script', () => {
  const out = fixText(FILE, script(1500), {}).output;
  assert.equal(fixable(out), 0);
});
