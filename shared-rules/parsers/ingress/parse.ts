// Multi-document YAML with positions. A Helm template's rendered branch reaches here with its template tags
// blanked or filled (template-lint.ts), which YAML mostly reads; a file nothing can be read from gets one notice.
import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { IngressDocument } from './model';

const MAX_DOCUMENTS = 500;

export function parseIngress(text: string): IngressDocument {
  const out: IngressDocument = { docs: [], problems: [] };
  let all: unknown;
  try {
    all = parseAllDocuments(text, { uniqueKeys: false, strict: false });
  } catch {
    all = [];
  }
  const list = (Array.isArray(all) ? all : []) as Document.Parsed[];
  for (const d of list.slice(0, MAX_DOCUMENTS)) out.docs.push(d);
  const err = list.flatMap((d) => d.errors)[0];
  // A rendered Helm branch (template-lint's `${___}` filler) is not YAML until Helm renders it: only a branch nothing
  // can be read from gets the notice. A plain file gets it at its first error, and what could be read is still checked.
  if (err && (!text.includes('${_') || !out.docs.some((d) => isMap(d.contents)))) {
    const start = err?.pos?.[0] ?? 0;
    // The parser's message may quote the file: say where, not what.
    out.problems.push({ span: { start, end: Math.min(text.length, start + 1) }, severity: 'warning', code: 'yaml-syntax', message: 'This manifest is not valid YAML here: routes after this point may not be checked.' });
  }
  return out;
}

/** `node[key]` of a mapping node, or undefined. */
export function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const p of node.items) {
    if (isScalar(p.key) && String(p.key.value) === key) return (p.value ?? undefined) as Node | undefined;
  }
  return undefined;
}

/** `node[k1][k2]…`. */
export function path(node: unknown, ...keys: string[]): Node | undefined {
  let n: unknown = node;
  for (const k of keys) n = get(n, k);
  return n as Node | undefined;
}

/** The items of a sequence node (at most `max`). */
export function items(node: unknown, max = 1000): Node[] {
  return isSeq(node) ? (node.items.slice(0, max) as Node[]) : [];
}

/** A scalar's value as text (numbers too), or undefined. */
export function str(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** The node's source span (value part), or undefined. */
export function spanOf(node: unknown): { start: number; end: number } | undefined {
  const r = (node as { range?: [number, number, number] } | undefined)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}
