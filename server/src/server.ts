// The language server: a thin LSP layer over the engine. Lints open documents on open and on every change
// (always the latest version), publishes diagnostics, and turns the findings' fixes into quick fixes.
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams,
  type InitializeResult, type Hover,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from './uri';
import { lintText, type LintFinding } from '../../shared-rules/engine/lint';
import { ruleById } from '../../shared-rules/rules';
import { ruleMarkdown } from '../../shared-rules/engine/docs';
import type { Settings } from '../../shared-rules/engine/settings';
import { fetchSettings } from './settings';
import { quickFixes, toDiagnostic } from './diagnostics';

interface Linted {
  version: number;
  findings: LintFinding[];
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const documents = new TextDocuments(TextDocument);
  const results = new Map<string, Linted>();
  const pending = new Set<string>();
  let configSupported = false;
  let settingsCache = new Map<string, Promise<{ enabled: boolean; settings: Settings }>>();

  const settingsFor = (uri: string) => {
    let s = settingsCache.get(uri);
    if (!s) settingsCache.set(uri, (s = fetchSettings(connection, configSupported, uri)));
    return s;
  };

  /** Lints the document's current text now (used for code actions and hovers on a version not yet linted). */
  const lintNow = (doc: TextDocument, settings: Settings): Linted => {
    const linted = { version: doc.version, findings: lintText(URI.toPath(doc.uri), doc.getText(), { settings }).findings };
    results.set(doc.uri, linted);
    return linted;
  };

  const validate = async (uri: string) => {
    pending.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    const { enabled, settings } = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== doc.version) return; // a newer change is queued and will publish
    const linted = enabled ? lintNow(current, settings) : { version: current.version, findings: [] };
    results.set(uri, linted);
    connection.sendDiagnostics({ uri, version: linted.version, diagnostics: linted.findings.map((f) => toDiagnostic(f, uri)) });
  };

  // Coalesce bursts of changes: one lint per document per turn of the event loop, on the latest text.
  const schedule = (uri: string) => {
    if (pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => void validate(uri));
  };

  const current = async (uri: string): Promise<{ doc: TextDocument; linted: Linted } | undefined> => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const cached = results.get(uri);
    if (cached && cached.version === doc.version) return { doc, linted: cached };
    const { enabled, settings } = await settingsFor(uri);
    return { doc, linted: enabled ? lintNow(doc, settings) : { version: doc.version, findings: [] } };
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    configSupported = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'carbonlint', version: process.env.CARBONLINT_VERSION ?? '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache = new Map();
    for (const d of documents.all()) schedule(d.uri);
  });

  documents.onDidOpen((e) => schedule(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    results.delete(e.document.uri);
    pending.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params) => {
    const c = await current(params.textDocument.uri);
    return c ? quickFixes(c.linted.findings, c.doc.uri, c.doc.version, params.range) : [];
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    const c = await current(params.textDocument.uri);
    if (!c) return null;
    const offset = c.doc.offsetAt(params.position);
    const hits = c.linted.findings.filter((f) => f.span.start <= offset && offset <= f.span.end);
    const docs = [...new Set(hits.map((f) => f.ruleId))].map((id) => ruleById(id)).filter((r) => r !== undefined);
    if (!docs.length) return null;
    return { contents: { kind: 'markdown', value: docs.map((r) => ruleMarkdown(r)).join('\n\n---\n\n') } };
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
