// `.carbonlint.json`: the project file that holds the same settings as the editor, so the editor and CI agree.
import * as fs from 'node:fs';
import { jsonSyntaxMessage } from './json-error';
import * as path from 'node:path';
import { ADVISORY_LEVELS, DEFAULT_SETTINGS, type Settings, type RuleLevel } from './settings';
import { globProblem } from './glob';
import { parseAssociations } from './associations';

export const PROJECT_CONFIG_NAME = '.carbonlint.json';

export interface ProjectConfig {
  settings: Partial<Settings>;
  /** Glob patterns (relative to the config file's folder) of files not to check. */
  exclude: string[];
  /** Other top-level sections (e.g. readiness-report confirmations) kept verbatim for their owners. */
  extra: Record<string, unknown>;
}

export interface ConfigError {
  /** The offending key, dotted (e.g. "rules.plaintext-pasword" or "tls.minimumVersion"). */
  key: string;
  message: string;
}

const LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];
const KNOWN = new Set(['$schema', 'rules', 'product', 'tls', 'session', 'keystore', 'maxFileSize', 'maxFindingsPerFile', 'exclude', 'advisories', 'associations', 'helm', 'exposure']);

/**
 * Parses and validates a project file. Unknown rule ids are reported when `ruleIds` is given.
 * Sections owned by other features (e.g. "confirmations") are passed through in `extra`.
 */
export function parseProjectConfig(text: string, ruleIds?: ReadonlySet<string>, extraSections: readonly string[] = ['confirmations']): { config: ProjectConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const config: ProjectConfig = { settings: {}, exclude: [], extra: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { config, errors: [{ key: '', message: jsonSyntaxMessage(text, e) }] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { config, errors: [{ key: '', message: 'must be a JSON object' }] };
  const o = raw as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (KNOWN.has(key)) continue;
    if (extraSections.includes(key)) config.extra[key] = o[key];
    else errors.push({ key, message: 'unknown setting' });
  }
  if (o.rules !== undefined) {
    if (!o.rules || typeof o.rules !== 'object' || Array.isArray(o.rules)) errors.push({ key: 'rules', message: 'must be an object of rule id → level' });
    else {
      const rules: Record<string, RuleLevel> = {};
      for (const [id, level] of Object.entries(o.rules as Record<string, unknown>)) {
        if (ruleIds && !ruleIds.has(id)) errors.push({ key: `rules.${id}`, message: 'unknown rule' });
        else if (!LEVELS.includes(level as RuleLevel)) errors.push({ key: `rules.${id}`, message: `level must be one of ${LEVELS.join(', ')}` });
        else rules[id] = level as RuleLevel;
      }
      config.settings.rules = rules;
    }
  }
  if (o.product !== undefined) {
    if (typeof o.product !== 'string' || !/^(auto|(apim|is|mi)(-\d+\.\d+(\.\d+)?)?)$/.test(o.product)) errors.push({ key: 'product', message: 'must be "auto" or a product such as "apim-4.2.0", "is", "mi-4.3.0"' });
    else config.settings.product = o.product;
  }
  if (o.tls !== undefined) {
    const v = (o.tls as { minimumVersion?: unknown } | null)?.minimumVersion;
    if (v !== 'TLSv1.2' && v !== 'TLSv1.3') errors.push({ key: 'tls.minimumVersion', message: 'must be "TLSv1.2" or "TLSv1.3"' });
    else config.settings.tls = { minimumVersion: v };
  }
  if (o.session !== undefined) {
    const v = (o.session as { minIdLength?: unknown } | null)?.minIdLength;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 16) errors.push({ key: 'session.minIdLength', message: 'must be a whole number of bytes, 16 or more' });
    else config.settings.session = { minIdLength: v };
  }
  if (o.keystore !== undefined) {
    const v = (o.keystore as { expiryWarningDays?: unknown } | null)?.expiryWarningDays;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) errors.push({ key: 'keystore.expiryWarningDays', message: 'must be a whole number of days, 0 or more' });
    else config.settings.keystore = { expiryWarningDays: v };
  }
  if (o.maxFileSize !== undefined) {
    if (typeof o.maxFileSize !== 'number' || o.maxFileSize <= 0) errors.push({ key: 'maxFileSize', message: 'must be a positive number of bytes' });
    else config.settings.maxFileSize = o.maxFileSize;
  }
  if (o.maxFindingsPerFile !== undefined) {
    const v = o.maxFindingsPerFile;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) errors.push({ key: 'maxFindingsPerFile', message: 'must be a whole number, 1 or more' });
    else config.settings.maxFindingsPerFile = v;
  }
  if (o.advisories !== undefined) {
    const a = (o.advisories ?? {}) as { severity?: unknown; maxDataAgeDays?: unknown };
    const out: Partial<Settings['advisories']> = {};
    if (a.severity !== undefined) {
      if (typeof a.severity !== 'string' || !ADVISORY_LEVELS.has(a.severity)) errors.push({ key: 'advisories.severity', message: 'must be one of auto, off, error, warning, info, hint' });
      else out.severity = a.severity as Settings['advisories']['severity'];
    }
    if (a.maxDataAgeDays !== undefined) {
      if (typeof a.maxDataAgeDays !== 'number' || !Number.isInteger(a.maxDataAgeDays) || a.maxDataAgeDays < 0) errors.push({ key: 'advisories.maxDataAgeDays', message: 'must be a whole number of days, 0 or more' });
      else out.maxDataAgeDays = a.maxDataAgeDays;
    }
    config.settings.advisories = { ...DEFAULT_SETTINGS.advisories, ...out };
  }
  if (o.exclude !== undefined) {
    if (!Array.isArray(o.exclude) || o.exclude.some((x) => typeof x !== 'string')) errors.push({ key: 'exclude', message: 'must be an array of glob strings' });
    else {
      // An invalid pattern is a problem on its entry ("exclude.[z-a]"); the valid ones still apply.
      config.exclude = (o.exclude as string[]).filter((g) => {
        const problem = globProblem(g);
        if (problem) errors.push({ key: `exclude.${g}`, message: `not a valid glob: ${problem}` });
        return !problem;
      });
    }
  }
  if (o.associations !== undefined) {
    const a = parseAssociations(o.associations);
    errors.push(...a.errors);
    if (a.list.length) config.settings.associations = a.list;
  }
  if (o.helm !== undefined) {
    const files = parseHelmValuesFiles(o.helm, errors);
    if (files) config.settings.helm = { valuesFiles: files };
  }
  if (o.exposure !== undefined) {
    const internal = parseExposure(o.exposure, errors);
    if (internal) config.settings.exposure = { internal };
  }
  return { config, errors };
}

/** The nearest `.carbonlint.json` at or above `dir`, if any. */
export function findProjectConfig(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const f = path.join(d, PROJECT_CONFIG_NAME);
    if (fs.existsSync(f)) return f;
    if (path.dirname(d) === d) return undefined;
  }
}

/** `"helm": {"valuesFiles": [...]}`: relative paths (from the chart folder), at most 16, like `helm -f`. */
function parseHelmValuesFiles(h: unknown, errors: ConfigError[]): string[] | undefined {
  if (typeof h !== 'object' || h === null || Array.isArray(h)) {
    errors.push({ key: 'helm', message: 'must be an object such as {"valuesFiles": ["values-prod.yaml"]}' });
    return undefined;
  }
  for (const k of Object.keys(h)) if (k !== 'valuesFiles') errors.push({ key: `helm.${k}`, message: 'unknown setting (known: valuesFiles)' });
  const v = (h as { valuesFiles?: unknown }).valuesFiles;
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x)) {
    errors.push({ key: 'helm.valuesFiles', message: 'must be an array of file paths relative to the chart' });
    return undefined;
  }
  const ok = (v as string[]).filter((f) => {
    if (path.isAbsolute(f) || /^[A-Za-z]:[\\/]/.test(f)) {
      errors.push({ key: `helm.valuesFiles.${f}`, message: 'must be relative to the chart folder' });
      return false;
    }
    return true;
  });
  if (ok.length > 16) errors.push({ key: 'helm.valuesFiles', message: 'at most 16 values files are read; the rest are ignored' });
  return ok.slice(0, 16);
}

/** `"exposure": {"internal": [...]}`: server names, hosts, listen addresses, ingress classes (G42); at most 256. */
function parseExposure(e: unknown, errors: ConfigError[]): string[] | undefined {
  if (!e || typeof e !== 'object' || Array.isArray(e)) {
    errors.push({ key: 'exposure', message: 'must be an object such as {"internal": ["nginx-internal", "*.corp.example"]}' });
    return undefined;
  }
  for (const k of Object.keys(e)) if (k !== 'internal') errors.push({ key: `exposure.${k}`, message: 'unknown setting (known: internal)' });
  const v = (e as { internal?: unknown }).internal;
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x)) {
    errors.push({ key: 'exposure.internal', message: 'must be an array of names (server names, hosts, ingress classes)' });
    return undefined;
  }
  return (v as string[]).slice(0, 256);
}
