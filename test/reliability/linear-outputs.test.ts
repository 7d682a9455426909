// The regexes added for outputs (fingerprint skeletons, secret masking of entities and name-less secrets, Markdown
// escaping, diff masking) stay linear on adversarial lines: 200,000 characters each within a generous time bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprints } from '../../shared-rules/engine/fingerprint';
import { redactLines } from '../../shared-rules/engine/redact';
import { codeSpan, mdEscape, mdText, mdUrl } from '../../shared-rules/report/md-escape';
import type { LintFinding } from '../../shared-rules/engine/lint';

const N = 200_000;
const LINES = [
  '>'.repeat(N),
  '<!ENTITY '.repeat(N / 9),
  `<!ENTITY ${'% '.repeat(N / 2)}`,
  `<!ENTITY x "${'a'.repeat(N)}`,
  `encryption.key = ${'"'.repeat(N)}`,
  `a=${'= '.repeat(N / 2)}`,
  '`'.repeat(N),
  '`a'.repeat(N / 2),
  `${'['.repeat(N / 2)}${'('.repeat(N / 2)}`,
];

function timed(what: string, fn: () => unknown): void {
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  assert.ok(ms < 1500, `${what}: ${ms.toFixed(0)} ms`);
}

test('fingerprints and masking are linear on adversarial lines', () => {
  for (const [i, line] of LINES.entries()) {
    const text = `[encryption]\n${line}\n`;
    const f = { ruleId: 'r', guideline: null, guidelineId: null, severity: 'info', message: 'm', span: { start: 13, end: 14 }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } } } as unknown as LintFinding;
    timed(`fingerprint #${i}`, () => fingerprints('a/deployment.toml', text, [f]));
    timed(`fingerprint v1 #${i}`, () => fingerprints('a/deployment.toml', text, [f], 1));
    timed(`redact #${i}`, () => redactLines(text));
  }
});

test('Markdown escaping is linear on adversarial lines', () => {
  for (const [i, line] of LINES.entries()) {
    for (const fn of [mdEscape, mdText, codeSpan, mdUrl]) timed(`${fn.name} #${i}`, () => fn(line));
  }
});
