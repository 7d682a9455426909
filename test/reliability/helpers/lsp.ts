// A JSON-RPC client for the bundled server that records everything the server says (every message, stderr),
// can preload spy hooks into the server process, and can write raw bytes (malformed frames) to its stdin.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

export interface Recorded {
  method: string;
  params: unknown;
}

export interface SpyClient {
  conn: MessageConnection;
  proc: ChildProcess;
  init: InitializeResult;
  /** Every notification and request the server sent, in order. */
  received: Recorded[];
  published: PublishDiagnosticsParams[];
  stderr(): string;
  /** Resolves with the first diagnostics for `uri` (already received or next) that satisfy `pred`. */
  diagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, ms?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  /** Writes bytes to the server's stdin as they are (no framing added). */
  raw(bytes: string | Buffer): void;
  alive(): boolean;
  stop(): Promise<void>;
}

export interface SpyOptions {
  settings?: Record<string, unknown>;
  rootUri?: string | null;
  /** Extra node flags for the server process, e.g. ['--require', hook]. */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** Answer to workspace/applyEdit (default: not applied — the test inspects, never writes). */
  applyEdit?: (params: unknown) => { applied: boolean };
  trace?: 'off' | 'messages' | 'verbose';
}

export async function startSpyClient(opts: SpyOptions = {}): Promise<SpyClient> {
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const received: Recorded[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const settings = opts.settings ?? {};
  conn.onNotification((method, params) => {
    received.push({ method, params });
    if (method !== 'textDocument/publishDiagnostics') return;
    const p = params as PublishDiagnosticsParams;
    published.push(p);
    for (let i = 0; i < waiters.length; i++) {
      if (waiters[i].uri === p.uri && waiters[i].pred(p)) waiters.splice(i--, 1)[0].resolve(p);
    }
  });
  conn.onRequest((method, params) => {
    received.push({ method, params });
    if (method === 'workspace/configuration') {
      return (params as { items: Array<{ section?: string }> }).items.map((i) => (i.section === 'carbonlint' ? settings : i.section?.startsWith('carbonlint.') ? undefined : null));
    }
    if (method === 'workspace/applyEdit') return opts.applyEdit?.(params) ?? { applied: false, failureReason: 'test client applies nothing' };
    return null; // registerCapability, workDoneProgress/create, …
  });
  conn.onError(() => undefined);
  conn.listen();
  const rootUri = opts.rootUri ?? null;
  const init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
      textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'source.fixAll.carbonlint'] } } } },
      window: { workDoneProgress: true },
    },
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
    trace: opts.trace ?? 'off',
  })) as InitializeResult;
  await conn.sendNotification('initialized', {});
  const client: SpyClient = {
    conn, proc, init, received, published,
    stderr: () => err,
    diagnostics(uri, pred = () => true, ms = 15000) {
      const had = published.find((p) => p.uri === uri && pred(p));
      if (had) return Promise.resolve(had);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${ms} ms`)), ms);
        waiters.push({ uri, pred, resolve: (p) => { clearTimeout(timer); resolve(p); } });
      });
    },
    open(uri, text, languageId = 'plaintext', version = 1) {
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    raw(bytes) {
      proc.stdin!.write(bytes);
    },
    alive: () => proc.exitCode === null && proc.signalCode === null,
    async stop() {
      if (!client.alive()) {
        conn.dispose();
        return;
      }
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch { /* already gone */ }
      await exited;
      clearTimeout(timer);
      conn.dispose();
    },
  };
  return client;
}

/** One whole LSP frame, as bytes (for writing around the connection's own writer). */
export function frame(body: string | Buffer): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]);
}
