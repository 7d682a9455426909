// G01 in the Carbon 4.4 homes (no deployment.toml): the security-advisories summary on the vendored carbon.xml of
// EI 6.6.0 and API-M 2.6.0, consistent with `carbonlint advisories --product`, and the identity.xml mitigation
// (WSO2-2021-1573) on the vendored IS 5.7.0 identity.xml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { detectHome, textReader } from '../../shared-rules/engine/product-home';
import { readFileBounded } from '../../shared-rules/engine/resources';
import { run } from './cli-helpers';
import { hoverFor } from '../../server/src/hover';
import { legacyFileOf } from '../../shared-rules/engine/legacy-files';
import { fileStatus } from '../../server/src/status';

const ROOT = path.resolve(__dirname, '../fixtures/legacy');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

type Row = { id: string; severity: string; status: string };

function cliRows(product: string): Row[] {
  const r = run(['advisories', '--product', product, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Row[];
}

function summaryOf(rel: string) {
  const fs_ = lintText(path.join(ROOT, rel), read(rel)).findings.filter((f) => f.ruleId === 'security-advisories');
  assert.equal(fs_.length, 1, `one G01 summary on ${rel}`);
  return fs_[0];
}

/** "4 critical, 7 high, …" from the command's rows, in the rule's wording. */
function counted(rows: Row[]): string {
  const label: Record<string, string> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low', unknown: 'unrated', none: 'informational' };
  return ['critical', 'high', 'medium', 'low', 'unknown', 'none'].map((s) => [label[s], rows.filter((r) => r.severity === s).length] as const).filter(([, n]) => n > 0).map(([l, n]) => `${n} ${l}`).join(', ');
}

for (const [rel, product, title] of [
  ['ei-6.6.0/conf/carbon.xml', 'ei-6.6.0', 'WSO2 Enterprise Integrator 6.6.0'],
  ['apim-2.6.0/repository/conf/carbon.xml', 'apim-2.6.0', 'WSO2 API Manager 2.6.0'],
] as const) {
  test(`${product}: the G01 summary on carbon.xml agrees with carbonlint advisories --product ${product}`, () => {
    const f = summaryOf(rel);
    const rows = cliRows(product);
    assert.ok(rows.length > 0);
    // At <Version>${product.version}</Version> (line 39 in both files from Git): the release comes from the home folder.
    assert.equal(`${f.range.start.line + 1}:${f.range.start.character}`, '39:13');
    assert.equal(f.range.end.line, f.range.start.line);
    assert.equal(f.guidelineId, 'G01');
    // No update level: the worst listed advisory decides (both releases have critical ones).
    assert.ok(rows.some((r) => r.severity === 'critical'));
    assert.equal(f.severity, 'error');
    assert.ok(f.message.startsWith(`${title} (version from folder name, update level unknown (no updates/config.json)): ${rows.length} published advisories list this release; ${counted(rows)}; confirm`), f.message);
    assert.ok(rows.every((r) => r.status === 'unknown'));
  });
}

test('legacy detection feeds the advisory product ids and versions', () => {
  const rd = textReader((p) => readFileBounded(p));
  const ids = (home: string) => { const h = detectHome(path.join(ROOT, home), rd); return `${h.product} ${h.version}`; };
  assert.equal(ids('ei-6.6.0'), 'ei 6.6.0');
  assert.equal(ids('apim-2.6.0'), 'apim 2.6.0');
  assert.equal(ids('is-5.7.0'), 'is 5.7.0');
  assert.equal(ids('esb-5.0.0'), 'esb 5.0.0');
  assert.equal(ids('ei-6.1.1'), 'ei 6.1.1');
});

test('carbonlint advisories PATH finds the Carbon 4.4 homes', () => {
  const r = run(['advisories', path.join(ROOT, 'ei-6.6.0'), '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as Row[]).length, cliRows('ei-6.6.0').length);
});

test('identity.xml (IS 5.7.0): quiet as shipped, a finding when the WSO2-2021-1573 switch is on', () => {
  const rel = 'is-5.7.0/repository/conf/identity/identity.xml';
  const text = read(rel);
  const g01 = (file: string, t: string) => lintText(file, t).findings.filter((f) => f.ruleId === 'advisory-config');
  // As shipped: nothing about WSO2-2021-1573; only the (info) missing first <ResourceAccessControl> entry of WSO2-2022-2177.
  assert.deepEqual(g01(path.join(ROOT, rel), text).map((f) => `${f.severity} ${/WSO2-\d{4}-\d{4}/.exec(f.message)?.[0]}`), ['info WSO2-2022-2177']);
  // The same home in a temporary copy, with the compatibility switch the advisory warns about.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-is57-'));
  try {
    const home = path.join(tmp, 'wso2is-5.7.0');
    fs.mkdirSync(path.join(home, 'repository/conf/identity'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'is-5.7.0/repository/conf/carbon.xml'), path.join(home, 'repository/conf/carbon.xml'));
    const on = text.replace('<JITProvisioning>', '<JITProvisioning>\n        <AllowAssociatingToExistingUser>true</AllowAssociatingToExistingUser>');
    const file = path.join(home, 'repository/conf/identity/identity.xml');
    fs.writeFileSync(file, on);
    const found = g01(file, on).filter((f) => !f.message.includes('WSO2-2022-2177'));
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line + 1, on.split('\n').findIndex((l) => l.includes('<AllowAssociatingToExistingUser>')) + 1);
    assert.match(found[0].message, /re-enables the behaviour fixed by WSO2-2021-1573 .*\(WSO2 Identity Server 5\.7\.0\)$/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('hover on the carbon.xml summary of EI 6.6.0 lists the advisories (EI has no TOML-era family)', () => {
  const file = path.join(ROOT, 'ei-6.6.0/conf/carbon.xml');
  const text = read('ei-6.6.0/conf/carbon.xml');
  const result = lintText(file, text);
  const f = result.findings.filter((x) => x.ruleId === 'security-advisories');
  const md = (hoverFor(f, false, { fileName: file, result }, legacyFileOf(file, text)?.file)!.contents as { value: string }).value;
  assert.match(md, /#### What it does \(Carbon 4\.4 products\)/);
  assert.match(md, /#### Advisories for WSO2 Enterprise Integrator 6\.6\.0 \(update level unknown\)/);
  assert.match(md, /- \[WSO2-2021-1699\]\(https:\/\/security\.docs\.wso2\.com\/[^)]*\/WSO2-2021-1699\/\) \*\*critical\*\*/);
});

test('status item: the release of an EI 6.6.0 home, with where it came from', () => {
  const file = path.join(ROOT, 'ei-6.6.0/conf/carbon.xml');
  const st = fileStatus(lintText(file, read('ei-6.6.0/conf/carbon.xml')), undefined, undefined, file);
  assert.equal(st.release?.label, 'Enterprise Integrator 6.6.0 · update level unknown');
  assert.equal(st.release?.detail, 'product from conf/carbon.xml · version from folder name · no updates/config.json');
});
