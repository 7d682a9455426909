// Loads the project file (--config FILE, else the nearest .carbonlint.json) for the CLI and the readiness report:
// settings, the exclude predicate and the confirmations, with every problem named by its key.
import * as path from 'node:path';
import { PROJECT_FILE_MAX_BYTES, readConfigFile } from '../engine/read-config';
import { anchorAssociations } from '../engine/associations';
import { findProjectConfig, parseProjectConfig, type ConfigError } from '../engine/project-config';
import { globMatcher } from '../engine/glob';
import { CONFIGURABLE_RULE_IDS } from '../rules';
import { parseConfirmations, type Confirmations } from './confirmations';

export interface LoadedProject {
  /** The file read, if any. */
  file?: string;
  settings: ReturnType<typeof parseProjectConfig>['config']['settings'];
  excluded: (absPath: string) => boolean;
  confirmations: Confirmations;
  errors: ConfigError[];
}

/** `explicit` must exist; otherwise the nearest project file at or above `startDir` is used, if any. */
export function loadProject(startDir: string, explicit?: string): LoadedProject {
  const file = explicit ? path.resolve(explicit) : findProjectConfig(startDir);
  const empty: LoadedProject = { settings: {}, excluded: () => false, confirmations: parseConfirmations(undefined).value, errors: [] };
  if (!file) return empty;
  // A regular file only (a FIFO named .carbonlint.json must not block), and not a huge one.
  const read = readConfigFile(file, PROJECT_FILE_MAX_BYTES);
  if (!read.ok || read.tooLarge) {
    return { ...empty, file, errors: [{ key: '', message: read.ok ? `larger than ${PROJECT_FILE_MAX_BYTES} bytes; not read` : read.reason }] };
  }
  const text = read.text;
  const { config, errors } = parseProjectConfig(text, CONFIGURABLE_RULE_IDS);
  anchorAssociations(config.settings, path.dirname(file));
  const conf = parseConfirmations(config.extra.confirmations);
  const match = globMatcher(config.exclude);
  const base = path.dirname(file);
  const excluded = (abs: string) => {
    const rel = path.relative(base, abs);
    return !rel.startsWith('..') && !path.isAbsolute(rel) && match(rel.split(path.sep).join('/'));
  };
  return { file, settings: config.settings, excluded, confirmations: conf.value, errors: [...errors, ...conf.errors] };
}
