import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../shared-rules/rules';
import { GUIDELINES } from '../../shared-rules/guidelines';
import { runRuleCases } from './rule-tester';
import { GUIDELINES as GUIDELINES_MD } from '../helpers/shared';

const guidelinesMd = GUIDELINES_MD;

test('rule metadata: unique kebab-case ids, exact guideline titles, docs and cases present', () => {
  const ids = new Set<string>();
  const titles = new Map(GUIDELINES.map((g) => [g.id, g.title]));
  for (const r of allRules) {
    assert.match(r.meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!ids.has(r.meta.id), `duplicate id ${r.meta.id}`);
    ids.add(r.meta.id);
    assert.equal(titles.get(r.meta.guidelineId), r.meta.guideline, `${r.meta.id}: guideline title`);
    for (const k of ['what', 'why', 'fix'] as const) assert.ok(r.meta.docs[k].length > 20, `${r.meta.id}: docs.${k}`);
    assert.ok(r.cases.valid.length > 0 && r.cases.invalid.length > 0, `${r.meta.id}: cases`);
  }
});

test('the guideline table matches shared/guidelines.md exactly', () => {
  const md = fs.readFileSync(guidelinesMd, 'utf8');
  const rows = [...md.matchAll(/^\| (G\d\d) \| (.+?) \| (\w+)/gm)].map((m) => [m[1], m[2].trim()]);
  assert.deepEqual(GUIDELINES.map((g) => [g.id, g.title]), rows);
});

for (const rule of allRules) runRuleCases(rule);
