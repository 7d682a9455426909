// The TOML parser against the real deployment.toml corpus, with @iarna/toml as a differential oracle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import iarna from '@iarna/toml';
import type { Span } from '../../../shared-rules/engine/text';
import { effectiveConfig } from '../../../shared-rules/parsers/toml/effective';
import type { TomlEntry, TomlValue } from '../../../shared-rules/parsers/toml/model';
import { parseToml } from '../../../shared-rules/parsers/toml/parse';
import { CORPUS } from '../../helpers/shared';

const corpus = CORPUS;

function tomlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.toml'))
    .map((f) => path.join(dir, f))
    .sort();
}

const files = tomlFiles(corpus);
const rel = (f: string) => path.relative(corpus, f);

/**
 * Syntax errors in templated files that are real: the chart renders invalid TOML on that branch (an unquoted
 * `$secret{…}` reference must be a quoted string), so reporting them is correct.
 */
const KNOWN_TEMPLATED_ERRORS: Record<string, number[]> = {
  'helm-apim-3.2.x/all-in-one/deployment.toml': [172, 182, 192],
};

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

function readIarna(text: string): Record<string, unknown> | undefined {
  try {
    return iarna.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Walks iarna's object along `path`. */
function lookup(obj: unknown, pathParts: readonly string[]): unknown {
  let o = obj;
  for (const p of pathParts) {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) return undefined;
    o = (o as Record<string, unknown>)[p];
  }
  return o;
}

/** Compares one of our values with iarna's (datetimes skipped; arrays and inline tables element-wise). */
function compare(ours: TomlValue, theirs: unknown, where: string): void {
  switch (ours.kind) {
    case 'string':
    case 'integer':
    case 'boolean':
      assert.equal(ours.value, typeof theirs === 'bigint' ? Number(theirs) : theirs, where);
      return;
    case 'float':
      if (Number.isNaN(ours.value)) assert.ok(Number.isNaN(theirs), where);
      else assert.equal(ours.value, theirs, where);
      return;
    case 'array':
      assert.ok(Array.isArray(theirs), where);
      assert.equal(ours.items?.length, theirs.length, where);
      ours.items?.forEach((item, k) => compare(item, theirs[k], `${where}[${k}]`));
      return;
    case 'inline-table':
      for (const m of ours.entries ?? []) compare(m.value, lookup(theirs, m.path), `${where}.${m.path.join('.')}`);
      return;
    case 'datetime':
      return;
    default:
      assert.fail(`${where}: unexpected ${ours.kind} value in a file iarna parses`);
  }
}

test('corpus is present', { skip: files.length === 0 && `no corpus at ${corpus}` }, () => {
  assert.ok(files.length >= 40, `found ${files.length} files`);
});

for (const file of files) {
  const name = rel(file);
  test(`corpus: ${name}`, () => {
    const text = fs.readFileSync(file, 'utf8');
    const doc = parseToml(text);
    const cfg = effectiveConfig(doc);

    // Every span lies inside the text.
    const inside = (s: Span | undefined, what: string) => {
      if (s === undefined) return;
      assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what} ${JSON.stringify(s)}`);
    };
    const checkValue = (v: TomlValue, what: string) => {
      inside(v.span, what);
      inside(v.contentSpan, what);
      assert.equal(v.raw, text.slice(v.span.start, v.span.end), what);
      v.items?.forEach((i) => checkValue(i, what));
      v.entries?.forEach((e) => checkEntry(e));
    };
    const checkEntry = (e: TomlEntry) => {
      const what = e.path.join('.');
      inside(e.span, what);
      inside(e.keySpan, what);
      for (const p of e.keyParts) inside(p.span, what);
      checkValue(e.value, what);
    };
    doc.entries.forEach(checkEntry);
    for (const t of doc.tables) {
      inside(t.headerSpan, t.path.join('.'));
      assert.ok(t.contentEnd >= 0 && t.contentEnd <= text.length);
    }
    for (const p of doc.problems) inside(p.span, p.message);
    for (const s of doc.templateSpans) inside(s, 'template');
    assert.equal(doc.problems.filter((p) => p.code === 'toml-internal').length, 0);

    const templated = text.includes('{{') || text.includes('{%');
    assert.equal(doc.templated, templated);
    const syntaxLines = doc.problems.filter((p) => p.code === 'toml-syntax').map((p) => lineOf(text, p.span.start));

    if (templated) {
      assert.deepEqual(syntaxLines, KNOWN_TEMPLATED_ERRORS[name] ?? [], 'no syntax errors from template text');
      return;
    }

    const reference = readIarna(text);
    if (reference === undefined) {
      // Known-invalid TOML: its problems must be duplicate errors (the product rejects such a file), not crashes or syntax errors.
      assert.deepEqual(syntaxLines, []);
      assert.ok(doc.problems.length > 0, 'iarna rejects it, so something must be reported');
      assert.ok(doc.problems.every((p) => p.code.startsWith('toml-duplicate') && p.severity === 'error'));
      return;
    }

    assert.deepEqual(doc.problems, [], 'iarna parses it, so no problems');
    let compared = 0;
    for (const e of doc.entries) {
      if (e.table.isArray || e.table.arrayOwner) continue;
      compare(e.value, lookup(reference, e.path), e.path.join('.'));
      assert.equal(cfg.get(e.path), e, `last write wins for ${e.path.join('.')}`);
      compared++;
    }
    assert.ok(compared > 0 || doc.entries.length === 0);
    // Every [[table]] instance lines up with iarna's array.
    for (const t of doc.tables) {
      if (!t.isArray || t.arrayOwner) continue;
      const arr = lookup(reference, t.path);
      assert.ok(Array.isArray(arr), t.path.join('.'));
      for (const e of t.entries) compare(e.value, lookup(arr[t.arrayIndex], e.keyParts.map((p) => p.name)), `${t.path.join('.')}[${t.arrayIndex}]`);
    }
  });
}

test('every corpus file cut at every 97th offset: no throw, spans inside the text', { skip: files.length === 0 }, () => {
  for (const file of files) {
    const full = fs.readFileSync(file, 'utf8');
    for (let k = 0; k < full.length; k += 97) {
      const text = full.slice(0, k);
      const doc = parseToml(text);
      const cfg = effectiveConfig(doc);
      cfg.under([]);
      cfg.insertionPoint(['a', 'b']);
      const where = `${rel(file)} cut at ${k}`;
      assert.ok(!doc.problems.some((p) => p.code === 'toml-internal'), where);
      for (const p of doc.problems) assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= k, where);
      for (const e of doc.entries) assert.ok(e.span.start >= 0 && e.span.end <= k && e.value.span.end <= k, where);
    }
  }
});

test('known-invalid MI reference file: duplicate warnings, modelled to the end', { skip: files.length === 0 }, () => {
  const file = path.join(corpus, 'mi-4.4.0-SNAPSHOT-reference/deployment-full.toml');
  const text = fs.readFileSync(file, 'utf8');
  const doc = parseToml(text);
  assert.ok(doc.problems.some((p) => p.code === 'toml-duplicate-key'));
  assert.ok(doc.problems.some((p) => p.code === 'toml-duplicate-table'));
  const last = doc.entries[doc.entries.length - 1];
  assert.ok(lineOf(text, last.span.start) > text.split('\n').length - 50, 'entries up to the end of the file');
});

test('a bare placeholder value is one syntax error; the rest of the file is still read', { skip: files.length === 0 }, () => {
  // The FS accelerator files are sed-substituted; an unquoted placeholder (as older versions had) must not stop us.
  const file = path.join(corpus, 'fs-accelerator-main/fs-apim/wso2am-4.6.0-deployment.toml');
  const original = fs.readFileSync(file, 'utf8');
  const text = original.replace('url = "DB_APIMGT_URL"', 'url = DB_APIMGT_URL');
  assert.notEqual(text, original);
  const doc = parseToml(text);
  assert.equal(doc.problems.length, 1);
  assert.equal(text.slice(doc.problems[0].span.start, doc.problems[0].span.end), 'DB_APIMGT_URL');
  const before = effectiveConfig(parseToml(original));
  const after = effectiveConfig(doc);
  assert.equal(after.under([]).length, before.under([]).length, 'same statements modelled');
});
