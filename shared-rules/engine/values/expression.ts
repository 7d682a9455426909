// The bounded subset of placeholder expressions that is resolved: a plain variable reference and a chain of
// common filters. `{{ .Values.a.b | quote }}` (Helm), `{{ admin_password | default('x') | lower }}` (Jinja),
// `<%= @admin_password %>` (ERB). Anything else — arithmetic, function calls, loops' variables — is not a plain reference.
import type { TemplateSyntax } from '../template-names';

export type Filter = { name: 'quote' | 'squote' | 'lower' | 'upper' | 'trim' | 'string' | 'b64enc' | 'b64dec' | 'tostring' } | { name: 'default'; value: string };

export interface Reference {
  path: string[];
  filters: Filter[];
}

const SIMPLE = new Set(['quote', 'squote', 'lower', 'upper', 'trim', 'string', 'b64enc', 'b64encode', 'b64dec', 'b64decode', 'toString', 'tostring', 'bool']);
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LITERAL = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?|true|false))$/;

/** The expression inside a tag (without delimiters and trim markers). */
export function tagExpression(tagText: string): string {
  return tagText.slice(2, -2).replace(/^[-=+]+/, '').replace(/-$/, '').trim();
}

function literal(s: string): string | undefined {
  const m = LITERAL.exec(s.trim());
  return m ? m[1] ?? m[2] ?? m[3] : undefined;
}

/** Parsed expressions (a template's placeholders are parsed on every lint, per values case): bounded, frozen. */
const PARSED = new Map<string, Readonly<Reference> | undefined>();
const PARSED_MAX = 4096;

/** A plain reference with filters, or undefined. Input is at most one tag's text; all scans are linear. */
export function parseReference(expr: string, syntax: TemplateSyntax): Readonly<Reference> | undefined {
  if (expr.length > 500) return undefined;
  const key = `${syntax}\u0000${expr}`;
  if (PARSED.has(key)) return PARSED.get(key);
  const ref = parseUncached(expr, syntax);
  if (ref) {
    Object.freeze(ref.path);
    Object.freeze(ref.filters);
    Object.freeze(ref);
  }
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(key, ref);
  return ref;
}

function parseUncached(expr: string, syntax: TemplateSyntax): Reference | undefined {
  const parts = expr.split('|').map((p) => p.trim());
  let head = parts[0];
  if (syntax === 'erb') {
    if (!head.startsWith('@')) return undefined;
    head = head.slice(1);
  } else if (head.startsWith('.Values.')) head = head.slice('.Values.'.length);
  else if (head.startsWith('.') || head.startsWith('$')) return undefined;
  const path = head.split('.');
  if (!path.every((p) => IDENT.test(p))) return undefined;
  const filters: Filter[] = [];
  for (const f of parts.slice(1)) {
    // `default(x)` (Jinja) or `default x` (Helm/Sprig).
    const d = defaultArgument(f);
    if (d !== undefined) {
      const v = literal(d);
      if (v === undefined) return undefined;
      filters.push({ name: 'default', value: v });
      continue;
    }
    if (!SIMPLE.has(f)) return undefined;
    const name = f === 'b64encode' ? 'b64enc' : f === 'b64decode' ? 'b64dec' : f === 'toString' || f === 'bool' ? 'tostring' : f;
    filters.push({ name } as Filter);
  }
  return { path, filters };
}

/** Applies the filters to a resolved value (undefined: not set). Undefined when the result is still unknown. */
export function applyFilters(value: string | undefined, filters: readonly Filter[]): string | undefined {
  let v = value;
  for (const f of filters) {
    if (f.name === 'default') {
      if (v === undefined || v === '') v = f.value;
      continue;
    }
    if (v === undefined) return undefined;
    if (f.name === 'quote') v = JSON.stringify(v);
    else if (f.name === 'squote') v = `'${v}'`;
    else if (f.name === 'lower') v = v.toLowerCase();
    else if (f.name === 'upper') v = v.toUpperCase();
    else if (f.name === 'trim') v = v.trim();
    else if (f.name === 'b64enc') v = Buffer.from(v, 'utf8').toString('base64');
    else if (f.name === 'b64dec') v = Buffer.from(v, 'base64').toString('utf8');
  }
  return v;
}

/** The argument of `default(x)` (Jinja) or `default x` (Helm/Sprig), or undefined for another filter (split by hand: linear). */
function defaultArgument(f: string): string | undefined {
  if (!f.startsWith('default')) return undefined;
  const rest = f.slice('default'.length);
  const open = rest.trimStart();
  if (open.startsWith('(') && open.endsWith(')')) return open.slice(1, -1);
  return /^\s/.test(rest) ? rest.trimStart() : undefined;
}
