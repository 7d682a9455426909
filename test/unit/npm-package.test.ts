// The npm package as a user gets it: `npm pack` (prepack builds the production bundles) from a copy of the
// repository's files, then `npm install -g` of the tarball into an empty prefix with an empty npm cache and
// --offline — so it can only work if the tarball carries everything it runs — and the installed bin on a fixture.
// The VSIX file list (vsce ls) is checked beside it: bundles and docs only, no maps, no tests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../helpers/shared';
import { copyRepo } from '../helpers/repo-copy';

const LIMIT = 1.5 * 1024 * 1024;
let work: string;
let tarball: string;
let packed: { size: number; files: Array<{ path: string }> };

before(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-pack-'));
  const src = path.join(work, 'src');
  // The repository's files (tracked and new, not ignored), tests left out, node_modules linked: the working tree's
  // dist/ is not touched by the production build.
  copyRepo(src);
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(src, 'node_modules'));
  fs.mkdirSync(path.join(work, 'out'));
  const r = spawnSync('npm', ['pack', '--json', '--pack-destination', path.join(work, 'out')], { cwd: src, encoding: 'utf8', maxBuffer: 16 << 20 });
  assert.equal(r.status, 0, r.stderr);
  packed = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')))[0];
  tarball = path.join(work, 'out', (packed as unknown as { filename: string }).filename);
});

after(() => fs.rmSync(work, { recursive: true, force: true }));

test('npm pack: ≤ 1.5 MB, runtime files only (bundles, NOTICE, docs, README, LICENSE), no runtime dependencies', () => {
  assert.ok(packed.size <= LIMIT, `packed size ${packed.size} bytes`);
  const names = packed.files.map((f) => f.path).sort();
  for (const must of ['dist/cli.js', 'dist/server.js', 'dist/NOTICE', 'README.md', 'LICENSE', 'package.json', 'docs/rules/plaintext-password.md', 'docs/rules/unused-suppression.md']) {
    assert.ok(names.includes(must), `${must} in the tarball`);
  }
  for (const n of names) {
    assert.doesNotMatch(n, /\.map$|^test\/|^(cli|server|client|shared-rules|scripts)\/|\.ts$/, `${n} should not ship`);
  }
  const pkg = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), [], 'everything the CLI runs is in the bundle');
  const notice = execFileSync('tar', ['xzOf', tarball, 'package/dist/NOTICE'], { encoding: 'utf8' });
  assert.match(notice, /node-forge/);
  assert.match(notice, /vscode-languageserver/);
  assert.match(notice, /Permission is hereby granted/);
  // Minified production bundles, no source-map reference left behind.
  const cli = execFileSync('tar', ['xzOf', tarball, 'package/dist/cli.js'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.doesNotMatch(cli, /sourceMappingURL/);
});

test('npm install -g of the tarball into an empty prefix, offline with an empty cache, gives a working carbonlint', async () => {
  const prefix = path.join(work, 'prefix');
  const cache = path.join(work, 'npm-cache');
  const env = { ...process.env, npm_config_cache: cache, npm_config_update_notifier: 'false' };
  const r = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { encoding: 'utf8', env });
  assert.equal(r.status, 0, r.stderr);
  const bin = path.join(prefix, 'bin', 'carbonlint');
  const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
  // Run from a folder far from the repository, with PATH holding only node (no repository node_modules around).
  const fixture = path.join(work, 'fixture');
  fs.mkdirSync(path.join(fixture, 'repository/conf'), { recursive: true });
  fs.writeFileSync(path.join(fixture, 'repository/conf/deployment.toml'), '[super_admin]\nusername = "admin"\npassword = "admin"\n');
  const runEnv = { PATH: path.dirname(process.execPath), HOME: work, NO_COLOR: '1' };
  assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8', env: runEnv }), `${version}\n`);
  const lint = spawnSync(bin, ['--format', 'json', '.'], { cwd: fixture, encoding: 'utf8', env: runEnv });
  assert.equal(lint.status, 1, lint.stderr);
  assert.ok(JSON.parse(lint.stdout).some((f: { rule: string }) => f.rule === 'default-admin-credentials'));
  const rules = spawnSync(bin, ['rules'], { encoding: 'utf8', env: runEnv });
  assert.equal(rules.status, 0);
  assert.match(rules.stdout, /plaintext-password/);
  // The language server ships too: `lsp --stdio` starts and answers initialize.
  const msg = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  const child = spawn(bin, ['lsp', '--stdio'], { env: runEnv });
  let out = '';
  const answered = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 15_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.includes('"capabilities"')) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(msg)}\r\n\r\n${msg}`);
  });
  child.kill();
  assert.ok(answered, `initialize answered: ${out.slice(0, 200)}`);
});

test('the VSIX lists bundles, docs and images only (vsce ls): no maps, no sources, no tests', () => {
  const out = execFileSync(process.execPath, [path.join(REPO, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8' });
  const names = out.split('\n').filter(Boolean);
  for (const must of ['dist/extension.js', 'dist/server.js', 'dist/NOTICE', 'package.json', 'README.md']) assert.ok(names.includes(must), must);
  for (const n of names) assert.doesNotMatch(n, /\.map$|^test\/|\.ts$|^node_modules\//, n);
});
