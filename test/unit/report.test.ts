// The production-readiness report: all 42 guidelines in the seeds' order and sections, each with a status
// (passed / failed / not applicable / manual), confirmations tracked from .carbonlint.json, in md/html/json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS, NO_CORPUS, REPO } from '../helpers/shared';
import { run, layout, rm } from './cli-helpers';
import { GUIDELINES } from '../../shared-rules/guidelines';
import { CHECKLISTS } from '../../shared-rules/report/checklists';
import { SECTIONS } from '../../shared-rules/report/sections';
import { buildReport, type LintedFile } from '../../shared-rules/report/build';
import { parseConfirmations, confirmationState } from '../../shared-rules/report/confirmations';
import { lintText } from '../../shared-rules/engine/lint';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { allRules } from '../../shared-rules/rules';
import type { ReadinessReport, Entry } from '../../shared-rules/report/model';

const APIM = {
  'wso2am-4.2.0/repository/conf/deployment.toml': 'apim-4.2.0/deployment.toml',
  'wso2am-4.2.0/repository/conf/log4j2.properties': 'apim-4.2.0/log4j2.properties',
  'wso2am-4.2.0/bin/api-manager.sh': 'apim-4.2.0/api-manager.sh',
};
const corpusLayout = (extra: Record<string, string> = {}) =>
  layout({ ...Object.fromEntries(Object.entries(APIM).map(([to, from]) => [to, { copy: path.join(CORPUS, from) }])), ...extra });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const report = (dir: string, args: string[] = []): ReadinessReport => {
  const r = run(['report', '.', '--format', 'json', ...args], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as ReadinessReport;
};
const entry = (r: ReadinessReport, section: string, id: string): Entry => r.sections.find((s) => s.id === section)!.entries.find((e) => e.guidelineId === id)!;
const overall = (r: ReadinessReport, id: string) => r.guidelines.find((g) => g.id === id)!;

test('data: every guideline sits in a section, in the seeds\' order, with a 2–5 item checklist', () => {
  const listed = new Set(SECTIONS.flatMap((s) => s.guidelines));
  assert.deepEqual([...listed].sort(), GUIDELINES.map((g) => g.id));
  assert.deepEqual(SECTIONS.map((s) => s.id), ['apim-runtime', 'mi-runtime', 'os', 'network']);
  for (const g of GUIDELINES) {
    const c = CHECKLISTS[g.id];
    assert.ok(c && c.items.length >= 2 && c.items.length <= 5, g.id);
    assert.ok(c.advice.length > 20, g.id);
  }
});

test('corpus API-M 4.2.0 folder: all 42 guidelines with the expected statuses', { skip: NO_CORPUS }, () => {
  const dir = corpusLayout();
  try {
    const r = report(dir);
    assert.deepEqual(r.guidelines.map((g) => g.id), GUIDELINES.map((g) => g.id));
    assert.deepEqual(r.products.map((p) => [p.product, p.version]), [['apim', '4.2.0']]);
    const c = r.counts;
    assert.equal(c.passed + c.failed + c.notApplicable + c.manual, 42);
    assert.equal(c.confirmed + c.partial + c.stale + c.unconfirmed, c.manual);
    // Failed, with findings linked to file and line.
    for (const [id, file] of [['G18', 'deployment.toml'], ['G03', 'deployment.toml'], ['G13', 'api-manager.sh'], ['G21', 'log4j2.properties']]) {
      const e = entry(r, 'apim-runtime', id);
      assert.equal(e.status, 'failed', id);
      assert.ok(e.findings.length && e.findings.every((x) => x.file.endsWith(file) && x.line >= 1), id);
      assert.equal(overall(r, id).status, 'failed');
    }
    // Not applicable: no context.xml here; no Micro Integrator in this workspace.
    const g17 = entry(r, 'apim-runtime', 'G17');
    assert.equal(g17.status, 'not-applicable');
    assert.match(g17.reason, /No context\.xml/);
    const mi = r.sections.find((s) => s.id === 'mi-runtime')!;
    assert.equal(mi.present, false);
    assert.ok(mi.entries.every((e) => e.status === 'not-applicable'));
    assert.equal(overall(r, 'G27').status, 'not-applicable');
    assert.match(entry(r, 'mi-runtime', 'G27').reason, /No Micro Integrator configuration/);
    // G01 fails since the security advisories are checked: the folder name says API-M 4.2.0 and no update level is recorded.
    assert.equal(overall(r, 'G01').status, 'failed');
    assert.ok(entry(r, 'apim-runtime', 'G01').findings.some((x) => x.rule === 'security-advisories'));
    // Manual: a checklist to confirm.
    for (const id of ['G19', 'G23', 'G30', 'G37', 'G42']) {
      const g = overall(r, id);
      assert.equal(g.status, 'manual', id);
      assert.equal(g.confirmation, 'unconfirmed', id);
    }
    assert.deepEqual(entry(r, 'os', 'G30').manual!.items, CHECKLISTS.G30.items);
  } finally {
    rm(dir);
  }
});

test('passed: a rule that ran on the files of its kind and found nothing, with what it checked', { skip: NO_CORPUS }, () => {
  const xml = '<?xml version="1.0"?>\n<Context>\n  <Manager pathname="">\n    <SessionIdGenerator sessionIdLength="32"/>\n  </Manager>\n</Context>\n';
  const dir = corpusLayout({ 'wso2am-4.2.0/repository/conf/tomcat/carbon/META-INF/context.xml': xml });
  try {
    const g17 = entry(report(dir), 'apim-runtime', 'G17');
    assert.equal(g17.status, 'passed', g17.reason);
    assert.deepEqual(g17.checked.map((c) => c.files), [['wso2am-4.2.0/repository/conf/tomcat/carbon/META-INF/context.xml']]);
    assert.match(g17.reason, /Checked by short-session-id in 1 file: nothing found/);
  } finally {
    rm(dir);
  }
});

test('confirmations: confirmed, partial, stale by age or by product version; maxAgeDays and --stale-after', { skip: NO_CORPUS }, () => {
  const dir = corpusLayout();
  try {
    fs.writeFileSync(path.join(dir, '.carbonlint.json'), JSON.stringify({
      confirmations: {
        G30: { by: 'ops@example.com', date: day(-3), note: 'iptables baseline applied', items: [0, 1, 2] },
        G31: { by: 'ops@example.com', date: day(-400) },
        G32: { by: 'sec@example.com', date: day(-1), items: [0, 2] },
        G23: { by: 'ops@example.com', date: day(-1), product: 'apim-4.0.0' },
      },
    }));
    const r = report(dir);
    assert.equal(overall(r, 'G30').confirmation, 'confirmed');
    assert.equal(entry(r, 'os', 'G30').manual!.confirmation!.note, 'iptables baseline applied');
    assert.equal(overall(r, 'G31').confirmation, 'stale');
    assert.match(entry(r, 'os', 'G31').manual!.reasons[0], /Confirmed 40\d days ago; confirmations expire after 180 days/);
    assert.equal(overall(r, 'G32').confirmation, 'partial');
    assert.match(entry(r, 'os', 'G32').manual!.reasons[0], /Items not confirmed: 2, 4, 5/);
    // (G23, not G01: G01 now fails on the advisories that list API-M 4.2.0, so it has no confirmation state.)
    assert.equal(overall(r, 'G23').confirmation, 'stale');
    assert.match(entry(r, 'apim-runtime', 'G23').manual!.reasons.join(' '), /Confirmed for apim-4\.0\.0; this workspace has apim-4\.2\.0/);
    assert.equal(r.counts.confirmed, 1);
    assert.equal(r.counts.stale, 2);
    assert.equal(overall(report(dir, ['--stale-after', '500']), 'G31').confirmation, 'confirmed');
    // The Markdown shows who confirmed what.
    const md = run(['report', '.'], { cwd: dir }).stdout;
    assert.match(md, /Confirmed by ops@example\.com on \d{4}-\d\d-\d\d: iptables baseline applied/);
    assert.match(md, /- \[x\] An OS-level firewall/);
  } finally {
    rm(dir);
  }
});

test('Markdown and HTML: sections in the seeds\' order, self-contained HTML, no secret values', () => {
  const md = run(['report', 'examples'], { cwd: REPO });
  assert.equal(md.status, 0, md.stderr);
  const heads = [...md.stdout.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  assert.deepEqual(heads, ['Runtime-level security: API-M runtime', 'Runtime-level security: Micro Integrator runtime', 'OS-level security', 'Network-level security', 'Security advisories (G01)']);
  assert.match(md.stdout, /Products: API Manager 4\.2\.0 \(WSO2\), Micro Integrator 4\.3\.0/);
  assert.match(md.stdout, /\[wso2am-4\.2\.0\/repository\/conf\/deployment\.toml:\d+:\d+\]\(examples\/wso2am-4\.2\.0\/repository\/conf\/deployment\.toml#L\d+\)/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-report-'));
  try {
    const out = path.join(dir, 'report.html');
    const r = run(['report', 'examples', '--format', 'html', '--output', out], { cwd: REPO });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /report written to .*report\.html: \d+ failed/);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    assert.ok(!/<script|<link|<img|<iframe|url\(|@import/i.test(html), 'no scripts or external resources');
    assert.match(html, /@media print/);
    for (const g of GUIDELINES) assert.ok(html.includes(`>${g.id}</a>`), `${g.id} in the overview`);
    // Links are relative to the report file.
    assert.ok(html.includes(`href="${path.relative(dir, path.join(REPO, 'examples')).split(path.sep).join('/')}/wso2am-4.2.0/repository/conf/deployment.toml"`));
    const json = run(['report', 'examples', '--format', 'json'], { cwd: REPO }).stdout;
    for (const text of [md.stdout, html, json]) assert.ok(!text.includes('Pr0d-Db-Passw0rd'));
  } finally {
    rm(dir);
  }
});

test('HTML renders in headless Chromium', { skip: !chromium() && 'chromium is not installed' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-shot-'));
  try {
    run(['report', 'examples', '--format', 'html', '--output', path.join(dir, 'r.html')], { cwd: REPO });
    const shot = path.join(dir, 'r.png');
    const r = spawnSync(chromium()!, ['--headless', '--no-sandbox', '--disable-gpu', `--screenshot=${shot}`, '--window-size=1200,1600', `file://${path.join(dir, 'r.html')}`], { encoding: 'utf8', timeout: 60_000 });
    assert.ok(fs.existsSync(shot), r.stderr);
    assert.ok(fs.statSync(shot).size > 20_000, 'a page with content, not a blank one');
  } finally {
    rm(dir);
  }
});

function chromium(): string | undefined {
  for (const c of ['chromium', 'chromium-browser', 'google-chrome']) if (spawnSync('which', [c]).status === 0) return c;
  return undefined;
}

test('build: a Micro Integrator-only workspace — API-M guidelines not applicable, with reasons', () => {
  const file = (p: string, text: string): LintedFile => {
    const r = lintText(p, text);
    return { path: p, kind: r.kind!, product: r.product, findings: r.findings };
  };
  const files = [file('wso2mi-4.3.0/conf/deployment.toml', '[super_admin]\nusername = "admin"\npassword = "admin"\ncreate_admin_account = true\n')];
  const r = buildReport({ files, rules: allRules, settings: resolveSettings(), confirmations: parseConfirmations(undefined).value, now: new Date(), toolVersion: 't', root: 'x' });
  assert.equal(r.sections.find((s) => s.id === 'apim-runtime')!.present, false);
  assert.equal(overall(r, 'G23').status, 'not-applicable');
  assert.match(entry(r, 'os', 'G35').reason, /Not applicable to Micro Integrator/);
  assert.match(entry(r, 'network', 'G41').reason, /API-M runtime/);
  assert.equal(overall(r, 'G27').status, 'failed', 'MI super admin admin/admin');
  // Findings of a guideline the seed lists only for API-M (here a made-up G16 one) still show, in the MI section.
  const g16 = { ...files[0].findings[0], ruleId: 'made-up', guidelineId: 'G16', guideline: 'Enable additional XSS protection', severity: 'warning' as const };
  const r2 = buildReport({ files: [{ ...files[0], findings: [g16] }], rules: allRules, settings: resolveSettings(), confirmations: parseConfirmations(undefined).value, now: new Date(), toolVersion: 't', root: 'x' });
  const mi = r2.sections.find((s) => s.id === 'mi-runtime')!;
  assert.equal(mi.entries.at(-1)!.guidelineId, 'G16');
  assert.equal(mi.entries.at(-1)!.status, 'failed');
  assert.equal(overall(r2, 'G16').status, 'failed');
});

test('confirmations: validation names the key; state rules', () => {
  const { errors } = parseConfirmations({ G99: {}, G30: { by: '', date: '2026-02-30', items: [7], extra: 1 }, maxAgeDays: 0, G31: { by: 'a', date: '2026-01-01', product: 'esb' } });
  assert.deepEqual(errors.map((e) => e.key).sort(), ['confirmations.G30.by', 'confirmations.G30.date', 'confirmations.G30.extra', 'confirmations.G30.items', 'confirmations.G31.product', 'confirmations.G99', 'confirmations.maxAgeDays']);
  const now = new Date('2026-06-01T12:00:00Z');
  assert.equal(confirmationState(undefined, 3, now, 180, []).state, 'unconfirmed');
  assert.equal(confirmationState({ by: 'a', date: '2026-05-01' }, 3, now, 180, []).state, 'confirmed');
  assert.equal(confirmationState({ by: 'a', date: '2025-05-01' }, 3, now, 180, []).state, 'stale');
  assert.equal(confirmationState({ by: 'a', date: '2026-05-01', product: 'mi-4.2.0' }, 3, now, 180, [{ product: 'mi', version: '4.3.0' }]).state, 'stale');
  assert.equal(confirmationState({ by: 'a', date: '2026-05-01', product: 'mi-4.3.0' }, 3, now, 180, [{ product: 'mi', version: '4.3.0' }]).state, 'confirmed');
  assert.equal(confirmationState({ by: 'a', date: '2026-05-01', items: [0, 1] }, 3, now, 180, []).state, 'partial');
});
