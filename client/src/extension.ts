// The thin client: starts the CarbonLint language server over IPC for the recognised files. No rule knowledge here.
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', pattern: '**/*deployment*.toml' },
      { scheme: 'file', pattern: '**/log4j2*.properties' },
      { scheme: 'file', pattern: '**/context.xml' },
      { scheme: 'file', language: 'shellscript' },
      { scheme: 'file', pattern: '**/*.sh' },
    ],
    synchronize: { configurationSection: 'carbonlint' },
  };
  client = new LanguageClient('carbonlint', 'CarbonLint', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
