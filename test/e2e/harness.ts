// Plumbing for the real-editor suites: a throwaway profile, code-server in its own process group, Debian's Chromium
// driven by playwright-core, bounded waits, process and $HOME bookkeeping. No CarbonLint knowledge here.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';

/** Paths of the tooling cache (see cache.mjs), loaded the ESM way because this file is CommonJS. */
export async function tooling(): Promise<{ dir: string; ready: boolean; codeServer: string; playwright: string }> {
  const cache = await import('./cache.mjs');
  const dir = cache.cacheDir();
  return { dir, ready: cache.isReady(dir), codeServer: cache.codeServerEntry(dir), playwright: cache.playwrightModule(dir) };
}

// ---------------------------------------------------------------------------------------------------------------
// Bounded waiting

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls `probe` until it returns something truthy, or fails after `ms` with "<what> did not happen within N s"
 * plus the last thing `probe` saw (what it returns or throws), so a failure says what did not appear.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  opts: { ms?: number; every?: number; last?: () => Promise<string> | string } = {}): Promise<T> {
  const ms = opts.ms ?? 30_000;
  const deadline = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) break;
    await sleep(opts.every ?? 250);
  }
  let seen = '';
  try {
    seen = opts.last ? await opts.last() : '';
  } catch (e) {
    seen = `(could not describe the page: ${(e as Error).message})`;
  }
  const because = lastError ? `; last error: ${(lastError as Error).message?.split('\n')[0]}` : '';
  throw new Error(`${what} did not happen within ${ms / 1000} s${because}${seen ? `\n  what the page shows: ${seen}` : ''}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Processes (Linux /proc)

function readProc(pid: string, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

export interface Proc { pid: number; pgid: number; cmdline: string }

export function processes(): Proc[] {
  const out: Proc[] = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readProc(pid, 'stat');
    const cmd = readProc(pid, 'cmdline');
    if (!stat || cmd === undefined) continue;
    // "pid (comm) state ppid pgrp …": comm may contain spaces and parentheses, so split after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (rest[0] === 'Z') continue; // zombies are gone, just not reaped yet
    out.push({ pid: Number(pid), pgid: Number(rest[2]), cmdline: cmd.split('\0').join(' ').trim() });
  }
  return out;
}

export const groupMembers = (pgid: number) => processes().filter((p) => p.pgid === pgid);

/** Processes whose environment holds `NAME=value` (children inherit it: a way to find everything a run started). */
export function processesWithEnv(name: string, value: string): Proc[] {
  const needle = `${name}=${value}`;
  return processes().filter((p) => p.pid !== process.pid && (readProc(String(p.pid), 'environ') ?? '').split('\0').includes(needle));
}
export const processesMentioning = (text: string) => processes().filter((p) => p.cmdline.includes(text) && p.pid !== process.pid);

// ---------------------------------------------------------------------------------------------------------------
// $HOME bookkeeping: what a run leaves behind

/**
 * What a run could leave in $HOME: the top level (`ls -a ~`), plus, three levels deep, the folders where the tools
 * the suites run write when their environment is not redirected: code-server / VS Code, Chromium (its NSS database,
 * profile, font and shader caches, GTK settings) and Neovim (state, shada, lsp.log). Other people share this $HOME
 * (the machine runs several sessions at once), so folders they write to for their own reasons (npm's logs, an
 * unrelated headless Chromium's ~/.cache/chromium-headless) are not compared; `ignore` adds the e2e tooling cache.
 */
export const HOME_WATCHED = [
  '.config/code-server', '.local/share/code-server', '.cache/code-server', '.vscode', '.vscode-server', '.vscode-oss', '.code-server',
  '.pki', '.config/chromium', '.cache/chromium', '.cache/fontconfig', '.cache/mesa_shader_cache', '.config/dconf', '.cache/ms-playwright',
  '.local/state', '.local/share/nvim', '.config/nvim', '.cache/nvim',
];

export function homeSnapshot(ignore: string[] = []): Set<string> {
  const home = os.homedir();
  const skip = new Set(ignore.map((p) => path.resolve(p)));
  const names = new Set<string>();
  const walk = (dir: string, depth: number) => {
    let entries: string[];
    try {
      entries = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e);
      if (skip.has(full)) continue;
      names.add(path.relative(home, full));
      try {
        if (depth > 0 && fs.lstatSync(full).isDirectory()) walk(full, depth - 1);
      } catch { /* vanished */ }
    }
  };
  for (const e of fs.readdirSync(home)) if (!skip.has(path.join(home, e))) names.add(e);
  for (const rel of HOME_WATCHED) {
    const full = path.join(home, rel);
    if (fs.existsSync(full)) {
      names.add(rel);
      walk(full, 2);
    }
  }
  return names;
}

export function homeDiff(before: Set<string>, after: Set<string>): string[] {
  return [...after].filter((n) => !before.has(n)).sort();
}

// ---------------------------------------------------------------------------------------------------------------
// A throwaway profile: every folder an editor or a browser writes to lives under one temp root.

export interface Profile {
  root: string;
  ws: string;
  userData: string;
  extensions: string;
  browser: string;
  home: string; // HOME for Chromium only: it writes ~/.pki/nssdb whatever its user-data-dir is
  tmp: string;
  xdg: { config: string; data: string; cache: string; state: string; runtime: string };
  log: string;
}

export function makeProfile(prefix = 'carbonlint-e2e-'): Profile {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const p: Profile = {
    root,
    ws: path.join(root, 'ws'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    browser: path.join(root, 'browser'),
    home: path.join(root, 'home'),
    tmp: path.join(root, 'tmp'),
    xdg: { config: path.join(root, 'xdg', 'config'), data: path.join(root, 'xdg', 'data'), cache: path.join(root, 'xdg', 'cache'), state: path.join(root, 'xdg', 'state'), runtime: path.join(root, 'xdg', 'runtime') },
    log: path.join(root, 'code-server.log'),
  };
  for (const d of [p.ws, p.userData, p.extensions, p.browser, p.home, p.tmp, ...Object.values(p.xdg)]) fs.mkdirSync(d, { recursive: true, mode: 0o700 });
  return p;
}

/** The environment for every child: XDG folders and TMPDIR in the profile; nothing inherited from an editor or the test runner. */
export function profileEnv(p: Profile, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_)|^NODE_TEST_CONTEXT$|^NODE_OPTIONS$/.test(k)) continue;
    env[k] = v;
  }
  return {
    ...env,
    XDG_CONFIG_HOME: p.xdg.config, XDG_DATA_HOME: p.xdg.data, XDG_CACHE_HOME: p.xdg.cache, XDG_STATE_HOME: p.xdg.state,
    XDG_RUNTIME_DIR: p.xdg.runtime, TMPDIR: p.tmp, ...extra,
  };
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const f = path.join(root, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// code-server

/** `npm run package`; on failure, the same build packaged with --no-rewrite-relative-links so the editor steps still run. */
export function packageVsix(profile: Profile): { vsix: string; error?: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_cache: path.join(profile.root, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false' };
  delete env.NODE_OPTIONS;
  delete env.NODE_TEST_CONTEXT;
  const r = spawnSync('npm', ['run', 'package'], { cwd: REPO, env, encoding: 'utf8', timeout: 180_000 });
  const vsix = path.join(REPO, 'dist', 'carbonlint.vsix');
  if (r.status === 0 && fs.existsSync(vsix)) {
    const copy = path.join(profile.root, 'carbonlint.vsix'); // concurrent packaging by others cannot change it under us
    fs.copyFileSync(vsix, copy);
    return { vsix: copy };
  }
  const error = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /ERROR|Error|error/.test(l) && !/^npm warn/.test(l)).join('\n').trim() || `exit ${r.status}`;
  const fallback = path.join(profile.root, 'carbonlint.vsix');
  execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: REPO, env, stdio: 'pipe' });
  execFileSync(process.execPath, [path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', fallback],
    { cwd: REPO, env, stdio: 'pipe' });
  return { vsix: fallback, error };
}

export class CodeServer {
  proc: ChildProcess | undefined;
  pgid: number | undefined;
  port = 0;
  private readonly onExit = () => this.killNow();

  constructor(readonly entry: string, readonly profile: Profile) {}

  private baseArgs(): string[] {
    return [this.entry, '--user-data-dir', this.profile.userData, '--extensions-dir', this.profile.extensions];
  }

  installExtension(vsix: string): string {
    return execFileSync(process.execPath, [...this.baseArgs(), '--install-extension', vsix], {
      env: profileEnv(this.profile), encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** The user settings.json of the profile (code-server watches it: changes apply without a reload). */
  get settingsFile(): string {
    return path.join(this.profile.userData, 'User', 'settings.json');
  }

  /** Rewrites the file in place, like an editor saving it: a rename would leave the workbench watching the old file. */
  writeSettings(settings: Record<string, unknown>): void {
    fs.mkdirSync(path.dirname(this.settingsFile), { recursive: true });
    fs.writeFileSync(this.settingsFile, JSON.stringify(settings, null, 2) + '\n');
  }

  async start(): Promise<void> {
    this.port = await freePort();
    const config = path.join(this.profile.root, 'code-server.yaml');
    fs.writeFileSync(config, [
      `bind-addr: 127.0.0.1:${this.port}`, 'auth: none', 'cert: false', 'disable-telemetry: true', 'disable-update-check: true',
      'disable-workspace-trust: true', 'disable-getting-started-override: true', '',
    ].join('\n'));
    const out = fs.openSync(this.profile.log, 'a');
    // detached: the child calls setsid(), so code-server, its extension hosts and the language server they fork
    // share one process group that stop() can end as a whole.
    this.proc = spawn(process.execPath, [...this.baseArgs(), '--config', config], {
      env: profileEnv(this.profile), cwd: this.profile.root, detached: true, stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    this.pgid = this.proc.pid;
    process.on('exit', this.onExit);
    await waitFor(`code-server answering http://127.0.0.1:${this.port}/healthz`, async () => {
      if (this.proc?.exitCode !== null) throw new Error(`code-server exited with ${this.proc?.exitCode}: ${this.logTail()}`);
      const r = await fetch(`http://127.0.0.1:${this.port}/healthz`).catch(() => undefined);
      return r?.ok;
    }, { ms: 30_000, last: () => this.logTail() });
  }

  url(folder: string): string {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(folder)}`;
  }

  logTail(lines = 15): string {
    try {
      return fs.readFileSync(this.profile.log, 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  private killNow(): void {
    if (this.pgid === undefined) return;
    try {
      process.kill(-this.pgid, 'SIGKILL');
    } catch { /* already gone */ }
  }

  /** SIGTERM to the whole process group, SIGKILL after 10 s; resolves when no member is left. */
  async stop(): Promise<void> {
    const pgid = this.pgid;
    if (pgid === undefined) return;
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch { /* already gone */ }
    const deadline = Date.now() + 10_000;
    while (groupMembers(pgid).length && Date.now() < deadline) await sleep(200);
    if (groupMembers(pgid).length) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch { /* gone meanwhile */ }
      const hard = Date.now() + 5_000;
      while (groupMembers(pgid).length && Date.now() < hard) await sleep(100);
    }
    process.removeListener('exit', this.onExit);
    this.pgid = undefined;
    const left = groupMembers(pgid);
    if (left.length) throw new Error(`code-server process group ${pgid} still has members: ${left.map((p) => `${p.pid} ${p.cmdline}`).join('; ')}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// playwright-core, loaded from the tooling cache. Only the few calls the suite makes are typed here: the package
// is not a dependency of the project, so its own types are not visible to `tsc -p .`.

export interface Locator {
  count(): Promise<number>;
  first(): Locator;
  nth(i: number): Locator;
  filter(opts: { hasText?: string | RegExp }): Locator;
  locator(selector: string): Locator;
  innerText(opts?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string, opts?: { timeout?: number }): Promise<string | null>;
  isVisible(): Promise<boolean>;
  click(opts?: { timeout?: number; force?: boolean }): Promise<void>;
  boundingBox(opts?: { timeout?: number }): Promise<{ x: number; y: number; width: number; height: number } | null>;
  waitFor(opts?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  /** Runs `fn` in the page on every match (the page's DOM elements, typed here as far as the suite uses them). */
  evaluateAll<R>(fn: (elements: DomElement[]) => R): Promise<R>;
}

export interface DomElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  textContent: string | null;
  innerHTML: string;
  value?: string;
}

export interface Page {
  goto(url: string, opts?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  locator(selector: string): Locator;
  keyboard: { press(key: string, opts?: { delay?: number }): Promise<void>; type(text: string, opts?: { delay?: number }): Promise<void>; insertText(text: string): Promise<void> };
  mouse: { move(x: number, y: number, opts?: { steps?: number }): Promise<void>; click(x: number, y: number): Promise<void> };
  screenshot(opts: { path: string; fullPage?: boolean }): Promise<unknown>;
  /** Evaluates a JavaScript expression in the page. */
  evaluate<R>(expression: string): Promise<R>;
  on(event: 'console' | 'pageerror', fn: (arg: { text?: () => string; message?: string }) => void): void;
  setDefaultTimeout(ms: number): void;
}

export interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

interface Playwright {
  chromium: {
    launchPersistentContext(dir: string, opts: Record<string, unknown>): Promise<BrowserContext>;
  };
}

export async function launchChromium(playwrightModule: string, p: Profile): Promise<{ context: BrowserContext; page: Page }> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run node test/e2e/setup.mjs`);
  const pw = createRequire(playwrightModule)(playwrightModule) as Playwright;
  const context = await pw.chromium.launchPersistentContext(p.browser, {
    executablePath: CHROMIUM, // never a downloaded browser
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    env: profileEnv(p, { HOME: p.home }),
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(5_000); // every wait that may take longer says so itself
  return { context, page };
}
