// The benchmark's own setup: the peer tools it compares against, installed once (idempotent), or skipped with a
// note saying why. shellcheck and GNU time come from Debian (apt-get, as root); taplo is the npm devDependency
// @taplo/cli (its WebAssembly build ships inside the package: nothing is downloaded at run time).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined;
let aptUpdated = false;

function aptInstall(pkg, log) {
  if (process.getuid?.() !== 0 || !has('apt-get')) return `not installed, and apt-get needs root (apt-get install -y ${pkg})`;
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', pkg], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 300_000 });
  log(`setup: apt-get install -y ${pkg}`);
  let r = install();
  if (r.status !== 0 && !aptUpdated) {
    aptUpdated = true;
    spawnSync('apt-get', ['update', '-qq'], { encoding: 'utf8', timeout: 300_000 });
    r = install();
  }
  return r.status === 0 ? undefined : `apt-get install ${pkg} failed: ${(r.stderr || r.stdout || '').trim().split('\n').pop()}`;
}

/** Resolves the tools: { shellcheck, time, taplo } are paths or undefined; notes say why one is missing. */
export function setupTools(repo, log = console.log) {
  const tools = {};
  const notes = [];
  for (const [name, pkg, bin] of [['shellcheck', 'shellcheck', 'shellcheck'], ['time', 'time', '/usr/bin/time']]) {
    let p = bin.startsWith('/') ? (fs.existsSync(bin) ? bin : undefined) : has(bin);
    if (!p) {
      const why = aptInstall(pkg, log);
      p = bin.startsWith('/') ? (fs.existsSync(bin) ? bin : undefined) : has(bin);
      if (!p) notes.push(`${name}: ${why ?? 'not found after install'}`);
    }
    tools[name] = p;
  }
  const taplo = path.join(repo, 'node_modules', '@taplo', 'cli', 'dist', 'cli.js');
  if (fs.existsSync(taplo)) tools.taplo = taplo;
  else notes.push('taplo: node_modules/@taplo/cli is missing (it is a devDependency: run npm ci)');
  if (tools.shellcheck) tools.shellcheckVersion = execFileSync(tools.shellcheck, ['--version'], { encoding: 'utf8' }).match(/version: (\S+)/)?.[1];
  // taplo --version prints its version and exits 1.
  if (tools.taplo) tools.taploVersion = spawnSync(process.execPath, [tools.taplo, '--version'], { encoding: 'utf8' }).stdout.trim().replace(/^taplo /, '');
  if (!tools.time) notes.push('peak RSS is polled from /proc (VmHWM) instead of GNU time');
  return { tools, notes };
}
