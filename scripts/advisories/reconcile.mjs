// Reconciles the converter's coverage figures with the counts of the data README (../shared/advisories/README.md,
// summarised in docs/advisories.md), one figure at a time, naming every row or file that differs and why.
// The README's counts are over all 357 files (both copies of a duplicated id); the converter's are over the 355
// advisories it keeps. Usage: node scripts/advisories/reconcile.mjs [--json]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { advisoryFiles, convert, DATA_DIR } from './convert.mjs';
import { affectedLines, parseBullet, parseAdvisory, tables, tableKind, productId } from './parse.mjs';

/** The README's figures (sections 7.3 and 8.1 of the data README). */
export const README = { files: 357, ids: 355, rangeLines: 82, rangeFiles: 36, levelFiles: 149, levelRows: 1962, explicitPairs: 3231, explicitFiles: 309, tableFiles: 24, manual: ['WSO2-2019-0486', 'WSO2-2019-0571', 'WSO2-2019-0655', 'WSO2-2022-2023'] };

export function reconcile() {
  const releases = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'releases.json'), 'utf8')).releases;
  const { data, coverage } = convert();
  const files = advisoryFiles();
  const kept = new Map(data.advisories.map((a) => [a.id, a]));
  const keptFolder = (id) => new URL(kept.get(id).url).pathname.split('/').slice(-3, -2)[0];
  const dropped = files.filter(([folder, id]) => keptFolder(id) !== folder).map(([folder, id]) => `${folder}/${id}`);

  // Update-level rows. README: distinct (product, version) per file over 357 files; rows repeating one are listed.
  let rawRows = 0;
  const repeated = [];
  let droppedRows = 0;
  let readmeRows = 0;
  const levelFiles = [];
  for (const [folder, id, file] of files) {
    const seen = new Set();
    let n = 0;
    for (const t of tables(fs.readFileSync(file, 'utf8'))) {
      if (tableKind(t.header) !== 'update-level') continue;
      const pi = t.header.findIndex((h) => h.startsWith('product') && !h.includes('version'));
      const vi = t.header.findIndex((h) => h.includes('version'));
      const li = t.header.findIndex((h) => h.includes('update level'));
      for (const r of t.rows) {
        n++;
        const k = `${productId(r[pi] ?? '') ?? r[pi]}@${(r[vi] ?? '').trim()}`;
        if (seen.has(k)) repeated.push({ file: `${folder}/${id}`, pair: k, level: r[li] });
        seen.add(k);
      }
    }
    if (n) levelFiles.push(`${folder}/${id}`);
    rawRows += n;
    readmeRows += seen.size;
    if (dropped.includes(`${folder}/${id}`)) droppedRows += n;
  }

  // Explicit pairs. README: versions on top-level bullets that are not "or earlier" lines, distinct per file, the
  // headless file excluded, over 357 files. Ours: pairs without `range` or `table` in the kept advisories.
  const readmeKeys = new Set();
  const readmeFiles = new Set();
  for (const [folder, id, file] of files) {
    if (dropped.includes(`${folder}/${id}`)) continue; // counted below as "second copy"
    const aff = affectedLines(fs.readFileSync(file, 'utf8'));
    if (aff.headless) continue;
    for (const l of aff.lines) {
      if (!/^[*\-•]\s+\S/.test(l)) continue;
      const b = parseBullet(l);
      if (!b.product || b.range) continue;
      for (const v of b.versions) { readmeKeys.add(`${id}|${b.product}@${v}`); readmeFiles.add(id); }
    }
  }
  let readmeDropped = 0;
  for (const [folder, id, file] of files) {
    if (!dropped.includes(`${folder}/${id}`)) continue;
    const s = new Set();
    for (const l of affectedLines(fs.readFileSync(file, 'utf8')).lines) {
      const b = /^[*\-•]\s+\S/.test(l) ? parseBullet(l) : undefined;
      if (b?.product && !b.range) for (const v of b.versions) s.add(`${b.product}@${v}`);
    }
    readmeDropped += s.size;
  }
  const ours = new Set();
  for (const a of data.advisories) for (const p of a.affected) if (!p.range && !p.table) ours.add(`${a.id}|${p.p}@${p.v}`);
  const rangeMax = new Set();
  const headless = new Set();
  for (const [folder, id, file] of files) {
    const aff = affectedLines(fs.readFileSync(file, 'utf8'));
    for (const l of aff.lines) {
      const b = /^[*\-•]\s+\S/.test(l) ? parseBullet(l) : undefined;
      if (!b?.product) continue;
      if (aff.headless) for (const v of b.versions) headless.add(`${id}|${b.product}@${v}`);
      else if (b.range) rangeMax.add(`${id}|${b.product}@${b.versions[b.versions.length - 1]}`);
    }
  }
  const added = { rangeLine: [], headless: [], fixup: [] };
  for (const k of ours) {
    if (readmeKeys.has(k)) continue;
    if (headless.has(k)) added.headless.push(k);
    else if (rangeMax.has(k)) added.rangeLine.push(k);
    else added.fixup.push(k);
  }
  const removed = [...readmeKeys].filter((k) => !ours.has(k));

  // Files with pairs from tables: README 24 = 17 class-D patch-table files + 7 class-E (2016, no AFFECTED section).
  const tableFiles = { patch: [], levelTableOnly: [] };
  for (const [folder, id, file] of files) {
    if (dropped.includes(`${folder}/${id}`)) continue;
    const r = parseAdvisory(id, folder, fs.readFileSync(file, 'utf8'), releases);
    if (!r.stats.fromTables) continue;
    const onlyTables = r.record.affected.every((p) => p.table);
    (onlyTables ? tableFiles.patch : tableFiles.levelTableOnly).push(`${id} (${r.record.affected.filter((p) => p.table).map((p) => `${p.p} ${p.v}`).join(', ')})`);
  }

  return {
    coverage,
    levelRows: { readme: README.levelRows, ours: coverage.levelRows, oursDistinct: coverage.levelPairs, rawRows, readmeRows, repeated, droppedRows, dropped },
    levelFiles: { readme: README.levelFiles, ours: coverage.withLevels, files: levelFiles.length },
    explicit: { readme: README.explicitPairs, readmeFiles: README.explicitFiles, reproduced: readmeKeys.size + readmeDropped, reproducedFiles: readmeFiles.size, keptOnly: readmeKeys.size, droppedCopies: readmeDropped, ours: ours.size, added, removed },
    tableFiles: { readme: README.tableFiles, ours: coverage.fromTables, ...tableFiles },
    manual: { readme: README.manual, ours: coverage.manual },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = reconcile();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 1));
  else {
    const L = r.levelRows;
    console.log(`update-level rows: README ${L.readme}, ours ${L.ours} rows / ${L.oursDistinct} distinct. Raw rows in 357 files: ${L.rawRows}; distinct (product, version) per file: ${L.readmeRows} (= README); second copy ${L.dropped.join(', ')}: ${L.droppedRows} rows`);
    for (const x of L.repeated) console.log(`  repeated pair ${x.file} ${x.pair} (level ${x.level}; the highest level is kept)`);
    console.log(`files with update levels: README ${r.levelFiles.readme} (counted over ${r.levelFiles.files} files), ours ${r.levelFiles.ours}: second copy of duplicated ids`);
    const E = r.explicit;
    console.log(`explicit pairs: README ${E.readme} in ${E.readmeFiles} files, reproduced ${E.reproduced} (${E.keptOnly} + ${E.droppedCopies} in second copies); ours ${E.ours}`);
    console.log(`  + ${E.added.rangeLine.length} versions written on an "or earlier" line: ${E.added.rangeLine.join(', ')}`);
    console.log(`  + ${E.added.headless.length} from the headless bullets: ${E.added.headless.join(', ')}`);
    console.log(`  + ${E.added.fixup.length} from typo fix-ups: ${E.added.fixup.join(', ')}`);
    console.log(`  - ${E.removed.length} removed by fix-ups: ${E.removed.join(', ')}`);
    console.log(`files with pairs from tables: README ${r.tableFiles.readme}, ours ${r.tableFiles.ours}`);
    console.log(`  patch tables only (${r.tableFiles.patch.length}): ${r.tableFiles.patch.join('; ')}`);
    console.log(`  update-level table rows missing from the AFFECTED list (${r.tableFiles.levelTableOnly.length}): ${r.tableFiles.levelTableOnly.join('; ')}`);
    console.log(`manual: README ${r.manual.readme.join(', ')}; ours ${r.manual.ours.join(', ')}`);
  }
}
