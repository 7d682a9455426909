// Suppressions over real JSON-RPC: every comment form hides its findings, the "Disable <rule> for this line /
// file" code actions insert the right comment, and an unused suppression is reported (faded) with a quick fix
// that removes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codes, startClient, type TestClient } from './client';

const URI = 'file:///tmp/carbonlint-lsp-sup/wso2am-4.2.0/repository/conf/deployment.toml';
const XML_URI = 'file:///tmp/carbonlint-lsp-sup/wso2am-4.2.0/repository/conf/tomcat/carbon/META-INF/context.xml';

async function open(c: TestClient, uri: string, text: string, version = 1, languageId = 'toml') {
  c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  return c.diagnostics(uri, (p) => p.version === version);
}

async function change(c: TestClient, uri: string, text: string, version: number) {
  c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  return c.diagnostics(uri, (p) => p.version === version);
}

function apply(text: string, action: CodeAction, uri: string, version: number): string {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  assert.equal(change.textDocument.version, version);
  return TextDocument.applyEdits(TextDocument.create(uri, 'x', version, text), change.edits as TextEdit[]);
}

const actionsAt = (c: TestClient, uri: string, d: Diagnostic) =>
  c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as Promise<CodeAction[]>;

test('every suppression form hides its findings in the editor', async () => {
  const c = await startClient();
  try {
    const text = [
      '[super_admin]',
      '# carbonlint-disable-next-line default-admin-credentials -- lab machine',
      'username = "admin"',
      'password = "admin" # carbonlint-disable-line default-admin-credentials, plaintext-password',
      '',
      '# carbonlint-disable plaintext-password',
      '[database.shared_db]',
      'password = "wso2carbon"',
      '# carbonlint-enable plaintext-password',
      '',
    ].join('\n');
    const p = await open(c, URI, text);
    assert.ok(!p.diagnostics.some((d) => d.range.start.line >= 1 && d.range.start.line <= 8 && /default-admin-credentials|plaintext-password/.test(String(d.code))), JSON.stringify(p.diagnostics.map((d) => [d.code, d.range.start.line])));
    assert.ok(!codes(p).includes('unused-suppression'), codes(p).join());
    const file = await change(c, URI, `# carbonlint-disable-file default-admin-credentials, plaintext-password\n${text.replace(/# carbonlint-[^\n]*/g, '')}`, 2);
    assert.ok(!codes(file).some((id) => id === 'default-admin-credentials' || id === 'plaintext-password'));
  } finally {
    await c.stop();
  }
});

test('"Disable for this line / file" insert the comment; an unused suppression is reported and removed', async () => {
  const c = await startClient();
  try {
    const text = '<Context>\n    <Manager pathname=""/>\n</Context>\n';
    const p = await open(c, XML_URI, text, 1, 'xml');
    const d = p.diagnostics.find((x) => x.code === 'short-session-id')!;
    const actions = await actionsAt(c, XML_URI, d);
    const line = actions.find((a) => a.title === 'Disable short-session-id for this line')!;
    const file = actions.find((a) => a.title === 'Disable short-session-id for this file')!;
    assert.ok(line && file, actions.map((a) => a.title).join(' | '));
    assert.equal(line.kind, 'quickfix');
    const byLine = apply(text, line, XML_URI, 1);
    assert.equal(byLine, '<Context>\n    <!-- carbonlint-disable-next-line short-session-id -->\n    <Manager pathname=""/>\n</Context>\n');
    assert.equal(apply(text, file, XML_URI, 1), '<!-- carbonlint-disable-file short-session-id -->\n<Context>\n    <Manager pathname=""/>\n</Context>\n');
    const after = await change(c, XML_URI, byLine, 2);
    assert.ok(!codes(after).includes('short-session-id'));

    // The Manager gets its generator: the suppression now hides nothing and is reported, faded, with a fix.
    const fixed = byLine.replace('<Manager pathname=""/>', '<Manager pathname="">\n        <SessionIdGenerator sessionIdLength="32"/>\n    </Manager>');
    const unused = (await change(c, XML_URI, fixed, 3)).diagnostics.find((x) => x.code === 'unused-suppression')!;
    assert.ok(unused, 'unused-suppression reported');
    assert.equal(unused.severity, 3);
    assert.deepEqual(unused.tags, [1]);
    assert.equal(unused.range.start.line, 1);
    const remove = (await actionsAt(c, XML_URI, unused)).find((a) => a.title === 'Remove the unused suppression')!;
    assert.equal(apply(fixed, remove, XML_URI, 3), fixed.replace('    <!-- carbonlint-disable-next-line short-session-id -->\n', ''));
  } finally {
    await c.stop();
  }
});
