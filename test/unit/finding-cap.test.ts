// carbonlint.maxFindingsPerFile: a file that breaks a guideline thousands of times (a generated script, a template
// gone wrong) gets the most severe findings up to the limit and one notice with the count of the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../shared-rules/engine/lint';
import { resolveSettings } from '../../shared-rules/engine/settings';

const LAUNCH = 'java -cp x org.wso2.carbon.bootstrap.Bootstrap\n';
const SCRIPT = '/ws/wso2am-4.2.0/bin/api-manager.sh';

test('under the limit nothing changes; over it, the most severe findings are kept and the rest counted', () => {
  const one = lintText(SCRIPT, LAUNCH).findings;
  assert.ok(one.length >= 3, `each launch command has several findings: ${one.map((f) => f.ruleId)}`);
  const many = LAUNCH.repeat(400);
  const all = lintText(SCRIPT, many, { settings: resolveSettings({ maxFindingsPerFile: 100_000 }) }).findings;
  assert.equal(all.length, one.length * 400);
  assert.ok(!all.some((f) => f.ruleId === 'too-many-findings'));

  const capped = lintText(SCRIPT, many, { settings: resolveSettings({ maxFindingsPerFile: 50 }) }).findings;
  assert.equal(capped.length, 51);
  const notice = capped.filter((f) => f.ruleId === 'too-many-findings');
  assert.equal(notice.length, 1);
  assert.equal(notice[0].severity, 'info');
  assert.deepEqual(notice[0].range.start, { line: 0, character: 0 });
  assert.match(notice[0].message, new RegExp(`^${all.length - 50} more findings not shown: this file has ${all.length}, over the limit of 50 per file \\(setting carbonlint.maxFindingsPerFile\\)`));
  // Errors and warnings before infos; the kept ones are in file order.
  const rank = { error: 0, warning: 1, info: 2, hint: 3 } as const;
  const kept = capped.filter((f) => f !== notice[0]);
  const worstDropped = Math.min(...all.filter((f) => !kept.some((k) => k.span.start === f.span.start && k.ruleId === f.ruleId)).map((f) => rank[f.severity]));
  assert.ok(kept.every((f) => rank[f.severity] <= worstDropped), 'nothing less severe was kept over something more severe');
  for (let i = 1; i < capped.length; i++) assert.ok(capped[i - 1].span.start <= capped[i].span.start, 'sorted by position');
});

test('the default limit is 1,000', () => {
  const r = lintText(SCRIPT, LAUNCH.repeat(600)).findings;
  assert.equal(r.length, 1001);
  assert.equal(r.filter((f) => f.ruleId === 'too-many-findings').length, 1);
});
