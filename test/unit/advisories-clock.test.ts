// The G01 summary names the age of the bundled advisory data, so its message changes with the clock: its identity
// (fingerprint, baseline) must not, or a pipeline with a baseline fails on the day the data turns old.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintText } from '../../shared-rules/engine/lint';
import { fingerprints } from '../../shared-rules/engine/fingerprint';
import { REPO } from '../helpers/shared';
import { layout, rm, run } from './cli-helpers';

const HOME = '/srv/wso2am-4.2.0';
const TOML = `${HOME}/repository/conf/deployment.toml`;
const TEXT = '[server]\nhostname = "am.example.com"\n';
const files: Record<string, string> = { [`${HOME}/updates/product.txt`]: 'wso2am-4.2.0' };

function g01At(iso: string) {
  const now = Date.parse(iso);
  const r = lintText(TOML, TEXT, { resources: { readFile: (p) => (files[p] !== undefined ? new TextEncoder().encode(files[p]) : undefined), env: {}, now: () => now } });
  const i = r.findings.findIndex((f) => f.ruleId === 'security-advisories');
  assert.ok(i >= 0, 'a G01 summary');
  return { finding: r.findings[i], fingerprint: fingerprints('repository/conf/deployment.toml', TEXT, r.findings)[i] };
}

test('the data-age note changes the G01 message, not its fingerprint', () => {
  const fresh = g01At('2026-12-01T00:00:00Z');
  const old = g01At('2027-06-01T00:00:00Z');
  const older = g01At('2027-06-02T00:00:00Z');
  assert.match(fresh.finding.message, /Advisory data of 2026-06-18\.$/);
  assert.match(old.finding.message, /from 2026-06-18, 348 days old \(more than advisories\.maxDataAgeDays = 180\)/);
  assert.match(older.finding.message, /349 days old/);
  assert.equal(old.fingerprint, fresh.fingerprint);
  assert.equal(older.fingerprint, fresh.fingerprint);
  assert.equal(fresh.finding.identity, old.finding.identity);
  assert.ok(!/2026-06-18|days old/.test(old.finding.identity ?? ''), 'the identity leaves the data note out');
});

test('CLI: a baseline written while the data was fresh still accepts the G01 summary when it is old', () => {
  const dir = layout({ 'wso2am-4.2.0/repository/conf/deployment.toml': TEXT, 'wso2am-4.2.0/updates/product.txt': 'wso2am-4.2.0' });
  const clock = (date: string) => ({ CARBONLINT_TEST_CLOCK: date, NODE_OPTIONS: `--import ${pathToFileURL(path.join(REPO, 'test/helpers/fake-clock.mjs')).href}` });
  try {
    const write = run(['wso2am-4.2.0', '--baseline', 'b.json', '--update-baseline'], { cwd: dir, env: clock('2026-12-01') });
    assert.equal(write.status, 0, write.stderr);
    const plain = run(['wso2am-4.2.0', '--format', 'json'], { cwd: dir, env: clock('2027-06-01') });
    assert.match(plain.stdout, /348 days old/, 'the shifted clock reaches the CLI');
    const later = run(['wso2am-4.2.0', '--baseline', 'b.json'], { cwd: dir, env: clock('2027-06-01') });
    assert.equal(later.status, 0, later.stdout + later.stderr);
    assert.doesNotMatch(later.stdout, /security-advisories/);
  } finally {
    rm(dir);
  }
});
