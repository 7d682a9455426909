// Sends the server only the carbonlint.* values the user actually set (any level: user, workspace, folder).
// VS Code fills unset keys with their defaults, which would silently override the project file: the precedence
// is defaults < .carbonlint.json < editor settings, so "unset" must stay unset. No rule knowledge here.
import { Uri, workspace, type ExtensionContext } from 'vscode';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** The contributed setting names under the section, without the prefix (e.g. "tls.minimumVersion"). */
function keysOf(context: ExtensionContext, section: string): string[] {
  const props = (context.extension.packageJSON as { contributes?: { configuration?: { properties?: Json } } }).contributes?.configuration?.properties ?? {};
  return Object.keys(props).filter((k) => k.startsWith(section + '.')).map((k) => k.slice(section.length + 1));
}

export function explicitSettings(context: ExtensionContext, section: string, scopeUri: string | undefined): Json {
  const config = workspace.getConfiguration(section, scopeUri ? Uri.parse(scopeUri) : undefined);
  const out: Json = {};
  for (const key of keysOf(context, section)) {
    const i = config.inspect(key);
    if (!i) continue;
    let value: unknown;
    for (const v of [i.globalValue, i.workspaceValue, i.workspaceFolderValue]) {
      if (v === undefined) continue;
      value = isObject(v) && isObject(value) ? { ...value, ...v } : v; // objects (carbonlint.rules) merge across levels, like VS Code
    }
    if (value === undefined) continue;
    const path = key.split('.');
    let at = out;
    for (const p of path.slice(0, -1)) at = (at[p] = isObject(at[p]) ? at[p] : {}) as Json;
    at[path[path.length - 1]] = value;
  }
  return out;
}
