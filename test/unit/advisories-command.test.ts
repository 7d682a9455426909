// `carbonlint advisories`: the lists for six releases, spot-checked against the raw advisory files with a scan that
// shares no code with the converter; and release/update-level detection from product homes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/shared';
import { run, layout, rm } from './cli-helpers';
import { detectHome } from '../../shared-rules/engine/product-home';
import { parseProjectConfig } from '../../shared-rules/engine/project-config';
import { toEditorSettings } from '../../server/src/settings';

const RAW = path.join(REPO, 'shared-rules/data/advisories/raw/en/docs/security-announcements/security-advisories');

type Row = { id: string; severity: string; cvss: { score: number } | null; cves: string[]; published: string; url: string; fixedInUpdateLevel: number | null; status: string; range?: string; note?: string };

function cli(args: string[]): Row[] {
  const r = run(['advisories', ...args, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Row[];
}

/** Ids whose AFFECTED bullets name `name` followed directly by a version list that contains `version`. */
function rawExplicit(name: string, version: string): Set<string> {
  const out = new Set<string>();
  const nameRe = new RegExp(`^[*•-]\\s+(?:W?WSO2\\s+)?${name}\\s*[:,-]?\\s*\\d`, 'i');
  const vRe = new RegExp(`(^|[^\\d.])${version.replace(/\./g, '\\.')}(?![\\d.]*\\d)`);
  for (const year of fs.readdirSync(RAW).filter((d) => /^\d{4}$/.test(d))) {
    for (const f of fs.readdirSync(path.join(RAW, year)).filter((x) => /^WSO2-.*\.md$/.test(x))) {
      const lines = fs.readFileSync(path.join(RAW, year, f), 'utf8').split('\n');
      const start = lines.findIndex((l) => /^###\s*AFFECTED/i.test(l));
      const end = lines.findIndex((l, i) => i > start && /^###\s/.test(l));
      for (const l of lines.slice(start + 1, end)) {
        if (nameRe.test(l) && vRe.test(l.replace(/^.*?\d/, (m) => m.slice(-1))) /* "6.6.0 or earlier" names 6.6.0 itself */) out.add(f.replace(/\.md$/, ''));
      }
    }
  }
  return out;
}

const CASES: Array<{ spec: string; name: string; version: string; count: number; spot: Record<string, { level: number | null; severity?: string; range?: string }> }> = [
  { spec: 'apim-4.2.0', name: 'API Manager', version: '4.2.0', count: 98, spot: { 'WSO2-2026-5328': { level: 197, severity: 'critical' }, 'WSO2-2025-4510': { level: 169 } } },
  { spec: 'is-5.11.0', name: 'Identity Server', version: '5.11.0', count: 111, spot: { 'WSO2-2021-1738': { level: 103, severity: 'critical' }, 'WSO2-2025-4672': { level: 423 } } },
  { spec: 'mi-4.2.0', name: 'Micro Integrator', version: '4.2.0', count: 6, spot: { 'WSO2-2025-3993': { level: 112, severity: 'critical' }, 'WSO2-2023-2938': { level: null, severity: 'high' } } },
  { spec: 'ei-6.6.0', name: 'Enterprise Integrator', version: '6.6.0', count: 65, spot: { 'WSO2-2025-4800': { level: 227 }, 'WSO2-2020-0716': { level: null } } },
  { spec: 'apim-2.6.0', name: 'API Manager', version: '2.6.0', count: 83, spot: { 'WSO2-2020-0716': { level: null, range: '≤3.0.0' }, 'WSO2-2019-0600': { level: null }, 'WSO2-2021-1738': { level: 72 } } },
  { spec: 'is-7.1.0', name: 'Identity Server', version: '7.1.0', count: 39, spot: { 'WSO2-2025-4525': { level: 32 }, 'WSO2-2025-4583': { level: 42 } } },
];

for (const c of CASES) {
  test(`advisories --product ${c.spec}: every advisory that lists it explicitly, ranges and tables marked, spot values`, () => {
    const rows = cli(['--product', c.spec]);
    const ids = new Set(rows.map((r) => r.id));
    assert.equal(ids.size, rows.length, 'one row per advisory');
    assert.equal(rows.length, c.count);
    const explicit = rawExplicit(c.name, c.version);
    for (const id of explicit) assert.ok(ids.has(id), `${id} lists ${c.spec} in its AFFECTED section`);
    // Anything beyond the explicit bullets comes from an "or earlier" range, a table, a headless list or a fixed-up typo.
    const extra = rows.filter((r) => !explicit.has(r.id));
    for (const r of extra) assert.ok(r.range || /table/.test(r.note ?? '') || ['WSO2-2022-2023', 'WSO2-2021-1738', 'WSO2-2020-0716', 'WSO2-2020-0787'].includes(r.id), `${r.id} for ${c.spec}: why listed?`);
    for (const [id, want] of Object.entries(c.spot)) {
      const r = rows.find((x) => x.id === id);
      assert.ok(r, `${id} in the list for ${c.spec}`);
      assert.equal(r.fixedInUpdateLevel, want.level, `${id} fixing level`);
      if (want.severity) assert.equal(r.severity, want.severity);
      if (want.range) assert.equal(r.range, want.range);
      assert.equal(r.status, 'unknown'); // no update level given
      assert.match(r.url, new RegExp(`^https://security\\.docs\\.wso2\\.com/en/latest/security-announcements/security-advisories/\\d{4}/${id}/$`));
      assert.ok(/^\d{4}-\d{2}-\d{2}$/.test(r.published));
    }
  });
}

test('vendor codes and an update level: wso2am-4.2.0.197 marks WSO2-2026-5328 fixed, a later one open', () => {
  const byCode = cli(['--product', 'wso2am-4.2.0']);
  assert.equal(byCode.length, 98);
  const rows = cli(['--product', 'wso2am-4.2.0.197']);
  assert.equal(rows.find((r) => r.id === 'WSO2-2026-5328')?.status, 'fixed');
  assert.equal(rows.find((r) => r.id === 'WSO2-2025-4500')?.status, 'fixed'); // level 7
  const open = cli(['--product', 'apim-4.2.0', '--update-level', '100']);
  assert.equal(open.find((r) => r.id === 'WSO2-2026-5328')?.status, 'open');
  assert.ok(open.every((r) => (r.fixedInUpdateLevel === null ? r.status === 'unknown' : r.status === (100 >= r.fixedInUpdateLevel ? 'fixed' : 'open'))));
});

test('a product home: release from updates/product.txt, level from updates/config.json; text output names the sources', () => {
  const dir = layout({
    'wso2is-7.1.0/updates/product.txt': 'wso2is-7.1.0\n',
    'wso2is-7.1.0/updates/config.json': '{"update-level": 32}',
    'wso2is-7.1.0/repository/conf/deployment.toml': '[server]\nhostname = "is.example.com"\n',
  });
  try {
    const rows = cli([dir]);
    assert.equal(rows.find((r) => r.id === 'WSO2-2025-4525')?.status, 'fixed');
    const text = run(['advisories', dir]);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^WSO2 Identity Server 7\.1\.0, update level 32 — wso2is-7\.1\.0\n {2}product from updates\/product\.txt \(wso2is-7\.1\.0\/updates\/product\.txt\); version from updates\/product\.txt .*; update level from updates\/config\.json update-level/m);
  } finally {
    rm(dir);
  }
});

test('bad --product and format: exit 2', () => {
  assert.equal(run(['advisories', '--product', 'foo-1.0.0']).status, 2);
  assert.equal(run(['advisories', '--product', 'apim-4.2.0', '--format', 'xml']).status, 2);
});

const files = (m: Record<string, string>) => (p: string) => m[p];

test('detectHome: precedence, each fact with its source; EI 6.x carbon.xml; U2 folder name; Dockerfile tag', () => {
  const h = detectHome('/x/wso2am-4.2.0', files({ '/x/wso2am-4.2.0/updates/product.txt': 'wso2am-4.2.0', '/x/wso2am-4.2.0/bin/version.txt': 'WSO2 API Manager v4.1.0', '/x/wso2am-4.2.0/updates/config.json': '{"update-level": -1}' }));
  assert.deepEqual([h.product, h.version, h.updateLevel], ['apim', '4.2.0', 0]);
  assert.equal(h.facts.find((f) => f.what === 'version')?.source, 'updates/product.txt');
  const ei = detectHome('/opt/ei', files({ '/opt/ei/conf/carbon.xml': '<Server><Name>WSO2 Enterprise Integrator</Name><Version>6.6.0</Version></Server>' }));
  assert.deepEqual([ei.product, ei.version], ['ei', '6.6.0']);
  const u2 = detectHome('/opt/wso2mi-4.2.0.56', files({}));
  assert.deepEqual([u2.product, u2.version, u2.updateLevel, u2.facts.find((f) => f.what === 'updateLevel')?.uncertain], ['mi', '4.2.0', 56, true]);
  const docker = detectHome('/repo/am/home', files({ '/repo/am/Dockerfile': 'ARG X=1\nFROM docker.wso2.com/wso2am:4.2.0.5 AS base\n' }));
  assert.deepEqual([docker.product, docker.version, docker.updateLevel], ['apim', '4.2.0', 5]);
  assert.match(docker.facts[1].source, /image tag in \.\.\/Dockerfile/);
  const helm = detectHome('/k/charts/am/home', files({ '/k/charts/am/values.yaml': 'wso2:\n  image:\n    repository: "docker.wso2.com/wso2am"\n    tag: "4.2.0.12"\n' }));
  assert.deepEqual([helm.product, helm.version, helm.updateLevel], ['apim', '4.2.0', 12]);
  const helmOne = detectHome('/k/home', files({ '/k/values.yaml': 'image: wso2/wso2is:7.1.0\n' }));
  assert.deepEqual([helmOne.product, helmOne.version, helmOne.updateLevel], ['is', '7.1.0', undefined]);
  const notClear = detectHome('/k/home', files({ '/k/values.yaml': 'imageName: wso2am\nimageTag: 4.2.0\n' }));
  assert.equal(notClear.version, undefined);
  const placeholder = detectHome('/h', files({ '/h/repository/conf/carbon.xml': '<Name>${product.name}</Name><Version>${product.version}</Version>' }));
  assert.equal(placeholder.version, undefined);
});

test('advisories settings: .carbonlint.json and the editor both accept severity and maxDataAgeDays, and reject bad values', () => {
  const ok = parseProjectConfig('{"advisories": {"severity": "info", "maxDataAgeDays": 30}}');
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.config.settings.advisories, { severity: 'info', maxDataAgeDays: 30 });
  const bad = parseProjectConfig('{"advisories": {"severity": "loud", "maxDataAgeDays": -1}}');
  assert.deepEqual(bad.errors.map((e) => e.key), ['advisories.severity', 'advisories.maxDataAgeDays']);
  assert.deepEqual(toEditorSettings({ advisories: { severity: 'off', maxDataAgeDays: 90 } }, null).settings.advisories, { severity: 'off', maxDataAgeDays: 90 });
  assert.equal(toEditorSettings({ advisories: { severity: 'nope' } }, null).settings.advisories?.severity, 'auto');
});
