// CarbonLint in Neovim: headless Neovim (Debian's 0.7.2) starts `node dist/server.js --stdio` with
// vim.lsp.start_client, gets the diagnostics of a deployment.toml with admin/admin, applies the server's quick fix
// with vim.lsp.util.apply_workspace_edit and writes the buffer (test/nvim/carbonlint.lua does the editor side and
// reports as JSON). Skipped only when Neovim is missing and cannot be installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, homeDiff, homeSnapshot, processesWithEnv, profileEnv, makeProfile, tooling, waitFor } from '../e2e/harness';

const SERVER = path.join(REPO, 'dist', 'server.js');
const LUA = path.join(__dirname, 'carbonlint.lua');
const ARTIFACTS = path.join(REPO, 'artifacts', 'nvim');
const TOML = '[server]\nhostname = "localhost"\n\n[super_admin]\nusername = "admin"\npassword = "admin"\ncreate_admin_account = true\n';

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

/** Neovim, installed from Debian if it is missing and we may; undefined (with the reason) when it cannot be. */
function ensureNvim(): { version?: string; reason?: string } {
  let version = nvimVersion();
  if (version) return { version };
  if (process.getuid?.() !== 0) return { reason: 'nvim is not installed and this user cannot apt-get install it' };
  const r = spawnSync('apt-get', ['install', '-y', 'neovim'], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 300_000 });
  version = nvimVersion();
  return version ? { version } : { reason: `nvim is not installed and apt-get install -y neovim failed: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-2).join(' ')}` };
}

const nvim = ensureNvim();

test('Neovim: diagnostics, code action applied with apply_workspace_edit, buffer written', { skip: nvim.reason, timeout: 120_000 }, async () => {
  console.log(`# ${nvim.version}`);
  const cache = (await tooling()).dir;
  const homeBefore = homeSnapshot([cache]);
  if (!fs.existsSync(SERVER)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'pipe' });

  const profile = makeProfile('carbonlint-nvim-');
  const file = path.join(profile.ws, 'repository', 'conf', 'deployment.toml');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, TOML);
  const resultFile = path.join(profile.root, 'result.json');
  const marker = path.basename(profile.root); // in the environment of nvim and of the server it starts
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  const env = profileEnv(profile, {
    CARBONLINT_SERVER: SERVER, CARBONLINT_RESULT: resultFile, CARBONLINT_NVIM_RUN: marker, CARBONLINT_WAIT_MS: '15000',
    NVIM_LOG_FILE: path.join(profile.root, 'nvim.log'),
  });
  const t0 = Date.now();
  // Its own process group, so a hung run can be ended as a whole.
  const proc = spawn('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${LUA}`, file], {
    cwd: profile.ws, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  let failure: unknown;
  try {
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 60_000)))]);
    clearTimeout(timer);
    if (code === 'timeout') throw new Error(`nvim did not exit within 60 s; output: ${output.slice(-500)}`);
    console.log(`# nvim ran for ${Date.now() - t0} ms, exit ${code}`);
    assert.ok(fs.existsSync(resultFile), `the Lua script wrote no result (exit ${code}); output: ${output.slice(-1000)}`);
    fs.copyFileSync(resultFile, path.join(ARTIFACTS, 'result.json'));
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    assert.equal(result.ok, true, `the Neovim run failed: ${result.reason}`);
    for (const s of result.steps) console.log(`# ${s.at_ms} ms: ${s.name} ${JSON.stringify(s.data).slice(0, 200)}`);

    const diags = result.published_before_fix.flatMap((p: { diagnostics: Array<{ code: string; severity: number; range: { start: { line: number } } }> }) => p.diagnostics);
    const admin = diags.find((d: { code: string; severity: number }) => d.code === 'default-admin-credentials' && d.severity === 1);
    assert.ok(admin, `a default-admin-credentials error among ${diags.length} diagnostics`);
    assert.equal(admin.range.start.line, 5, 'on the password line');
    assert.ok(result.steps.find((s: { name: string }) => s.name === 'code actions').data.titles.some((t: string) => t.startsWith('Read the admin password from the environment')));

    const onDisk = fs.readFileSync(file, 'utf8');
    assert.notEqual(onDisk, TOML, 'the file on disk changed');
    assert.equal(onDisk, TOML.replace('password = "admin"', 'password = "$env{CARBON_ADMIN_PASSWORD}"'));
    const after = result.diagnostics_after_fix as Array<{ code: string; severity: number; range: { start: { line: number } } }>;
    assert.ok(!after.some((d) => d.code === 'default-admin-credentials' && d.severity === 1), 'the password error is gone after the fix');
    assert.ok(after.some((d) => d.code === 'default-admin-credentials' && d.range.start.line === 4), 'the user name warning stays');
  } catch (e) {
    failure = e;
  } finally {
    try {
      process.kill(-proc.pid!, 'SIGKILL'); // normally already gone: nvim quits itself
    } catch { /* gone */ }
    const lspLog = path.join(profile.xdg.cache, 'nvim', 'lsp.log');
    if (fs.existsSync(lspLog)) fs.copyFileSync(lspLog, path.join(ARTIFACTS, 'lsp.log'));
    const left = await waitFor('nvim and the server it started to exit', () => processesWithEnv('CARBONLINT_NVIM_RUN', marker).length === 0, { ms: 10_000 })
      .then(() => [], () => processesWithEnv('CARBONLINT_NVIM_RUN', marker));
    for (const p of left) process.kill(p.pid, 'SIGKILL');
    fs.rmSync(profile.root, { recursive: true, force: true });
    if (!failure && left.length) failure = new Error(`processes left running: ${left.map((p) => p.cmdline).join('; ')}`);
  }
  if (failure) throw failure;
  const added = homeDiff(homeBefore, homeSnapshot([cache]));
  assert.deepEqual(added, [], `new under ${os.homedir()}: ${added.join(', ')}`);
});
