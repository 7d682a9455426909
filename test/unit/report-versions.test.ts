// The readiness report lists every release a tree holds, not only the most common one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, type LintedFile } from '../../shared-rules/report/build';
import { productsLine } from '../../shared-rules/report/labels';
import { confirmationState } from '../../shared-rules/report/confirmations';
import { detectProduct } from '../../shared-rules/engine/product';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { allRules } from '../../shared-rules/rules';

const file = (p: string): LintedFile => ({ path: p, kind: 'toml', product: detectProduct(p, '[server]\n'), findings: [] });

test('several API-M releases in one tree: all listed, most files first', () => {
  const files = [
    file('wso2am-4.2.0/repository/conf/deployment.toml'),
    file('wso2am-4.6.0/repository/conf/deployment.toml'),
    file('old/wso2am-4.6.0/repository/conf/deployment.toml'),
    file('wso2is-7.0.0/repository/conf/deployment.toml'),
  ];
  const r = buildReport({ files, rules: allRules, settings: resolveSettings(), confirmations: { byGuideline: {}, maxAgeDays: 365 }, now: new Date('2026-01-01T00:00:00Z'), toolVersion: 't', root: '/' } as never);
  const apim = r.products.find((p) => p.product === 'apim')!;
  assert.equal(apim.version, '4.6.0');
  assert.deepEqual(apim.versions, ['4.6.0', '4.2.0']);
  assert.equal(productsLine(r), 'API Manager 4.6.0 / 4.2.0 (WSO2), Identity Server 7.0.0 (WSO2)');
});

test('a confirmation is stale when any release in the tree is newer than the one confirmed', () => {
  const s = confirmationState({ date: '2026-01-01', product: 'apim-4.2.0' } as never, 1, new Date('2026-01-02T00:00:00Z'), 365,
    [{ product: 'apim', version: '4.2.0', versions: ['4.2.0', '4.6.0'] }]);
  assert.equal(s.state, 'stale');
  assert.match(s.reasons.join(' '), /apim-4\.6\.0/);
});
