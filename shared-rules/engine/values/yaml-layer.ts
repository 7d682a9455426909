// A YAML values file (Helm values.yaml, Ansible defaults/vars/group_vars/host_vars) as a value layer, read with the
// `yaml` package (source ranges on every node, unknown tags such as `!vault` kept; see docs/decisions.md).
import { parseDocument, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ValueLayer, ValuesNotice } from './types';
import { LineIndex } from '../text';

/** Values files over this size are not read (yaml parses ~1 MB/s; a real values.yaml is tens of KB). */
export const MAX_VALUES_BYTES = 1024 * 1024;

/** A value that is a secret reference rather than a secret. */
const SECRET_REF = /lookup\(\s*['"](?:hashi_vault|community\.hashi_vault\.[a-z_]+|aws_secret|azure_keyvault_secret)['"]|\$secret\{|\bvault\s*\(/;
/** A Jinja expression as a whole value: `"{{ other_var }}"` (resolved in turn). */
function reference(value: string): string | undefined {
  const t = value.trim();
  if (!t.startsWith('{{') || !t.endsWith('}}') || t.length < 4) return undefined;
  let inner = t.slice(2, -2);
  if (inner.startsWith('-')) inner = inner.slice(1);
  if (inner.endsWith('-')) inner = inner.slice(0, -1);
  return inner.includes('{') || inner.includes('}') ? undefined : inner.trim();
}

export function yamlLayer(file: string, text: string): { layer?: ValueLayer; notice?: ValuesNotice } {
  if (text.length > MAX_VALUES_BYTES) {
    return { notice: { file, span: { start: 0, end: 0 }, message: `Values file not read: it is over the ${MAX_VALUES_BYTES}-character limit for values files; placeholders it would feed stay unknown.` } };
  }
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false });
  } catch (e) {
    return { notice: { file, span: { start: 0, end: 0 }, message: 'Values file not read: the YAML parser gave up on it; placeholders it would feed stay unknown.' } };
  }
  if (doc.errors.length) {
    const e = doc.errors[0];
    const at = Math.min(e.pos[0], text.length);
    return { notice: { file, span: { start: at, end: Math.min(Math.max(e.pos[1], at), text.length) }, message: `Values file is not valid YAML (${e.code}); placeholders it would feed stay unknown.` } };
  }
  // The document never changes once parsed (cases.ts keeps a layer while its file's text is the same): each path's
  // answer is remembered with it, as a template's placeholders are looked up again on every lint. Bounded.
  const answers = new Map<string, ReturnType<ValueLayer['lookup']>>();
  let lines: LineIndex | undefined;
  const layer: ValueLayer = {
    file,
    lines: () => (lines ??= new LineIndex(text)),
    lookup(path) {
      const key = path.join('\u0000');
      let answer = answers.get(key);
      if (answer === undefined) {
        if (answers.size >= 4096) answers.clear();
        answer = Object.freeze(find(path));
        answers.set(key, answer);
      }
      return answer;
    },
  };
  const parsed = doc;
  function find(path: readonly string[]): ReturnType<ValueLayer['lookup']> {
    const node = parsed.getIn(path, true) as Node | undefined;
    if (node === undefined || node === null) return { kind: 'missing' };
    const range = node.range ?? [0, 0];
    const site = { file, span: { start: range[0], end: range[1] } };
    if (isMap(node)) {
      // Kubernetes env `valueFrom: { secretKeyRef: … }` or an external-secret map: protected.
      if (node.has('secretKeyRef') || node.has('valueFrom') || node.has('externalSecret')) return { kind: 'protected', site };
      return node.items.length ? { kind: 'unknown' } : { kind: 'empty', shape: 'map', site };
    }
    if (isSeq(node)) return node.items.length ? { kind: 'unknown' } : { kind: 'empty', shape: 'list', site };
    if (!isScalar(node)) return { kind: 'unknown' };
    if (node.tag === '!vault' || node.tag === '!secret') return { kind: 'protected', site };
    // `key:`, `key: ~`, `key: null`: the key is there, set to nothing (it hides lower layers, as in Helm and Ansible).
    if (node.value === null || node.value === undefined) return { kind: 'empty', shape: 'null', site };
    const value = String(node.value);
    if (SECRET_REF.test(value)) return { kind: 'protected', site };
    const ref = reference(value);
    if (ref !== undefined) return { kind: 'reference', expr: ref, site };
    if (value.includes('{{') || value.includes('{%')) return { kind: 'unknown' };
    return { kind: 'value', text: value, site, raw: node.value };
  }
  return { layer };
}
