// carbonlint.helm.valuesFiles (issue 15): the editor setting is read like .carbonlint.json's helm.valuesFiles —
// relative paths only, at most 16 — and wins over the project file when set.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { toEditorSettings } from '../../server/src/settings';
import { resolveSettings } from '../../shared-rules/engine/settings';

test('well-formed relative paths are kept; absolute ones, non-strings and blanks are dropped', () => {
  const e = toEditorSettings({ helm: { valuesFiles: ['values-prod.yaml', '/etc/passwd', 'C:\\x.yaml', '\\\\srv\\x.yaml', 3, ' ', 'env/eu.yaml'] } }, undefined);
  assert.deepEqual(e.settings.helm, { valuesFiles: ['values-prod.yaml', 'env/eu.yaml'] });
  assert.equal(toEditorSettings({ helm: { valuesFiles: Array.from({ length: 40 }, (_, i) => `v${i}.yaml`) } }, undefined).settings.helm!.valuesFiles.length, 16);
  assert.equal(toEditorSettings({}, undefined).settings.helm, undefined, 'unset stays unset (the project file applies)');
});

test('precedence: defaults < project file < editor setting', () => {
  const project = { helm: { valuesFiles: ['values-staging.yaml'] } };
  assert.deepEqual(resolveSettings(project, toEditorSettings({}, undefined).settings).helm, { valuesFiles: ['values-staging.yaml'] });
  assert.deepEqual(resolveSettings(project, toEditorSettings({ helm: { valuesFiles: ['values-prod.yaml'] } }, undefined).settings).helm, { valuesFiles: ['values-prod.yaml'] });
});
