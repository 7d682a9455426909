// TOML conformance (toml-test 1.0.0 cases, vendored with their MIT license in test/fixtures/toml-test): no valid file
// rejected, and no fewer invalid files rejected than measured for docs/conformance.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tomlConformance } from '../../scripts/conformance/toml';

test('toml-test 1.0.0, read as the CLI reads files: every valid file accepted, every invalid one rejected', () => {
  const o = tomlConformance();
  assert.equal(o.valid.total, 210);
  assert.deepEqual(o.valid.rejected, []);
  assert.equal(o.invalid.total, 499);
  assert.deepEqual(o.invalid.accepted, []);
  assert.equal(o.invalid.rejected, 499);
});

test('toml-test 1.0.0, as an editor hands text over: only the byte-level faults the decoder hid are accepted', () => {
  const o = tomlConformance(undefined, true);
  assert.deepEqual(o.valid.rejected, []);
  assert.ok(o.invalid.rejected >= 491, `rejected ${o.invalid.rejected}/499; accepted: ${o.invalid.accepted.join(', ')}`);
  // The editor's decoder has replaced invalid bytes with U+FFFD (which TOML allows) and removed the first BOM.
  for (const r of o.invalid.accepted) assert.match(r, /^invalid\/encoding\/(bad-utf8-|bad-codepoint|bom-not-at-start-0[23])/, r);
});
