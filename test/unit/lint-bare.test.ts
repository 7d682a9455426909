// lintText's internal `bare` option (a template's values rendering, template-lint.ts): the same findings in the same
// order with the same rule, severity, message and positions; only fixes, related places, identities and the
// undecided mark are left out.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, type LintFinding } from '../../shared-rules/engine/lint';
import { renderedWithValues } from '../../shared-rules/engine/template-lint';

const CHART = path.join(__dirname, '../fixtures/deploy/wso2__kubernetes-is@7.0.x/confs/deployment.toml');

test('bare findings are the full findings without fix, related, identity and undecided', () => {
  const text = renderedWithValues(CHART, fs.readFileSync(CHART, 'utf8'), 'curly')!;
  const file = '/nonexistent/bare/wso2is-7.0.0/repository/conf/deployment.toml';
  const full = lintText(file, text, { suppressions: false });
  const bare = lintText(file, text, { suppressions: false, bare: true });
  // The file exercises every part that bare leaves out (else this test could not fail).
  assert.ok(full.findings.some((f) => f.fix) && full.findings.some((f) => f.related) && full.findings.some((f) => f.identity));
  const strip = ({ fix: _fix, related: _related, identity: _identity, undecided: _undecided, ...rest }: LintFinding) => rest;
  assert.deepEqual(bare.findings, full.findings.map(strip));
  assert.ok(bare.findings.every((f) => !f.fix && !f.related && f.identity === undefined && !f.undecided));
});
