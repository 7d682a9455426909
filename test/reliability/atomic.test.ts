// Nothing is lost. The CLI writes fixes atomically (temp file beside the target, then rename): a failure midway
// leaves the original intact and no temp file behind — shown on writeAtomic directly (a failing rename, a write that
// dies half-way, a directory squatting on the temp name) and through `carbonlint --fix`. The language server
// never writes workspace files: a scan, quick fixes, fix-all and the report over LSP change no file on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeAtomic } from '../../cli/src/atomic';
import { HOOKS, readSpyLog, runCli, tempDir } from './helpers/cli';
import { startSpyClient } from './helpers/lsp';
import { INSECURE_TOML, write } from './helpers/workspace';
import { SECRET_FILES } from './helpers/canaries';

// The fs module object itself: writeAtomic calls through it, so a test can make one call fail.
const realFs = createRequire(__filename)('node:fs') as Record<string, unknown>;

function withFailing<T>(name: string, impl: (orig: (...a: unknown[]) => unknown) => (...a: unknown[]) => unknown, body: () => T): T {
  const orig = realFs[name] as (...a: unknown[]) => unknown;
  realFs[name] = impl(orig);
  try {
    return body();
  } finally {
    realFs[name] = orig;
  }
}

const ORIGINAL = '#!/bin/sh\n# the original\n';
const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.carbonlint-'));

test('writeAtomic: a rename that fails leaves the original and no temp file', () => {
  const dir = tempDir('atomic-rename');
  try {
    const f = write(dir, 'api-manager.sh', ORIGINAL);
    const err = Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    assert.throws(() => withFailing('renameSync', () => () => { throw err; }, () => writeAtomic(f, 'NEW CONTENT')), /EXDEV/);
    assert.equal(fs.readFileSync(f, 'utf8'), ORIGINAL);
    assert.deepEqual(leftovers(dir), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('writeAtomic: a write that dies half-way (disk full) leaves the original and no temp file', () => {
  const dir = tempDir('atomic-enospc');
  try {
    const f = write(dir, 'deployment.toml', INSECURE_TOML);
    const halfThenFail = (orig: (...a: unknown[]) => unknown) => (file: unknown, data: unknown, opts: unknown) => {
      orig(file, String(data).slice(0, 10), opts); // some bytes reach the disk…
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }); // …then the disk is full
    };
    assert.throws(() => withFailing('writeFileSync', halfThenFail, () => writeAtomic(f, 'x'.repeat(1000))), /ENOSPC/);
    assert.equal(fs.readFileSync(f, 'utf8'), INSECURE_TOML);
    assert.deepEqual(leftovers(dir), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Issue 16 item 10: the temp name used to be predictable (.NAME.carbonlint-PID.tmp) and opened without O_EXCL. It is
// random now and created exclusively, so these two tests pin the random part (crypto.randomBytes) to squat on it.
const realCrypto = createRequire(__filename)('node:crypto') as Record<string, unknown>;
function withRandom<T>(next: () => Buffer, body: () => T): T {
  const orig = realCrypto.randomBytes;
  realCrypto.randomBytes = () => next();
  try {
    return body();
  } finally {
    realCrypto.randomBytes = orig;
  }
}
const tempOf = (dir: string, name: string, fill: number) => path.join(dir, `.${name}.carbonlint-${Buffer.alloc(8, fill).toString('hex')}.tmp`);

test('writeAtomic: a directory squatting on the temp name is left alone (another name is used), original then replaced', () => {
  const dir = tempDir('atomic-squat');
  try {
    const f = write(dir, 'deployment.toml', INSECURE_TOML);
    const squat = tempOf(dir, 'deployment.toml', 0);
    fs.mkdirSync(squat);
    fs.writeFileSync(path.join(squat, 'someone-elses'), 'x');
    let n = 0;
    withRandom(() => Buffer.alloc(8, n++ === 0 ? 0 : 0x11), () => writeAtomic(f, 'NEW'));
    assert.equal(fs.readFileSync(f, 'utf8'), 'NEW');
    assert.ok(fs.existsSync(path.join(squat, 'someone-elses')), 'what was at the temp name is not removed');
    assert.deepEqual(leftovers(dir), [path.basename(squat)]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('writeAtomic: when every temp name is taken, the error reported is the write failure, not the clean-up; original intact', () => {
  const dir = tempDir('atomic-error');
  try {
    const f = write(dir, 'deployment.toml', INSECURE_TOML);
    const squat = tempOf(dir, 'deployment.toml', 0);
    fs.mkdirSync(squat);
    assert.throws(() => withRandom(() => Buffer.alloc(8, 0), () => writeAtomic(f, 'NEW')), (e: NodeJS.ErrnoException) => e.code === 'EEXIST');
    assert.equal(fs.readFileSync(f, 'utf8'), INSECURE_TOML);
    assert.ok(fs.statSync(squat).isDirectory(), 'the squatter is not removed');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('writeAtomic: success keeps the mode (scripts stay executable) and leaves no temp file', () => {
  const dir = tempDir('atomic-ok');
  try {
    const f = write(dir, 'api-manager.sh', ORIGINAL);
    fs.chmodSync(f, 0o750);
    writeAtomic(f, 'NEW');
    assert.equal(fs.readFileSync(f, 'utf8'), 'NEW');
    assert.equal(fs.statSync(f).mode & 0o777, 0o750);
    assert.deepEqual(leftovers(dir), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('carbonlint --fix: when the temp write fails, the file is left as it was and the run fails (exit 2)', async () => {
  const dir = tempDir('atomic-cli');
  try {
    const script = 'wso2am-4.2.0/bin/api-manager.sh';
    const f = write(dir, script, SECRET_FILES[script]); // has a safe fix (the DH key size flag)
    const r = await runCli([dir, '--fix'], { hooks: ['collide.cjs'], env: { CARBONLINT_COLLIDE: JSON.stringify([f]) } });
    assert.equal(r.status, 2, `exit ${r.status}: ${r.stderr}`);
    assert.match(r.stderr, /cannot write/);
    assert.equal(fs.readFileSync(f, 'utf8'), SECRET_FILES[script], 'the original is intact');
    // Without the collision the same run does write the fix (so the failure above was the injected one).
    const ok = await runCli([dir, '--fix']);
    assert.ok(ok.status === 0 || ok.status === 1, ok.stderr);
    assert.notEqual(fs.readFileSync(f, 'utf8'), SECRET_FILES[script]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const WRITES = /^(promises\.)?(writeFile|appendFile|rename|copyFile|cp|unlink|rm|rmdir|mkdir|truncate|createWriteStream|utimes|chmod|chown|symlink|link)(Sync)?$/;
const isWrite = (e: { op: string; flags?: string }) => WRITES.test(e.op) || (/^(promises\.)?open(Sync)?$/.test(e.op) && !!e.flags && /[wa+]/.test(e.flags));

function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    const f = path.join(root, rel);
    const st = fs.lstatSync(f);
    out.set(rel, st.isFile() ? `${st.mtimeMs} ${st.size} ${fs.readFileSync(f, 'base64')}` : st.isDirectory() ? 'dir' : 'other');
  }
  return out;
}

test('language server: a workspace scan, quick fixes, fix-all and the report write nothing to disk', async () => {
  const ws = tempDir('nowrite');
  const spyLog = path.join(tempDir('nowrite-log'), 'spy.log');
  for (const [rel, text] of Object.entries(SECRET_FILES)) write(ws, rel, text);
  write(ws, 'other/deployment.toml', INSECURE_TOML);
  const before = snapshot(ws);
  const applied: unknown[] = [];
  const c = await startSpyClient({
    rootUri: pathToFileURL(ws).toString(),
    nodeArgs: ['--require', path.join(HOOKS, 'spy.cjs')],
    env: { CARBONLINT_SPY_LOG: spyLog },
    applyEdit: (p) => (applied.push(p), { applied: true }), // the client says yes — and still nothing may be written by the server
  });
  try {
    await c.diagnostics(pathToFileURL(path.join(ws, 'other/deployment.toml')).toString(), (p) => p.diagnostics.length > 0, 20_000);
    for (const [rel, text] of Object.entries(SECRET_FILES)) {
      const uri = pathToFileURL(path.join(ws, rel)).toString();
      c.open(uri, text);
      await c.diagnostics(uri, (p) => p.version === 1);
      const whole = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };
      for (const only of [undefined, ['source.fixAll'], ['quickfix']]) {
        await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only } });
      }
      for (const command of (c.init.capabilities.executeCommandProvider?.commands ?? [])) {
        await c.conn.sendRequest('workspace/executeCommand', { command, arguments: [uri] }).catch(() => undefined);
      }
      await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    await c.conn.sendRequest('carbonlint/report', { uri: pathToFileURL(ws).toString() }).catch(() => undefined);
    await c.conn.sendRequest('carbonlint/scanWorkspace', {}).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1000));
    assert.ok(c.alive());
    const writes = readSpyLog(spyLog).filter((e) => isWrite(e) && (e.target.startsWith(ws) || (e.dest ?? '').startsWith(ws)));
    assert.deepEqual(writes, [], 'the server wrote into the workspace');
    assert.deepEqual(snapshot(ws), before, 'a workspace file changed on disk');
    assert.ok(readSpyLog(spyLog).some((e) => e.target.startsWith(ws)), 'the spy saw the scan (it works)');
    console.log(`server: ${applied.length} workspace/applyEdit requests (edits go through the client), no write`);
  } finally {
    await c.stop();
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(path.dirname(spyLog), { recursive: true, force: true });
  }
});
