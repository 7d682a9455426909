// Explaining findings: the hover (what, why, guideline, how to fix, links), the shipped documentation the links
// open, related information for findings that involve two places, and the custom requests behind the status
// item and the rule list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startClient } from './client';
import { toDiagnostic } from '../../server/src/diagnostics';
import type { LintFinding } from '../../shared-rules/engine/lint';

const URI = 'file:///tmp/carbonlint-lsp-explain/wso2am-4.2.0/repository/conf/deployment.toml';
const TEXT = '[super_admin]\nusername = "admin"\npassword = "admin"\n';

test('the hover explains the finding and links to the documentation shipped with the extension', async () => {
  const c = await startClient({ initOptions: { commandLinks: true } });
  try {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'toml', version: 1, text: TEXT } });
    const p = await c.diagnostics(URI, (d) => d.version === 1);
    const d = p.diagnostics.find((x) => x.code === 'default-admin-credentials' && x.range.start.line === 1)!;
    const doc = fileURLToPath(d.codeDescription!.href);
    assert.ok(fs.existsSync(doc), `codeDescription opens ${doc}`);
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 13 } })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    for (const part of [/default-admin-credentials/, /Guideline G\d+:\*\* Change default admin credentials/, /#### What it does/, /#### Why it matters/, /#### How to fix/, /Fix: /]) assert.match(md, part);
    assert.ok(md.includes(`[Rule documentation](${d.codeDescription!.href})`));
    assert.match(md, /\[Open as preview\]\(command:carbonlint\.showRuleDoc\?%5B%22default-admin-credentials%22%5D\)/);
    assert.deepEqual(hover.range, d.range);
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///not/open.toml' }, position: { line: 0, character: 0 } }), null);
  } finally {
    await c.stop();
  }
});

test('without the client asking for command links the hover has none (other editors)', async () => {
  const c = await startClient();
  try {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'toml', version: 1, text: TEXT } });
    await c.diagnostics(URI, (d) => d.version === 1);
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 13 } })) as Hover;
    assert.doesNotMatch((hover.contents as MarkupContent).value, /command:/);
  } finally {
    await c.stop();
  }
});

test('related information: a finding with a second place points at it in the same file', () => {
  const f: LintFinding = {
    ruleId: 'plaintext-password', guideline: 'g', guidelineId: 'G1', severity: 'warning', message: 'm',
    span: { start: 0, end: 1 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    related: [{ span: { start: 5, end: 6 }, range: { start: { line: 2, character: 1 }, end: { line: 2, character: 2 } }, message: 'the [secrets] table is here' }],
  };
  const d = toDiagnostic(f, 'file:///x/deployment.toml');
  assert.deepEqual(d.relatedInformation, [{ location: { uri: 'file:///x/deployment.toml', range: f.related![0].range }, message: 'the [secrets] table is here' }]);
});

test('the status and rule list requests', async () => {
  const c = await startClient();
  try {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'toml', version: 1, text: TEXT } });
    await c.diagnostics(URI, (d) => d.version === 1);
    const status = (await c.conn.sendRequest('carbonlint/fileStatus', { uri: URI })) as { recognised: boolean; kind: string; product: { label: string; source: string }; counts: Record<string, number> };
    assert.equal(status.recognised, true);
    assert.equal(status.kind, 'toml');
    assert.match(status.product.label, /API Manager 4\.2\.0/);
    assert.ok(status.counts.error + status.counts.warning >= 2);
    const unknown = (await c.conn.sendRequest('carbonlint/fileStatus', { uri: 'file:///nowhere/x.toml' })) as { recognised: boolean };
    assert.equal(unknown.recognised, false);
    const rules = (await c.conn.sendRequest('carbonlint/rules')) as Array<{ id: string; guidelineId: string }>;
    assert.ok(rules.some((r) => r.id === 'short-session-id' && /^G\d+$/.test(r.guidelineId)));
  } finally {
    await c.stop();
  }
});
