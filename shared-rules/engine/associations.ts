// `.carbonlint.json` "associations": { "<glob>": "<kind>" } — VS Code's files.associations habit, for files whose
// names CarbonLint would not recognise (`conf/prod.toml.tmpl` → deployment.toml). Parsed here; matched in template-names.ts.
import { ASSOCIATION_KINDS, type Association } from './template-names';
import { globProblem } from './glob';

export interface AssociationError {
  key: string;
  message: string;
}

const KIND_NAMES = Object.keys(ASSOCIATION_KINDS).map((k) => `"${k}"`).join(', ');

export function parseAssociations(raw: unknown): { list: Association[]; errors: AssociationError[] } {
  const errors: AssociationError[] = [];
  const list: Association[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { list, errors: [{ key: 'associations', message: 'must be an object of glob → kind, e.g. { "**/conf/*.toml.tmpl": "deployment.toml" }' }] };
  for (const [glob, kind] of Object.entries(raw as Record<string, unknown>)) {
    const k = typeof kind === 'string' ? ASSOCIATION_KINDS[kind] : undefined;
    if (!glob.trim()) errors.push({ key: 'associations', message: 'a glob must not be empty' });
    else if (!k) errors.push({ key: `associations.${glob}`, message: `kind must be one of ${KIND_NAMES}` });
    else if (globProblem(glob)) errors.push({ key: `associations.${glob}`, message: `not a valid glob: ${globProblem(glob)}` });
    else list.push({ glob, kind: k });
  }
  return { list, errors };
}

/** Globs with a `/` are relative to the project file's folder: record it once the file is known. */
export function anchorAssociations<T extends { associations?: Association[] }>(settings: T, base: string): T {
  if (settings.associations) settings.associations = settings.associations.map((a) => ({ ...a, base }));
  return settings;
}
