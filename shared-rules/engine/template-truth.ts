// How a template engine reads a value in a condition (`{{ if .Values.x }}`, `{% if x %}`, `<% if @x %>`).
// Go templates (Helm): false, 0, "", nil and empty maps and lists are false. Jinja (Ansible): False, 0, "", None and
// empty dicts and lists are false; `| bool` reads yes/on/1/true. Ruby (ERB): only false and nil (Puppet undef).
import type { TemplateSyntax } from './template-names';
import type { Reference } from './values/expression';
import type { Resolved } from './values/types';

/** Truth of a value with text (a YAML scalar, a Puppet literal); `raw` is its typed value when known. */
export function truthy(raw: unknown, text: string, syntax: TemplateSyntax, boolFilter: boolean): boolean {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return syntax === 'erb' ? true : raw !== 0;
  if (boolFilter) return ['true', 'yes', 'on', '1', 'y'].includes(text.toLowerCase());
  // Ruby: every String is true, 'false' and '' included (Puppet's `$x = 'false'` is the classic slip).
  if (syntax === 'erb') return typeof raw === 'string' ? true : text !== 'false' && text !== 'undef';
  return text !== '';
}

/**
 * Truth of a value set to nothing (`key:`, `~`, `{}`, `[]`, Puppet `undef`), or undefined when not decided.
 * Decided only for the bare reference or (Jinja) `| bool`: other filters (`default`, `string`…) read emptiness
 * differently in each engine. In Ruby an empty hash or array is true, but only nil is decided (it is the case
 * Puppet manifests use).
 */
export function emptyTruth(empty: Extract<Resolved, { kind: 'empty' }>, ref: Readonly<Reference>, syntax: TemplateSyntax, boolFilter: boolean): boolean | undefined {
  const bare = ref.filters.length === 0 || (boolFilter && ref.filters.length === 1);
  if (!bare) return undefined;
  if (syntax === 'erb') return empty.shape === 'null' && !boolFilter ? false : undefined;
  return false;
}
