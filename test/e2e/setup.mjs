#!/usr/bin/env node
// Idempotent installer for the real-editor suites (test/e2e, test/nvim). Nothing here touches the tracked tree.
//
//   node test/e2e/setup.mjs            install what is missing, print what is there
//
// 1. Debian packages: chromium (driven by playwright-core), ripgrep (code-server's search), neovim (test/nvim),
//    and the headers code-server's native modules build against. apt-get runs only if one is missing.
// 2. code-server 4.100.3 (a real VS Code 1.100.3 that accepts Node 20) and playwright-core, npm-installed into
//    the cache folder (see cache.mjs for where and why). playwright-core never downloads a browser: the suite
//    drives Debian's /usr/bin/chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER_VERSION, PLAYWRIGHT_VERSION, cacheDir, codeServerEntry, isReady, markerFile } from './cache.mjs';

const APT_PACKAGES = ['chromium', 'ripgrep', 'neovim', 'libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev'];
// @vscode/ripgrep's postinstall downloads rg from GitHub unless this tarball is already in $TMPDIR.
const RIPGREP_TARBALL = path.join('vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

const log = (msg) => console.log(`[e2e setup] ${msg}`);
const seconds = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

function missingAptPackages() {
  return APT_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function installAptPackages() {
  const missing = missingAptPackages();
  if (!missing.length) return log(`Debian packages present: ${APT_PACKAGES.join(' ')}`);
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  const t0 = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt-get install -y ${missing.join(' ')}`);
  let r = spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
  if (r.status !== 0) {
    // Usually stale or absent package lists on a fresh machine.
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    r = spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
  }
  if (r.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed (exit ${r.status})`);
  log(`Debian packages installed in ${seconds(t0)} s`);
}

function installNodePackages(dir) {
  if (isReady(dir)) return log(`code-server ${CODE_SERVER_VERSION} and playwright-core ${PLAYWRIGHT_VERSION} present in ${dir}`);
  const t0 = Date.now();
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(markerFile(dir), { force: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'carbonlint-e2e-cache', private: true }, null, 2) + '\n');

  // Throwaway TMPDIR and XDG folders for the install: postinstall scripts write there, not into $HOME.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-e2e-setup-'));
  try {
    const tarball = path.join(scratch, RIPGREP_TARBALL);
    fs.mkdirSync(path.dirname(tarball), { recursive: true });
    const rg = fs.realpathSync('/usr/bin/rg');
    const rgDir = path.join(scratch, 'rg');
    fs.mkdirSync(rgDir);
    fs.copyFileSync(rg, path.join(rgDir, 'rg'));
    fs.chmodSync(path.join(rgDir, 'rg'), 0o755);
    execFileSync('tar', ['-czf', tarball, '-C', rgDir, 'rg']);
    for (const d of ['config', 'data', 'cache']) fs.mkdirSync(path.join(scratch, d));

    const env = {
      ...process.env,
      npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
      npm_config_nodedir: '/usr', // native modules build against the local Node headers, nothing downloaded
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      TMPDIR: scratch,
      XDG_CONFIG_HOME: path.join(scratch, 'config'),
      XDG_DATA_HOME: path.join(scratch, 'data'),
      XDG_CACHE_HOME: path.join(scratch, 'cache'),
    };
    log(`npm install code-server@${CODE_SERVER_VERSION} playwright-core@${PLAYWRIGHT_VERSION} into ${dir} (1-2 minutes with a cold npm cache)`);
    const r = spawnSync('npm', ['install', '--no-package-lock', '--save-exact', `code-server@${CODE_SERVER_VERSION}`, `playwright-core@${PLAYWRIGHT_VERSION}`],
      { cwd: dir, env, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`npm install in ${dir} failed (exit ${r.status})`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  verify(dir);
  fs.writeFileSync(markerFile(dir), JSON.stringify({ codeServer: CODE_SERVER_VERSION, playwright: PLAYWRIGHT_VERSION, at: new Date().toISOString() }) + '\n');
  log(`node packages installed in ${seconds(t0)} s`);
}

/** code-server starts (`--version`) and playwright-core loads; both with throwaway XDG folders. */
function verify(dir) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-e2e-verify-'));
  try {
    const env = { ...process.env, TMPDIR: scratch, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch, XDG_CACHE_HOME: scratch };
    const out = execFileSync(process.execPath, [codeServerEntry(dir), '--version'], { env, encoding: 'utf8', timeout: 60_000 });
    const version = out.split('\n').find((l) => l.startsWith(`${CODE_SERVER_VERSION} `));
    if (!version) throw new Error(`unexpected code-server --version output: ${out}`);
    const rg = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
    if (!fs.existsSync(rg)) throw new Error(`code-server's ripgrep is missing (${rg})`);
    execFileSync(process.execPath, ['-e', 'require("playwright-core")'], { cwd: dir, env });
    log(`verified: code-server ${version}, playwright-core loads`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

export function setup() {
  const t0 = Date.now();
  installAptPackages();
  const dir = cacheDir();
  installNodePackages(dir);
  if (!fs.existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing after setup');
  log(`ready in ${seconds(t0)} s (cache: ${dir})`);
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    setup();
  } catch (e) {
    console.error(`[e2e setup] FAILED: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
