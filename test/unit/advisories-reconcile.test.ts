// The coverage line reconciled with the data README's counts, figure by figure (scripts/advisories/reconcile.mjs;
// the table in docs/advisories.md states the same), and the repeated update-level rows it found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/shared';

type Added = { rangeLine: string[]; headless: string[]; fixup: string[] };
type Result = {
  levelRows: { readme: number; ours: number; oursDistinct: number; rawRows: number; readmeRows: number; repeated: { file: string; pair: string }[]; droppedRows: number; dropped: string[] };
  levelFiles: { readme: number; ours: number; files: number };
  explicit: { readme: number; reproduced: number; reproducedFiles: number; keptOnly: number; droppedCopies: number; ours: number; added: Added; removed: string[] };
  tableFiles: { readme: number; ours: number; patch: string[]; levelTableOnly: string[] };
  manual: { readme: string[]; ours: string[] };
};
const load = async () => (await import(path.join(REPO, 'scripts/advisories/reconcile.mjs'))) as { reconcile(): Result };
let cached: Result | undefined;
const result = async () => (cached ??= (await load()).reconcile());

test('update-level rows: README 1,962 = distinct (product, version) per file over 357 files; ours 1,967 rows, 1,953 distinct', async () => {
  const { levelRows: L, levelFiles } = await result();
  assert.equal(L.rawRows, 1976); // 1,787 display-name rows + 189 code rows (README 8.1)
  assert.equal(L.readmeRows, 1962); // the README's figure, reproduced
  assert.equal(L.repeated.length, 14); // rows repeating a (product, version) with a second level
  assert.deepEqual([...new Set(L.repeated.map((x) => x.file))], ['2026/WSO2-2024-3115', '2026/WSO2-2024-3352', '2026/WSO2-2024-3581', '2026/WSO2-2025-4337', '2026/WSO2-2025-4727']);
  assert.deepEqual(L.dropped, ['2023/WSO2-2023-2075', '2023/WSO2-2023-2617']);
  assert.equal(L.droppedRows, 9); // the earlier copy of WSO2-2023-2617 (WSO2-2023-2075 has no table)
  assert.equal(L.ours, L.rawRows - L.droppedRows);
  assert.equal(L.oursDistinct, L.readmeRows - L.droppedRows);
  assert.deepEqual([levelFiles.readme, levelFiles.files, levelFiles.ours], [149, 149, 148]);
});

test('explicit pairs: README 3,231 reproduced; ours 3,305 = 3,231 − 18 (second copies) + 82 ("or earlier" lines) + 10 (headless) + 3 − 3 (fix-ups)', async () => {
  const { explicit: E } = await result();
  assert.equal(E.reproduced, 3231);
  assert.equal(E.reproducedFiles, 309 - 2); // the README's 309 files count both copies of WSO2-2023-2617 and -2075
  assert.equal(E.droppedCopies, 18);
  assert.deepEqual([E.added.rangeLine.length, E.added.headless.length, E.added.fixup.length, E.removed.length], [82, 10, 3, 3]);
  assert.deepEqual(E.added.fixup.sort(), ['WSO2-2020-0716|is-km@5.5.0', 'WSO2-2020-0787|is-km@5.5.0', 'WSO2-2021-1738|is@5.10.0']);
  assert.ok(E.added.headless.every((k) => k.startsWith('WSO2-2022-2023|')));
  assert.equal(E.ours, E.keptOnly + E.added.rangeLine.length + E.added.headless.length + E.added.fixup.length - E.removed.length);
  assert.equal(E.ours, 3305);
});

test('files with pairs from tables: README 24 (17 class D + 7 class E); ours 30 = those 24 + 6 whose update-level table adds rows', async () => {
  const { tableFiles: T } = await result();
  assert.equal(T.patch.length, 24);
  assert.equal(T.patch.filter((f) => f.startsWith('WSO2-2016-')).length, 7);
  assert.deepEqual(T.levelTableOnly.map((f) => f.split(' ')[0]).sort(), ['WSO2-2021-1738', 'WSO2-2023-2678', 'WSO2-2023-2864', 'WSO2-2024-3414', 'WSO2-2024-3566', 'WSO2-2025-4517']);
  assert.equal(T.ours, 30);
});

test('manual data: README counts WSO2-2022-2023 (headless, which we read); we count WSO2-2019-0432 (only fixed versions), which the README puts apart', async () => {
  const { manual: M } = await result();
  assert.deepEqual(M.readme.filter((x) => !M.ours.includes(x)), ['WSO2-2022-2023']);
  assert.deepEqual(M.ours.filter((x) => !M.readme.includes(x)), ['WSO2-2019-0432']);
});

const parseMod = async () => (await import(path.join(REPO, 'scripts/advisories/parse.mjs'))) as {
  parseAdvisory(id: string, folder: string, text: string, releases: Record<string, string[]>): { record: { affected: { p: string; v: string; l?: number }[] } };
};
const RAW = path.join(REPO, 'shared-rules/data/advisories/raw/en/docs/security-announcements/security-advisories');

test('a (product, version) with two update levels keeps the highest, whatever the row order', async () => {
  const { parseAdvisory } = await parseMod();
  const releases = JSON.parse(fs.readFileSync(path.join(REPO, 'shared-rules/data/advisories/releases.json'), 'utf8')).releases as Record<string, string[]>;
  const real = parseAdvisory('WSO2-2025-4337', '2026', fs.readFileSync(path.join(RAW, '2026/WSO2-2025-4337.md'), 'utf8'), releases).record;
  const lv = (r: typeof real, p: string, v: string) => r.affected.find((x) => x.p === p && x.v === v)?.l;
  assert.equal(lv(real, 'apim', '3.2.0'), 434); // rows 432 and 434
  assert.equal(lv(real, 'acp', '4.5.0'), 15); // rows 13 and 15
  const text = ['---', 'title: Security Advisory WSO2-2099-0001', 'published: "2099-01-01"', '---', '### AFFECTED PRODUCTS', '* WSO2 API Manager: 4.2.0', '### SOLUTION',
    '| Product Name | Product Version | Update Level |', '| --- | --- | --- |', '| WSO2 API Manager | 4.2.0 | 120 |', '| WSO2 API Manager | 4.2.0 | 100 |', ''].join('\n');
  assert.equal(lv(parseAdvisory('WSO2-2099-0001', '2099', text, releases).record, 'apim', '4.2.0'), 120);
});
