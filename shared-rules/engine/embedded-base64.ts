// Files embedded base64-encoded in a Kubernetes Secret's `data:` (`deployment.toml: W3NlcnZlcl0K…`). The value is
// decoded (bounded) and linted as the file it holds; every position of the decoded text maps to the data KEY: a
// spot inside base64 means nothing to a reader, and the key line is where the file is. Only plain YAML is read
// (a Helm template's `{{ … | b64enc }}` is not base64 yet). The decoded text is secret material: it is never
// quoted — rule messages never carry values, and nothing here adds any of it.
import { isMap, isPair, isScalar, parseAllDocuments } from 'yaml';
import { VirtualBuilder, type VirtualDocument } from './virtual';

/** Kubernetes caps a Secret at 1 MiB; a larger manifest is not decoded. */
const MAX_MANIFEST = 1024 * 1024;
const MAX_BLOCKS = 50;
/** Base64 once blanks are taken out (a block scalar wraps it); padding only at the end. Linear: disjoint parts. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface Base64Entry {
  key: string;
  keyAt: number;
  vdoc: VirtualDocument;
}

/** The decoded `data:` entries of the Secret documents in `text` whose key `wanted` accepts, in file order. */
export function secretDataEntries(text: string, wanted: (key: string) => boolean): Base64Entry[] {
  const out: Base64Entry[] = [];
  if (text.length > MAX_MANIFEST || !/^kind\s*:\s*["']?Secret["']?\s*$/m.test(text)) return out;
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false, strict: false, prettyErrors: false });
  } catch {
    return out;
  }
  if (!Array.isArray(docs)) return out;
  for (const doc of docs.slice(0, 100)) {
    if (doc.errors.length || doc.get('kind') !== 'Secret') continue;
    const data = doc.get('data', true);
    if (!isMap(data)) continue;
    for (const pair of data.items.slice(0, 500)) {
      if (out.length >= MAX_BLOCKS) return out;
      if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) continue;
      const key = String(pair.key.value);
      const value = pair.value.value;
      if (!wanted(key) || typeof value !== 'string') continue;
      const compact = value.replace(/\s+/g, '');
      if (!BASE64.test(compact)) continue;
      const decoded = decode(compact);
      const range = pair.key.range;
      if (decoded === undefined || !range) continue;
      const vb = new VirtualBuilder(text);
      vb.substitute(range[0], range[1], decoded); // every decoded offset maps onto the key
      out.push({ key, keyAt: range[0], vdoc: vb.build() });
    }
  }
  return out;
}

/** UTF-8 text of a base64 value, or undefined when it is not text (binary, invalid UTF-8, a NUL). */
function decode(value: string): string | undefined {
  const bytes = Buffer.from(value, 'base64');
  if (!bytes.length) return undefined;
  try {
    const s = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return s.includes('\u0000') ? undefined : s;
  } catch {
    return undefined;
  }
}
