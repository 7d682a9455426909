// The glob matcher over hostile patterns (issue 16, items 1 and 2): invalid patterns are values, not exceptions;
// matching is linear in the path whatever the pattern; the cache of compiled patterns is bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob, globMatcher, globProblem, globCacheSize, GLOB_CACHE_SIZE, MAX_GLOB_LENGTH } from '../../shared-rules/engine/glob';
import { parseProjectConfig } from '../../shared-rules/engine/project-config';
import { toEditorSettings } from '../../server/src/settings';

const m = (glob: string, path: string) => globMatcher([glob])(path);

test('VS Code glob syntax: **, *, ?, {a,b}, [a-z], [!a], dir/**, a folder excludes its files', () => {
  assert.ok(m('**/*.toml', 'a/b/deployment.toml'));
  assert.ok(m('**/*.toml', 'deployment.toml'));
  assert.ok(!m('*.toml', 'a/deployment.toml'));
  assert.ok(m('backups/**', 'backups/x/deployment.toml'));
  assert.ok(m('backups/**', 'backups'));
  assert.ok(!m('backups/**', 'backupsx/a'));
  assert.ok(m('conf/{a,b}/*.sh', 'conf/b/x.sh'));
  assert.ok(!m('conf/{a,b}/*.sh', 'conf/c/x.sh'));
  assert.ok(m('x[0-9].sh', 'x7.sh'));
  assert.ok(!m('x[!0-9].sh', 'x7.sh'));
  assert.ok(m('x?.sh', 'x7.sh') && !m('x?.sh', 'x/.sh'));
  assert.ok(m('legacy', 'legacy/repository/conf/deployment.toml'), 'a folder pattern excludes what is in it');
  assert.ok(m('./old/', 'old/a.toml'));
  assert.ok(m('[]]x', ']x'), '] first in a class is itself');
  assert.ok(m('a[b', 'a[b') && m('a{b', 'a{b'), 'an unclosed [ or { is itself');
});

test('invalid globs are reported, never thrown: [z-a], a too long pattern, braces nested too deep', () => {
  assert.match(globProblem('[z-a]') ?? '', /out of order/);
  assert.match(globProblem('{' + '[b-a]' + '}') ?? '', /out of order/);
  assert.match(globProblem('a'.repeat(MAX_GLOB_LENGTH + 1)) ?? '', /longer than/);
  assert.match(globProblem('{'.repeat(1000) + '}'.repeat(1000)) ?? '', /nested deeper/);
  assert.equal(globProblem('**/*.{sh,bat}'), undefined);
  assert.equal(m('[z-a]', 'z'), false, 'an invalid pattern matches nothing');
  assert.doesNotThrow(() => globMatcher(['[z-a]', 'old/**']));
  assert.ok(globMatcher(['[z-a]', 'old/**'])('old/x'), 'the valid patterns still apply');
});

test('.carbonlint.json: an invalid exclude entry is a problem on that entry; the others apply', () => {
  const { config, errors } = parseProjectConfig(JSON.stringify({ exclude: ['old/**', '[z-a]'] }));
  assert.deepEqual(config.exclude, ['old/**']);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].key, 'exclude.[z-a]');
  assert.match(errors[0].message, /not a valid glob.*out of order/);
});

test('editor settings: an invalid files.exclude or carbonlint.exclude entry is left out and named', () => {
  const s = toEditorSettings({ exclude: ['[z-a]', 'old/**'] }, { '[y-b]': true, '**/.git': true });
  assert.deepEqual(s.exclude, ['old/**']);
  assert.deepEqual(s.filesExclude, ['**/.git']);
  assert.equal(s.problems?.length, 2);
  assert.match(s.problems![0].message, /^carbonlint\.exclude: "\[z-a\]" is not a valid glob/);
  assert.match(s.problems![1].message, /^files\.exclude: "\[y-b\]" is not a valid glob/);
});

test('matching is linear: *a*a*a*a*a*a*a*a*a*a*b against long names (a backtracking RegExp takes exponential time)', () => {
  const hostile = ['*a*a*a*a*a*a*a*a*a*a*b', '**/'.repeat(40) + '*a'.repeat(40) + 'b', '{a,a*}'.repeat(30) + 'b', '**/*a*/**/*a*/**/b'];
  for (const g of hostile) {
    const c = compileGlob(g);
    assert.ok(!('error' in c), g);
    for (const path of ['a'.repeat(20_000), 'a/'.repeat(5_000), 'aa/'.repeat(3_000) + 'c']) {
      const t0 = performance.now();
      assert.equal(c.matchesPathOrParent(path), false);
      const ms = performance.now() - t0;
      // Linear: ~40 ms here for the largest pattern; backtracking would not finish in hours.
      assert.ok(ms < 3000, `${g.slice(0, 30)}… over ${path.length} characters took ${ms.toFixed(0)} ms`);
    }
  }
});

test('the cache of compiled patterns is bounded', () => {
  for (let i = 0; i < GLOB_CACHE_SIZE * 4; i++) compileGlob(`unique-${i}/**`);
  assert.ok(globCacheSize() <= GLOB_CACHE_SIZE, `${globCacheSize()} entries`);
  assert.ok(m('unique-1/**', 'unique-1/x'), 'an evicted pattern is compiled again');
});
