// Findings templates put on values files (server/src/values-diagnostics.ts): each template's contribution is
// replaced when it is linted again — a values file it no longer touches is published again without them — and
// another template's contribution stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { LintFinding } from '../../shared-rules/engine/lint';
import type { ValuesFinding } from '../../shared-rules/engine/template-lint';
import { ValuesDiagnostics } from '../../server/src/values-diagnostics';
import { URI } from '../../server/src/uri';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });
const finding = (line: number): LintFinding => ({ ruleId: 'plaintext-password', guideline: 'x', guidelineId: 'G00', severity: 'warning', message: `line ${line}`, span: { start: 0, end: 5 }, range: range(line) });
const value = (file: string, line: number, template: string): ValuesFinding => ({ file, finding: finding(line), template: { file: template, span: { start: 0, end: 1 }, range: range(0) } });

test('a template\'s contribution is replaced on each lint; values files it left are published without it', () => {
  const sent: PublishDiagnosticsParams[] = [];
  const connection = { sendDiagnostics: async (p: PublishDiagnosticsParams) => void sent.push(p) } as unknown as Connection;
  const vd = new ValuesDiagnostics(connection);
  const [v1, v2] = ['/ws/chart/values.yaml', '/ws/chart/values-prod.yaml'];
  const [t1, t2] = ['/ws/chart/a.toml', '/ws/chart/b.toml'].map((p) => URI.fromPath(p));
  const lines = (file: string) => vd.of(URI.fromPath(file)).map((d) => d.range.start.line).sort();

  vd.update(t1, { values: [value(v1, 1, t1), value(v2, 2, t1)] });
  vd.update(t2, { values: [value(v1, 3, t2)] });
  assert.deepEqual(lines(v1), [1, 3]);
  assert.deepEqual(lines(v2), [2]);

  sent.length = 0;
  vd.update(t1, { values: [value(v1, 4, t1)] }); // no longer touches values-prod.yaml
  assert.deepEqual(lines(v1), [3, 4]);
  assert.deepEqual(lines(v2), []);
  assert.deepEqual(new Map(sent.map((p) => [p.uri, p.diagnostics.length])), new Map([[URI.fromPath(v1), 2], [URI.fromPath(v2), 0]]));

  sent.length = 0;
  vd.update(t1, undefined); // linted without values (or gone)
  assert.deepEqual(lines(v1), [3]);
  assert.deepEqual(sent.map((p) => p.uri), [URI.fromPath(v1)]);
  sent.length = 0;
  vd.update(t1, { values: [] });
  assert.deepEqual(sent, [], 'nothing to tell anyone');
});
