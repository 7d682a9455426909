// A real JSON-RPC client over stdio for the bundled server: what an editor does, without an editor.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams, InitializeParams, ClientCapabilities, ApplyWorkspaceEditParams, Registration } from 'vscode-languageserver-protocol';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface TestClient {
  conn: MessageConnection;
  proc: ChildProcess;
  /** Resolves with the next diagnostics for `uri` that satisfy `pred` (default: any), or rejects after `ms`. */
  diagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, ms?: number): Promise<PublishDiagnosticsParams>;
  /** The latest diagnostics published for `uri`, if any. */
  latest(uri: string): PublishDiagnosticsParams | undefined;
  /** Every diagnostics notification received, in order. */
  published: PublishDiagnosticsParams[];
  /** `$/progress` notifications, and the tokens the server asked to create. */
  progress: Array<{ token: string | number; value: { kind: string; message?: string; percentage?: number; cancellable?: boolean } }>;
  progressTokens: Array<string | number>;
  /** Other notifications from the server (e.g. carbonlint/scanState), in order. */
  notifications: Array<{ method: string; params: unknown }>;
  registrations: Registration[];
  /** Edits the server asked the client to apply (answered as applied). */
  applied: ApplyWorkspaceEditParams[];
  /** `carbonlint` settings answered to workspace/configuration (mutable: change, then send didChangeConfiguration). */
  settings: Record<string, unknown>;
  /** `files.exclude` answered to workspace/configuration. */
  filesExclude: Record<string, boolean>;
  /** Polls until `pred` holds, or rejects after `ms`. */
  until<T>(what: string, pred: () => T | undefined | false, ms?: number): Promise<T>;
  stop(): Promise<void>;
}

export interface ClientOptions {
  settings?: Record<string, unknown>;
  filesExclude?: Record<string, boolean>;
  rootUri?: string | null;
  /** Workspace folders as absolute paths. */
  folders?: string[];
  initOptions?: object;
  /** Merged into the client capabilities (e.g. no workDoneProgress). */
  capabilities?: ClientCapabilities;
}

export const fileUri = (p: string) => pathToFileURL(p).toString();

export async function startClient(opts: ClientOptions = {}): Promise<TestClient> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: Array<{ uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const client: TestClient = {
    conn, proc, published, progress: [], progressTokens: [], notifications: [], registrations: [], applied: [],
    settings: opts.settings ?? {}, filesExclude: opts.filesExclude ?? {},
    diagnostics(uri, pred = () => true, ms = 10000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${ms} ms (last: ${JSON.stringify(latest.get(uri)?.diagnostics.map((d) => d.code))})`)), ms);
        waiters.push({ uri, pred, resolve: (p) => { clearTimeout(timer); resolve(p); } });
      });
    },
    latest: (uri) => latest.get(uri),
    async until(what, pred, ms = 10000) {
      const end = Date.now() + ms;
      for (;;) {
        const v = pred();
        if (v) return v;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      const exited = new Promise<void>((resolve) => (proc.exitCode !== null ? resolve() : proc.once('exit', () => resolve())));
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch { /* already gone */ }
      const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
      conn.dispose();
    },
  };
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    latest.set(p.uri, p);
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      if (w.uri === p.uri && w.pred(p)) {
        waiters.splice(i--, 1);
        w.resolve(p);
      }
    }
  });
  conn.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
    params.items.map((i) => (i.section === 'carbonlint' ? client.settings : i.section === 'files.exclude' ? client.filesExclude : null)));
  conn.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
    client.registrations.push(...p.registrations);
    return null;
  });
  conn.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
    client.progressTokens.push(p.token);
    return null;
  });
  conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
    client.applied.push(p);
    return { applied: true };
  });
  conn.onNotification('$/progress', (p: unknown) => {
    client.progress.push(p as TestClient['progress'][number]);
  });
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification((method: string, params: unknown) => {
    client.notifications.push({ method, params });
  });
  conn.listen();
  const folders = opts.folders?.map((f, i) => ({ uri: fileUri(f), name: `ws${i}` })) ?? (opts.rootUri ? [{ uri: opts.rootUri, name: 'ws' }] : null);
  const capabilities: ClientCapabilities = {
    workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
    window: { workDoneProgress: true },
    ...opts.capabilities,
  };
  const init: InitializeParams = {
    processId: process.pid,
    rootUri: opts.rootUri ?? folders?.[0]?.uri ?? null,
    capabilities,
    workspaceFolders: folders,
    initializationOptions: opts.initOptions,
  };
  await conn.sendRequest('initialize', init);
  conn.sendNotification('initialized', {});
  return client;
}

/** The diagnostic codes of a publication, sorted (for compact assertions). */
export function codes(p: PublishDiagnosticsParams | undefined): string[] {
  return (p?.diagnostics ?? []).map((d) => String(d.code)).sort();
}

/** A temporary workspace folder with these files (relative path → text); removed by `cleanup`. */
export function makeWorkspace(files: Record<string, string>): { root: string; file(rel: string): string; uri(rel: string): string; write(rel: string, text: string): string; cleanup(): void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-ws-')));
  const ws = {
    root,
    file: (rel: string) => path.join(root, rel),
    uri: (rel: string) => fileUri(path.join(root, rel)),
    write(rel: string, text: string) {
      const f = path.join(root, rel);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, text);
      return fileUri(f);
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
  for (const [rel, text] of Object.entries(files)) ws.write(rel, text);
  return ws;
}

/** Resolves when the server reports the workspace scan ended (carbonlint/scanState done or cancelled), after `from` notifications. */
export function scanEnded(c: TestClient, from = 0, ms = 20000): Promise<{ state: string; files: number; checked: number; findings: number }> {
  return c.until('the end of the workspace scan', () => c.notifications.slice(from).map((n) => n.params as { state: string; files: number; checked: number; findings: number })
    .find((p, i) => c.notifications[from + i].method === 'carbonlint/scanState' && (p.state === 'done' || p.state === 'cancelled')), ms);
}
