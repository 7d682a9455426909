// Issue 22 ("detect"): work that depends only on the release or on the disk outside the walk is done once per run,
// not once per file — and gives the same answers. The G01 summary is shared by every deployment.toml of one release
// (and differs as soon as anything it reads differs); a probe above the walk's root that the disk says is absent is
// asked once per CLI run, never when no snapshot is set (the language server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { knownAbsent, noteAbsent, setDiskSnapshot, snapshotBuilder } from '../../shared-rules/engine/disk-snapshot';
import { textReader } from '../../shared-rules/engine/product-home';
import { detectProduct } from '../../shared-rules/engine/product';
import { advisorySummary } from '../../shared-rules/rules/util/advisory-summary';
import { sharedAdvisoryMatches, advisoriesFor } from '../../shared-rules/data/advisories';
import { DEFAULT_SETTINGS } from '../../shared-rules/engine/settings';
import type { RuleContext, RuleResources } from '../../shared-rules/engine/rule';

function stub(files: Record<string, string>): RuleResources {
  return { readFile: (p) => (files[p] !== undefined ? new TextEncoder().encode(files[p]) : undefined), env: {}, now: () => Date.parse('2026-07-01T00:00:00Z') };
}

function ctxFor(fileName: string, files: Record<string, string>): RuleContext {
  const text = '[server]\nhostname = "am.example.com"\n';
  return { fileName, text, model: {} as never, settings: DEFAULT_SETTINGS, product: detectProduct(fileName, text), report: () => {}, resources: stub(files) };
}

test('G01 summary: one object for every deployment.toml of the same release; another level gives another summary', () => {
  const a = '/srv/a/wso2am-4.2.0/repository/conf/deployment.toml';
  const b = '/srv/b/wso2am-4.2.0/repository/conf/deployment.toml';
  const s1 = advisorySummary(ctxFor(a, { '/srv/a/wso2am-4.2.0/updates/product.txt': 'wso2am-4.2.0\n' }));
  const s2 = advisorySummary(ctxFor(b, { '/srv/b/wso2am-4.2.0/updates/product.txt': 'wso2am-4.2.0\n' }));
  assert.ok(s1);
  assert.equal(s2, s1, 'the same release, the same facts: computed once');
  const withLevel = advisorySummary(ctxFor(b, { '/srv/b/wso2am-4.2.0/updates/product.txt': 'wso2am-4.2.0\n', '/srv/b/wso2am-4.2.0/updates/config.json': '{"update-level": 196}' }));
  assert.notEqual(withLevel?.message, s1.message);
  assert.match(withLevel!.message, /open at update level 196/);
  const byPath = advisorySummary(ctxFor(b, {}));
  assert.match(byPath!.message, /version from folder name/, 'another source of the version: another message');
  assert.notEqual(byPath, s1);
});

test('sharedAdvisoryMatches: the matches of advisoriesFor, shared and frozen', () => {
  const m = sharedAdvisoryMatches('apim', '4.2.0', 100);
  assert.equal(sharedAdvisoryMatches('apim', '4.2.0', 100), m);
  assert.deepEqual([...m], advisoriesFor('apim', '4.2.0', 100));
  assert.ok(Object.isFrozen(m) && m.length > 0 && Object.isFrozen(m[0]));
  assert.notEqual(sharedAdvisoryMatches('apim', '4.2.0', 101), m);
});

test('textReader: a path outside the walk that the disk says is absent is asked once per run, never without a snapshot', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-detect-'));
  try {
    const missing = path.join(outside, 'Dockerfile');
    const present = path.join(outside, 'values.yaml');
    fs.writeFileSync(present, 'image: wso2am:4.2.0\n');
    let reads = 0;
    const read = textReader((p) => {
      reads++;
      return fs.existsSync(p) ? fs.readFileSync(p) : undefined;
    });
    // No snapshot (the language server): the disk every time.
    assert.equal(read(missing), undefined);
    assert.equal(read(missing), undefined);
    assert.equal(reads, 2);
    noteAbsent(missing);
    assert.equal(knownAbsent(missing), false, 'no snapshot: nothing is remembered');
    const b = snapshotBuilder();
    b.add(path.resolve('/ws-not-here'), ['home']);
    setDiskSnapshot(b.data());
    try {
      reads = 0;
      assert.equal(read(missing), undefined);
      assert.equal(read(missing), undefined);
      assert.equal(reads, 1, 'absent outside the walk: asked once');
      assert.equal(knownAbsent(missing), true);
      assert.equal(read(present), 'image: wso2am:4.2.0\n');
      assert.equal(read(present), 'image: wso2am:4.2.0\n');
      assert.equal(reads, 3, 'a present file is read each time (its text is not kept)');
      assert.equal(knownAbsent(present), false);
    } finally {
      setDiskSnapshot(undefined);
    }
    // A new run starts from nothing: the file may exist now.
    fs.writeFileSync(missing, 'FROM wso2am:4.2.0\n');
    setDiskSnapshot(snapshotBuilder().data());
    try {
      assert.equal(knownAbsent(missing), false);
      assert.equal(read(missing), 'FROM wso2am:4.2.0\n');
    } finally {
      setDiskSnapshot(undefined);
    }
  } finally {
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test('knownAbsent: the same answer for a path written with ".", "..", "//" or a trailing slash (resolved only then)', () => {
  const root = path.resolve('/ws-norm');
  const b = snapshotBuilder();
  b.add(root, ['home']);
  b.add(path.join(root, 'home'), ['conf', 'bin']);
  setDiskSnapshot(b.data());
  try {
    for (const p of ['/ws-norm/values.yaml', '/ws-norm/./values.yaml', '/ws-norm/home/../values.yaml', '/ws-norm//values.yaml', '/ws-norm/values.yaml/', '/ws-norm/home/updates/..//../values.yaml']) {
      assert.equal(knownAbsent(path.resolve('/') === '/' ? p : path.resolve(p)), true, p);
    }
    for (const p of ['/ws-norm/home', '/ws-norm/./home/', '/ws-norm/home/bin/..', '/ws-norm/home/conf/../bin']) assert.equal(knownAbsent(p), false, p);
    assert.equal(knownAbsent('/ws-norm/home/updates/../conf'), false);
    assert.equal(knownAbsent('/ws-norm/home/conf/../updates'), true);
  } finally {
    setDiskSnapshot(undefined);
  }
});
