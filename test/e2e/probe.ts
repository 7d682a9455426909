// Feature detection for the steps that wait on issue 6 (whole-workspace scanning, fix-all on save): asks the
// bundled server itself over stdio, the way an editor would, instead of guessing from version numbers.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export interface ServerFeatures {
  /** Publishes diagnostics for a file in the workspace folder that the client never opened. */
  scansWorkspace: boolean;
  /** Answers a `source.fixAll.carbonlint` code action request with such an action. */
  fixAll: boolean;
  notes: string[];
}

/**
 * `dir` gets two files: `unopened/deployment.toml` (never opened: diagnostics for it mean the server scans the
 * workspace) and `opened/context.xml` (opened, then asked for fix-all).
 */
export async function probeServer(serverJs: string, dir: string, ms = 8000): Promise<ServerFeatures> {
  const unopened = path.join(dir, 'unopened', 'repository', 'conf', 'deployment.toml');
  const opened = path.join(dir, 'opened', 'repository', 'conf', 'tomcat', 'carbon', 'META-INF', 'context.xml');
  for (const [f, text] of [[unopened, '[super_admin]\nusername = "admin"\npassword = "admin"\n'], [opened, '<Context><Manager pathname=""/></Context>\n']]) {
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
  }
  const rootUri = pathToFileURL(dir).toString();
  const unopenedUri = pathToFileURL(unopened).toString();
  const openedUri = pathToFileURL(opened).toString();
  const notes: string[] = [];

  const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stdin!.on('error', () => undefined); // the server may be gone before our last write
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  let scansWorkspace = false;
  let seenOpened: PublishDiagnosticsParams | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.uri === unopenedUri && p.diagnostics.length) scansWorkspace = true;
    if (p.uri === openedUri) seenOpened = p;
  });
  conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  conn.onRequest('workspace/workspaceFolders', () => [{ uri: rootUri, name: 'probe' }]);
  conn.onRequest(() => null); // registerCapability, workDoneProgress/create, …
  conn.onNotification(() => undefined);
  conn.listen();
  try {
    const init = (await Promise.race([
      conn.sendRequest('initialize', {
        processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'probe' }],
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
          window: { workDoneProgress: true },
          textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } } },
        },
      }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no initialize response')), ms)),
    ])) as InitializeResult;
    const cap = init.capabilities.codeActionProvider;
    notes.push(`codeActionKinds: ${typeof cap === 'object' ? JSON.stringify(cap.codeActionKinds ?? []) : String(cap)}`);
    conn.sendNotification('initialized', {});
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri: openedUri, languageId: 'xml', version: 1, text: fs.readFileSync(opened, 'utf8') } });
    const deadline = Date.now() + ms;
    while (Date.now() < deadline && !(scansWorkspace && seenOpened)) await new Promise((r) => setTimeout(r, 100));
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: openedUri },
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
      context: { diagnostics: seenOpened?.diagnostics ?? [], only: ['source.fixAll.carbonlint'], triggerKind: 2 },
    })) as CodeAction[] | null;
    const fixAll = !!actions?.some((a) => a.kind?.startsWith('source.fixAll'));
    notes.push(`code actions for only=[source.fixAll.carbonlint]: ${JSON.stringify((actions ?? []).map((a) => a.kind))}`);
    return { scansWorkspace, fixAll, notes };
  } finally {
    try {
      await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
      await conn.sendNotification('exit').catch(() => undefined);
    } catch { /* gone */ }
    conn.dispose();
    proc.kill();
  }
}
