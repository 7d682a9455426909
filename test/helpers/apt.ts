// Installs a Debian package a suite needs when it is missing (as test/e2e/setup.mjs does for the editors).
import { execFileSync, spawnSync } from 'node:child_process';

export function haveCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/** Returns undefined when `cmd` is (now) on PATH, else why not (the test skips with it). */
export function ensureAptPackage(pkg: string, cmd = pkg): string | undefined {
  if (haveCommand(cmd)) return undefined;
  if (process.getuid?.() !== 0) return `${cmd} is missing: install it with \`sudo apt-get install -y ${pkg}\``;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', pkg], { stdio: 'ignore', env });
  if (r.status !== 0) {
    // Usually stale or absent package lists on a fresh machine.
    execFileSync('apt-get', ['update'], { stdio: 'ignore', env });
    r = spawnSync('apt-get', ['install', '-y', pkg], { stdio: 'ignore', env });
  }
  return r.status === 0 && haveCommand(cmd) ? undefined : `apt-get install -y ${pkg} failed (exit ${r.status})`;
}
