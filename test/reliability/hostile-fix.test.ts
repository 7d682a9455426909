// `--fix` in a hostile repository (issue 16, item 10): the temp file cannot be hijacked by a planted symlink, a
// symlinked config stays a symlink (its target in the workspace is written) and one that leads out is refused, mode
// and owner are kept, an edit made between read and write is not lost, and every file that could not be written is
// reported (exit 2) while the others keep their fixes. Each test failed on the code before the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WriteSkipped, writeAtomic } from '../../cli/src/atomic';
import { runCli, tempDir } from './helpers/cli';
import { INSECURE_TOML, write } from './helpers/workspace';
import { SECRET_FILES } from './helpers/canaries';

const SCRIPT = 'wso2am-4.2.0/bin/api-manager.sh';
const FIXABLE = SECRET_FILES[SCRIPT]; // has a safe fix (the DH key size flag)
const isRoot = process.getuid?.() === 0;

function withBase(prefix: string, body: (base: string) => Promise<void> | void): () => Promise<void> {
  return async () => {
    const base = tempDir(prefix);
    try {
      await body(base);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  };
}

test('writeAtomic: a symlink planted at the temp name (the old predictable one too) is never written through', withBase('fix-plant', (base) => {
  const victim = write(base, 'outside/victim.txt', 'precious');
  const f = write(base, 'ws/deployment.toml', INSECURE_TOML);
  // The name the old code used, for this process: a planted link there used to overwrite the victim.
  const old = path.join(base, 'ws', `.deployment.toml.carbonlint-${process.pid}.tmp`);
  fs.symlinkSync(victim, old);
  writeAtomic(f, 'NEW');
  assert.equal(fs.readFileSync(victim, 'utf8'), 'precious', 'the victim outside was overwritten');
  assert.equal(fs.readFileSync(f, 'utf8'), 'NEW');
  assert.ok(fs.lstatSync(f).isFile() && !fs.lstatSync(f).isSymbolicLink(), 'the config is a regular file, not a link to the victim');
  assert.ok(fs.lstatSync(old).isSymbolicLink(), 'the planted link is left alone');
}));

test('writeAtomic: content changed between read and write is not overwritten; the change is reported', withBase('fix-race', (base) => {
  const f = write(base, 'deployment.toml', INSECURE_TOML);
  fs.writeFileSync(f, INSECURE_TOML + '# saved by an editor meanwhile\n');
  assert.throws(() => writeAtomic(f, 'FIXED', { expected: INSECURE_TOML }), (e: Error) => e instanceof WriteSkipped && /changed since it was read/.test(e.message));
  assert.equal(fs.readFileSync(f, 'utf8'), INSECURE_TOML + '# saved by an editor meanwhile\n');
  assert.deepEqual(fs.readdirSync(base).filter((n) => n.includes('.carbonlint-')), [], 'no temp file left');
}));

test('--fix: a symlinked config inside the workspace stays a symlink; its target is fixed', withBase('fix-link-in', async (base) => {
  const real = write(base, `real/${path.basename(SCRIPT)}`, FIXABLE);
  fs.mkdirSync(path.join(base, 'wso2am-4.2.0', 'bin'), { recursive: true });
  const link = path.join(base, SCRIPT);
  fs.symlinkSync(path.relative(path.dirname(link), real), link);
  // The walk meets the file twice (real/ and the link): it is written once, without a "changed meanwhile" failure.
  const r = await runCli([base, '--fix'], { cwd: base });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the config was replaced by a regular file');
  assert.notEqual(fs.readFileSync(real, 'utf8'), FIXABLE, 'the target was not fixed');
}));

test('--fix: a config that is a symlink out of the workspace is not written (exit 2, named); the link stays', withBase('fix-link-out', async (base) => {
  const outside = write(base, `outside/${path.basename(SCRIPT)}`, FIXABLE);
  const ws = path.join(base, 'ws');
  fs.mkdirSync(path.join(ws, 'wso2am-4.2.0', 'bin'), { recursive: true });
  const link = path.join(ws, SCRIPT);
  fs.symlinkSync(outside, link);
  // Named from inside the workspace, the link is not even read (walk.ts) …
  const r = await runCli([link, '--fix'], { cwd: ws });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /api-manager\.sh: a symbolic link to outside the workspace; not followed/);
  assert.equal(fs.readFileSync(outside, 'utf8'), FIXABLE, 'the file outside was written');
  assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link was replaced');
  // … and from a working folder that holds its target it is read, but the fix is not written through it: --fix
  // writes only inside the folders named (here the link's own folder).
  const w = await runCli([link, '--fix'], { cwd: base });
  assert.equal(w.status, 2, w.stderr);
  assert.match(w.stderr, /api-manager\.sh: cannot write the fixes \(a symbolic link to outside the workspace/);
  assert.equal(fs.readFileSync(outside, 'utf8'), FIXABLE, 'the file outside was written');
  assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link was replaced');
}));

test('--fix: mode and owner are kept', { skip: !isRoot && 'needs root to give the file another owner' }, withBase('fix-owner', async (base) => {
  const f = write(base, SCRIPT, FIXABLE);
  fs.chmodSync(f, 0o740);
  fs.chownSync(f, 1234, 2345);
  const r = await runCli([base, '--fix'], { cwd: base });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const st = fs.statSync(f);
  assert.notEqual(fs.readFileSync(f, 'utf8'), FIXABLE, 'not fixed');
  assert.equal(st.mode & 0o7777, 0o740);
  assert.deepEqual([st.uid, st.gid], [1234, 2345]);
}));

test('--fix: every file that could not be written is reported (exit 2); the others keep their fixes', withBase('fix-partial', async (base) => {
  const a = write(base, `a/${SCRIPT}`, FIXABLE);
  const b = write(base, `b/${SCRIPT}`, FIXABLE);
  const c = write(base, `c/${SCRIPT}`, FIXABLE);
  const r = await runCli([base, '--fix'], { cwd: base, hooks: ['collide.cjs'], env: { CARBONLINT_COLLIDE: JSON.stringify([a, c]) } });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /a\/wso2am-4\.2\.0\/bin\/api-manager\.sh: cannot write the fixes/);
  assert.match(r.stderr, /c\/wso2am-4\.2\.0\/bin\/api-manager\.sh: cannot write the fixes/);
  assert.match(r.stderr, /fixed b\/wso2am-4\.2\.0\/bin\/api-manager\.sh/);
  assert.equal(fs.readFileSync(a, 'utf8'), FIXABLE);
  assert.notEqual(fs.readFileSync(b, 'utf8'), FIXABLE, 'b was not written');
  assert.equal(fs.readFileSync(c, 'utf8'), FIXABLE);
}));
