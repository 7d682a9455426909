// Reads `carbonlint.*` from the client (workspace/configuration) into the engine's Settings.
import type { Connection } from 'vscode-languageserver/node';
import { resolveSettings, type Settings } from '../../shared-rules/engine/settings';

export interface ClientSettings {
  enable?: boolean;
  rules?: Settings['rules'];
  product?: string;
  tls?: { minimumVersion?: Settings['tls']['minimumVersion'] };
  session?: { minIdLength?: number };
  maxFileSize?: number;
}

export async function fetchSettings(connection: Connection, supported: boolean, scopeUri?: string): Promise<{ enabled: boolean; settings: Settings }> {
  let raw: ClientSettings | null = null;
  if (supported) {
    try {
      raw = (await connection.workspace.getConfiguration({ scopeUri, section: 'carbonlint' })) as ClientSettings | null;
    } catch {
      raw = null; // a client that cannot answer gets the defaults
    }
  }
  return { enabled: raw?.enable !== false, settings: resolveSettings(raw as Partial<Settings> | undefined) };
}
