import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProjectConfig } from '../../shared-rules/engine/project-config';

const ids = new Set(['plaintext-password', 'log-forging']);

test('a valid project file becomes settings', () => {
  const { config, errors } = parseProjectConfig(JSON.stringify({ rules: { 'log-forging': 'off' }, product: 'apim-4.2.0', tls: { minimumVersion: 'TLSv1.3' }, session: { minIdLength: 64 }, keystore: { expiryWarningDays: 60 }, exclude: ['legacy/**'] }), ids);
  assert.deepEqual(errors, []);
  assert.deepEqual(config.settings, { rules: { 'log-forging': 'off' }, product: 'apim-4.2.0', tls: { minimumVersion: 'TLSv1.3' }, session: { minIdLength: 64 }, keystore: { expiryWarningDays: 60 } });
  assert.deepEqual(config.exclude, ['legacy/**']);
});

test('errors name the offending key', () => {
  const { errors } = parseProjectConfig(JSON.stringify({ rules: { 'plaintext-pasword': 'error', 'log-forging': 'loud' }, tls: { minimumVersion: 'TLSv1.1' }, colour: true }), ids);
  assert.deepEqual(errors.map((e) => e.key).sort(), ['colour', 'rules.log-forging', 'rules.plaintext-pasword', 'tls.minimumVersion']);
  assert.match(parseProjectConfig('{ nope', ids).errors[0].message, /not valid JSON/);
});

test('maxFindingsPerFile: a whole number, 1 or more', () => {
  assert.equal(parseProjectConfig(JSON.stringify({ maxFindingsPerFile: 50 }), ids).config.settings.maxFindingsPerFile, 50);
  for (const bad of [0, -3, 2.5, '100']) {
    assert.deepEqual(parseProjectConfig(JSON.stringify({ maxFindingsPerFile: bad }), ids).errors.map((e) => e.key), ['maxFindingsPerFile'], String(bad));
  }
});
