// nonOverlapping (fixes.ts) keeps the fixes the plain definition keeps — each fix compared with every edit kept
// before it — on random fixes of one to three edits, insertions and replacements, touching and nested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nonOverlapping } from '../../shared-rules/engine/fixes';
import type { LintFinding } from '../../shared-rules/engine/lint';

function conflicts(a: number, b: number, c: number, d: number): boolean {
  if (a === b && c === d) return a === c;
  if (a === b) return c <= a && a <= d;
  if (c === d) return a <= c && c <= b;
  return a < d && c < b;
}

function reference(findings: LintFinding[]): LintFinding[] {
  const withFix = findings.filter((f) => f.fix?.safe);
  withFix.sort((a, b) => Math.min(...a.fix!.edits.map((e) => e.start)) - Math.min(...b.fix!.edits.map((e) => e.start)));
  const taken: Array<[number, number]> = [];
  return withFix.filter((f) => {
    if (f.fix!.edits.some((e) => taken.some(([s, t]) => conflicts(e.start, e.end, s, t)))) return false;
    for (const e of f.fix!.edits) taken.push([e.start, e.end]);
    return true;
  });
}

test('nonOverlapping keeps the same fixes as comparing each with every kept edit', () => {
  let s = 7;
  const rnd = (n: number) => { s = (s * 1103515245 + 12345) % 2147483648; return s % n; };
  let kept = 0;
  for (let round = 0; round < 400; round++) {
    const findings = Array.from({ length: 1 + rnd(40) }, (_, i) => {
      const edits = Array.from({ length: 1 + rnd(3) }, () => {
        const start = rnd(200);
        const len = rnd(3) === 0 ? 0 : rnd(4) === 0 ? rnd(60) : rnd(5);
        return { start, end: start + len, newText: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
      });
      return { ruleId: `r${i}`, fix: { title: 't', safe: rnd(5) !== 0, preferred: false, edits } } as unknown as LintFinding;
    });
    const got = nonOverlapping(findings, true);
    assert.deepEqual(got.map((f) => f.ruleId), reference(findings).map((f) => f.ruleId), `round ${round}`);
    kept += got.length;
  }
  assert.ok(kept > 1000, `fixes kept: ${kept}`);
});
