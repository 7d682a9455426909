// The hover of a position where many findings meet (absent keys of a file without their tables, on line 1):
// an index grouped by guideline, not one full rule page after another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver/node';
import { lintText } from '../../shared-rules/engine/lint';
import { hoverFor } from '../../server/src/hover';

const FILE = '/opt/wso2am-4.4.0/repository/conf/deployment.toml';
const TEXT = '[server]\nhostname = "apim.example.com"\n\n[super_admin]\nusername = "ops"\npassword = "$env{PW}"\n';

test('many findings at [server]: grouped by guideline, in guideline order, one line each', () => {
  const r = lintText(FILE, TEXT);
  const here = r.findings.filter((f) => f.range.start.line === 0);
  assert.ok(new Set(here.map((f) => f.ruleId)).size > 2, 'the fixture crowds line 1');
  const md = (hoverFor(here, false)!.contents as MarkupContent).value;
  assert.match(md, new RegExp(`^\\*\\*CarbonLint\\*\\* — ${here.length} findings here, by guideline`));
  const ids = [...md.matchAll(/^\*\*(G\d+)\*\* /gm)].map((m) => Number(m[1].slice(1)));
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  assert.equal(new Set(ids).size, ids.length, 'one group per guideline');
  assert.equal((md.match(/^- (error|warning|info|hint) `/gm) ?? []).length, here.length, 'one line per finding');
  assert.doesNotMatch(md, /#### What it does/);
});

test('one or two rules: the full explanation as before', () => {
  const r = lintText(FILE, '[super_admin]\nusername = "admin"\npassword = "admin"\n');
  const f = r.findings.filter((x) => x.ruleId === 'default-admin-credentials');
  const md = (hoverFor(f.slice(0, 1), false)!.contents as MarkupContent).value;
  assert.match(md, /#### What it does/);
});
