// Which branch bodies hold a span (template-cover.ts reads every finding's branches from where it lies), and which
// chain of a condition encloses a place (branch labels). Testing every body, or every chain of the condition, per
// finding made a template with many blocks quadratic once the findings cap is raised (4,000 `if` blocks on one
// condition, 12,000 findings: 1.4 s, 10.8× for 4×; the default cap of 1,000 per rendering bounds it). The bodies
// of a scanned template nest (a stack walk makes them): sorted by start, the bodies that hold a point are the
// enclosing bodies of the last one starting at or before it.
import type { Span } from './text';
import type { CoverChain } from './template-cover';

/** The (chain, branch) bodies that hold the whole span, innermost first; undefined when the span crosses a body's edge. */
export function regionByScan(chains: readonly CoverChain[], s: Span): Array<[number, number]> | undefined {
  const out: Array<[number, number]> = [];
  for (let ci = 0; ci < chains.length; ci++) {
    const bs = chains[ci].branches;
    for (let b = 0; b < bs.length; b++) {
      const test = relation(bs[b].bodyStart, bs[b].bodyEnd, s);
      if (test === CROSSES) return undefined;
      if (test === INSIDE) out.push([ci, b]);
    }
  }
  return out.reverse();
}

const INSIDE = 1;
const CROSSES = 2;

/** Whether the span lies inside the body, crosses one of its edges, or neither (apart, or around it). */
function relation(bodyStart: number, bodyEnd: number, s: Span): number {
  const inside = bodyStart <= s.start && s.end <= bodyEnd && s.start < bodyEnd;
  if (inside) return INSIDE;
  return s.start < bodyEnd && s.end > bodyStart && !(s.start <= bodyStart && s.end >= bodyEnd) ? CROSSES : 0;
}

interface Bodies {
  /** Bodies sorted by start, as parallel arrays. */
  start: Int32Array;
  end: Int32Array;
  chain: Int32Array;
  branch: Int32Array;
  /** The enclosing body (index into these arrays), -1 at the top. */
  parent: Int32Array;
}

const INDEX = new WeakMap<readonly CoverChain[], Bodies | null>();

/** regionByScan's answer, from the enclosing bodies of the span's two ends only. */
export function regionOf(chains: readonly CoverChain[], s: Span): Array<[number, number]> | undefined {
  let ix = INDEX.get(chains);
  if (ix === undefined) INDEX.set(chains, (ix = indexBodies(chains)));
  if (!ix || s.end < s.start) return regionByScan(chains, s);
  const out: Array<[number, number]> = [];
  // Every body holding s.start, and every body crossing an edge before s.start, encloses the last body that starts
  // at or before s.start (or is it); bodies ending before that are apart from the span.
  for (let j = lastStart(ix.start, s.start, true); j >= 0; j = ix.parent[j]) {
    const test = relation(ix.start[j], ix.end[j], s);
    if (test === CROSSES) return undefined;
    if (test === INSIDE) out.push([ix.chain[j], ix.branch[j]]);
  }
  // A body starting inside the span crosses its end when it holds s.end: it encloses the last body starting before s.end.
  for (let j = lastStart(ix.start, s.end, false); j >= 0 && ix.start[j] > s.start; j = ix.parent[j]) {
    if (relation(ix.start[j], ix.end[j], s) === CROSSES) return undefined;
  }
  return out;
}

/** The last index whose start is ≤ x (`atOrBefore`) or < x; -1 when none. */
function lastStart(starts: Int32Array, x: number, atOrBefore: boolean): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < x || (atOrBefore && starts[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The bodies sorted by start with their enclosing body, or null when they do not nest as a scan makes them (two
 * bodies starting at one place, a body outside its chain's parent body, bodies overlapping without nesting): then
 * every body is tested, as before.
 */
function indexBodies(chains: readonly CoverChain[]): Bodies | null {
  const list: Array<{ start: number; end: number; chain: number; branch: number }> = [];
  chains.forEach((c, ci) => c.branches.forEach((b, bi) => list.push({ start: b.bodyStart, end: b.bodyEnd, chain: ci, branch: bi })));
  list.sort((a, b) => a.start - b.start);
  const n = list.length;
  const ix: Bodies = { start: new Int32Array(n), end: new Int32Array(n), chain: new Int32Array(n), branch: new Int32Array(n), parent: new Int32Array(n) };
  const at = new Map<string, number>();
  list.forEach((b, j) => {
    ix.start[j] = b.start;
    ix.end[j] = b.end;
    ix.chain[j] = b.chain;
    ix.branch[j] = b.branch;
    at.set(`${b.chain},${b.branch}`, j);
  });
  // The enclosing body by a stack walk must be the one the chain's parent names, and bodies must nest or be apart.
  const stack: number[] = [];
  for (let j = 0; j < n; j++) {
    if (j > 0 && ix.start[j] === ix.start[j - 1]) return null;
    if (ix.end[j] < ix.start[j]) return null;
    while (stack.length && ix.end[stack[stack.length - 1]] <= ix.start[j]) stack.pop();
    const top = stack.length ? stack[stack.length - 1] : -1;
    if (top >= 0 && ix.end[j] > ix.end[top]) return null;
    const p = chains[ix.chain[j]].parent;
    const declared = p ? at.get(`${p.chain},${p.branch}`) ?? -2 : -1;
    if (declared !== top) return null;
    ix.parent[j] = top;
    stack.push(j);
  }
  return ix;
}

interface Extents {
  start: Int32Array;
  end: Int32Array;
  /** Per chain of the group: its outermost enclosing chain of the same group (itself when none), by position. */
  root: Int32Array;
}

type Scanned = { tags: readonly Span[]; chains: ReadonlyArray<{ branches: ReadonlyArray<{ tag: number }>; endTag: number }> };
const EXTENTS = new WeakMap<readonly number[], Extents | null>();

/**
 * The first chain of `group` (file order) whose tags enclose `at` — `group.find(…)`, without testing every chain of
 * the group per label (a condition tested in thousands of places made labels quadratic). Chains nest: the ones
 * enclosing `at` enclose the last chain starting at or before it, and the first of them is its outermost.
 */
export function firstEnclosing(scan: Scanned, group: readonly number[], at: number): number | undefined {
  let ex = EXTENTS.get(group);
  if (ex === undefined) EXTENTS.set(group, (ex = groupExtents(scan, group)));
  const encloses = (k: number) => scan.tags[scan.chains[group[k]].branches[0].tag].start <= at && at < scan.tags[scan.chains[group[k]].endTag].end;
  if (!ex) {
    const k = group.findIndex((_, i) => encloses(i));
    return k < 0 ? undefined : group[k];
  }
  const j = lastStart(ex.start, at, true);
  if (j < 0) return undefined;
  const r = ex.root[j];
  return encloses(r) ? group[r] : undefined;
}

/** Null when the group's chains do not nest as a scan makes them (then every chain is tested, as before). */
function groupExtents(scan: Scanned, group: readonly number[]): Extents | null {
  const n = group.length;
  const ex: Extents = { start: new Int32Array(n), end: new Int32Array(n), root: new Int32Array(n) };
  const stack: number[] = [];
  for (let k = 0; k < n; k++) {
    const c = scan.chains[group[k]];
    const first = scan.tags[c.branches[0]?.tag];
    const last = scan.tags[c.endTag];
    if (!first || !last) return null;
    ex.start[k] = first.start;
    ex.end[k] = last.end;
    if (k > 0 && ex.start[k] <= ex.start[k - 1]) return null;
    while (stack.length && ex.end[stack[stack.length - 1]] <= ex.start[k]) stack.pop();
    const top = stack.length ? stack[stack.length - 1] : -1;
    if (top >= 0 && ex.end[k] > ex.end[top]) return null;
    ex.root[k] = top >= 0 ? ex.root[top] : k;
    stack.push(k);
  }
  return ex;
}
