// nginx `include` for the G42 check: followed only near the linted file (its folder and the one above, where
// nginx.conf and conf.d/, sites-enabled/, snippets/ sit), never through a link that leads out of there, at most
// MAX_DEPTH deep and MAX_FILES files per lint. Globs (`sites-enabled/*`) are not expanded: those files are linted
// on their own. `/etc/nginx/<rest>` is read as `<rest>` there: the image copies the folder to /etc/nginx.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleResources } from '../../engine/rule';
import type { NginxDirective } from '../../parsers/nginx/model';
import { parseNginx } from '../../parsers/nginx/parse';

const MAX_DEPTH = 3;
const MAX_FILES = 16;
const MAX_BYTES = 1024 * 1024;

export interface IncludeLoader {
  /** The top-level directives of the file an `include` names, or undefined when it is not followed. */
  load(arg: string, depth: number): NginxDirective[] | undefined;
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Follows links: a file whose real path leaves the real root is refused (a path absent on disk has no link). */
function realInside(root: string, p: string): boolean {
  let realRoot = root;
  let real = p;
  try { realRoot = fs.realpathSync(root); } catch { /* a stub folder in tests */ }
  try { real = fs.realpathSync(p); } catch { return inside(root, p); }
  return inside(realRoot, real);
}

export function includeLoader(fileName: string, resources: RuleResources | undefined): IncludeLoader {
  let files = 0;
  const dir = path.dirname(fileName);
  const root = path.dirname(dir);
  return {
    load(arg, depth) {
      if (!resources || !path.isAbsolute(fileName) || depth >= MAX_DEPTH || files >= MAX_FILES) return undefined;
      if (/[*?[]/.test(arg) || arg.includes('$')) return undefined;
      const rest = path.isAbsolute(arg) ? (arg.startsWith('/etc/nginx/') ? arg.slice('/etc/nginx/'.length) : undefined) : arg;
      if (rest === undefined) return undefined;
      for (const base of [dir, root]) {
        const p = path.resolve(base, rest);
        if (!inside(root, p) || !realInside(root, p)) continue;
        const bytes = resources.readFile(p);
        if (!bytes || bytes.length > MAX_BYTES) continue;
        files++;
        return parseNginx(Buffer.from(bytes).toString('utf8')).directives;
      }
      return undefined;
    },
  };
}

/**
 * `list` with each `include` replaced by the directives of the file it names (recursively, to the depth limit).
 * Included directives keep the spans of their own file: they decide what is blocked, and are never reported.
 */
export function expandIncludes(list: readonly NginxDirective[], loader: IncludeLoader, depth = 0): NginxDirective[] {
  const out: NginxDirective[] = [];
  for (const d of list) {
    if (d.name === 'include' && !d.block && d.args.length === 1) {
      const loaded = loader.load(d.args[0].text, depth);
      if (loaded) { out.push(...expandIncludes(loaded, loader, depth + 1).map((x) => ({ ...x, foreign: true }))); continue; }
    }
    out.push(d);
  }
  return out;
}
