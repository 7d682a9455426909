// template-keys.ts: a finding key stands for its (rest, message) pair exactly — equal pairs, equal keys; any other
// pair, another key — including rests that end like a key and messages that are prefixes of each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingKeys, numbering } from '../../shared-rules/engine/template-keys';

test('finding keys: equal exactly when rest and message are equal', () => {
  const rests = ['', 'f', 'f\u00001', 'f\u0000', '\u0000', 'f\u00001\u00000', 'v\u00000\u000012\u0000rule\u000034', 'v\u00000\u00001\u00002rule\u000034'];
  const messages = ['', 'a', 'ab', 'a\u00000', '0', 'The value (line 3)', 'The value (line 3) '];
  const keyOf = findingKeys();
  const pairs: Array<[string, string]> = [];
  for (const r of rests) for (const m of messages) pairs.push([r, m]);
  // Asked in two orders, twice each: a key depends on the pair only, not on when it was first asked.
  const first = new Map(pairs.map(([r, m]) => [`${JSON.stringify(r)} ${JSON.stringify(m)}`, keyOf(r, m)]));
  for (const [r, m] of [...pairs].reverse()) assert.equal(keyOf(r, m.slice(0)), first.get(`${JSON.stringify(r)} ${JSON.stringify(m)}`));
  assert.equal(new Set(first.values()).size, pairs.length);
});

test('numbering: one number per distinct string, from 0', () => {
  const no = numbering();
  assert.deepEqual(['/a/values.yaml', '/b/values.yaml', '/a/values.yaml', ''].map(no), [0, 1, 0, 2]);
});
