// --fix-dry-run's diff costs time linear in the file and its changes (issue 22): jsdiff over the whole file cost
// the lines times the changed lines (every line of 4,000 changed: 15× the time of 1,000). And what it prints for a
// big generated script applies with git apply and patch to give exactly what --fix writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changesOf } from '../../shared-rules/engine/fix-changes';
import { applyEdits, type OffsetEdit } from '../../shared-rules/engine/text';
import { fileDiff } from '../../cli/src/diff';
import { assertGrowth } from '../helpers/linear';
import { run, layout, rm } from './cli-helpers';

/** `n` TOML lines, every `every`-th one changed in place (as a fix edits a value). */
function edited(n: number, every: number) {
  const a = Array.from({ length: n }, (_x, i) => `key_${i} = "value ${i}"\n`).join('');
  const edits: OffsetEdit[] = [];
  for (let i = 0, at = 0; i < n; at += `key_${i} = "value ${i}"\n`.length, i++) {
    if (i % every === 0) edits.push({ start: at + `key_${i} = "value ${i}`.length, end: at + `key_${i} = "value ${i}`.length, newText: ' fixed' });
  }
  return { a, b: applyEdits(a, edits), changes: changesOf(edits) };
}

const diffOf = (x: ReturnType<typeof edited>) => fileDiff(x.a, x.b, 'deployment.toml', { changes: x.changes });

test('fileDiff: every line changed, 4× the lines costs about 4× the time', () => {
  assertGrowth('every line changed', (n) => edited(n, 1), diffOf, 4_000);
});

test('fileDiff: every tenth line changed, 4× the lines costs about 4× the time', () => {
  assertGrowth('every tenth line changed', (n) => edited(n, 10), diffOf, 16_000);
});

const HAS_TOOLS = spawnSync('git', ['--version']).status === 0 && spawnSync('patch', ['--version']).status === 0;
const LAUNCH = (i: number) => `"$JAVA_HOME/bin/java" $JAVA_OPTS -Xms256m -Dnode=${i} -Djava.io.tmpdir="$CARBON_HOME/tmp" org.wso2.carbon.bootstrap.Bootstrap $*\n`;

for (const every of [1, 10]) {
  test(`CLI --fix-dry-run of a 2,000-line script, every ${every === 1 ? '' : 'tenth '}line fixed: git apply and patch give what --fix writes`, { skip: !HAS_TOOLS }, () => {
    const rel = 'wso2am-4.2.0/bin/wso2server.sh';
    let script = '#!/bin/sh\nCARBON_HOME="$(cd "$(dirname "$0")/.." && pwd)"\n';
    for (let i = 0; i < 2000; i++) script += i % every === 0 ? LAUNCH(i) : `echo "step ${i}"\n`;
    const files = { [rel]: script, '.carbonlint.json': '{ "maxFindingsPerFile": 100000 }\n' };
    const dir = layout(files);
    const copies = [layout(files), layout(files)];
    try {
      const dry = run([rel, '--fix-dry-run'], { cwd: dir });
      assert.ok(dry.status === 0 || dry.status === 1, dry.stderr);
      assert.match(dry.stdout, /^--- a\/wso2am-4\.2\.0\/bin\/wso2server\.sh$/m);
      const fix = run([rel, '--fix'], { cwd: dir });
      assert.ok(fix.status === 0 || fix.status === 1, fix.stderr);
      const fixed = fs.readFileSync(path.join(dir, rel), 'utf8');
      assert.notEqual(fixed, script);
      const [byGit, byPatch] = copies;
      fs.writeFileSync(path.join(byGit, 'fix.diff'), dry.stdout);
      fs.writeFileSync(path.join(byPatch, 'fix.diff'), dry.stdout);
      spawnSync('git', ['init', '-q'], { cwd: byGit });
      for (const [cwd, cmd, args] of [
        [byGit, 'git', ['apply', '--check', 'fix.diff']], [byGit, 'git', ['apply', 'fix.diff']],
        [byPatch, 'patch', ['-p1', '--dry-run', '-i', 'fix.diff']], [byPatch, 'patch', ['-p1', '-i', 'fix.diff']],
      ] as const) {
        const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
        assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}${r.stdout}`);
      }
      assert.equal(fs.readFileSync(path.join(byGit, rel), 'utf8'), fixed, 'git apply');
      assert.equal(fs.readFileSync(path.join(byPatch, rel), 'utf8'), fixed, 'patch');
    } finally {
      for (const d of [dir, ...copies]) rm(d);
    }
  });
}
