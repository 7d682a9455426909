// Carbon 4.4 identity.xml (G25, G26, G35) and data store accounts (G07): the findings the research table
// (shared/research/legacy-carbon.md §5) predicts for the shipped homes and deployment copies in test/fixtures/legacy/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';

const ROOT = path.resolve(__dirname, '../fixtures/legacy');
const lint = (rel: string) => lintText(path.join(ROOT, rel), fs.readFileSync(path.join(ROOT, rel), 'utf8')).findings;
const at = (rel: string, ruleId: string) => lint(rel).filter((f) => f.ruleId === ruleId).map((f) => `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.character}`);

function counts(rel: string, guidelines: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of lint(rel)) if (f.guidelineId && guidelines.includes(f.guidelineId)) out[f.ruleId] = (out[f.ruleId] ?? 0) + 1;
  return out;
}

test('identity.xml per home: dashboard hash (IS, API-M), chunk size 50000 (IS 5.7+, API-M 2.6, EI 6.5+), callback regex (IS 5.8 only)', () => {
  const expected: Record<string, Record<string, number>> = {
    'apim-2.1.0/repository/conf': { 'default-app-password': 1 },
    'apim-2.6.0/repository/conf': { 'default-app-password': 1, 'session-data-cleanup': 1 },
    'is-5.3.0/repository/conf': { 'default-app-password': 1 },
    'is-5.7.0/repository/conf': { 'default-app-password': 1, 'session-data-cleanup': 1 },
    'is-5.8.0/repository/conf': { 'default-app-password': 1, 'session-data-cleanup': 1, 'recovery-callback-regex': 1 },
    'ei-6.1.1/conf': {}, // no DeleteChunkSize; EI does not ship the endpoint apps
    'ei-6.5.0/conf': { 'session-data-cleanup': 1 },
    'ei-6.6.0/conf': { 'session-data-cleanup': 1 },
    'esb-5.0.0/repository/conf': {},
  };
  for (const [conf, c] of Object.entries(expected)) assert.deepEqual(counts(`${conf}/identity/identity.xml`, ['G25', 'G26', 'G35']), c, conf);
  assert.deepEqual(at('is-5.7.0/repository/conf/identity/identity.xml', 'default-app-password'), ['899:44-108']);
  assert.deepEqual(at('is-5.7.0/repository/conf/identity/identity.xml', 'session-data-cleanup'), ['40:33-38']);
  assert.deepEqual(at('is-5.8.0/repository/conf/identity/identity.xml', 'default-app-password'), ['1060:44-108']);
  // The recovery block (with its regex) sits inside one comment: reported once, at the root element.
  assert.deepEqual(at('is-5.8.0/repository/conf/identity/identity.xml', 'recovery-callback-regex'), ['18:1-7']);
});

test('G07: shipped homes use wso2carbon on H2 and keep LDAP bind DNs in comments; deployment copies connect as root', () => {
  for (const conf of ['apim-2.6.0/repository/conf', 'is-5.7.0/repository/conf', 'ei-6.5.0/conf', 'esb-5.0.0/repository/conf']) {
    assert.deepEqual(counts(`${conf}/datasources/master-datasources.xml`, ['G07']), {}, conf);
    assert.deepEqual(counts(`${conf}/user-mgt.xml`, ['G07']), {}, conf);
  }
  assert.deepEqual(at('docker-apim-2.6.x/apim-with-analytics/apim/repository/conf/datasources/master-datasources.xml', 'privileged-datastore-user'), ['18:30-34', '40:30-34']);
  assert.equal(counts('docker-is-5.7.x/is-with-analytics/identity-server/repository/conf/datasources/master-datasources.xml', ['G07'])['privileged-datastore-user'], 2);
  assert.equal(counts('docker-ei-6.5.x/integrator-bps-analytics/integrator/conf/datasources/master-datasources.xml', ['G07'])['privileged-datastore-user'], 2);
});
