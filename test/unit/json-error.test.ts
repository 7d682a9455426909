// A JSON syntax error is described by its position only: V8's own message quotes the text around the error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonSyntaxMessage } from '../../shared-rules/engine/json-error';
import { parseProjectConfig } from '../../shared-rules/engine/project-config';
import { parseBaseline } from '../../shared-rules/engine/baseline';

function messageFor(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return jsonSyntaxMessage(text, e);
  }
  throw new Error('parsed');
}

test('position, line and column; never the content', () => {
  assert.equal(messageFor('{\n  "a": "S3cretValue'), 'not valid JSON at line 2, column 20 (position 21)');
  for (const text of ['{"rules": S3cretValue}', '{"a": 1,, "S3cretValue": 2}', '[S3cretValue', '{"S3cretValue"']) {
    const m = messageFor(text);
    assert.match(m, /^not valid JSON/);
    assert.ok(!/S3c|Value/.test(m), m);
  }
});

test('the project file and baseline parsers use it', () => {
  const cfg = parseProjectConfig('{"rules": S3cretValue}');
  assert.ok(cfg.errors.length === 1 && !cfg.errors[0].message.includes('S3c'), cfg.errors[0]?.message);
  assert.throws(() => parseBaseline('{"version": 2, "findings": [S3cretValue]}'), (e: Error) => /^not valid JSON/.test(e.message) && !e.message.includes('S3c'));
});
