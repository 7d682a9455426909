// A finding on a blank or comment line is fingerprinted as if it were on the first content line after it (or the
// last line): checked on random files against a finding placed on that line, which is what the anchor means.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprints } from '../../shared-rules/engine/fingerprint';
import { LineIndex } from '../../shared-rules/engine/text';
import type { LintFinding } from '../../shared-rules/engine/lint';

function at(index: LineIndex, line: number): LintFinding {
  const start = index.lineStarts[line];
  const span = { start, end: start + 1 };
  return { ruleId: 'r', guideline: 'g', guidelineId: 'G0', severity: 'info', message: 'm', span, range: index.range(span) };
}

test('fingerprints: a one-line finding on filler lines is anchored at the next content line', () => {
  let s = 3;
  const rnd = (n: number) => { s = (s * 1103515245 + 12345) % 2147483648; return s % n; };
  let moved = 0;
  for (let round = 0; round < 200; round++) {
    const lines = Array.from({ length: 3 + rnd(30) }, (_, i) => ['', '# note', `[t${i}]`, `k${i} = "v"`, '  '][rnd(5)]);
    const text = lines.join('\n');
    const index = new LineIndex(text);
    const filler = (l: string) => l.trim() === '' || l.startsWith('#');
    for (let l = 0; l < lines.length; l++) {
      if (!filler(lines[l]) || index.lineStarts[l] >= text.length) continue;
      let anchor = l;
      while (anchor + 1 < lines.length && filler(lines[anchor])) anchor++;
      if (index.lineStarts[anchor] >= text.length) continue; // an empty last line: no character to place a finding on
      const [got] = fingerprints('a/deployment.toml', text, [at(index, l)]);
      const [want] = fingerprints('a/deployment.toml', text, [at(index, anchor)]);
      assert.equal(got, want, `round ${round}, line ${l} → ${anchor}:\n${text}`);
      moved++;
    }
  }
  assert.ok(moved > 500, `${moved}`);
});
