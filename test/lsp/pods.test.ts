// Issue 19 in the editor: a product's pod manifests get diagnostics open and unopened (workspace scan), a root user
// set in values.yaml is published on the values file, hovers explain the rule, and the quick fix adds runAsNonRoot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { codes, makeWorkspace, scanEnded, startClient } from './client';

const TEMPLATE = `kind: Deployment
spec:
  template:
    spec:
      securityContext:
        runAsUser: {{ .Values.securityContext.runAsUser }}
      containers:
        - name: wso2am
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`;
const VALUES = 'image:\n  repository: wso2/wso2am\n  tag: 4.2.0\nsecurityContext:\n  runAsUser: 0\n';
const PLAIN = `kind: Pod
metadata:
  name: wso2is
spec:
  containers:
    - name: wso2is
      image: wso2/wso2is:7.1.0
      securityContext:
        privileged: true
    - name: proxy
      image: nginx:1.27
      securityContext:
        privileged: true
`;

test('pod manifests: unopened ones scanned, values-line findings, hover and quick fix on an open one', async () => {
  const ws = makeWorkspace({
    'chart/Chart.yaml': 'apiVersion: v2\nname: wso2am\nversion: 1.0.0\n',
    'chart/values.yaml': VALUES,
    'chart/templates/deployment.yaml': TEMPLATE,
    'k8s/is.yaml': PLAIN,
    'k8s/web.yaml': PLAIN.replace(/wso2\/wso2is:7\.1\.0/, 'httpd:2.4').replace(/wso2is/g, 'web'),
  });
  const c = await startClient({ folders: [ws.root] });
  try {
    await scanEnded(c);
    const values = c.latest(ws.uri('chart/values.yaml'));
    assert.deepEqual(codes(values), ['container-runs-as-root']);
    assert.deepEqual(values!.diagnostics[0].range, { start: { line: 4, character: 13 }, end: { line: 4, character: 14 } });
    assert.equal(values!.diagnostics[0].relatedInformation?.[0].location.uri, ws.uri('chart/templates/deployment.yaml'));
    assert.equal(values!.diagnostics[0].relatedInformation?.[0].location.range.start.line, 5);
    assert.deepEqual(codes(c.latest(ws.uri('k8s/is.yaml'))).sort(), ['container-runs-as-root', 'privileged-container'], 'the sidecar\'s privileged: true is not reported');
    assert.ok(!c.published.some((p) => p.uri === ws.uri('k8s/web.yaml') && p.diagnostics.length), 'an unrelated pod: nothing');

    const uri = ws.uri('k8s/is.yaml');
    const text = PLAIN.replace('      securityContext:\n        privileged: true\n    - name: proxy', '    - name: proxy');
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 7, text } });
    const open = await c.diagnostics(uri, (p) => p.version === 7);
    assert.deepEqual(codes(open), ['container-runs-as-root']);
    const d = open.diagnostics[0];
    assert.equal(d.severity, 4, 'a hint: the vendor image runs as wso2carbon');
    assert.deepEqual(d.range, { start: { line: 5, character: 12 }, end: { line: 5, character: 18 } });
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 14 } })) as Hover;
    assert.match(JSON.stringify(hover.contents), /Run product processes with a specific OS-level user/);
    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred && a.kind === 'quickfix');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const edit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 7, text), edit.edits as TextEdit[]);
    assert.match(fixed, /    - name: wso2is\n      securityContext:\n        runAsNonRoot: true\n      image: wso2\/wso2is:7\.1\.0\n/);
  } finally {
    await c.stop();
    ws.cleanup();
  }
});
