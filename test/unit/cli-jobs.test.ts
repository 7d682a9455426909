// --jobs N (cli/src/lint-pool.ts): the report, the exit code and what is written must be byte for byte those of a
// single thread, whatever the number of worker threads and however their batches interleave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS, REPO, NO_CORPUS } from '../helpers/shared';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 << 20 });

/** The corpus (every kind, Helm templates with values files) plus a file that cannot be read (a notice). */
function workspace(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-jobs-')));
  fs.cpSync(CORPUS, path.join(dir, 'corpus'), { recursive: true });
  const fifo = path.join(dir, 'corpus', 'zz-fifo', 'deployment.toml');
  fs.mkdirSync(path.dirname(fifo));
  spawnSync('mkfifo', [fifo]); // where mkfifo is missing the notice is simply absent from every run alike
  return dir;
}

for (const format of ['json', 'sarif', 'stylish', 'junit', 'gitlab']) {
  test(`--jobs 1, 2, 3: identical ${format} report and exit code on the corpus`, { skip: NO_CORPUS }, () => {
    const dir = workspace();
    try {
      const one = run(['corpus', '--format', format, '--jobs', '1'], dir);
      assert.equal(one.status, 1, one.stderr);
      assert.ok(one.stdout.length > 10_000);
      for (const jobs of ['2', '3']) {
        const many = run(['corpus', '--format', format, '--jobs', jobs], dir);
        assert.equal(many.status, one.status, many.stderr);
        assert.ok(many.stdout === one.stdout, `--jobs ${jobs} ${format} differs from --jobs 1`);
        assert.equal(many.stderr, one.stderr);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('--jobs 2: the same fixes (dry run diff, and files written by --fix) and the same baseline as one thread', { skip: NO_CORPUS }, () => {
  const dir = workspace();
  try {
    const dry1 = run(['corpus', '--fix-dry-run', '--jobs', '1'], dir);
    const dry2 = run(['corpus', '--fix-dry-run', '--jobs', '2'], dir);
    assert.ok(dry1.stdout.length > 1000, dry1.stderr);
    assert.ok(dry2.stdout === dry1.stdout, 'dry-run diffs differ');
    assert.equal(dry2.stderr, dry1.stderr);
    for (const jobs of ['1', '2']) {
      const b = run(['corpus', '--baseline', `base-${jobs}.json`, '--update-baseline', '--jobs', jobs], dir);
      assert.equal(b.status, 0, b.stderr);
    }
    assert.equal(fs.readFileSync(path.join(dir, 'base-2.json'), 'utf8'), fs.readFileSync(path.join(dir, 'base-1.json'), 'utf8'));
    fs.cpSync(path.join(dir, 'corpus'), path.join(dir, 'copy'), { recursive: true, filter: (src) => !src.includes('zz-fifo') });
    fs.rmSync(path.join(dir, 'corpus', 'zz-fifo'), { recursive: true });
    const fix1 = run(['corpus', '--fix', '--jobs', '1'], dir);
    const fix2 = run(['copy', '--fix', '--jobs', '2'], dir);
    assert.equal(fix2.status, fix1.status, fix2.stderr);
    assert.equal(fix2.stdout.replaceAll('copy/', 'corpus/').replaceAll('copy\\', 'corpus\\'), fix1.stdout);
    for (const rel of fs.readdirSync(path.join(dir, 'corpus'), { recursive: true }) as string[]) {
      const a = path.join(dir, 'corpus', rel);
      if (!fs.statSync(a).isFile()) continue;
      assert.ok(fs.readFileSync(path.join(dir, 'copy', rel)).equals(fs.readFileSync(a)), `${rel} fixed differently`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--jobs: a whole number from 1 to 64, else exit 2', () => {
  for (const bad of ['0', '1.5', 'many', '65']) {
    const r = run(['examples', '--jobs', bad], REPO);
    assert.equal(r.status, 2, bad);
    assert.match(r.stderr, /--jobs needs a whole number/);
  }
  assert.equal(run(['examples', '--jobs', '64'], REPO).status, 1);
});
