// Shared by the CLI suites: run the bundled CLI, make temporary product layouts from corpus or example files.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../helpers/shared';

export const CLI = path.join(REPO, 'dist/cli.js');

export function run(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  const env = { ...process.env, ...opts.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR']) if (!opts.env || !(k in opts.env)) delete env[k];
  return spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? REPO, encoding: 'utf8', env, maxBuffer: 64 << 20 });
}

/** A temporary folder with `files` (relative path → content or source file to copy); removed by the caller. */
export function layout(files: Record<string, string | { copy: string }>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-cli-'));
  for (const [rel, src] of Object.entries(files)) {
    const to = path.join(dir, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (typeof src === 'string') fs.writeFileSync(to, src);
    else fs.copyFileSync(src.copy, to);
  }
  return dir;
}

/** Every file under dir → its bytes, to prove a command changed nothing. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, f);
    const st = fs.lstatSync(p);
    if (st.isFile()) out.set(f, fs.readFileSync(p).toString('base64'));
    else if (st.isSymbolicLink()) out.set(f, `-> ${fs.readlinkSync(p)}`);
  }
  return out;
}

export const rm = (dir: string) => fs.rmSync(dir, { recursive: true, force: true });
