// Reads the pod specs of a Kubernetes manifest with `yaml` (positions on every node; see docs/decisions.md).
// A Helm template arrives here rendered by template-lint.ts: template output that stands for whole lines
// (`{{- include "x" . | nindent 8 }}`, `{{ toYaml .Values.y }}`) is a `${___}` filler line; it is blanked before
// parsing (it would otherwise break the YAML around it) and remembered, so that a container or pod spec holding one
// is known to have keys this file does not show.
import { parseAllDocuments, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { lineStartAt, type Span } from '../../engine/text';
import type { ParseProblem } from '../diagnostics';
import type { Container, PodDocument, PodField, SecurityContext, Workload } from './model';

/** Workload kinds and the path from the document root to their pod spec. */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Past these, the rest of the file is not read (a real manifest has a handful of documents and containers). */
const MAX_TEXT = 1024 * 1024;
const MAX_DOCS = 500;
const MAX_CONTAINERS = 100;

/** A line that is only template output (the filler template-lint.ts writes for `{{ … }}`). Linear: disjoint parts. */
const FILLER_LINE = /^[ \t]*\$\{_+\}[ \t]*$/gm;
const FILLER = '${_';

type Ranged = { range?: [number, number, number] | null };
const spanOf = (n: Ranged | null | undefined): Span | undefined => (n?.range ? { start: n.range[0], end: n.range[1] } : undefined);

function lineEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function hasBreak(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (text[i] === '\n' || text[i] === '\r') return true;
  return false;
}

export function parsePodManifest(text: string, options: { templated?: boolean } = {}): PodDocument {
  const problems: ParseProblem[] = [];
  if (text.length > MAX_TEXT) {
    problems.push({ code: 'yaml-syntax', severity: 'info', span: { start: 0, end: 0 }, message: `Pod specs not read: the file is over ${MAX_TEXT / 1024 / 1024} MiB.` });
    return { workloads: [], broken: true, problems };
  }
  const fillers: number[] = [];
  const blanked = text.includes(FILLER) ? text.replace(FILLER_LINE, (m, at: number) => { fillers.push(at); return ' '.repeat(m.length); }) : text;
  let docs;
  try {
    docs = parseAllDocuments(blanked, { uniqueKeys: false, prettyErrors: false, strict: false });
  } catch {
    problems.push({ code: 'yaml-syntax', severity: 'info', span: { start: 0, end: 0 }, message: 'Pod specs not read: the YAML parser gave up on this file.' });
    return { workloads: [], broken: true, problems };
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const ctx = { text, fillers };
  const workloads: Workload[] = [];
  let broken = false;
  for (const doc of list.slice(0, MAX_DOCS)) {
    if (doc.errors.length) {
      broken = true;
      // One notice per file, at the first error; the parser's message may quote the file, so only its code is named.
      if (!problems.length && !options.templated) {
        const e = doc.errors[0];
        const at = Math.min(e.pos[0], text.length);
        problems.push({ code: 'yaml-syntax', severity: 'info', span: { start: at, end: Math.min(Math.max(e.pos[1], at), text.length) }, message: `Not valid YAML here (${e.code}): the pod specs of this file are read as far as the parser could, and only values written here are judged.` });
      }
    }
    const root = doc.contents;
    if (!isMap(root)) continue;
    const kindNode = root.get('kind', true);
    const kind = isScalar(kindNode) && typeof kindNode.value === 'string' ? kindNode.value : undefined;
    const path = kind ? POD_SPEC_PATHS[kind] : undefined;
    if (!kind || !path || !isScalar(kindNode)) continue;
    const meta = root.get('metadata');
    const nameNode = isMap(meta) ? meta.get('name', true) : undefined;
    const w: Workload = {
      kind, kindSpan: spanOf(kindNode)!, podUnknown: false, containers: [],
      ...(isScalar(nameNode) && typeof nameNode.value === 'string' && !String(nameNode.value).includes(FILLER) ? { name: String(nameNode.value) } : {}),
    };
    workloads.push(w);
    const spec = root.getIn(path, true) as Node | undefined;
    if (!isMap(spec)) {
      w.podUnknown = true;
      continue;
    }
    w.podUnknown = mayHoldKey(ctx, spec, nextContentAfter(blanked, spec.range?.[1] ?? 0), 'securityContext');
    const sc = pairOf(spec, 'securityContext');
    if (sc) w.pod = securityContext(ctx, sc);
    for (const key of ['containers', 'initContainers']) {
      const seq = spec.get(key, true);
      if (!isSeq(seq)) continue;
      seq.items.forEach((item, i) => {
        if (w.containers.length >= MAX_CONTAINERS || !isMap(item)) return;
        // Template output lines up to the next container (or the end of the list) may add keys to this one.
        const next = seq.items[i + 1] as Ranged | undefined;
        const until = next?.range?.[0] ?? nextContentAfter(blanked, seq.range?.[1] ?? 0);
        w.containers.push(container(ctx, item, key === 'initContainers', until));
      });
    }
  }
  return { workloads, broken, problems };
}

interface Ctx {
  text: string;
  fillers: number[];
}

/**
 * Whether template output lines may add `key` to `map`, or keys to its `key` mapping: a filler line inside the `key`
 * pair (indented deeper than the key), or — when the map has no literal `key` — one at the map's own level (before
 * its first key, or not indented deeper than the key above it). A filler indented deeper than another key belongs to
 * that key's value (`volumes:` then `{{ toYaml … | nindent 8 }}`); with a literal `key`, a map-level filler is taken
 * not to repeat it.
 */
function mayHoldKey(ctx: Ctx, map: YAMLMap, end: number, key: string): boolean {
  const start = spanOf(map)?.start ?? 0;
  const pairs = map.items.filter((p) => isPair(p) && spanOf(p.key as Ranged)) as Pair[];
  const hasKey = pairs.some((p) => (p.key as { value?: unknown }).value === key);
  // Fillers and keys are both in file order: one merge walk.
  let pi = -1;
  for (let i = firstAtOrAfter(ctx.fillers, start); i < ctx.fillers.length && ctx.fillers[i] < end; i++) {
    const f = ctx.fillers[i];
    while (pi + 1 < pairs.length && spanOf(pairs[pi + 1].key as Ranged)!.start <= f) pi++;
    if (pi < 0) {
      if (!hasKey) return true;
      continue;
    }
    const owner = pairs[pi];
    const inside = column(ctx.text, firstNonSpace(ctx.text, f)) > column(ctx.text, spanOf(owner.key as Ranged)!.start);
    if (inside ? (owner.key as { value?: unknown }).value === key : !hasKey) return true;
  }
  return false;
}

function firstAtOrAfter(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstNonSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  for (const p of map.items) if (isPair(p) && isScalar(p.key) && p.key.value === key) return p as Pair;
  return undefined;
}

function column(text: string, at: number): number {
  return at - lineStartAt(text, at);
}

function field(ctx: Ctx, p: Pair | undefined): PodField | undefined {
  if (!p) return undefined;
  const v = p.value as Node | null;
  const s = spanOf(v) ?? spanOf(p.key as Ranged)!;
  if (!isScalar(v)) return { span: s, value: undefined, known: false };
  return { span: s, value: v.value, known: !ctx.text.slice(s.start, s.end).includes(FILLER) };
}

function securityContext(ctx: Ctx, p: Pair): SecurityContext {
  const keySpan = spanOf(p.key as Ranged)!;
  const v = p.value as Node | null;
  const out: SecurityContext = { keySpan, unknown: false };
  const insertAt = lineEnd(ctx.text, keySpan.end);
  const vs = spanOf(v);
  if (v === null || (isScalar(v) && v.value === null && (!vs || vs.start === vs.end))) {
    out.block = { childIndent: column(ctx.text, keySpan.start) + 2, insertAt };
    return out;
  }
  if (!isMap(v)) {
    out.unknown = true;
    return out;
  }
  const first = v.items.find((x) => isPair(x) && isScalar(x.key));
  if (v.flow) {
    if (!v.items.length) out.emptyFlow = spanOf(v);
  } else if (first && !hasBreak(ctx.text, keySpan.end, insertAt)) {
    out.block = { childIndent: column(ctx.text, spanOf(first.key as Ranged)!.start), insertAt };
  }
  out.runAsUser = field(ctx, pairOf(v, 'runAsUser'));
  out.runAsNonRoot = field(ctx, pairOf(v, 'runAsNonRoot'));
  out.allowPrivilegeEscalation = field(ctx, pairOf(v, 'allowPrivilegeEscalation'));
  out.privileged = field(ctx, pairOf(v, 'privileged'));
  return out;
}

/** Offset of the next line with content after `at` (blank and blanked lines skipped): where a list really ends. */
function nextContentAfter(text: string, at: number): number {
  let i = lineEnd(text, at);
  let lineStart = i;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') lineStart = i + 1;
    else if (ch !== ' ' && ch !== '\t') return lineStart;
  }
  return text.length;
}

function container(ctx: Ctx, item: YAMLMap, init: boolean, until: number): Container {
  const firstKey = item.items.find((x) => isPair(x) && isScalar(x.key))?.key as Ranged | undefined;
  const itemSpan = spanOf(item)!;
  const namePair = pairOf(item, 'name');
  const nameNode = namePair?.value as Node | null | undefined;
  const name = isScalar(nameNode) && typeof nameNode.value === 'string' && !nameNode.value.includes(FILLER) ? nameNode.value : undefined;
  const keyStart = spanOf(firstKey)?.start ?? itemSpan.start;
  const c: Container = {
    // Template output is never a finding's place (template-lint.ts drops those): then the first key.
    init, anchor: (name !== undefined ? spanOf(nameNode) : undefined) ?? spanOf(firstKey) ?? itemSpan, keyIndent: column(ctx.text, keyStart), unknown: mayHoldKey(ctx, item, Math.max(until, itemSpan.end), 'securityContext'),
    ...(name !== undefined ? { name } : {}),
  };
  // A new key goes after a one-line scalar pair (name first): never inside a value that runs over several lines.
  const pairs = [namePair, ...item.items].filter((x): x is Pair => !!x && isPair(x));
  for (const p of item.flow ? [] : pairs) {
    const k = spanOf(p.key as Ranged);
    const v = p.value as Node | null;
    if (!k || !isScalar(v) || !v.range) continue;
    if (hasBreak(ctx.text, k.start, v.range[1])) continue;
    c.insertAt = lineEnd(ctx.text, v.range[1]);
    break;
  }
  const img = pairOf(item, 'image');
  const f = field(ctx, img);
  if (f && isScalar(img!.value)) c.image = { ...f, text: String((img!.value as { value: unknown }).value ?? '') };
  else if (f) c.image = { ...f, text: ctx.text.slice(f.span.start, f.span.end) };
  const sc = pairOf(item, 'securityContext');
  if (sc) c.securityContext = securityContext(ctx, sc);
  return c;
}
