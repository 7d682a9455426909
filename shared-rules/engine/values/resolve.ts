// Resolving a placeholder in one render case: the highest-precedence layer that sets the variable wins; a value
// that is itself a reference (`"{{ other }}"`, Ansible) is followed, at most MAX_DEPTH deep, and a cycle is reported.
import type { TemplateSyntax } from '../template-names';
import { applyFilters, parseReference } from './expression';
import type { RenderCase, Resolved, ValueSite } from './types';

const MAX_DEPTH = 16;

export interface Resolution {
  resolved: Resolved;
  /** The rendered text when resolved (filters applied, e.g. `"admin"` after `| quote`). */
  rendered?: string;
  /** A cycle of references: the site where it was found. */
  cycle?: ValueSite;
}

export function resolveExpression(expr: string, syntax: TemplateSyntax, rc: RenderCase): Resolution {
  const ref = parseReference(expr, syntax);
  if (!ref) return { resolved: { kind: 'unknown' } };
  const seen = new Set<string>();
  let path = ref.path;
  let refSyntax: TemplateSyntax = syntax;
  let filters = ref.filters;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const key = path.join('.');
    let found: ReturnType<RenderCase['layers'][number]['lookup']> = { kind: 'missing' };
    for (let i = rc.layers.length - 1; i >= 0; i--) {
      const r = rc.layers[i].lookup(path);
      if (r.kind !== 'missing') {
        found = r;
        break;
      }
    }
    // Not set anywhere: unknown (a `default(...)` literal lives in the template itself, where the rules see it as written).
    if (found.kind === 'missing') return { resolved: { kind: 'unknown' } };
    if (found.kind === 'reference') {
      if (seen.has(key)) return { resolved: { kind: 'unknown' }, cycle: found.site };
      seen.add(key);
      const next = parseReference(found.expr, refSyntax === 'erb' ? 'curly' : refSyntax);
      if (!next || next.filters.length) return { resolved: { kind: 'unknown' } };
      path = next.path;
      refSyntax = 'curly';
      filters = [...filters];
      continue;
    }
    // Nothing reached through a reference (`x: "{{ y }}"`, y null) renders as text whose truth differs by version: unknown.
    if (found.kind === 'empty' && depth > 0) return { resolved: { kind: 'unknown' } };
    if (found.kind !== 'value') return { resolved: found };
    const rendered = applyFilters(found.text, filters);
    return rendered === undefined ? { resolved: { kind: 'unknown' } } : { resolved: found, rendered };
  }
  return { resolved: { kind: 'unknown' } };
}
