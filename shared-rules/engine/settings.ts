// One settings shape for the editor (carbonlint.*) and the CLI (.carbonlint.json), so both agree.
import type { Severity } from './rule';
import type { Association } from './template-names';

export type RuleLevel = 'off' | Severity;
export type TlsVersion = 'TLSv1.2' | 'TLSv1.3';

export interface Settings {
  /** Per-rule level; rules not named keep their default severity. */
  rules: Record<string, RuleLevel>;
  /** 'auto', or a product and optional version such as 'apim-4.2.0', 'is', 'mi-4.3.0'. */
  product: string;
  tls: { minimumVersion: TlsVersion };
  session: { minIdLength: number };
  /** Keystore contents: warn when a key's certificate expires within this many days (0: only expired ones). */
  keystore: { expiryWarningDays: number };
  /** Files larger than this many bytes get a notice instead of findings. */
  maxFileSize: number;
  /** At most this many findings per file; the rest are summed up in one notice (a generated file must not flood the editor). */
  maxFindingsPerFile: number;
  /** G01 (security advisories): 'auto' follows the worst open advisory, a level caps it, 'off' silences it; warn when the offline data is older than maxDataAgeDays. */
  advisories: { severity: 'auto' | RuleLevel; maxDataAgeDays: number };
  /** Project-file "associations": glob → kind for unusual names (checked before names; later layers first). */
  associations?: Association[];
  /** Project-file "helm.valuesFiles": extra values files (relative to the chart), read after values.yaml, later ones winning. */
  helm?: { valuesFiles: string[] };
  /** G42: server names, hosts, listen addresses and ingress classes that only an internal network reaches. */
  exposure?: { internal: string[] };
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  product: 'auto',
  tls: { minimumVersion: 'TLSv1.2' },
  session: { minIdLength: 32 },
  keystore: { expiryWarningDays: 30 },
  maxFileSize: 5 * 1024 * 1024,
  maxFindingsPerFile: 1000,
  advisories: { severity: 'auto', maxDataAgeDays: 180 },
  exposure: { internal: [] },
};

export const ADVISORY_LEVELS: ReadonlySet<string> = new Set(['auto', 'off', 'error', 'warning', 'info', 'hint']);

/** Deep-merges partial settings (from the editor, a project file or a test case) over the defaults. */
export function resolveSettings(...layers: Array<Partial<Settings> | undefined>): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, rules: {}, tls: { ...DEFAULT_SETTINGS.tls }, session: { ...DEFAULT_SETTINGS.session }, keystore: { ...DEFAULT_SETTINGS.keystore }, advisories: { ...DEFAULT_SETTINGS.advisories } };
  for (const l of layers) {
    if (!l) continue;
    if (l.rules) Object.assign(out.rules, l.rules);
    if (typeof l.product === 'string') out.product = l.product;
    if (l.tls?.minimumVersion) out.tls.minimumVersion = l.tls.minimumVersion;
    if (typeof l.session?.minIdLength === 'number') out.session.minIdLength = l.session.minIdLength;
    if (typeof l.keystore?.expiryWarningDays === 'number' && l.keystore.expiryWarningDays >= 0) out.keystore.expiryWarningDays = l.keystore.expiryWarningDays;
    if (typeof l.maxFileSize === 'number') out.maxFileSize = l.maxFileSize;
    if (Array.isArray(l.associations) && l.associations.length) out.associations = [...l.associations, ...(out.associations ?? [])];
    if (Array.isArray(l.helm?.valuesFiles)) out.helm = { valuesFiles: [...l.helm.valuesFiles] };
    if (Array.isArray(l.exposure?.internal)) out.exposure = { internal: l.exposure.internal.filter((x) => typeof x === 'string') };
    if (typeof l.maxFindingsPerFile === 'number' && l.maxFindingsPerFile >= 1) out.maxFindingsPerFile = Math.floor(l.maxFindingsPerFile);
    if (l.advisories?.severity && ADVISORY_LEVELS.has(l.advisories.severity)) out.advisories.severity = l.advisories.severity;
    if (typeof l.advisories?.maxDataAgeDays === 'number' && l.advisories.maxDataAgeDays >= 0) out.advisories.maxDataAgeDays = Math.floor(l.advisories.maxDataAgeDays);
  }
  return out;
}
