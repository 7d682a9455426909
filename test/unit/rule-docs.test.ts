// Every rule page (generated from the rule's metadata by engine/docs.ts) cites its guideline in both editions of
// the vendor's document and the vendor's page, and lists the settings that change what it reports (Options),
// each a real setting with its real default. The pages in docs/rules are what the generator writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../shared-rules/rules';
import { ruleMarkdown } from '../../shared-rules/engine/docs';
import { DEFAULT_SETTINGS } from '../../shared-rules/engine/settings';
import { SEED_SECTIONS } from '../../shared-rules/data/guideline-references';
import { GUIDELINES } from '../../shared-rules/guidelines';
import { unusedSuppressionDoc } from '../../shared-rules/engine/unused-suppression-doc';
import { REPO } from '../helpers/shared';

const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas/carbonlint.schema.json'), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).contributes.configuration.properties;

test('every guideline has its place in the seeds listed (at least one edition)', () => {
  for (const g of GUIDELINES) {
    const s = SEED_SECTIONS[g.id];
    assert.ok(s && s.mware.length + s.wso2.length > 0, g.id);
  }
});

test('every rule page has References: both editions, the vendor pages', () => {
  for (const r of allRules) {
    const md = ruleMarkdown(r);
    const refs = md.slice(md.indexOf('## References'));
    assert.ok(md.includes('## References'), r.meta.id);
    assert.match(refs, new RegExp(`Production Deployment, ${r.meta.guidelineId}:`));
    assert.match(refs, /MWARE edition \(current\): (“.+›.+”|not in this edition)/, r.meta.id);
    assert.match(refs, /WSO2 edition \(API-M 3\.2\): (“.+›.+”|not in this edition)/, r.meta.id);
    assert.match(refs, /\(https:\/\/apim\.docs\.wso2\.com\/en\/[^)]+security-guidelines-for-production-deployment\/\)/, r.meta.id);
  }
});

test('Options: each is a real setting with its real default, in the editor manifest and the project schema', () => {
  const withOptions = allRules.filter((r) => r.meta.docs.options?.length).map((r) => r.meta.id).sort();
  assert.deepEqual(withOptions, ['ingress-admin-paths-exposed', 'keystore-certificate-expiry', 'passthrough-weak-ciphers', 'proxy-admin-paths-exposed', 'short-session-id', 'weak-tls-ciphers', 'weak-tls-protocols']);
  // A list setting's default is written as JSON (`[]`).
  const show = (v: unknown) => (Array.isArray(v) ? JSON.stringify(v) : String(v));
  for (const id of withOptions) {
    const r = allRules.find((x) => x.meta.id === id)!;
    const md = ruleMarkdown(r);
    assert.ok(md.includes('## Options'), id);
    for (const o of r.meta.docs.options!) {
      const [group, key] = o.setting.split('.');
      assert.equal(show((DEFAULT_SETTINGS as unknown as Record<string, Record<string, unknown>>)[group][key]), o.default, `${id}: ${o.setting} default`);
      assert.equal(show(manifest[`carbonlint.${o.setting}`]?.default), o.default, `${id}: carbonlint.${o.setting} in package.json`);
      assert.equal(show(schema.properties[group].properties[key].default), o.default, `${id}: ${o.setting} in the schema`);
      assert.ok(md.includes(`\`carbonlint.${o.setting}\``), id);
    }
  }
  // Rules without settings get no Options section.
  assert.ok(!ruleMarkdown(allRules.find((r) => r.meta.id === 'plaintext-password')!).includes('## Options'));
});

test('docs/rules holds exactly what the generator writes (rules and unused-suppression)', () => {
  for (const r of [...allRules, unusedSuppressionDoc]) {
    assert.equal(fs.readFileSync(path.join(REPO, 'docs/rules', `${r.meta.id}.md`), 'utf8'), ruleMarkdown(r), r.meta.id);
  }
});
