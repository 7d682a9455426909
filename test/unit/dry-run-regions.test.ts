// --fix-dry-run's diff past jsdiff's bound (cli/src/diff-regions.ts): the fixes' changes composed over passes account
// for every difference, the hunks are assembled exactly as jsdiff's structuredPatch assembles them, the printed diff
// is the old whole-file jsdiff diff wherever that stays under the bound, and a patch from the changed regions applies
// to give the fixed text — also when the change list misses a difference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyPatch, structuredPatch } from 'diff';
import { changesOf, composeChanges, type TextChange } from '../../shared-rules/engine/fix-changes';
import { fixText } from '../../shared-rules/engine/fixes';
import { applyEdits, type OffsetEdit } from '../../shared-rules/engine/text';
import { classify } from '../../shared-rules/engine/files';
import { redactLines } from '../../shared-rules/engine/redact';
import { fileDiff } from '../../cli/src/diff';
import { changedRegions, regionHunks } from '../../cli/src/diff-regions';
import { CORPUS, NO_CORPUS, corpusFiles } from '../helpers/shared';

/** Seeded PRNG (mulberry32): the same cases every run. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** A text of few distinct lines (so diffs have many equally short alignments), sometimes CRLF or unterminated. */
function randomText(rnd: (n: number) => number, lines: number): string {
  const eol = rnd(5) === 0 ? '\r\n' : '\n';
  const words = ['a', 'b', 'c', '', 'key = 1', '[t]'];
  const body = Array.from({ length: lines }, () => words[rnd(words.length)]).join(eol);
  return rnd(4) === 0 ? body : body + (lines ? eol : '');
}

/** Non-overlapping random edits of `text` (replacements, insertions, deletions; some spanning lines), each at most `span` long. */
function randomEdits(rnd: (n: number) => number, text: string, count: number, span = Infinity): OffsetEdit[] {
  const cuts = Array.from({ length: 2 * count }, () => rnd(text.length + 1)).sort((x, y) => x - y);
  const pieces = ['', 'x', '\n', 'y\nz\n', 'a\n', '\n[t]\n', 'key = 2'];
  const edits: OffsetEdit[] = [];
  for (let i = 0; i < cuts.length; i += 2) {
    const end = rnd(3) === 0 ? cuts[i] : Math.min(cuts[i + 1], cuts[i] + span);
    if (edits.length && cuts[i] < edits[edits.length - 1].end) continue; // inside the previous one (touching is kept)
    edits.push({ start: cuts[i], end, newText: pieces[rnd(pieces.length)] });
  }
  return edits;
}

/** Passes of random edits, as fixText applies them: the final text and the composed changes. */
function randomPasses(rnd: (n: number) => number, text: string, passes: number, span = Infinity): { output: string; changes: TextChange[] } {
  let output = text;
  let changes: TextChange[] = [];
  for (let p = 0; p < passes; p++) {
    const edits = randomEdits(rnd, output, 1 + rnd(6), span);
    output = applyEdits(output, edits);
    changes = composeChanges(changes, changesOf(edits));
  }
  return { output, changes };
}

function assertAccounts(a: string, b: string, changes: readonly TextChange[]): void {
  let rebuilt = '';
  let pa = 0;
  let pb = 0;
  for (const c of changes) {
    assert.ok(c.oldStart >= pa && c.newStart >= pb && c.oldEnd >= c.oldStart && c.newEnd >= c.newStart, 'sorted and disjoint');
    assert.equal(a.slice(pa, c.oldStart), b.slice(pb, c.newStart), 'the text between changes is equal');
    rebuilt += a.slice(pa, c.oldStart) + b.slice(c.newStart, c.newEnd);
    pa = c.oldEnd;
    pb = c.newEnd;
  }
  assert.equal(rebuilt + a.slice(pa), b);
}

test('composeChanges: the changes of several passes of edits account for every difference', () => {
  const rnd = random(22);
  for (let i = 0; i < 2000; i++) {
    const a = randomText(rnd, rnd(12));
    const { output, changes } = randomPasses(rnd, a, 1 + rnd(4));
    assertAccounts(a, output, changes);
  }
});

test('fixText reports its changes: a script fixed over two passes (two flags inserted at one point)', () => {
  const launch = '"$JAVA_HOME/bin/java" $JAVA_OPTS -Xms256m org.wso2.carbon.bootstrap.Bootstrap $*\n';
  const text = `#!/bin/sh\n${launch}echo one\n${launch}`;
  const r = fixText('/p/wso2am-4.2.0/bin/wso2server.sh', text, { safeOnly: true });
  assert.ok(r.passes >= 2 && r.output !== text, `passes ${r.passes}`);
  assert.equal(r.changes.length, 2, JSON.stringify(r.changes));
  assertAccounts(text, r.output, r.changes);
});

test('regionHunks with one region and no bound assembles exactly the hunks of structuredPatch', () => {
  const rnd = random(7);
  for (let i = 0; i < 3000; i++) {
    const a = randomText(rnd, rnd(14));
    const b = rnd(3) === 0 ? randomText(rnd, rnd(14)) : randomPasses(rnd, a, 1).output;
    const context = rnd(5);
    assert.deepEqual(regionHunks(a, b, undefined, context, Infinity), structuredPatch('a', 'b', a, b, '', '', { context }).hunks, JSON.stringify({ a, b, context }));
  }
});

/** What the printed patch makes of `a` (jsdiff's strict applier: no fuzz, so every context line must match). */
function applied(a: string, patchText: string): string | false {
  return patchText === '' ? a : applyPatch(a, patchText);
}

test('past the bound: the patch from the changed regions gives the new text, with or without a change list', () => {
  const rnd = random(2026);
  for (let i = 0; i < 3000; i++) {
    const a = randomText(rnd, 5 + rnd(40));
    const { output: b, changes } = randomPasses(rnd, a, 1 + rnd(3));
    assert.ok(changedRegions(a, b, changes), `the regions of a true change list are used: ${JSON.stringify({ a, b, changes })}`);
    for (const o of [{ changes, maxEdits: rnd(4) }, { maxEdits: rnd(4) }]) {
      const d = fileDiff(a, b, 'f', o);
      assert.equal(applied(a, d.text), b, JSON.stringify({ a, b, changes, maxEdits: o.maxEdits, patch: d.text }));
    }
  }
});

test('a change list that misses a difference is not trusted: the patch still gives the new text', () => {
  const a = Array.from({ length: 60 }, (_x, i) => `line ${i}\n`).join('');
  const edits = [10, 30, 50].map((l) => ({ start: a.indexOf(`line ${l}\n`), end: a.indexOf(`line ${l}\n`) + `line ${l}`.length, newText: `LINE ${l}` }));
  const b = applyEdits(a, edits);
  const all = changesOf(edits);
  for (const changes of [all.slice(0, 2), all.slice(1), [all[0], { ...all[1], oldStart: all[1].oldStart - 3, oldEnd: all[1].oldEnd - 3 }, all[2]]]) {
    const d = fileDiff(a, b, 'f', { changes, maxEdits: 0 });
    assert.equal(applied(a, d.text), b, d.text);
  }
  // With the full list: three hunks, each line removed and added, as jsdiff shows them.
  assert.equal(fileDiff(a, b, 'f', { changes: all, maxEdits: 0 }).text, fileDiff(a, b, 'f', { maxEdits: Infinity }).text);
});

test('past the bound, a secret line is masked and never enters the patch, as before the bound', () => {
  const lines = Array.from({ length: 40 }, (_x, i) => (i === 21 ? 'password = "Pl4in-Secret-Value"' : `k${i} = ${i}`));
  const a = `[server]\n${lines.join('\n')}\n`;
  const edits: OffsetEdit[] = [];
  for (let i = 0; i < 40; i += 10) {
    const at = a.indexOf(`k${i} = ${i}\n`);
    edits.push({ start: at, end: at + `k${i} = ${i}`.length, newText: `k${i} = ${i * 2}` });
  }
  const at = a.indexOf('k22 = 22');
  edits.push({ start: at, end: at + 8, newText: 'k22 = 44' });
  const b = applyEdits(a, edits);
  const oldShown = redactLines(a);
  const newShown = redactLines(b);
  const show = { showOld: (i: number) => oldShown[i], showNew: (i: number) => newShown[i] };
  const bounded = fileDiff(a, b, 'f.toml', { ...show, changes: changesOf(edits), maxEdits: 0 });
  const whole = fileDiff(a, b, 'f.toml', { ...show, maxEdits: Infinity });
  assert.equal(bounded.text, whole.text);
  assert.ok(!bounded.text.includes('Pl4in'), bounded.text);
  assert.equal(bounded.withheld, 1);
  assert.equal(applied(a, bounded.text), b.replace('k20 = 40', 'k20 = 20').replace('k22 = 44', 'k22 = 22'));
});

test('under the bound the printed diff is the whole-file jsdiff diff (every corpus file with its fixes, and random edit sets); past it, the patch applies', { skip: NO_CORPUS }, () => {
  const rnd = random(9);
  let fixed = 0;
  for (const rel of corpusFiles()) {
    const file = path.join(CORPUS, rel);
    const a = fs.readFileSync(file, 'utf8');
    if (!classify(rel, a)) continue;
    const cases: Array<{ output: string; changes: TextChange[] }> = [];
    const fix = fixText(file, a, { safeOnly: true });
    if (fix.output !== a) cases.push(fix), fixed++;
    for (let k = 0; k < 3; k++) cases.push(randomPasses(rnd, a, 1 + rnd(3), 200)); // small edit sets, as fixes are
    for (const c of cases) {
      const now = fileDiff(a, c.output, rel, { changes: c.changes });
      const before = fileDiff(a, c.output, rel, { maxEdits: Infinity });
      assert.deepEqual(now, before, rel);
      // And the hunks from the changed regions alone (no jsdiff at all) give the same file.
      assert.ok(changedRegions(a, c.output, c.changes), rel);
      assert.equal(applied(a, fileDiff(a, c.output, rel, { changes: c.changes, maxEdits: 0 }).text), c.output, rel);
    }
  }
  assert.ok(fixed > 20, `${fixed} corpus files with fixes`);
});
