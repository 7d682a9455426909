// Fix-all over real JSON-RPC: the source.fixAll.carbonlint code action (what editor.codeActionsOnSave asks for)
// returns ONE versioned edit that produces exactly the engine's multi-pass safe-fix result; the same through the
// carbonlint.server.fixAll command (workspace/applyEdit) and as a quick fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixText } from '../../shared-rules/engine/fixes';
import { startClient } from './client';

const URI = 'file:///tmp/carbonlint-lsp-fixall/wso2am-4.2.0/repository/conf/tomcat/carbon/META-INF/context.xml';
const PATH = '/tmp/carbonlint-lsp-fixall/wso2am-4.2.0/repository/conf/tomcat/carbon/META-INF/context.xml';
// Two safe fixes in one file, plus an unused suppression (whose removal is safe too).
const TEXT = '<Context>\n    <!-- carbonlint-disable-next-line short-session-id -->\n    <Valve className="x"/>\n    <Manager pathname="">\n        <SessionIdGenerator sessionIdLength="16"/>\n    </Manager>\n</Context>\n';

function applyOne(action: CodeAction, version: number): string {
  const changes = action.edit!.documentChanges as TextDocumentEdit[];
  assert.equal(changes.length, 1);
  assert.equal(changes[0].textDocument.version, version);
  assert.equal(changes[0].edits.length, 1, 'one edit for the whole document');
  return TextDocument.applyEdits(TextDocument.create(URI, 'xml', version, TEXT), changes[0].edits as TextEdit[]);
}

test('source.fixAll.carbonlint: one edit with every safe fix, as the engine computes it', async () => {
  const c = await startClient();
  try {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xml', version: 4, text: TEXT } });
    const p = await c.diagnostics(URI, (d) => d.version === 4);
    assert.ok(p.diagnostics.some((d) => d.code === 'unused-suppression') && p.diagnostics.some((d) => d.code === 'short-session-id'));
    const expected = fixText(PATH, TEXT, { safeOnly: true }).output;
    assert.notEqual(expected, TEXT);
    for (const only of [['source.fixAll.carbonlint'], ['source.fixAll'], ['source']]) {
      const actions = (await c.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only, triggerKind: 2 },
      })) as CodeAction[];
      assert.equal(actions.length, 1, `only=${only}`);
      assert.equal(actions[0].kind, 'source.fixAll.carbonlint');
      assert.equal(applyOne(actions[0], 4), expected);
    }
    assert.match(expected, /sessionIdLength="32"/);
    assert.doesNotMatch(expected, /carbonlint-disable/);

    // Nothing left to fix: no action.
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 5 }, contentChanges: [{ text: expected }] });
    await c.diagnostics(URI, (d) => d.version === 5);
    const none = await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(none, []);
  } finally {
    await c.stop();
  }
});

test('the fix-all command applies the same edit through workspace/applyEdit; a quick fix offers it too', async () => {
  const c = await startClient();
  try {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xml', version: 1, text: TEXT } });
    const p = await c.diagnostics(URI, (d) => d.version === 1);
    const finding = p.diagnostics.find((d) => d.code === 'short-session-id')!;
    const quick = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: finding.range, context: { diagnostics: [finding] } })) as CodeAction[];
    const all = quick.find((a) => a.title === 'Fix all safe CarbonLint problems');
    assert.equal(all?.kind, 'quickfix');
    const r = await c.conn.sendRequest('workspace/executeCommand', { command: 'carbonlint.server.fixAll', arguments: [URI] });
    assert.deepEqual(r, { applied: true });
    assert.equal(c.applied.length, 1);
    const change = c.applied[0].edit.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, 1);
    const out = TextDocument.applyEdits(TextDocument.create(URI, 'xml', 1, TEXT), change.edits as TextEdit[]);
    assert.equal(out, fixText(PATH, TEXT, { safeOnly: true }).output);
  } finally {
    await c.stop();
  }
});
