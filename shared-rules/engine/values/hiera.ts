// Which Hiera data files feed automatic parameter lookup, highest precedence first (Hiera takes the first level
// that has the key). A documented subset of Hiera 5: levels with `path`/`paths` and no interpolation (`%{…}`:
// which file it names depends on facts we do not have), YAML backends only (`data_hash: yaml_data`, eyaml, whose
// `ENC[…]` values count as protected). A hiera.yaml that is not version 5, or over 64 KiB, is not read. Without hiera.yaml, an
// environment uses Puppet's default hierarchy (`data/common.yaml`); a module uses no data.
import * as path from 'node:path';
import { parse } from 'yaml';
import type { FileAccess } from './cases';

/** Data files taken from one hierarchy (a real one has a handful). */
const MAX_LEVELS = 50;
/** A real hiera.yaml is a few KB; a larger one is not read (it would be parsed for every template lint). */
const MAX_HIERA_BYTES = 64 * 1024;

/** The data files of the hierarchy in `root` (a module or an environment), highest precedence first. */
export function hieraFiles(fa: FileAccess, root: string, environment: boolean): string[] {
  const text = fa.read(path.join(root, 'hiera.yaml'));
  if (text === undefined) return environment ? [path.join(root, 'data', 'common.yaml')] : [];
  if (text.length > MAX_HIERA_BYTES) return [];
  let cfg: unknown;
  try {
    cfg = parse(text, { uniqueKeys: false, maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (!cfg || typeof cfg !== 'object') return [];
  const c = cfg as { version?: unknown; defaults?: Record<string, unknown>; hierarchy?: unknown };
  if (c.version !== 5 || !Array.isArray(c.hierarchy)) return [];
  const defaults = c.defaults && typeof c.defaults === 'object' ? c.defaults : {};
  const out: string[] = [];
  for (const level of c.hierarchy.slice(0, MAX_LEVELS)) {
    if (!level || typeof level !== 'object') continue;
    const l = level as Record<string, unknown>;
    const backend = l.data_hash ?? l.lookup_key ?? defaults.data_hash ?? defaults.lookup_key ?? 'yaml_data';
    if (backend !== 'yaml_data' && backend !== 'eyaml_lookup_key') continue;
    const datadir = typeof l.datadir === 'string' ? l.datadir : typeof defaults.datadir === 'string' ? defaults.datadir : 'data';
    const paths = typeof l.path === 'string' ? [l.path] : Array.isArray(l.paths) ? l.paths.filter((p): p is string => typeof p === 'string') : [];
    for (const p of paths.slice(0, MAX_LEVELS)) {
      if (out.length >= MAX_LEVELS) return out;
      if (p.includes('%{') || datadir.includes('%{') || path.isAbsolute(p) || path.isAbsolute(datadir)) continue;
      const file = path.resolve(root, datadir, p);
      // A level may not lead out of its root (`../../x.yaml`): what it would name is not in the tree we check.
      if (!file.startsWith(path.resolve(root) + path.sep)) continue;
      out.push(file);
    }
  }
  return out;
}
