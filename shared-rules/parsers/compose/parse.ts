// docker-compose files through the maintained `yaml` package (already used for values files): a document with
// node ranges. A file the parser cannot read gets one notice at its first error; the services are read from what parsed.
import { parseDocument, isMap, isScalar, type Document, type Node, type Pair } from 'yaml';
import type { Span } from '../../engine/text';
import type { ParseProblem } from '../diagnostics';

export interface ComposeValue {
  /** The scalar as a string (numbers as written: `user: 0`); undefined for a map or sequence. */
  text?: string;
  span: Span;
  node: Node;
}

export interface ComposeService {
  name: string;
  keySpan: Span;
  image?: ComposeValue;
  /** `build: ./dir` (context) or `build: { context, dockerfile }`. */
  build?: { context?: string; dockerfile?: string; span: Span };
  user?: ComposeValue;
  /** Keys may come from elsewhere: a `<<:` merge key or `extends:` (a `user:` CarbonLint does not see). */
  inherits: boolean;
}

export interface ComposeDocument {
  services: ComposeService[];
  problems: ParseProblem[];
}

/** At most this many services are read (a generated file with thousands is not a compose setup anyone runs). */
const MAX_SERVICES = 2000;

function spanOf(n: Node | null | undefined): Span {
  const r = n?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

function value(n: unknown): ComposeValue | undefined {
  if (!n || typeof n !== 'object') return undefined;
  const node = n as Node;
  if (isScalar(node)) {
    const v = node.value;
    return { text: v === null || v === undefined ? undefined : typeof v === 'object' ? undefined : String(v), span: spanOf(node), node };
  }
  return { span: spanOf(node), node };
}

export function parseCompose(text: string): ComposeDocument {
  const problems: ParseProblem[] = [];
  let doc: Document;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false });
  } catch {
    return { services: [], problems: [{ span: { start: 0, end: 0 }, message: 'Compose file not checked: the YAML parser gave up on it.', severity: 'warning', code: 'compose-syntax' }] };
  }
  if (doc.errors.length) {
    const e = doc.errors[0];
    const at = Math.min(e.pos[0], text.length);
    problems.push({ span: { start: at, end: Math.min(Math.max(e.pos[1], at), text.length) }, message: `Not valid YAML (${e.code}); services after this point may not be checked.`, severity: 'warning', code: 'compose-syntax' });
  }
  const services: ComposeService[] = [];
  const root = doc.contents;
  const svcs = isMap(root) ? root.get('services', true) : undefined;
  if (!isMap(svcs)) return { services, problems };
  for (const pair of (svcs.items as Pair[]).slice(0, MAX_SERVICES)) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !isMap(pair.value)) continue;
    const m = pair.value;
    const inherits = (m.items as Pair[]).some((p) => isScalar(p.key) && (p.key.value === '<<' || p.key.value === 'extends'));
    const svc: ComposeService = { name: String(key.value), keySpan: spanOf(key), inherits };
    const image = value(m.get('image', true));
    if (image?.text !== undefined) svc.image = image;
    const user = value(m.get('user', true));
    if (user) svc.user = user;
    const b = m.get('build', true) as Node | undefined;
    if (isScalar(b) && b.value !== null) svc.build = { context: String(b.value), span: spanOf(b) };
    else if (isMap(b)) {
      const c = b.get('context');
      const d = b.get('dockerfile');
      // A map's range runs to the next key: the finding goes on the `build` key itself.
      const key = (m.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'build')?.key as Node | undefined;
      svc.build = { context: typeof c === 'string' ? c : c === undefined ? '.' : undefined, dockerfile: typeof d === 'string' ? d : undefined, span: spanOf(key ?? b) };
    }
    services.push(svc);
  }
  return { services, problems };
}
