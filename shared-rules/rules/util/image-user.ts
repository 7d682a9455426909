// Which user the final stage of a Dockerfile runs as, and whether the image runs a product: shared by the
// Dockerfile and compose rules. Variables (ARG/ENV defaults) are expanded as Docker would with no --build-arg;
// anything CarbonLint cannot resolve is "unknown", never guessed.
import type { Span } from '../../engine/text';
import type { DockerfileDocument, DockerInstruction, DockerStage, DockerWord } from '../../parsers/dockerfile/model';
import { knownImage, type KnownImage } from '../../data/container-images';
import { PRODUCT_SCRIPT_REF } from '../../engine/container-files';
import { oneLine } from './message';

/** File text quoted in a message: one line, at most 100 characters (a hostile file may hold a megabyte-long USER). */
export function shown(text: string): string {
  const t = oneLine(text.length > 400 ? text.slice(0, 400) : text);
  return t.length > 100 ? `${t.slice(0, 99)}…` : t;
}

/** A product pack or home: wso2am-4.2.0(.zip), wso2is-7.0.0, wso2mi-4.3.0, wso2am-acp-4.5.0, mware equivalents. */
const PACK = /\b(?:wso2|mware)(?:am|is|mi|ei|esb)(?:-[a-z]+){0,3}-\d+(?:\.\d+){1,3}/i;
const VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}$]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Variables visible at an instruction. */
export interface Vars { get(name: string): string | undefined }

/** Values of variables by instruction order within a stage. */
class History {
  private readonly h = new Map<string, { o: number[]; v: Array<string | undefined> }>();
  /** The variables as seen by the instruction at `order` (its own definitions included). */
  at(order: number): Vars {
    return { get: (name) => {
      const e = this.h.get(name);
      if (!e) return undefined;
      let lo = 0;
      let hi = e.o.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (e.o[mid] <= order) { found = mid; lo = mid + 1; } else hi = mid - 1;
      }
      return found < 0 ? undefined : e.v[found];
    } };
  }
  writer(order: number): Scope {
    const view = this.at(order);
    return {
      get: view.get,
      set: (name, value) => {
        let e = this.h.get(name);
        if (!e) this.h.set(name, (e = { o: [], v: [] }));
        if (e.o[e.o.length - 1] === order) e.v[e.v.length - 1] = value;
        else { e.o.push(order); e.v.push(value); }
      },
      delete: (name) => { if (this.h.has(name)) { const s = this.h.get(name)!; s.o.push(order); s.v.push(undefined); } },
    };
  }
}

interface Scope extends Vars { set(name: string, value: string): void; delete(name: string): void }

/**
 * Expands $X, ${X}, ${X:-d}, ${X:+d}; undefined when a variable has no known value — or, `lenient`, that variable
 * left as written (shell variables of a RUN line are not the Dockerfile's).
 */
export function expand(s: string, vars: Vars, lenient = false): string | undefined {
  if (!s.includes('$')) return s;
  let unknown = false;
  const out = s.replace(VAR, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare!;
    const v = vars.get(name);
    if (op === ':-' || op === '-') return v === undefined || (op === ':-' && v === '') ? word ?? '' : v;
    if (op === ':+' || op === '+') return v === undefined || (op === ':+' && v === '') ? '' : word ?? '';
    if (v === undefined) { unknown = true; return lenient ? _m : ''; }
    return v;
  });
  if (lenient) return out;
  return unknown || out.includes('${') ? undefined : out;
}

export interface UserVerdict {
  verdict: 'root' | 'non-root' | 'unknown';
  /** The USER that decides (this file), with its expanded value. */
  user?: { ins: DockerInstruction; word: DockerWord; value: string; stage: DockerStage };
  /** No USER anywhere in the chain: the base image that decides. */
  base?: { ref: string; known?: KnownImage; stage: DockerStage };
}

export interface ImageAnalysis {
  final: DockerStage;
  /** The final stage and the stages it is built FROM, final first. */
  chain: DockerStage[];
  user: UserVerdict;
  /** What shows that the image runs a product (first found), or undefined. */
  product?: { what: string; span: Span };
  /** Variables of each stage at each instruction (for rules that expand other words). */
  varsAt(ins: DockerInstruction): Vars;
}

export function isRootUser(value: string): boolean {
  const u = value.split(':')[0].trim().toLowerCase();
  return u === 'root' || /^0+$/.test(u);
}

/** Words of an instruction that are not flags (`--chown=…`, `--from=…`). */
export function plainWords(ins: DockerInstruction): DockerWord[] {
  return ins.words.filter((w) => !w.value.startsWith('--'));
}

export function analyzeImage(doc: DockerfileDocument): ImageAnalysis | undefined {
  if (!doc.stages.length) return undefined;
  const global = new Map<string, string>();
  for (const a of doc.globalArgs) for (const w of a.words) defineArg(global, w.value, global);
  // Each stage's variables as a history (name → values by instruction order): a lookup at any instruction is a
  // binary search, so thousands of ENV lines cost no copies.
  const at = new Map<DockerInstruction, Vars>();
  for (const st of doc.stages) {
    const hist = new History();
    at.set(st.from, global);
    st.instructions.forEach((ins, order) => {
      if (ins.keyword === 'ARG' || ins.keyword === 'ENV') {
        const scope = hist.writer(order);
        if (ins.keyword === 'ARG') for (const w of ins.words) defineArg(scope, w.value, global);
        else defineEnv(scope, ins);
      }
      at.set(ins, hist.at(order));
    });
  }
  const varsAt = (ins: DockerInstruction): Vars => at.get(ins) ?? new Map<string, string>();
  const stageIndex = (name: string, before: number) => {
    for (let i = before - 1; i >= 0; i--) if (doc.stages[i].name === name) return i;
    return -1;
  };
  // The final stage and the stages it inherits from (FROM <stage>), newest first.
  const chain: DockerStage[] = [];
  let i = doc.stages.length - 1;
  for (let guard = 0; i >= 0 && guard <= doc.stages.length; guard++) {
    const st = doc.stages[i];
    chain.push(st);
    const ref = st.image ? expand(st.image.value, global) : undefined;
    const j = ref ? stageIndex(ref.toLowerCase(), i) : -1;
    if (j < 0) break;
    i = j;
  }
  const final = doc.stages[doc.stages.length - 1];
  let user: UserVerdict | undefined;
  for (const st of chain) {
    const users = st.instructions.filter((x) => x.keyword === 'USER' && x.words.length);
    const last = users[users.length - 1];
    if (last) {
      const value = expand(last.words[0].value, varsAt(last));
      user = value === undefined || value === ''
        ? { verdict: 'unknown', user: { ins: last, word: last.words[0], value: last.words[0].value, stage: st } }
        : { verdict: isRootUser(value) ? 'root' : 'non-root', user: { ins: last, word: last.words[0], value, stage: st } };
      break;
    }
  }
  const base = chain[chain.length - 1];
  const baseRef = base.image ? expand(base.image.value, global) : undefined;
  const known = baseRef ? knownImage(baseRef) : undefined;
  if (!user) {
    user = { verdict: known?.user ? (known.user.root ? 'root' : 'non-root') : 'unknown', base: { ref: baseRef ?? base.image?.value ?? '', known, stage: base } };
  }
  return { final, chain, user, product: productEvidence(chain, known, varsAt), varsAt };
}

function productEvidence(chain: DockerStage[], known: KnownImage | undefined, varsAt: (i: DockerInstruction) => Vars): ImageAnalysis['product'] {
  const base = chain[chain.length - 1];
  if (known?.product && base.image) return { what: `the base image ${shown(base.image.value)} runs the product`, span: base.image.span };
  for (const st of [...chain].reverse()) {
    for (const ins of st.instructions) {
      if (ins.keyword === 'COPY' || ins.keyword === 'ADD' || ins.keyword === 'RUN') {
        const text = expand(ins.args, varsAt(ins), true)!;
        const m = PACK.exec(text);
        if (m) return { what: `${ins.keyword} brings in the product pack ${shown(m[0])}`, span: ins.keywordSpan };
      }
      if (ins.keyword === 'ENTRYPOINT' || ins.keyword === 'CMD' || ins.keyword === 'RUN') {
        const cmd = ins.exec ? ins.exec.join(' ') : ins.args;
        const m = PRODUCT_SCRIPT_REF.exec(expand(cmd, varsAt(ins), true)!);
        if (m && (ins.keyword !== 'RUN' || /\b(?:start|exec)\b|^\s*\S*\.sh\s*$/.test(cmd))) return { what: `${ins.keyword} starts the product script ${m[0].replace(/^[\s/"'=]/, '')}`, span: ins.keywordSpan };
      }
    }
  }
  return undefined;
}

function defineArg(vars: Scope, word: string, global: Vars): void {
  const eq = word.indexOf('=');
  if (eq < 0) {
    // `ARG X` in a stage brings in the global default (if any); a later --build-arg could set it (not seen here).
    const g = global.get(word);
    if (g !== undefined) vars.set(word, g);
    return;
  }
  const name = word.slice(0, eq);
  const v = expand(word.slice(eq + 1), vars);
  if (v === undefined) vars.delete(name);
  else vars.set(name, v);
}

function defineEnv(vars: Scope, ins: DockerInstruction): void {
  const ws = ins.words;
  if (ws.length >= 2 && !ws[0].value.includes('=')) {
    // Legacy `ENV KEY value with spaces`.
    const v = expand(ins.args.slice(ins.args.indexOf(ws[0].raw) + ws[0].raw.length).trim(), vars);
    if (v === undefined) vars.delete(ws[0].value);
    else vars.set(ws[0].value, v);
    return;
  }
  for (const w of ws) defineArg(vars, w.value, vars);
}
