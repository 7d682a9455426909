// TOML conformance (toml-test 1.0.0 cases, vendored with their MIT license in test/fixtures/toml-test): no valid file
// rejected, and no fewer invalid files rejected than measured for docs/conformance.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tomlConformance } from '../../scripts/conformance/toml';

test('toml-test 1.0.0: every valid file accepted; invalid ones rejected at least as often as documented', () => {
  const o = tomlConformance();
  assert.equal(o.valid.total, 210);
  assert.deepEqual(o.valid.rejected, []);
  assert.equal(o.invalid.total, 499);
  assert.ok(o.invalid.rejected >= 489, `rejected ${o.invalid.rejected}/499; accepted: ${o.invalid.accepted.join(', ')}`);
  // What is still accepted is documented: a lone CR, bytes that are not UTF-8 and a doubled BOM (the UTF-8 decoder,
  // as an editor's, has already replaced or removed them before parsing).
  for (const r of o.invalid.accepted) assert.match(r, /^invalid\/(control\/(bare-cr|comment-cr)|encoding\/)/, r);
});
