// Where the real-editor tooling (code-server, playwright-core) lives: a cache outside the tracked tree.
//
// Default: $XDG_CACHE_HOME/carbonlint-e2e, i.e. ~/.cache/carbonlint-e2e; override with CARBONLINT_E2E_CACHE.
// Why not <repo>/.cache (gitignored): `vsce package` globs the whole extension folder before applying
// .vscodeignore, and code-server's ~6,400 files / 316 MB there made every `npm run package` take 4-6 s instead
// of 1 s (measured); every checkout or worktree on a machine would also pay the ~1 min install again, and
// `git clean -fdx` would throw it away.
// It is a cache in the XDG sense (safe to delete, rebuilt by setup.mjs), so ~/.cache is where it belongs; the
// suites themselves write nothing else under $HOME and assert so (this folder is the one exception).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3; the newest code-server that accepts Node 20
export const PLAYWRIGHT_VERSION = '1.65.1';

export function cacheDir() {
  if (process.env.CARBONLINT_E2E_CACHE) return path.resolve(process.env.CARBONLINT_E2E_CACHE);
  const xdg = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(xdg, 'carbonlint-e2e');
}

export const markerFile = (dir = cacheDir()) => path.join(dir, '.ready.json');
export const codeServerEntry = (dir = cacheDir()) => path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const playwrightModule = (dir = cacheDir()) => path.join(dir, 'node_modules', 'playwright-core', 'index.js');

/** True when setup.mjs finished for the pinned versions in `dir`. */
export function isReady(dir = cacheDir()) {
  try {
    const m = JSON.parse(fs.readFileSync(markerFile(dir), 'utf8'));
    return m.codeServer === CODE_SERVER_VERSION && m.playwright === PLAYWRIGHT_VERSION &&
      fs.existsSync(codeServerEntry(dir)) && fs.existsSync(playwrightModule(dir));
  } catch {
    return false;
  }
}
