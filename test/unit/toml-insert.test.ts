// insertKeys writes missing keys where config-mapper reads them, relative to the section that holds them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseToml } from '../../shared-rules/parsers/toml/parse';
import { effectiveConfig } from '../../shared-rules/parsers/toml/effective';
import { insertKeys } from '../../shared-rules/rules/util/toml';
import { applyEdits } from '../../shared-rules/engine/text';

const insert = (text: string) =>
  applyEdits(text, [insertKeys(text, effectiveConfig(parseToml(text)), ['transport', 'https', 'properties'], 'server', ['server = "server"'])]);

test('into the section itself', () => {
  assert.equal(insert('[transport.https.properties]\nport = 1\n'), '[transport.https.properties]\nport = 1\nserver = "server"\n');
});

test('into an ancestor section that holds the parent as a dotted key', () => {
  assert.equal(insert('[transport.https]\nproperties.port = 1\n'), '[transport.https]\nproperties.port = 1\nproperties.server = "server"\n');
});

test('as a new section at the end, or before [secrets]', () => {
  assert.equal(insert('[server]\nx = 1\n'), '[server]\nx = 1\n\n[transport.https.properties]\nserver = "server"\n');
  assert.equal(insert('[server]\nx = 1\n\n[secrets]\na = "b"\n'), '[server]\nx = 1\n\n[transport.https.properties]\nserver = "server"\n\n[secrets]\na = "b"\n');
});
