// A lean JSON-RPC client over stdio for the bundled server, made for timing: every diagnostics publication and
// progress notification is stamped on arrival, and a change can be awaited by its document version.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const CLK_TCK = 100; // sysconf(_SC_CLK_TCK) on Linux

export const fileUri = (p) => pathToFileURL(p).toString();

/**
 * Header and body of each message in ONE write, as a real client does (VS Code sends one IPC message; an editor's
 * stdio client one buffer). vscode-jsonrpc's StreamMessageWriter writes them separately, so the server woke up
 * twice per message (a read for the header, another for the body) — a cost of the bench client, not of the server.
 */
class OneWriteMessageWriter extends rpc.AbstractMessageWriter {
  constructor(stream) {
    super();
    this.stream = stream;
    stream.on('error', (e) => this.fireError(e));
    stream.on('close', () => this.fireClose());
  }

  write(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    const header = Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii');
    return new Promise((resolve, reject) => {
      this.stream.write(Buffer.concat([header, body]), (e) => (e ? (this.fireError(e, msg), reject(e)) : resolve()));
    });
  }

  end() {
    this.stream.end();
  }
}

export async function startServer(serverJs, { folders = [], settings = {}, execArgv = [] } = {}) {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...execArgv, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr.resume();
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new OneWriteMessageWriter(proc.stdin));
  const c = {
    proc, conn,
    published: [], // { uri, version, count, t }
    progress: [], // { token, kind, t }
    scanStates: [], // { state, files, checked, t }
    waiters: [],
  };
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const e = { uri: p.uri, version: p.version, count: p.diagnostics.length, t: performance.now() };
    c.published.push(e);
    c.waiters = c.waiters.filter((w) => !(w.match(e) && (w.resolve(e), true)));
  });
  conn.onNotification('$/progress', (p) => c.progress.push({ token: p.token, kind: p.value?.kind, t: performance.now() }));
  conn.onNotification('carbonlint/scanState', (p) => c.scanStates.push({ ...p, t: performance.now() }));
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification(() => undefined);
  conn.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section === 'carbonlint' ? settings : i.section === 'files.exclude' ? {} : null)));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/applyEdit', () => ({ applied: true }));
  conn.listen();
  const uris = folders.map((f, i) => ({ uri: fileUri(f), name: `ws${i}` }));
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uris[0]?.uri ?? null,
    workspaceFolders: uris.length ? uris : null,
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  c.initializeMs = performance.now() - t0;
  c.initializedAt = performance.now();
  conn.sendNotification('initialized', {});

  /** The next publication matching `match`, or undefined after `ms`. */
  c.next = (match, ms = 60_000) => new Promise((resolve) => {
    const timer = setTimeout(() => {
      c.waiters = c.waiters.filter((w) => w.resolve !== done);
      resolve(undefined);
    }, ms);
    const done = (e) => {
      clearTimeout(timer);
      resolve(e);
    };
    c.waiters.push({ match, resolve: done });
  });
  c.open = (uri, text, version = 1) => {
    const p = c.next((e) => e.uri === uri && e.version === version);
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
    return p;
  };
  /** Sends one incremental change; resolves with the ms until the diagnostics of that version arrived. */
  c.change = async (uri, version, range, text) => {
    const p = c.next((e) => e.uri === uri && e.version === version);
    const t = performance.now();
    conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    const e = await p;
    if (!e) throw new Error(`no diagnostics for version ${version} of ${uri}`);
    return e.t - t;
  };
  /** A round trip with no work behind it (an unknown method: the server answers MethodNotFound at once). */
  c.roundTrip = async () => {
    const t = performance.now();
    await conn.sendRequest('carbonlint/benchEcho').catch(() => undefined);
    return performance.now() - t;
  };
  /** Resident set size of the server process now, in bytes (Linux). */
  c.rss = () => {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  };
  /** CPU time (user + system) the server process has used so far, in ms (clock-tick resolution). */
  c.cpu = () => {
    const stat = fs.readFileSync(`/proc/${proc.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
  };
  c.stop = async () => {
    const exited = new Promise((resolve) => (proc.exitCode !== null ? resolve() : proc.once('exit', resolve)));
    try {
      await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
      conn.sendNotification('exit');
    } catch { /* gone */ }
    const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    conn.dispose();
  };
  return c;
}

/** The LSP position of an offset in text. */
export function positionAt(text, offset) {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}
