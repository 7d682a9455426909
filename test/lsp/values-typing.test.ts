// Typing in an open values file: the templates that read it are linted again, but not once per keystroke — a
// burst of changes gives a few lints of each template (one at a time, one more after the last change), and the
// findings always follow the latest text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { makeWorkspace, scanEnded, startClient } from './client';

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: is\nversion: 1.0.0\n',
  'chart/values.yaml': 'admin:\n  password: "$secret{admin_password}"\n',
  'chart/confs/deployment.toml': '[super_admin]\nusername = "root"\npassword = {{ .Values.admin.password | quote }}\n',
};
const at = (p: PublishDiagnosticsParams | undefined) => (p?.diagnostics ?? []).filter((d) => d.severity !== 4).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);

type Client = Awaited<ReturnType<typeof startClient>>;

/** 40 changes to the values file in a burst, the last one setting a plain password; where the burst began. */
function typeBurst(c: Client, values: string): { mark: number; changes: number } {
  const mark = c.published.length;
  const changes = 40;
  for (let k = 1; k <= changes; k++) {
    const password = k === changes ? 'admin' : '"$secret{admin_password}"';
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: values, version: k + 1 }, contentChanges: [{ text: `# ${'x'.repeat(k)}\nadmin:\n  password: ${password}\n` }] });
  }
  return { mark, changes };
}

test('a burst of changes to an open values file re-lints its template a few times, not once per change', async () => {
  const ws = makeWorkspace(CHART);
  const c = await startClient({ folders: [ws.root] });
  const values = ws.uri('chart/values.yaml');
  const template = ws.uri('chart/confs/deployment.toml');
  try {
    await scanEnded(c);
    await c.until('the template is checked', () => c.latest(template) !== undefined);
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: values, languageId: 'yaml', version: 1, text: CHART['chart/values.yaml'] } });
    await c.diagnostics(values);
    const { mark, changes } = typeBurst(c, values);
    // The last text's plain password is found (on line 3: the comment line came first).
    await c.until('the finding of the last text', () => at(c.latest(values)).includes('3:13 plaintext-password'));
    await new Promise((r) => setTimeout(r, 500)); // any late lint would publish by now
    const lints = c.published.slice(mark).filter((p) => p.uri === template).length;
    assert.ok(lints >= 1 && lints <= 5, `the template was linted ${lints} times for ${changes} changes`);
    assert.ok(at(c.latest(values)).includes('3:13 plaintext-password'), 'still the last text\'s finding');

    // Back to a secret reference: the finding goes (a change after the burst is not lost).
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: values, version: changes + 2 }, contentChanges: [{ text: 'admin:\n  password: "$secret{admin_password}"\n' }] });
    await c.until('the finding gone', () => at(c.latest(values)).length === 0);
  } finally {
    await c.stop();
    ws.cleanup();
  }
});

test('with the template open too, a burst of changes to its values file re-lints it a few times; its own edits at once', async () => {
  const ws = makeWorkspace(CHART);
  const c = await startClient({ folders: [ws.root] });
  const values = ws.uri('chart/values.yaml');
  const template = ws.uri('chart/confs/deployment.toml');
  try {
    await scanEnded(c);
    const templateText = CHART['chart/confs/deployment.toml'];
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: template, languageId: 'toml', version: 1, text: templateText } });
    await c.diagnostics(template, (p) => p.version === 1);
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: values, languageId: 'yaml', version: 1, text: CHART['chart/values.yaml'] } });
    await c.diagnostics(values);
    const { mark, changes } = typeBurst(c, values);
    await c.until('the finding of the last text', () => at(c.latest(values)).includes('3:13 plaintext-password'));
    await new Promise((r) => setTimeout(r, 500));
    const lints = c.published.slice(mark).filter((p) => p.uri === template).length;
    assert.ok(lints >= 1 && lints <= 5, `the open template was linted ${lints} times for ${changes} changes`);

    // The template's own edit is linted for its version at once (not held back by the pause).
    const t0 = Date.now();
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: template, version: 2 }, contentChanges: [{ text: `${templateText}# edited\n` }] });
    await c.diagnostics(template, (p) => p.version === 2);
    assert.ok(Date.now() - t0 < 5000);
  } finally {
    await c.stop();
    ws.cleanup();
  }
});
