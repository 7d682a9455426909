// lintText's internal options for a template's renderings (template-lint.ts), which read only part of each finding:
// `bare` (a values rendering) leaves out fixes, related places, identities and the undecided mark; `unranged` (every
// rendering) leaves ranges at 0:0. Everything else must be what the full lint gives, in the same order.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, type LintFinding, type LintResult } from '../../shared-rules/engine/lint';
import { renderedWithValues } from '../../shared-rules/engine/template-lint';

const CHART = path.join(__dirname, '../fixtures/deploy/wso2__kubernetes-is@7.0.x/confs/deployment.toml');
const FILE = '/nonexistent/rendering-options/wso2is-7.0.0/repository/conf/deployment.toml';
const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function chartText(): string {
  return renderedWithValues(CHART, fs.readFileSync(CHART, 'utf8'), 'curly')!;
}

test('bare findings are the full findings without fix, related, identity and undecided', () => {
  const text = chartText();
  const full = lintText(FILE, text, { suppressions: false });
  const bare = lintText(FILE, text, { suppressions: false, bare: true });
  // The file exercises every part that bare leaves out (else this test could not fail).
  assert.ok(full.findings.some((f) => f.fix) && full.findings.some((f) => f.related) && full.findings.some((f) => f.identity));
  const strip = ({ fix: _fix, related: _related, identity: _identity, undecided: _undecided, ...rest }: LintFinding) => rest;
  assert.deepEqual(bare.findings, full.findings.map(strip));
  assert.ok(bare.findings.every((f) => !f.fix && !f.related && f.identity === undefined && !f.undecided));
});

/** The result with every range (finding, fix edit, related place) set to 0:0. */
function zeroed(r: LintResult): LintResult {
  const z = (f: LintFinding): LintFinding => {
    const out = { ...f, range: ZERO };
    if (f.fix) out.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, range: ZERO })) };
    if (f.related) out.related = f.related.map((x) => ({ ...x, range: ZERO }));
    return out;
  };
  return { ...r, findings: r.findings.map(z), ...(r.suppressed ? { suppressed: r.suppressed.map((f) => ({ ...z(f), suppression: f.suppression })) } : {}) };
}

test('unranged, no suppression comment: the full result with every range at 0:0', () => {
  const text = `${chartText()}\n[server]\nhostname = "x"\n[broken\n`; // fixes, related places, parse problems
  const full = lintText(FILE, text);
  assert.ok(full.findings.some((f) => f.fix) && full.findings.some((f) => f.related) && full.findings.some((f) => f.guideline === null));
  assert.ok(full.findings.some((f) => f.range.start.line > 0), 'ranges that 0:0 would change');
  assert.deepEqual(lintText(FILE, text, { unranged: true }), zeroed(full));
});

test('unranged, with suppression comments: ranged as usual (suppressions match findings by line), unless suppressions are off', () => {
  // A used suppression (before the first plaintext password) and an unused one.
  const chart = chartText();
  const at = lintText(FILE, chart).findings.find((f) => f.ruleId === 'plaintext-password')!.span.start;
  const lineStart = chart.lastIndexOf('\n', at) + 1;
  const text = `${chart.slice(0, lineStart)}# carbonlint-disable-next-line plaintext-password\n${chart.slice(lineStart)}\n# carbonlint-disable-next-line h2-database\n[server]\nhostname = "x"\n`;
  const full = lintText(FILE, text);
  assert.ok(full.suppressed?.length && full.findings.some((f) => f.ruleId === 'unused-suppression'));
  assert.deepEqual(lintText(FILE, text, { unranged: true }), full);
  assert.deepEqual(lintText(FILE, text, { unranged: true, suppressions: false }), zeroed(lintText(FILE, text, { suppressions: false })));
});
