// TOML faults only the bytes show: a lone CR (not a line break in TOML), bytes that are not UTF-8 (the reader
// knows where they were decoded), a second byte order mark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseToml } from '../../../shared-rules/parsers/toml/parse';
import { readConfigFile } from '../../../shared-rules/engine/read-config';
import { firstInvalidUtf8 } from '../../../shared-rules/engine/utf8';
import { lintText } from '../../../shared-rules/engine/lint';

const errors = (text: string, invalidUtf8At?: number) =>
  parseToml(text, { invalidUtf8At }).problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.span.start, p.span.end]);

function tempFile(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-utf8-'));
  const file = path.join(dir, 'deployment.toml');
  fs.writeFileSync(file, bytes);
  return file;
}

test('a lone CR is a toml-syntax error at the CR, reported once; CRLF and LF are not', () => {
  assert.deepEqual(errors('a = 1\rb = 2\rc = 3\n'), [['toml-syntax', 5, 6]]);
  assert.deepEqual(errors('# comment\r\na = 1\r\n'), []);
  assert.deepEqual(errors('a = 1 # x\r'), [['toml-syntax', 9, 10]]);
});

test('a lone CR still counts as a line break for positions (the engine counts lines as editors do)', () => {
  const r = lintText('deployment.toml', '[server]\rhostname = "x"\r');
  const cr = r.findings.filter((f) => f.ruleId === 'toml-syntax');
  assert.equal(cr.length, 1);
  assert.deepEqual(cr[0].range, { start: { line: 0, character: 8 }, end: { line: 1, character: 0 } });
});

test('firstInvalidUtf8: a real U+FFFD (EF BF BD) is not a fault; bad bytes after astral characters are found at their offset', () => {
  const real = Buffer.from('a = "\uFFFD"\n', 'utf8');
  assert.equal(firstInvalidUtf8(real, real.toString('utf8')), undefined);
  const bad = Buffer.concat([Buffer.from('a = "\u{1F600}\uFFFDé', 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]);
  const text = bad.toString('utf8');
  assert.equal(firstInvalidUtf8(bad, text), 9); // a = " (5) + 2 units for the emoji + U+FFFD + é
  assert.equal(text[9], '\uFFFD');
});

test('invalid UTF-8 read from disk is a toml-syntax error where it was decoded', () => {
  const file = tempFile(Buffer.concat([Buffer.from('# ok\n[server]\nhostname = "a'), Buffer.from([0xff]), Buffer.from('"\n')]));
  const read = readConfigFile(file, 1 << 20);
  assert.ok(read.ok);
  assert.equal(read.invalidUtf8At, 27);
  assert.deepEqual(errors(read.text, read.invalidUtf8At), [['toml-syntax', 27, 28]]);
  const r = lintText(file, read.text, { invalidUtf8At: read.invalidUtf8At });
  assert.ok(r.findings.some((f) => f.ruleId === 'toml-syntax' && /not UTF-8/.test(f.message) && f.range.start.line === 2 && f.range.start.character === 13));
  // The same text from an editor (no reader offset) has only a U+FFFD, which TOML allows.
  assert.deepEqual(errors(read.text), []);
});

test('a doubled BOM read from disk: the reader keeps the first, so the second is reported', () => {
  const file = tempFile(Buffer.from('\uFEFF\uFEFFa = 1\n', 'utf8'));
  const read = readConfigFile(file, 1 << 20);
  assert.ok(read.ok);
  assert.equal(read.invalidUtf8At, undefined);
  assert.deepEqual(errors(read.text), [['toml-syntax', 1, 2]]);
  assert.deepEqual(errors('\uFEFFa = 1\n'), []);
});

// The control-character pass is skipped when a quick test finds none: a leading BOM must not hide a later one.
test('control characters and a stray BOM are found with or without a leading BOM, and a clean file has none', () => {
  assert.deepEqual(errors('a = 1 # x\u0001y\n'), [['toml-syntax', 9, 10]]);
  assert.deepEqual(errors('\uFEFFa = 1 # x\u007Fy\n'), [['toml-syntax', 10, 11]]);
  assert.deepEqual(errors('\uFEFFa = 1 # \uFEFF\n'), [['toml-syntax', 9, 10]]);
  assert.deepEqual(errors('a = 1\n# \uFEFF\n'), [['toml-syntax', 8, 9]]);
  assert.deepEqual(errors('\uFEFFa = 1\t# tab and CRLF are fine\r\nb = { c = 2 }\n'), []);
});
