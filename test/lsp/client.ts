// A real JSON-RPC client over stdio for the bundled server: what an editor does, without an editor.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams, InitializeParams } from 'vscode-languageserver-protocol';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface TestClient {
  conn: MessageConnection;
  proc: ChildProcess;
  /** Resolves with the next diagnostics for `uri` that satisfy `pred` (default: any), or rejects after `ms`. */
  diagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, ms?: number): Promise<PublishDiagnosticsParams>;
  /** Every diagnostics notification received, in order. */
  published: PublishDiagnosticsParams[];
  settings: Record<string, unknown>;
  stop(): Promise<void>;
}

export async function startClient(opts: { settings?: Record<string, unknown>; rootUri?: string | null; initOptions?: object } = {}): Promise<TestClient> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const client: TestClient = {
    conn, proc, published, settings: opts.settings ?? {},
    diagnostics(uri, pred = () => true, ms = 10000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${ms} ms`)), ms);
        waiters.push({ uri, pred, resolve: (p) => { clearTimeout(timer); resolve(p); } });
      });
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
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      if (w.uri === p.uri && w.pred(p)) {
        waiters.splice(i--, 1);
        w.resolve(p);
      }
    }
  });
  conn.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
    params.items.map((i) => (i.section === 'carbonlint' ? client.settings : null)));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  const init: InitializeParams = {
    processId: process.pid,
    rootUri: opts.rootUri ?? null,
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } },
    workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'ws' }] : null,
    initializationOptions: opts.initOptions,
  };
  await conn.sendRequest('initialize', init);
  conn.sendNotification('initialized', {});
  return client;
}
