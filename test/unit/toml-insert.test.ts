// insertKeys / insertKey write missing keys where config-mapper reads them, relative to the section that holds them,
// and keyInsertionPoint says where a finding about the absence goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseToml } from '../../shared-rules/parsers/toml/parse';
import { effectiveConfig } from '../../shared-rules/parsers/toml/effective';
import { insertKey, insertKeys, keyInsertionPoint } from '../../shared-rules/rules/util/toml';
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

const P = (s: string) => s.split('.');

/** insertKey of `path = "v"` (written into `section` when no table holds its parent), applied; undefined when refused. */
const insertOne = (text: string, path: string, section?: string) => {
  const edit = insertKey(text, effectiveConfig(parseToml(text)), P(path), '"v"', section ? P(section) : undefined);
  return edit && applyEdits(text, [edit]);
};

test('insertKey: into the parent\'s own table, or the ancestor that writes the parent with dotted keys', () => {
  assert.equal(insertOne('[transport.https.properties]\nport = 1\n', 'transport.https.properties.server'), '[transport.https.properties]\nport = 1\nserver = "v"\n');
  assert.equal(insertOne('[transport.https]\nproperties.port = 1\n', 'transport.https.properties.server'), '[transport.https]\nproperties.port = 1\nproperties.server = "v"\n');
  // Dotted keys at the top level: a [transport.https.properties] header would redefine the table (invalid TOML).
  assert.equal(insertOne('transport.https.properties.port = 1\n[server]\n', 'transport.https.properties.server'), 'transport.https.properties.port = 1\ntransport.https.properties.server = "v"\n[server]\n');
});

test('insertKey: into the table that holds `section` when no table holds the parent (MI [transport.http] listener.*)', () => {
  const key = 'transport.http.listener.secured_protocols';
  assert.equal(insertOne('[transport.http]\nport = 1\n', key, 'transport.http'), '[transport.http]\nport = 1\nlistener.secured_protocols = "v"\n');
  assert.equal(insertOne('[transport]\nhttp.port = 1\n', key, 'transport.http'), '[transport]\nhttp.port = 1\nhttp.listener.secured_protocols = "v"\n');
  assert.equal(insertOne('[server]\nx = 1\n', key, 'transport.http'), '[server]\nx = 1\n\n[transport.http]\nlistener.secured_protocols = "v"\n');
  assert.equal(insertOne('[transport.http.listener]\nport = 1\n', key, 'transport.http'), '[transport.http.listener]\nport = 1\nsecured_protocols = "v"\n');
});

test('insertKey: refused where a value occupies a prefix of the path', () => {
  assert.equal(insertOne('[transport]\nhttps = "x"\n', 'transport.https.properties.server'), undefined);
});

test('keyInsertionPoint: an absence is reported at the header of the table the key goes into, else the first line', () => {
  const span = (text: string, path: string, section?: string) => {
    const s = keyInsertionPoint(effectiveConfig(parseToml(text)), P(path), section ? P(section) : undefined).reportSpan;
    return text.slice(s.start, s.end);
  };
  assert.equal(span('[server]\n[transport.http]\nport = 1\n', 'transport.http.listener.secured_protocols', 'transport.http'), '[transport.http]');
  assert.equal(span('[server]\n[transport.http]\nport = 1\n', 'transport.http.listener.secured_protocols'), '[server]');
  assert.equal(span('[server]\n[transport.https.properties]\nport = 1\n', 'transport.https.properties.server'), '[transport.https.properties]');
});
