// Recognising a Kubernetes ConfigMap/Secret manifest that embeds a checked file (no imports: files.ts uses it).
export const YAML_NAME = /\.ya?ml$/i;
/** An Ingress or Gateway API HTTPRoute (checked for G42 by the ingress rules). */
export const ROUTE_MANIFEST = /^kind\s*:\s*["']?(Ingress|HTTPRoute)["']?\s*$/m;
export const MANIFEST = /^kind\s*:\s*["']?(ConfigMap|Secret)["']?\s*$/m;
// An indented mapping key holding a literal block scalar: `  deployment.toml: |-`. Linear: the parts are disjoint.
export const BLOCK_KEY = /^([ \t]*)(["']?)([A-Za-z0-9_.-]+)\2[ \t]*:[ \t]*\|[-+]?[1-9]?[ \t]*(?:#.*)?$/gm;
// The same key holding a folded block (`>`, `>-`, `>+`) or a quoted string (read by embedded-scalars.ts).
const OTHER_KEY = /^([ \t]*)(["']?)([A-Za-z0-9_.-]+)\2[ \t]*:[ \t]*(?:>[-+]?[ \t]*(?:#.*)?$|["'])/gm;

// A Secret's `data:` key holding a plain (base64) scalar: `  deployment.toml: W3NlcnZlcl0K…` (read by embedded-base64.ts).
const SECRET = /^kind\s*:\s*["']?Secret["']?\s*$/m;
const PLAIN_KEY = /^([ \t]*)(["']?)([A-Za-z0-9_.-]+)\2[ \t]*:[ \t]*[A-Za-z0-9+/]/gm;

/** The kind of the first embedded file a manifest holds (by its key, through `kindOf`), or undefined. */
export function embeddedKind(text: string, kindOf: (name: string) => string | undefined): string | undefined {
  if (!MANIFEST.test(text)) return undefined;
  let n = 0;
  for (const re of SECRET.test(text) ? [BLOCK_KEY, OTHER_KEY, PLAIN_KEY] : [BLOCK_KEY, OTHER_KEY]) {
    for (const m of text.matchAll(re)) {
      const k = kindOf(m[3]);
      if (k) return k;
      if (++n > 200) break;
    }
  }
  return undefined;
}
