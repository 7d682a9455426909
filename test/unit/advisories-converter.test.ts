// The advisory converter on the awkward files the data README lists (shared-rules/data/advisories/raw, in the repo).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/shared';

type Pair = { p: string; v: string; l?: number; range?: string; table?: 1; cond?: string; n?: string };
type Rec = { id: string; published: string; severity: string; cvss3?: { score: number; vector: string }; cvss4?: { score: number; vector: string }; cves: string[]; url: string; affected: Pair[]; manual?: string };

const RAW = path.join(REPO, 'shared-rules/data/advisories/raw/en/docs/security-announcements/security-advisories');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = async () => (await import(path.join(REPO, 'scripts/advisories/parse.mjs'))) as {
  parseAdvisory(id: string, folder: string, text: string, releases: Record<string, string[]>): { record: Rec; problems: string[] };
  parseBullet(line: string): { product?: string; versions: string[]; range: boolean; condition?: string };
  isoDate(s: string): string | undefined;
};
const convertMod = async () => (await import(path.join(REPO, 'scripts/advisories/convert.mjs'))) as {
  convert(): { data: { dataDate: string; advisories: Rec[] }; coverage: { files: number; ids: number; ranges: number; rangeFiles: number; manual: string[]; mitigations: number } };
  serialise(d: unknown): string;
};
const releases = JSON.parse(fs.readFileSync(path.join(REPO, 'shared-rules/data/advisories/releases.json'), 'utf8')).releases as Record<string, string[]>;

async function parse(rel: string): Promise<Rec> {
  const { parseAdvisory } = await load();
  const [folder, file] = rel.split('/');
  return parseAdvisory(file.replace(/\.md$/, ''), folder, fs.readFileSync(path.join(RAW, rel), 'utf8'), releases).record;
}
const has = (r: Rec, p: string, v: string) => r.affected.find((x) => x.p === p && x.v === v);

test('generated.json is what the converter writes (run node scripts/advisories/convert.mjs --force after a change)', async () => {
  const { convert, serialise } = await convertMod();
  const { data } = convert();
  assert.equal(serialise(data), fs.readFileSync(path.join(REPO, 'shared-rules/data/advisories/generated.json'), 'utf8'));
});

test('coverage: 357 files, 355 ids, 82 "or earlier" ranges in 36 files, 4 files needing manual data', async () => {
  const { coverage: c } = (await convertMod()).convert();
  assert.equal(c.files, 357);
  assert.equal(c.ids, 355);
  assert.equal(c.ranges, 82); // 81 "or earlier" lines + 1 "and Below"
  assert.equal(c.rangeFiles, 36);
  assert.deepEqual(c.manual, ['WSO2-2019-0432', 'WSO2-2019-0486', 'WSO2-2019-0571', 'WSO2-2019-0655']);
  assert.equal(c.mitigations, 23); // advisories with checked configuration: 17 + WSO2-2021-1738, WSO2-2022-2177 (arrays of tables, carbon.xml, identity.xml), WSO2-2021-1509, WSO2-2025-4597, WSO2-2018-0462, WSO2-2021-1699 (log4j2.properties)
});

test('duplicate ids keep the later copy; the URL uses the folder (publication year), not the id year', async () => {
  const { data } = (await convertMod()).convert();
  const byId = (id: string) => data.advisories.filter((a) => a.id === id);
  assert.equal(byId('WSO2-2023-2075').length, 1);
  assert.equal(byId('WSO2-2023-2075')[0].published, '2024-05-31');
  assert.match(byId('WSO2-2023-2075')[0].url, /\/2024\/WSO2-2023-2075\/$/);
  assert.equal(byId('WSO2-2023-2617').length, 1);
  assert.match(byId('WSO2-2021-1493')[0].url, /\/security-advisories\/2026\/WSO2-2021-1493\/$/);
  assert.equal(data.dataDate, '2026-06-18');
});

test('typos: 5.1.0 for 5.10.0 (2021-1738), ".5.0" (2020-0716), "5 .5.0" (2020-0787)', async () => {
  const a = await parse('2022/WSO2-2021-1738.md');
  assert.ok(has(a, 'is', '5.10.0'));
  assert.equal(has(a, 'is', '5.1.0'), undefined);
  assert.equal(has(a, 'apim', '2.6.0')?.l, 72); // U2 level from the table with a WUM timestamp column
  assert.deepEqual(a.cves, ['CVE-2022-29464']); // from the cve-id key
  const b = await parse('2021/WSO2-2020-0716.md');
  assert.ok(has(b, 'is-km', '5.5.0'));
  assert.equal(has(b, 'is-km', '5.0'), undefined);
  const c = await parse('2021/WSO2-2020-0787.md');
  assert.ok(c.affected.some((x) => x.v === '5.5.0'));
  assert.ok(!c.affected.some((x) => x.v === '5.0' || x.v === '5.0.0' && x.p === 'is-km'));
});

test('"or earlier" ranges expand against releases.json, explicit versions stay explicit', async () => {
  const r = await parse('2021/WSO2-2020-0716.md');
  assert.equal(has(r, 'apim', '3.0.0')?.range, undefined);
  assert.equal(has(r, 'apim', '2.6.0')?.range, '≤3.0.0');
  assert.equal(has(r, 'apim', '3.1.0'), undefined);
  assert.equal(has(r, 'ei', '6.1.1')?.range, '≤6.6.0');
  const { parseBullet } = await load();
  assert.deepEqual(parseBullet('* WSO2 Integration Studio 8.0.0 and Below'), { product: 'integration-studio', rawName: 'WSO2 Integration Studio', versions: ['8.0.0'], range: true, quirky: false });
  assert.equal(parseBullet('* WSO2 API Manager : 2.6.0 or ealier').range, true);
});

test('conditions, profiles, headless bullets, admonitions, stop at the next heading', async () => {
  const scim = await parse('2018/WSO2-2018-0462.md');
  assert.match(has(scim, 'is', '5.3.0')?.cond ?? '', /Only if \*?\*?SCIM 2\.0/);
  assert.equal(has(scim, 'is', '2.0.0'), undefined);
  assert.ok(has(scim, 'is', '5.6.0') && !has(scim, 'is', '5.6.0')?.cond);
  const prof = await parse('2023/WSO2-2022-2177.md'); // "AFFECTED PRODUCTS - REFER TO PATCH LIST BELOW", profile sub-bullets, a Support Matrix admonition
  assert.ok(has(prof, 'apim', '4.1.0'));
  assert.ok(prof.affected.every((x) => /^\d+\.\d+\.\d+$/.test(x.v)));
  const headless = await parse('2023/WSO2-2022-2023.md'); // no AFFECTED heading, "WWSO2 API Manager"
  assert.deepEqual(headless.affected.filter((x) => x.p === 'apim').map((x) => x.v), ['4.1.0', '4.0.0', '3.2.0', '3.1.0', '3.0.0']);
  const stop = await parse('2025/WSO2-2025-3993.md'); // products repeated under "Configuration Changes (mandatory)"
  assert.ok(stop.affected.length > 0);
  assert.equal(stop.cvss4?.vector.startsWith('CVSS:4.0/'), true);
});

test('severity and CVSS forms: "severity :", per-product doc-info, no parentheses, two scores, template placeholder', async () => {
  const { frontMatter } = (await load()) as unknown as { frontMatter(t: string): { fm: Record<string, string> } };
  assert.equal(frontMatter(fs.readFileSync(path.join(RAW, '2017/WSO2-2017-0326.md'), 'utf8')).fm.severity, 'Please refer [^1]');
  assert.equal((await parse('2017/WSO2-2017-0326.md')).severity, 'unknown'); // third-party Tomcat CVEs: no rating of its own
  const perProduct = await parse('2020/WSO2-2020-0864.md');
  assert.equal(perProduct.severity, 'critical');
  const noParens = await parse('2024/WSO2-2023-2987.md');
  assert.match(noParens.cvss3?.vector ?? '', /^CVSS:3\.\d\//);
  const two = await parse('2020/WSO2-2020-0718.md');
  assert.equal(two.cvss3?.score, 6.1);
  const placeholder = await parse('2021/WSO2-2020-1196.md'); // front matter "{{cvss}}": the doc-info line has the score
  assert.equal(placeholder.cvss3?.score, 9.1);
  const na = await parse('2022/WSO2-2022-1849.md');
  assert.equal(na.severity, 'none');
});

test('dates: "Month DD, YYYY", ISO, "7th September 2021"', async () => {
  const { isoDate } = await load();
  assert.equal(isoDate('April 01, 2022'), '2022-04-01');
  assert.equal(isoDate('"2025-10-24"'), '2025-10-24');
  assert.equal(isoDate('7th September 2021'), '2021-09-07');
  assert.equal((await parse('2021/WSO2-2021-1453.md')).published, '2021-09-07');
});

test('update-level table cells: numbers, and "No need to get the update" as config-only', async () => {
  const r = await parse('2024/WSO2-2023-2617.md');
  assert.ok(r.affected.some((x) => x.n === 'config-only'));
  const t = await parse('2026/WSO2-2026-5328.md');
  assert.equal(has(t, 'apim', '4.2.0')?.l, 197);
  assert.equal(has(t, 'ug', '4.5.0')?.l, 57);
});

test('class D/E files: pairs from patch tables; versionless files need manual data', async () => {
  const d = await parse('2019/WSO2-2019-0600.md');
  assert.ok(has(d, 'apim', '2.6.0')?.table);
  const e = await parse('2016/WSO2-2016-0168.md');
  assert.ok(e.affected.length > 0);
  assert.match((await parse('2019/WSO2-2019-0486.md')).manual ?? '', /no product versions/);
  assert.match((await parse('2019/WSO2-2019-0432.md')).manual ?? '', /safe version/);
});
