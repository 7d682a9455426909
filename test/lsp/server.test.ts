// The bundled server over real JSON-RPC (stdio): open, diagnose, edit, re-diagnose, quick fix, hover, close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startClient } from './client';

const URI = 'file:///tmp/carbonlint-lsp/repository/conf/deployment.toml';
const TEXT = '[server]\nhostname = "localhost"\n\n[super_admin]\nusername = "ops"\npassword = "admin"\ncreate_admin_account = true\n';

test('diagnostics on open and change, quick fix applied, hover, cleared on close', async () => {
  const c = await startClient();
  try {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'toml', version: 1, text: TEXT } });
    const first = await c.diagnostics(URI, (p) => p.diagnostics.length > 0);
    assert.equal(first.version, 1);
    const admin = first.diagnostics.find((d) => d.code === 'default-admin-credentials');
    assert.ok(admin, 'default admin password reported');
    assert.equal(admin.source, 'carbonlint');
    assert.deepEqual(admin.range, { start: { line: 5, character: 11 }, end: { line: 5, character: 18 } });
    assert.match(admin.codeDescription!.href, /docs\/rules\/default-admin-credentials\.md$/);

    // An incremental edit: the username becomes "admin" too → a second finding on line 4.
    c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 12 }, end: { line: 4, character: 15 } }, text: 'admin' }],
    });
    const second = await c.diagnostics(URI, (p) => p.version === 2);
    assert.equal(second.diagnostics.filter((d) => d.code === 'default-admin-credentials').length, 2);

    // The quick fix for the password, as a versioned edit, applied like an editor would.
    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: admin.range, context: { diagnostics: [admin] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred && a.kind === 'quickfix');
    assert.ok(fix, 'a preferred quick fix is offered');
    const docEdit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(docEdit.textDocument.version, 2);
    const doc = TextDocument.create(URI, 'toml', 2, TEXT.replace('username = "ops"', 'username = "admin"'));
    const fixed = TextDocument.applyEdits(doc, docEdit.edits as TextEdit[]);
    assert.match(fixed, /password = "\$env\{CARBON_ADMIN_PASSWORD\}"/);
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: fixed }] });
    const third = await c.diagnostics(URI, (p) => p.version === 3);
    const remaining = third.diagnostics.filter((d) => d.code === 'default-admin-credentials');
    assert.equal(remaining.length, 1, 'only the user-name warning is left');
    assert.equal(remaining[0].range.start.line, 4);

    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 4, character: 13 } })) as Hover;
    assert.match(JSON.stringify(hover.contents), /Change default admin credentials/);

    c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    const closed = await c.diagnostics(URI, (p) => p.diagnostics.length === 0);
    assert.deepEqual(closed.diagnostics, []);
  } finally {
    await c.stop();
  }
});

test('settings are read from the client: a rule switched off reports nothing', async () => {
  const c = await startClient({ settings: { rules: { 'default-admin-credentials': 'off' } } });
  try {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'toml', version: 1, text: TEXT } });
    const p = await c.diagnostics(URI);
    assert.equal(p.diagnostics.filter((d) => d.code === 'default-admin-credentials').length, 0);
    assert.ok(p.diagnostics.some((d) => d.code === 'plaintext-password'));
  } finally {
    await c.stop();
  }
});
