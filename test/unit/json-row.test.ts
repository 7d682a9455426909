// The JSON format's rows are written directly (formats.ts jsonElements): they must be byte-identical to
// JSON.stringify(row, null, 2) indented by two, the way they were built before, for any finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { jsonElements, type FileContext } from '../../cli/src/formats';
import type { LintFinding } from '../../shared-rules/engine/lint';

function reference(file: string, findings: readonly LintFinding[], ctx: FileContext): string[] {
  const rel = (path.relative(ctx.cwd, file) || file).split(path.sep).join('/');
  return findings.map((f) => JSON.stringify({
    file: rel, rule: f.ruleId, guideline: f.guideline, guidelineId: f.guidelineId, severity: f.severity,
    message: f.message, line: f.range.start.line + 1, column: f.range.start.character + 1, range: f.range,
    fixable: !!f.fix, docsUrl: ctx.documented.has(f.ruleId) ? `${ctx.docsBase}${f.ruleId}.md` : null,
  }, null, 2).replace(/\n/g, '\n  '));
}

const ODD = ['plain', 'quote " back \\ slash', 'new\nline\r\ttab', 'ctl \u0000\u001f\u007f', 'bmp é ☃ 😀', 'lone \ud800 \udc00', '\u2028\u2029', ''];

function finding(i: number): LintFinding {
  const s = ODD[i % ODD.length];
  const f: LintFinding = {
    ruleId: i % 5 === 0 ? 'toml-syntax' : `rule-${s}`.slice(0, 20), guideline: i % 3 === 0 ? null : `G ${s}`,
    guidelineId: i % 3 === 0 ? null : 'G07', severity: (['error', 'warning', 'info', 'hint'] as const)[i % 4],
    message: `${s} message ${i}`, span: { start: i, end: i + 3 },
    range: { start: { line: i * 7, character: i % 11 }, end: { line: i * 7 + (i % 2), character: 1234 } },
  };
  if (i % 2) f.fix = { title: 't', safe: true, preferred: false, edits: [] };
  // A finding built outside the engine's types (a plugin, an old cache): undefined guideline is omitted.
  if (i % 7 === 6) (f as { guideline?: string | null }).guideline = undefined;
  return f;
}

test('JSON rows: the same bytes as JSON.stringify(row, null, 2), for odd strings, paths and missing fields', () => {
  const findings = Array.from({ length: 60 }, (_, i) => finding(i));
  const ctx: FileContext = { cwd: '/ws', documented: new Set(['rule-plain', 'toml-syntax']), docsBase: 'https://x.test/docs/' };
  for (const file of ['/ws/a/deployment.toml', '/ws/we"ird\\na:me/é.toml', '/elsewhere/x.properties', '/ws']) {
    assert.deepEqual(jsonElements(file, findings, ctx), reference(file, findings, ctx), file);
  }
});
