// Issue 19 (G42) in the editor: unopened nginx configurations (sites-enabled files without an extension too) and
// Ingress manifests are in the Problems panel; an unrelated proxy is not; the deny-block quick fix is offered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codes, makeWorkspace, scanEnded, startClient } from './client';

const PROXY = 'upstream am {\n    server wso2am:9443;\n}\nserver {\n    listen 443 ssl;\n    server_name apim.example.com;\n    location / {\n        proxy_pass https://am;\n    }\n}\n';
const APP = 'server {\n    listen 80;\n    location / {\n        proxy_pass http://web:3000;\n    }\n}\n';
const INGRESS = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: am\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: am\n            port:\n              number: 9443\n';

test('the scan reports unopened nginx files and Ingresses; an unrelated proxy gets nothing', async () => {
  const ws = makeWorkspace({
    'nginx/sites-enabled/apim.example.com': PROXY,
    'nginx/conf.d/app.conf': APP,
    'k8s/ingress.yaml': INGRESS,
  });
  const c = await startClient({ folders: [ws.root] });
  try {
    await scanEnded(c);
    const site = c.latest(ws.uri('nginx/sites-enabled/apim.example.com'));
    assert.deepEqual(codes(site), ['proxy-admin-paths-exposed']);
    assert.equal(site!.diagnostics[0].range.start.line, 6);
    assert.deepEqual(codes(c.latest(ws.uri('k8s/ingress.yaml'))), ['ingress-admin-paths-exposed']);
    assert.deepEqual(codes(c.latest(ws.uri('nginx/conf.d/app.conf'))), []);
  } finally {
    await c.stop();
    ws.cleanup();
  }
});

test('an opened nginx file: the squiggle, a hover, and the deny-block quick fix at the location\'s indentation', async () => {
  const ws = makeWorkspace({ 'nginx/conf.d/apim.conf': PROXY });
  const uri = ws.uri('nginx/conf.d/apim.conf');
  const c = await startClient({ folders: [ws.root] });
  try {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nginx', version: 1, text: PROXY } });
    const first = await c.diagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
    const d = first.diagnostics.find((x) => x.code === 'proxy-admin-paths-exposed')!;
    assert.deepEqual(d.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 14 } });
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover | null;
    assert.match(JSON.stringify(hover?.contents), /G42/);
    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred && a.kind === 'quickfix')!;
    const edit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'nginx', 1, PROXY), edit.edits as TextEdit[]);
    assert.ok(fixed.includes('    location ^~ /carbon { deny all; }\n    location ^~ /services { deny all; }\n    location / {\n'), fixed);
  } finally {
    await c.stop();
    ws.cleanup();
  }
});
