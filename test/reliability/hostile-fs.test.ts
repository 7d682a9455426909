// A hostile repository's file system (issue 16, items 4, 6, 8, 9, 11, 12): special files named like config files,
// output paths that cannot be written, symlinks out of the workspace, keystores named outside it, folders that cannot
// be read, names that are not UTF-8, paths over PATH_MAX, files over the size limit. Each test failed on the code
// before the fix (a hang, exit 2 with no findings, or a file read from outside); each is bounded to a few seconds.
// The --fix write tests (item 10) are in hostile-fix.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readConfigFile } from '../../shared-rules/engine/read-config';
import { runCli, tempDir } from './helpers/cli';
import { startSpyClient } from './helpers/lsp';
import { INSECURE_TOML, fifo, write, writeRepeated } from './helpers/workspace';

type Row = { file: string; rule: string; message: string };
const rows = (stdout: string) => JSON.parse(stdout) as Row[];
const under = (rs: Row[], part: string) => rs.filter((r) => r.file.split(path.sep).join('/').includes(part));
const CLEAN_TOML = '[server]\nhostname = "gw.example.com"\n';
const isRoot = process.getuid?.() === 0;

function withWs(prefix: string, body: (ws: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const ws = tempDir(prefix);
    try {
      await body(ws);
    } finally {
      // `rm -rf` copes with paths over PATH_MAX; fs.rmSync does not.
      spawnSync('rm', ['-rf', ws]);
    }
  };
}

/** A FIFO and a symlink to /dev/zero, both named deployment.toml, beside `extra` files. */
function specialFiles(ws: string): void {
  fifo(ws, 'pipe/deployment.toml');
  fs.mkdirSync(path.join(ws, 'zero'));
  fs.symlinkSync('/dev/zero', path.join(ws, 'zero', 'deployment.toml'));
}

// ---- item 4: only regular files are read ----

test('reader: a FIFO and /dev/zero are refused on the open descriptor, at once, without reading', () => {
  const ws = tempDir('reader');
  try {
    specialFiles(ws);
    const t0 = performance.now();
    const a = readConfigFile(path.join(ws, 'pipe/deployment.toml'), 1 << 20);
    const b = readConfigFile(path.join(ws, 'zero/deployment.toml'), 1 << 20);
    assert.ok(performance.now() - t0 < 1000);
    assert.deepEqual(a, { ok: false, reason: 'a named pipe (FIFO), not a regular file; not read' });
    assert.deepEqual(b, { ok: false, reason: 'a character device, not a regular file; not read' });
    const big = writeRepeated(ws, 'big/deployment.toml', '# x\n', 200_000);
    const c = readConfigFile(big, 1000);
    assert.ok(c.ok && c.tooLarge && c.size === 200_000 && c.text.length === 64 * 1024, 'over the limit: only the head');
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
});

test('CLI: a FIFO and a link to /dev/zero are notices; the exit code follows the findings', withWs('special-cli', async (ws) => {
  specialFiles(ws);
  write(ws, 'clean/deployment.toml', CLEAN_TOML);
  const clean = await runCli([ws, '--format', 'json'], { timeoutMs: 10_000 });
  assert.equal(clean.timedOut, false);
  assert.match(clean.stderr, /skipped .*pipe.deployment\.toml: a named pipe \(FIFO\), not a regular file/);
  // The link to /dev/zero leads out of the workspace: the walk does not follow it (item 8) …
  assert.match(clean.stderr, /skipped .*zero.deployment\.toml: a symbolic link to outside the workspace/);
  assert.equal(clean.status, 0, `no error finding: exit 0 (was 2) — ${clean.stderr}`);
  write(ws, 'insecure/deployment.toml', INSECURE_TOML);
  const dirty = await runCli([ws, '--format', 'json'], { timeoutMs: 10_000 });
  assert.equal(dirty.status, 1, dirty.stderr);
  const stylish = await runCli([ws], { timeoutMs: 10_000 });
  assert.match(stylish.stdout, /Not read: 2 files or folders \(listed on stderr/);
  assert.ok(under(rows(dirty.stdout), 'insecure/').some((r) => r.rule === 'default-admin-credentials'));
  // … and named on the command line from a working folder that holds /dev too (from inside the workspace the link is
  // refused before any read: the named-links test), it reaches the reader, which refuses the device on the open descriptor.
  const named = await runCli([path.join(ws, 'zero/deployment.toml'), path.join(ws, 'pipe/deployment.toml'), '--format', 'json'], { cwd: '/', timeoutMs: 10_000 });
  assert.equal(named.timedOut, false);
  assert.equal(named.status, 0, named.stderr);
  assert.match(named.stderr, /skipped .*zero.deployment\.toml: a character device, not a regular file/);
  assert.match(named.stderr, /skipped .*pipe.deployment\.toml: a named pipe \(FIFO\)/);
}));

test('report: a FIFO and a link to /dev/zero do not hang it; they are listed as not checked; exit 0', withWs('special-report', async (ws) => {
  specialFiles(ws);
  write(ws, 'insecure/deployment.toml', INSECURE_TOML);
  const r = await runCli(['report', ws, '--format', 'md'], { timeoutMs: 15_000 });
  assert.equal(r.timedOut, false, 'report hung on the FIFO or /dev/zero');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\*\*Not checked\*\*/);
  assert.match(r.stdout, /pipe\/deployment\.toml: a named pipe \(FIFO\)/);
  assert.match(r.stdout, /zero\/deployment\.toml: a symbolic link to outside the workspace/);
  const j = await runCli(['report', ws, '--format', 'json'], { timeoutMs: 15_000 });
  const notChecked = (JSON.parse(j.stdout) as { notChecked: Array<{ path: string }> }).notChecked.map((n) => n.path).sort();
  assert.deepEqual(notChecked, ['pipe/deployment.toml', 'zero/deployment.toml']);
}));

// ---- item 6: --output that cannot be written fails fast ----

test('CLI: --output under /proc fails at once with exit 2 (it used to loop forever creating folders)', withWs('out-proc', async (ws) => {
  write(ws, 'insecure/deployment.toml', INSECURE_TOML);
  for (const args of [[ws, '--output', '/proc/1/x/y/out.txt'], ['report', ws, '--output', '/proc/1/x/y/report.md']]) {
    const r = await runCli(args, { timeoutMs: 10_000 });
    assert.equal(r.timedOut, false, `${args.join(' ')}: hung`);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /\/proc\/1\/x\/y\/\S+: cannot write/);
    assert.ok(r.ms < 5000, `${r.ms.toFixed(0)} ms`);
  }
}));

test('CLI: a FIFO at the --output path is refused (exit 2), not replaced by a regular file', withWs('out-fifo', async (ws) => {
  write(ws, 'insecure/deployment.toml', INSECURE_TOML);
  const out = fifo(ws, 'out/report.txt');
  for (const args of [[path.join(ws, 'insecure'), '--output', out], ['report', path.join(ws, 'insecure'), '--output', out]]) {
    const r = await runCli(args, { timeoutMs: 10_000 });
    assert.equal(r.timedOut, false);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /cannot write \(a named pipe \(FIFO\), not a regular file; not replaced\)/);
    assert.ok(fs.lstatSync(out).isFIFO(), 'still the FIFO');
  }
}));

// ---- item 8: never leave the workspace root ----

test('CLI and report: symlinked folders out of the workspace (to a sibling, to /) are not followed', withWs('escape', async (base) => {
  const ws = path.join(base, 'ws');
  write(base, 'outside/deployment.toml', INSECURE_TOML);
  write(ws, 'inside/deployment.toml', CLEAN_TOML);
  fs.symlinkSync(path.join(base, 'outside'), path.join(ws, 'sibling'));
  fs.symlinkSync('/', path.join(ws, 'root'));
  fs.symlinkSync('..', path.join(ws, 'inside', 'up')); // a loop inside: followed once, no further
  fs.symlinkSync(path.join(base, 'outside', 'deployment.toml'), path.join(ws, 'inside', 'deployment-linked.toml'));
  const r = await runCli([ws, '--format', 'json'], { timeoutMs: 15_000 });
  assert.equal(r.timedOut, false, 'walked out of the workspace');
  assert.equal(r.status, 0, `nothing of the workspace's own is insecure — ${r.stderr}`);
  assert.deepEqual(rows(r.stdout).filter((x) => x.rule === 'default-admin-credentials'), []);
  assert.match(r.stderr, /skipped .*sibling: a symbolic link to outside the workspace; not followed/);
  assert.match(r.stderr, /skipped .*root: a symbolic link to outside the workspace/);
  assert.match(r.stderr, /skipped .*deployment-linked\.toml: a symbolic link to outside the workspace/);
  const rep = await runCli(['report', ws, '--format', 'json'], { timeoutMs: 15_000 });
  assert.equal(rep.status, 0, rep.stderr);
  const files = (JSON.parse(rep.stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path);
  assert.deepEqual(files, ['inside/deployment.toml']);
}));

test('CLI: links named on the command line (`git diff --name-only` in CI) are not followed out of the working folder', withWs('named-links', async (base) => {
  const ws = path.join(base, 'ws');
  write(base, 'outside/deployment.toml', INSECURE_TOML);
  write(ws, 'inside/deployment.toml', CLEAN_TOML);
  write(ws, 'shared/deployment.toml', INSECURE_TOML);
  fs.mkdirSync(path.join(ws, 'conf'));
  fs.symlinkSync(path.join(base, 'outside', 'deployment.toml'), path.join(ws, 'conf', 'deployment.toml'));
  fs.symlinkSync(path.join(base, 'outside'), path.join(ws, 'secrets'));
  fs.symlinkSync(path.join('..', 'shared', 'deployment.toml'), path.join(ws, 'inside', 'linked-deployment.toml'));
  // Each way of naming the link from inside the working folder is refused, and nothing of the outside is read.
  for (const named of ['conf/deployment.toml', 'secrets', path.join(ws, 'conf', 'deployment.toml')]) {
    const r = await runCli([named, 'inside/deployment.toml', '--format', 'json'], { cwd: ws, timeoutMs: 15_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`${named.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: a symbolic link to outside the workspace; not followed`));
    assert.equal(r.stdout, '');
  }
  // A link that stays inside the working folder is linted, and so is the first link from a working folder that holds its target.
  const inside = await runCli(['inside/linked-deployment.toml', '--format', 'json'], { cwd: ws, timeoutMs: 15_000 });
  assert.equal(inside.status, 1, inside.stderr);
  assert.ok(rows(inside.stdout).some((x) => x.rule === 'default-admin-credentials'));
  const named = await runCli([path.join(ws, 'conf', 'deployment.toml'), '--format', 'json'], { cwd: base, timeoutMs: 15_000 });
  assert.equal(named.status, 1, named.stderr);
}));

test('language server: the workspace scan neither follows links out of the folder nor hangs on special files', withWs('escape-lsp', async (base) => {
  const ws = path.join(base, 'ws');
  write(base, 'outside/deployment.toml', INSECURE_TOML);
  write(ws, 'inside/deployment.toml', INSECURE_TOML);
  fs.symlinkSync(path.join(base, 'outside'), path.join(ws, 'sibling'));
  specialFiles(ws);
  const c = await startSpyClient({ rootUri: pathToFileURL(ws).toString() });
  try {
    const inside = pathToFileURL(path.join(ws, 'inside/deployment.toml')).toString();
    await c.diagnostics(inside, (p) => p.diagnostics.length > 0, 20_000);
    const deadline = Date.now() + 20_000;
    while (!c.received.some((m) => m.method === 'carbonlint/scanState' && (m.params as { state: string }).state === 'done') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(c.alive());
    const leaked = c.published.filter((p) => p.uri.includes('/sibling/') && p.diagnostics.length > 0);
    assert.deepEqual(leaked.map((p) => p.uri), [], 'findings for a file outside the workspace');
  } finally {
    await c.stop();
  }
}));

// ---- item 9: keystores outside the workspace are not opened ----

test('CLI: a keystore file_name outside the product home is not opened: a notice says so', withWs('keystore', async (base) => {
  const home = path.join(base, 'ws', 'wso2am-4.2.0');
  const secret = write(base, 'outside/secret.txt', 'not yours'); // stands in for /etc/shadow
  fs.mkdirSync(path.join(home, 'repository', 'resources', 'security'), { recursive: true });
  fs.symlinkSync(secret, path.join(home, 'repository', 'resources', 'security', 'planted.jks')); // a link out of the home
  write(home, 'repository/conf/deployment.toml', [
    '[keystore.primary]', `file_name = "${secret}"`, 'password = "wso2carbon"',
    '[keystore.tls]', 'file_name = "planted.jks"',
    '[truststore]', 'file_name = "../../../../../../../../../../proc/self/environ"', '',
  ].join('\n'));
  const r = await runCli([path.join(base, 'ws', 'wso2am-4.2.0', 'repository', 'conf', 'deployment.toml'), '--format', 'json', '--rule', 'keystore-unreadable'], { timeoutMs: 10_000 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const notices = rows(r.stdout).filter((x) => x.rule === 'keystore-unreadable').map((x) => x.message);
  assert.equal(notices.length, 3, notices.join('\n'));
  for (const m of notices) assert.match(m, /not inspected: outside the workspace/);
  assert.ok(!notices.some((m) => /empty|damaged|not a JKS/.test(m)), 'nothing outside was opened and parsed');
}));

// ---- item 11: what cannot be read is skipped; the rest is linted; exit by the findings ----

test('CLI: a folder whose name is not UTF-8 is a notice, the rest is linted (it used to exit 2 with no findings)', withWs('badname', async (ws) => {
  const bad = Buffer.concat([Buffer.from(ws + '/'), Buffer.from([0x63, 0x66, 0xff, 0xfe])]);
  fs.mkdirSync(bad);
  fs.writeFileSync(Buffer.concat([bad, Buffer.from('/deployment.toml')]), INSECURE_TOML);
  write(ws, 'normal/deployment.toml', INSECURE_TOML);
  const r = await runCli([ws, '--format', 'json'], { timeoutMs: 10_000 });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /skipped .*: its name is not valid UTF-8; not read/);
  assert.ok(under(rows(r.stdout), 'normal/').some((x) => x.rule === 'default-admin-credentials'));
}));

test('CLI and report: a path over PATH_MAX is a notice, the rest is linted', withWs('pathmax', async (ws) => {
  // 22 levels of 200-character names (> 4096 bytes), made with relative steps (chdir into each) in a child process.
  const deep = `const fs = require('fs'); const n = 'd'.repeat(200); process.chdir(process.argv[1]);
    for (let i = 0; i < 22; i++) { fs.mkdirSync(n); process.chdir(n); } fs.writeFileSync('deployment.toml', process.argv[2]);`;
  const made = spawnSync(process.execPath, ['-e', deep, ws, INSECURE_TOML]);
  assert.equal(made.status, 0, String(made.stderr));
  write(ws, 'normal/deployment.toml', INSECURE_TOML);
  const r = await runCli([ws, '--format', 'json'], { timeoutMs: 10_000 });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /skipped .*: cannot read \(ENAMETOOLONG\)/);
  assert.ok(under(rows(r.stdout), 'normal/').some((x) => x.rule === 'default-admin-credentials'));
  const rep = await runCli(['report', ws, '--format', 'md'], { timeoutMs: 10_000 });
  assert.equal(rep.status, 0, rep.stderr);
  assert.match(rep.stdout, /cannot read \(ENAMETOOLONG\)/);
}));

test('CLI: an unreadable folder is a notice, the rest is linted (run as an unprivileged user when root)', withWs('eacces', async (ws) => {
  write(ws, 'locked/deployment.toml', INSECURE_TOML);
  write(ws, 'normal/deployment.toml', INSECURE_TOML);
  fs.chmodSync(path.join(ws, 'locked'), 0o000);
  // Root reads anything: then the CLI runs as nobody (a world-readable copy of the workspace is not needed: only
  // `locked` is closed, and the temp folder is made traversable).
  fs.chmodSync(ws, 0o755);
  const asUser = isRoot ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, [path.resolve(__dirname, '../../dist/cli.js'), ws, '--format', 'json'], { ...asUser, encoding: 'utf8', timeout: 10_000, env: { ...process.env, NO_COLOR: '1' }, cwd: '/' });
  fs.chmodSync(path.join(ws, 'locked'), 0o755);
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'EPERM') return; // cannot switch user here: skip
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /skipped .*locked: cannot read \(EACCES\)/);
  assert.ok(under(rows(r.stdout), 'normal/').some((x) => x.rule === 'default-admin-credentials'));
}));

// ---- item 12: over the size limit, a visible notice in every output ----

test('a 9 MB deployment.toml over an 8 MB limit: "not checked: 9 MB … 8 MB limit" in stylish, JSON, Markdown and HTML', withWs('oversize', async (ws) => {
  fs.writeFileSync(path.join(ws, '.carbonlint.json'), JSON.stringify({ maxFileSize: 8 << 20 }));
  writeRepeated(ws, 'big/deployment.toml', '# padding padding padding\n', 9 << 20);
  write(ws, 'normal/deployment.toml', CLEAN_TOML);
  const expect = /not checked: 9 MB \(9437184 bytes\), over the 8 MB limit/i;
  const stylish = await runCli([ws], { timeoutMs: 15_000 });
  assert.match(stylish.stdout, expect);
  const json = await runCli([ws, '--format', 'json'], { timeoutMs: 15_000 });
  assert.ok(rows(json.stdout).some((x) => x.rule === 'file-too-large' && expect.test(x.message)));
  for (const format of ['md', 'html']) {
    const rep = await runCli(['report', ws, '--format', format], { timeoutMs: 15_000 });
    assert.equal(rep.status, 0, rep.stderr);
    assert.match(rep.stdout, /Not checked/);
    assert.match(rep.stdout, expect, `${format}: the size notice is missing`);
  }
}));

test('a FIFO named .carbonlint.json does not block the CLI or the report: the project file problem is named (exit 2)', withWs('project-fifo', async (ws) => {
  fifo(ws, '.carbonlint.json');
  write(ws, 'insecure/deployment.toml', INSECURE_TOML);
  for (const args of [[ws], ['report', ws]]) {
    const r = await runCli(args, { timeoutMs: 10_000 });
    assert.equal(r.timedOut, false, `${args.join(' ')}: hung on the project file`);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /\.carbonlint\.json: invalid project configuration\n {2}\(file\): a named pipe \(FIFO\), not a regular file/);
  }
}));

test('a FIFO committed as the --baseline file does not block the CLI: exit 2, named', withWs('baseline-fifo', async (ws) => {
  const baseline = fifo(ws, '.carbonlint-baseline.json');
  write(ws, 'insecure/deployment.toml', INSECURE_TOML);
  const r = await runCli([ws, '--baseline', baseline], { timeoutMs: 10_000 });
  assert.equal(r.timedOut, false, 'hung on the baseline');
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /--baseline \S+: a named pipe \(FIFO\), not a regular file; not read/);
}));
