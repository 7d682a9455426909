// Reads `carbonlint.*` and `files.exclude` from the client (workspace/configuration), once per scope (a workspace
// folder, or a file outside any folder): resource-scoped settings can differ per folder, not per file.
import type { Connection } from 'vscode-languageserver/node';
import { ADVISORY_LEVELS, DEFAULT_SETTINGS, type Settings, type RuleLevel } from '../../shared-rules/engine/settings';

export interface EditorSettings {
  enable: boolean;
  workspaceScan: boolean;
  /** Globs relative to the workspace folder: files neither scanned nor checked when opened. */
  exclude: string[];
  /** `files.exclude` globs switched on: not scanned (a file opened anyway is still checked). */
  filesExclude: string[];
  /** Only what the user set: the project file fills the rest (defaults < project file < editor). */
  settings: Partial<Settings>;
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
  const exclude = Array.isArray(r.exclude) ? r.exclude.filter((x): x is string => typeof x === 'string') : [];
  const filesExclude = files && typeof files === 'object' ? Object.entries(files).filter(([, on]) => on === true).map(([g]) => g) : [];
  return { enable: r.enable !== false, workspaceScan: r.workspaceScan !== false, exclude, filesExclude, settings };
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

  private async fetch(scopeUri: string | undefined): Promise<EditorSettings> {
    if (!this.supported()) return toEditorSettings(null, null);
    try {
      const [raw, files] = (await this.connection.workspace.getConfiguration([
        { scopeUri, section: 'carbonlint' }, { scopeUri, section: 'files.exclude' },
      ])) as [Raw, Raw];
      return toEditorSettings(raw, files);
    } catch {
      return toEditorSettings(null, null); // a client that cannot answer gets the defaults
    }
  }
}
