// Converts the raw advisories (shared-rules/data/advisories/raw/) into shared-rules/data/advisories/generated.json
// and prints a coverage line. Run by scripts/build.mjs; skips the work when the output is newer than every input.
// Usage: node scripts/advisories/convert.mjs [--force] [--quiet] [--check]
//   --check: exit 1 when generated.json is not what the converter would write (for CI and the tests).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAdvisory } from './parse.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = path.join(ROOT, 'shared-rules', 'data', 'advisories');
export const RAW_DIR = path.join(DATA_DIR, 'raw', 'en', 'docs', 'security-announcements', 'security-advisories');
const OUT = path.join(DATA_DIR, 'generated.json');
const INPUTS = [path.join(DATA_DIR, 'releases.json'), path.join(DATA_DIR, 'mitigations.json'), path.join(ROOT, 'scripts', 'advisories', 'parse.mjs'), fileURLToPath(import.meta.url)];

/** Advisory files as [folder, id, absolute path], sorted; the README's layout: <YYYY>/WSO2-*.md. */
export function advisoryFiles(rawDir = RAW_DIR) {
  const out = [];
  for (const folder of fs.readdirSync(rawDir).filter((d) => /^\d{4}$/.test(d)).sort()) {
    for (const f of fs.readdirSync(path.join(rawDir, folder)).sort()) {
      const m = /^(WSO2-\d{4}-\d{3,5})\.md$/.exec(f);
      if (m) out.push([folder, m[1], path.join(rawDir, folder, f)]);
    }
  }
  return out;
}

/** Converts everything; returns { data, coverage, problems }. */
export function convert(rawDir = RAW_DIR, dataDir = DATA_DIR) {
  const releases = JSON.parse(fs.readFileSync(path.join(dataDir, 'releases.json'), 'utf8')).releases;
  const mitigations = JSON.parse(fs.readFileSync(path.join(dataDir, 'mitigations.json'), 'utf8')).mitigations;
  const files = advisoryFiles(rawDir);
  const byId = new Map();
  const problems = [];
  const cov = { files: files.length, ids: 0, pairs: 0, ranges: 0, rangeFiles: 0, levelRows: 0, levelPairs: 0, withLevels: 0, fromTables: 0, manual: [], mitigations: 0 };
  for (const [folder, id, file] of files) {
    const r = parseAdvisory(id, folder, fs.readFileSync(file, 'utf8'), releases);
    for (const p of r.problems) problems.push(`${folder}/${id}.md: ${p}`);
    const prev = byId.get(id);
    // Two ids appear in two folders (README section 2): keep the later publication, the re-issue.
    if (!prev || (r.record.published ?? '') >= (prev.r.record.published ?? '')) byId.set(id, { r, folder });
  }
  const advisories = [];
  for (const { r } of [...byId.values()].sort((a, b) => (a.r.record.id < b.r.record.id ? -1 : 1))) {
    const rec = r.record;
    const m = mitigations[rec.id];
    if (m) { rec.mitigations = m; cov.mitigations++; }
    advisories.push(rec);
    cov.pairs += r.stats.pairs;
    if (r.stats.ranges) { cov.ranges += r.stats.ranges; cov.rangeFiles++; }
    cov.levelRows += r.stats.levelRows;
    cov.levelPairs += r.stats.levelPairs;
    if (r.stats.levelRows) cov.withLevels++;
    cov.fromTables += r.stats.fromTables ? 1 : 0;
    if (rec.manual) cov.manual.push(rec.id);
  }
  for (const id of Object.keys(mitigations)) if (!byId.has(id)) problems.push(`mitigations.json: no advisory ${id}`);
  cov.ids = advisories.length;
  const dates = advisories.flatMap((a) => [a.published, a.updated]).filter(Boolean).sort();
  const data = { source: 'wso2/docs-security (Apache-2.0), see shared-rules/data/advisories/NOTICE.md', dataDate: dates[dates.length - 1], coverage: coverageLine(cov), advisories };
  return { data, coverage: cov, problems };
}

/** One advisory per line: small diffs when a file is added. */
export function serialise(data) {
  const head = { ...data, advisories: undefined };
  return `{"source":${JSON.stringify(head.source)},"dataDate":${JSON.stringify(head.dataDate)},"coverage":${JSON.stringify(head.coverage)},"advisories":[\n${data.advisories.map((a) => JSON.stringify(a)).join(',\n')}\n]}\n`;
}

export function coverageLine(c) {
  return `advisories: ${c.files} files parsed (${c.ids} distinct ids), ${c.pairs} affected (product, version) pairs, ${c.ranges} "or earlier" ranges expanded in ${c.rangeFiles} files, ${c.withLevels} files with update levels (${c.levelRows} rows, ${c.levelPairs} distinct (product, version)), ${c.fromTables} files with pairs from tables, ${c.mitigations} with config mitigations, ${c.manual.length} needing manual data (${c.manual.join(', ')})`;
}

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return Math.max(t, fs.statSync(dir).mtimeMs);
}

/** The build's entry: convert when an input is newer than generated.json (or forced); print the coverage line. Returns false when --check finds it stale. */
export function run({ force = false, quiet = false, check = false } = {}) {
  const outTime = fs.existsSync(OUT) ? fs.statSync(OUT).mtimeMs : 0;
  const inTime = Math.max(newest(RAW_DIR), ...INPUTS.map((f) => fs.statSync(f).mtimeMs));
  if (!force && !check && outTime > inTime) {
    // The coverage line of the conversion that wrote it, so every build shows it.
    console.log(`${JSON.parse(fs.readFileSync(OUT, 'utf8')).coverage} (generated.json up to date)`);
    return true;
  }
  const { data, coverage, problems } = convert();
  const text = serialise(data);
  console.log(coverageLine(coverage));
  if (!quiet) for (const p of problems) console.log(`  note: ${p}`);
  if (check) {
    const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === text;
    if (!same) console.error('advisories: generated.json is out of date; run node scripts/advisories/convert.mjs');
    return same;
  }
  fs.writeFileSync(OUT, text);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = run({ force: process.argv.includes('--force'), quiet: process.argv.includes('--quiet'), check: process.argv.includes('--check') });
  if (!ok) process.exit(1);
}
