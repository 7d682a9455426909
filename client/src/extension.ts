// The thin client: starts the CarbonLint language server over IPC once a recognised file is in sight, passes the
// editor's settings through, and shows what the server reports (status items, commands). No rule knowledge here.
import * as path from 'node:path';
import { window, workspace, type ExtensionContext, type TextDocument } from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { classify, PRODUCT_BATCH_NAMES, PRODUCT_SCRIPT_NAMES } from '../../shared-rules/engine/files';
import { isForeignLog4j } from '../../shared-rules/engine/foreign';
import { parseAssociations } from '../../shared-rules/engine/associations';
import { explicitSettings } from './settings';
import { StatusItems } from './status';
import { registerCommands } from './commands';
import { registerReportView } from './report-view';
import { CONTAINER_PATTERNS, productContainerFileInSight } from './container-files';

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient> | undefined;

// Recognised files by name; shell and batch scripts by language too (a renamed product script is recognised by
// its content, server-side). vscode-vfs: in a virtual workspace, open files are still checked (from their text).
type Filter = { scheme: string; language?: string; pattern?: string };
const SCHEMES = ['file', 'vscode-vfs'];
// Template twins (deployment.toml.j2, api-manager.sh.erb…) are linted as the file they render to.
const TWIN = '{j2,jinja,jinja2,erb,tmpl,tpl,template}';
const PATTERNS: Array<Omit<Filter, 'scheme'>> = [
  { pattern: '**/*deployment*.toml' }, { pattern: '**/log4j2*.properties' }, { pattern: '**/context.xml' },
  { language: 'shellscript' }, { pattern: '**/*.sh' }, { language: 'bat' }, { pattern: '**/*.{bat,cmd}' },
  { pattern: `**/*deployment*.toml.${TWIN}` }, { pattern: `**/log4j2*.properties.${TWIN}` }, { pattern: `**/context.xml.${TWIN}` },
  { pattern: `**/*.{sh,bat,cmd}.${TWIN}` },
  // Kubernetes ConfigMaps that embed a checked file, and a product's pod manifests (the server reads the content;
  // other YAML gets nothing). onLanguage:yaml activates; the server starts only for a recognised one.
  { pattern: '**/*.{yaml,yml}' },
  // nginx configurations in front of a product (G42; the server reads the content: other .conf files get nothing).
  { pattern: '**/*.conf' }, { pattern: `**/*.conf.${TWIN}` }, { pattern: '**/sites-{enabled,available}/*' },
  ...CONTAINER_PATTERNS,
];
const SELECTOR: Filter[] = SCHEMES.flatMap((scheme) => PATTERNS.map((p) => ({ ...p, scheme })));

/** The selector plus the globs of every .carbonlint.json "associations" (read once, at start; a change needs a reload). */
async function selectorWithAssociations(): Promise<Filter[]> {
  const globs = new Set<string>();
  const files = await workspace.findFiles('**/.carbonlint.json', '**/node_modules/**', 50).then((f) => f, () => []);
  for (const f of files) {
    try {
      const raw = JSON.parse(Buffer.from(await workspace.fs.readFile(f)).toString('utf8')) as { associations?: unknown };
      for (const a of parseAssociations(raw.associations ?? {}).list) globs.add(a.glob.startsWith('**/') ? a.glob : `**/${a.glob.replace(/^\//, '')}`);
    } catch {
      // an unreadable or invalid project file: the server reports it on the file itself
    }
  }
  return [...SELECTOR, ...SCHEMES.flatMap((scheme) => [...globs].map((pattern) => ({ scheme, pattern })))];
}

// VS Code activates on a language (any XML file…) or on workspaceContains; the server only starts when a
// recognised file is really there, so an unrelated pom.xml costs no server process.
// A log4j2.properties alone does not start it: every Java project has one (HBase, Spring Boot); it must be a product's.
const WORKSPACE_GLOBS = ['**/*deployment*.toml', '**/context.xml', '**/.carbonlint.json',
  `**/{*deployment*.toml,log4j2*.properties,context.xml,*.sh,*.bat}.${TWIN}`,
  `**/{${[...PRODUCT_SCRIPT_NAMES, ...PRODUCT_BATCH_NAMES].join(',')}}`];
const LOG4J_GLOB = '**/log4j2*.properties';
const MAX_LOG4J_LOOKS = 5;
const recognised = (d: TextDocument) => {
  if (!SCHEMES.includes(d.uri.scheme)) return false;
  const kind = classify(d.uri.path, d.getText());
  return kind !== undefined && !(kind === 'properties' && isForeignLog4j(d.getText()));
};

/** Whether one of the first few log4j2*.properties files of the workspace is a product's. */
async function productLog4jInSight(): Promise<boolean> {
  const files = await workspace.findFiles(LOG4J_GLOB, '**/node_modules/**', MAX_LOG4J_LOOKS).then((f) => f, () => []);
  for (const uri of files) {
    const text = await workspace.fs.readFile(uri).then((b) => Buffer.from(b).toString('utf8'), () => '');
    if (text && !isForeignLog4j(text)) return true;
  }
  return false;
}

async function inSight(): Promise<boolean> {
  if (workspace.textDocuments.some(recognised)) return true;
  const found = await Promise.all(WORKSPACE_GLOBS.map((g) => workspace.findFiles(g, '**/node_modules/**', 1).then((f) => f.length > 0, () => false)));
  return found.some(Boolean) || (await productLog4jInSight()) || productContainerFileInSight();
}

function start(context: ExtensionContext): Promise<LanguageClient> {
  starting ??= (async () => {
    const module = context.asAbsolutePath(path.join('dist', 'server.js'));
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const selector = await selectorWithAssociations();
    const clientOptions: LanguageClientOptions = {
      documentSelector: selector,
      outputChannel: window.createOutputChannel('CarbonLint', { log: true }),
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      synchronize: { configurationSection: ['carbonlint', 'files.exclude'] },
      initializationOptions: { commandLinks: true },
      markdown: { isTrusted: { enabledCommands: ['carbonlint.showRuleDoc'] } },
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const answer = await next(params, token);
            if (!Array.isArray(answer)) return answer;
            return params.items.map((item, i) => (item.section === 'carbonlint' ? explicitSettings(context, 'carbonlint', item.scopeUri) : answer[i]));
          },
        },
      },
    };
    const c = new LanguageClient('carbonlint', 'CarbonLint', serverOptions, clientOptions);
    client = c;
    await c.start();
    context.subscriptions.push(new StatusItems(c, selector));
    return c;
  })();
  return starting;
}

export async function activate(context: ExtensionContext): Promise<void> {
  registerCommands(context, () => client, () => start(context));
  registerReportView(context, () => client);
  if (await inSight()) {
    await start(context);
    return;
  }
  const watch = workspace.onDidOpenTextDocument((d) => {
    if (!recognised(d)) return;
    watch.dispose();
    void start(context);
  });
  context.subscriptions.push(watch);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
