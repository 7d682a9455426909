// Reads `carbonlint.*` and `files.exclude` from the client (workspace/configuration), once per scope (a workspace
// folder, or a file outside any folder): resource-scoped settings can differ per folder, not per file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { LineIndex } from '../../shared-rules/engine/text';
import { URI } from './uri';
import { ADVISORY_LEVELS, DEFAULT_SETTINGS, type Settings, type RuleLevel } from '../../shared-rules/engine/settings';
import { globProblem } from '../../shared-rules/engine/glob';

export interface EditorSettings {
  enable: boolean;
  workspaceScan: boolean;
  /** Globs relative to the workspace folder: files neither scanned nor checked when opened. */
  exclude: string[];
  /** `files.exclude` globs switched on: not scanned (a file opened anyway is still checked). */
  filesExclude: string[];
  /** Only what the user set: the project file fills the rest (defaults < project file < editor). */
  settings: Partial<Settings>;
  /** Invalid globs left out, e.g. `files.exclude: "[z-a]" is not a valid glob (…)`: shown to the user, never fatal. */
  problems?: SettingProblem[];
}

/** An invalid glob in a setting: left out, shown to the user and, when the folder's settings.json has it, marked there. */
export interface SettingProblem {
  setting: string;
  glob: string;
  message: string;
}

const LEVELS = new Set<RuleLevel>(['off', 'hint', 'info', 'warning', 'error']);
const PRODUCT = /^(auto|(apim|is|mi)(-\d+\.\d+(\.\d+)?)?)$/;

type Raw = Record<string, unknown> | null | undefined;

/** Keeps the well-formed values only: a typo in settings.json must not take the server down. */
export function toEditorSettings(raw: Raw, files: Raw): EditorSettings {
  const r = raw ?? {};
  const settings: Partial<Settings> = {};
  const rules = r.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    settings.rules = Object.fromEntries(Object.entries(rules).filter(([, v]) => LEVELS.has(v as RuleLevel))) as Settings['rules'];
  }
  if (typeof r.product === 'string' && PRODUCT.test(r.product)) settings.product = r.product;
  const tls = (r.tls as { minimumVersion?: unknown } | undefined)?.minimumVersion;
  if (tls === 'TLSv1.2' || tls === 'TLSv1.3') settings.tls = { minimumVersion: tls };
  const minId = (r.session as { minIdLength?: unknown } | undefined)?.minIdLength;
  if (typeof minId === 'number' && Number.isInteger(minId) && minId >= 16) settings.session = { minIdLength: minId };
  const days = (r.keystore as { expiryWarningDays?: unknown } | undefined)?.expiryWarningDays;
  if (typeof days === 'number' && Number.isInteger(days) && days >= 0) settings.keystore = { expiryWarningDays: days };
  if (typeof r.maxFileSize === 'number' && r.maxFileSize > 0) settings.maxFileSize = r.maxFileSize;
  if (typeof r.maxFindingsPerFile === 'number' && Number.isInteger(r.maxFindingsPerFile) && r.maxFindingsPerFile >= 1) settings.maxFindingsPerFile = r.maxFindingsPerFile;
  const adv = r.advisories as { severity?: unknown; maxDataAgeDays?: unknown } | undefined;
  if (adv && typeof adv === 'object') {
    const a = { ...DEFAULT_SETTINGS.advisories };
    if (typeof adv.severity === 'string' && ADVISORY_LEVELS.has(adv.severity)) a.severity = adv.severity as Settings['advisories']['severity'];
    if (typeof adv.maxDataAgeDays === 'number' && Number.isInteger(adv.maxDataAgeDays) && adv.maxDataAgeDays >= 0) a.maxDataAgeDays = adv.maxDataAgeDays;
    settings.advisories = a;
  }
  // Helm extra values files: relative paths only (from the chart folder), at most 16, as in .carbonlint.json.
  const helm = (r.helm as { valuesFiles?: unknown } | undefined)?.valuesFiles;
  if (Array.isArray(helm)) settings.helm = { valuesFiles: helm.filter((f): f is string => typeof f === 'string' && f.trim() !== '' && !path.isAbsolute(f) && !/^[A-Za-z]:|^[\\/]/.test(f)).slice(0, 16) };
  const internal = (r.exposure as { internal?: unknown } | undefined)?.internal;
  if (Array.isArray(internal)) settings.exposure = { internal: internal.filter((x): x is string => typeof x === 'string' && x !== '').slice(0, 256) };
  const problems: SettingProblem[] = [];
  const valid = (setting: string) => (g: string) => {
    const problem = globProblem(g);
    if (problem) problems.push({ setting, glob: g, message: `${setting}: ${JSON.stringify(g)} is not a valid glob (${problem}); it is ignored.` });
    return !problem;
  };
  const exclude = Array.isArray(r.exclude) ? r.exclude.filter((x): x is string => typeof x === 'string').filter(valid('carbonlint.exclude')) : [];
  const filesExclude = files && typeof files === 'object' ? Object.entries(files).filter(([, on]) => on === true).map(([g]) => g).filter(valid('files.exclude')) : [];
  return { enable: r.enable !== false, workspaceScan: r.workspaceScan !== false, exclude, filesExclude, settings, ...(problems.length ? { problems } : {}) };
}

export class EditorConfig {
  private cache = new Map<string, Promise<EditorSettings>>();

  constructor(private readonly connection: Connection, private readonly supported: () => boolean) {}

  /** Settings for a scope URI (cached until the client says they changed). */
  get(scopeUri: string | undefined): Promise<EditorSettings> {
    const key = scopeUri ?? '';
    let s = this.cache.get(key);
    if (!s) this.cache.set(key, (s = this.fetch(scopeUri)));
    return s;
  }

  clear(): void {
    this.cache.clear();
  }

  private warned = new Set<string>();
  /** A settings problem is shown once per server run (settings are re-read on every change). */
  private warnOnce(message: string): void {
    if (this.warned.has(message) || this.warned.size > 100) return;
    this.warned.add(message);
    this.connection.console.warn(message);
    // A notification, not window/showMessageRequest: nothing waits for the user to dismiss it.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `CarbonLint: ${message}` });
  }

  private marked = new Set<string>();
  /**
   * The folder's .vscode/settings.json, when it holds the bad entry, gets a diagnostic on it (user settings are not
   * ours to find); republished, possibly empty, whenever the settings are read again.
   */
  private markInSettingsFile(scopeUri: string, problems: readonly SettingProblem[]): void {
    if (!URI.isFile(scopeUri)) return;
    const file = path.join(URI.toPath(scopeUri), '.vscode', 'settings.json');
    let text: string;
    try {
      const st = fs.lstatSync(file); // not through a symlink: it could point out of the workspace
      if (!st.isFile() || st.size > 1024 * 1024) return;
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return;
    }
    const uri = URI.fromPath(file);
    const index = new LineIndex(text);
    const diagnostics: Diagnostic[] = [];
    for (const p of problems) {
      const at = text.indexOf(JSON.stringify(p.glob));
      if (at < 0) continue;
      diagnostics.push({ range: index.range({ start: at, end: at + JSON.stringify(p.glob).length }), severity: DiagnosticSeverity.Error, source: 'carbonlint', code: 'settings', message: p.message });
    }
    if (!diagnostics.length && !this.marked.has(uri)) return;
    if (diagnostics.length) this.marked.add(uri);
    else this.marked.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private async fetch(scopeUri: string | undefined): Promise<EditorSettings> {
    if (!this.supported()) return toEditorSettings(null, null);
    try {
      const [raw, files] = (await this.connection.workspace.getConfiguration([
        { scopeUri, section: 'carbonlint' }, { scopeUri, section: 'files.exclude' },
      ])) as [Raw, Raw];
      const settings = toEditorSettings(raw, files);
      for (const p of settings.problems ?? []) this.warnOnce(p.message);
      if (scopeUri) this.markInSettingsFile(scopeUri, settings.problems ?? []);
      return settings;
    } catch {
      return toEditorSettings(null, null); // a client that cannot answer gets the defaults
    }
  }
}
