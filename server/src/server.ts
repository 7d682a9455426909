// The language server: a thin LSP layer over the engine. Open documents are linted on open and on every change
// (always the latest version, always ahead of the workspace scan); the rest of the workspace is scanned from
// disk and followed through file events. Diagnostics are pushed (see docs/decisions.md: Neovim 0.7 has no pull).
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams,
  type InitializeResult, type Hover,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText, type LintResult } from '../../shared-rules/engine/lint';
import { classify } from '../../shared-rules/engine/files';
import { detectProduct } from '../../shared-rules/engine/product';
import { URI } from './uri';
import { EditorConfig } from './settings';
import { ConfigResolver, Folders, type FileConfig } from './config';
import { ProjectFiles, projectDiagnostics } from './project-file';
import { WorkspaceScanner } from './scan';
import { onWatchedFiles, registerWatchers } from './watch';
import { toDiagnostic } from './diagnostics';
import { ValuesDiagnostics, templateHints } from './values-diagnostics';
import { ValuesDependencies } from './values-deps';
import { CoalescedChecks } from './coalesced-checks';
import { describeError } from './errors';
import { codeActions, fixAllAction, FIX_ALL_KIND } from './actions';
import { hoverFor } from './hover';
import { legacyFileOf } from '../../shared-rules/engine/legacy-files';
import { fileStatus, ruleSummaries } from './status';
import { CancelScanNotification, FileStatusRequest, FixAllCommand, RulesRequest, ScanWorkspaceRequest, type FileStatusParams } from './protocol';
import { registerReportRequest } from './report-request';
import { anyStoreInHome } from '../../shared-rules/keystores/resolve';
import { containerKindOfPath } from '../../shared-rules/engine/container-files';

interface Linted {
  version: number;
  result: LintResult;
  cfg: FileConfig;
  /** Why the document is not checked (disabled, excluded). */
  notChecked?: string;
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const documents = new TextDocuments(TextDocument);
  const results = new Map<string, Linted>();
  const pending = new Set<string>();
  const caps = { configuration: false, watch: false, folderEvents: false, commandLinks: false };
  const folders = new Folders();
  const editor = new EditorConfig(connection, () => caps.configuration);
  const projects = new ProjectFiles((p) => void connection.sendDiagnostics({ uri: URI.fromPath(p.file), diagnostics: projectDiagnostics(p) }));
  const config = new ConfigResolver(editor, projects, folders);
  const isOpen = (uri: string) => documents.get(uri) !== undefined;
  // An open values file (values.yaml…) keeps the findings its templates put on it next to its own.
  const ownDiagnostics = (uri: string) => {
    const r = results.get(uri)?.result;
    return r ? [...r.findings.map((f) => toDiagnostic(f, uri)), ...templateHints(r)] : [];
  };
  const values = new ValuesDiagnostics(connection, ownDiagnostics);
  // Values files are read with the editor's text when open, and what each template reads is remembered.
  const deps = new ValuesDependencies((file) => documents.get(URI.fromPath(file))?.getText());
  const scanner = new WorkspaceScanner({ connection, folders, config, projects, isOpen, values, deps });
  // A template's re-check waits for a pause in typing (75 ms, at most 500 ms): see coalesced-checks.ts.
  const templateChecks = new CoalescedChecks((file) => scanner.checkFile(file), 75);
  // An open template is linted at once when its own text changes; when only a values file it reads does, after the pause too.
  const openTemplateChecks = new CoalescedChecks(async (uri) => {
    if (documents.get(uri)) schedule(uri);
  }, 75);

  const lint = async (doc: TextDocument): Promise<Linted> => {
    const cfg = await config.forUri(doc.uri);
    const name = URI.toPath(doc.uri);
    const notChecked = !cfg.enabled ? 'CarbonLint is switched off here (carbonlint.enable).' : cfg.excludedBy ? `Excluded by ${cfg.excludedBy}.` : undefined;
    if (notChecked) {
      const text = doc.getText();
      return { version: doc.version, cfg, notChecked, result: { kind: classify(name, text, cfg.settings.associations), product: detectProduct(name, text, cfg.settings.product), findings: [] } };
    }
    if (!URI.isFile(doc.uri)) return { version: doc.version, cfg, result: lintText(name, doc.getText(), { settings: cfg.settings }) };
    const result = lintText(name, doc.getText(), { settings: cfg.settings, values: deps.access(name) });
    deps.settle(name, result.placeholders !== undefined);
    return { version: doc.version, cfg, result };
  };

  const validate = async (uri: string) => {
    pending.delete(uri);
    try {
      const doc = documents.get(uri);
      if (!doc) return;
      const linted = await lint(doc);
      const now = documents.get(uri);
      if (!now || now.version !== doc.version) return; // a newer change is queued and will publish
      results.set(uri, linted);
      values.update(uri, linted.result);
      void connection.sendDiagnostics({ uri, version: linted.version, diagnostics: [...linted.result.findings.map((f) => toDiagnostic(f, uri)), ...templateHints(linted.result), ...values.of(uri)] });
    } catch (e) {
      // One bad document must not end the server (and with it every other document's findings).
      connection.console.error(`Could not check ${String(uri)}: ${describeError(e)}`);
    }
  };

  // Coalesce bursts of changes: one lint per document per turn of the event loop, on the latest text.
  const schedule = (uri: string) => {
    if (pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => void validate(uri));
  };
  /** Values files changed (on disk or in the editor): the templates that read them are linted again. */
  const valuesChanged = (paths: string[]) => {
    const templates = new Set(paths.flatMap((p) => deps.dependents(p)));
    for (const t of templates) {
      const uri = URI.fromPath(t);
      if (documents.get(uri)) openTemplateChecks.request(uri);
      else templateChecks.request(t);
    }
  };
  const relintOpen = () => {
    for (const d of documents.all()) schedule(d.uri);
  };
  // Settings, folders and project files tend to change together (VS Code sends didChangeConfiguration right after
  // initialized): one scan for a burst of reasons, the running one stopped at once.
  let scanTimer: NodeJS.Timeout | undefined;
  const rescan = () => {
    scanner.cancel();
    clearTimeout(scanTimer);
    scanTimer = setTimeout(() => void scanner.scanAll(), 100);
  };

  /** The document and its findings for its current version (linted now if a change is not yet linted). */
  const current = async (uri: string): Promise<{ doc: TextDocument; linted: Linted } | undefined> => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const cached = results.get(uri);
    if (cached && cached.version === doc.version) return { doc, linted: cached };
    const linted = await lint(doc);
    if (doc.version === documents.get(uri)?.version) results.set(uri, linted);
    return { doc, linted };
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const ws = params.capabilities.workspace;
    caps.configuration = !!ws?.configuration;
    caps.watch = !!ws?.didChangeWatchedFiles?.dynamicRegistration;
    caps.folderEvents = !!ws?.workspaceFolders;
    caps.commandLinks = (params.initializationOptions as { commandLinks?: boolean } | undefined)?.commandLinks === true;
    folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [FixAllCommand] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'carbonlint', version: process.env.CARBONLINT_VERSION ?? '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (caps.watch) registerWatchers(connection);
    if (caps.folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        folders.set([...folders.list.filter((f) => !removed.has(f.uri)), ...e.added]);
        editor.clear();
        rescan();
      });
    }
    rescan();
  });

  connection.onDidChangeConfiguration(() => {
    editor.clear();
    relintOpen();
    rescan();
  });

  connection.onDidChangeWatchedFiles((params) => onWatchedFiles(params.changes, {
    connection, scanner, projects, pathsChanged: valuesChanged,
    projectChanged: () => {
      relintOpen();
      rescan();
    },
    keystoresChanged: (stores) => {
      const inHome = anyStoreInHome(stores);
      const concerned = (abs: string) => classify(abs) === 'toml' && inHome(abs);
      for (const d of documents.all()) if (URI.isFile(d.uri) && concerned(URI.toPath(d.uri))) schedule(d.uri);
      void scanner.recheck(concerned);
    },
    // A compose service's verdict depends on the Dockerfile it builds (compose-root-user): its compose files again.
    dockerfilesChanged: () => {
      const concerned = (abs: string) => containerKindOfPath(abs) === 'compose';
      for (const d of documents.all()) if (URI.isFile(d.uri) && concerned(URI.toPath(d.uri))) schedule(d.uri);
      void scanner.recheck(concerned);
    },
  }));

  documents.onDidOpen((e) => {
    scanner.release(e.document.uri);
    schedule(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    schedule(e.document.uri);
    if (URI.isFile(e.document.uri)) valuesChanged([URI.toPath(e.document.uri)]);
  });
  documents.onDidClose((e) => {
    results.delete(e.document.uri);
    pending.delete(e.document.uri);
    void scanner.closed(e.document.uri);
    // Its text in the editor is gone: templates that read it see the disk again.
    if (URI.isFile(e.document.uri)) valuesChanged([URI.toPath(e.document.uri)]);
  });

  connection.onCodeAction(async (params) => {
    const c = await current(params.textDocument.uri);
    if (!c || c.linted.notChecked) return [];
    return codeActions(c.doc, c.linted.result, c.linted.cfg.settings, params.range, params.context.only);
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== FixAllCommand) return null;
    const uri = String(params.arguments?.[0] ?? '');
    const c = await current(uri);
    const action = c && !c.linted.notChecked ? fixAllAction(c.doc, c.linted.cfg.settings) : undefined;
    if (!action?.edit) return { applied: false };
    const r = await connection.workspace.applyEdit({ label: action.title, edit: action.edit });
    return { applied: r.applied };
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    const c = await current(params.textDocument.uri);
    if (!c) return null;
    const offset = c.doc.offsetAt(params.position);
    const legacyFile = legacyFileOf(URI.toPath(c.doc.uri), c.doc.getText())?.file;
    return hoverFor(c.linted.result.findings.filter((f) => f.span.start <= offset && offset <= f.span.end), caps.commandLinks, { fileName: URI.toPath(params.textDocument.uri), result: c.linted.result }, legacyFile);
  });

  connection.onRequest(FileStatusRequest, async (params: FileStatusParams) => {
    const c = await current(params.uri);
    return fileStatus(c?.linted.result, c?.linted.cfg, c?.linted.notChecked, URI.isFile(params.uri) ? URI.toPath(params.uri) : undefined);
  });
  connection.onRequest(RulesRequest, () => ruleSummaries());
  connection.onRequest(ScanWorkspaceRequest, () => {
    editor.clear();
    rescan();
    return { started: true };
  });
  connection.onNotification(CancelScanNotification, () => scanner.cancel());
  connection.onShutdown(() => {
    clearTimeout(scanTimer);
    templateChecks.cancel();
    openTemplateChecks.cancel();
    scanner.cancel();
  });
  registerReportRequest(connection, documents); // carbonlint/report: the readiness report (webview)

  documents.listen(connection);
  connection.listen();
  return connection;
}
