// Fewer renderings for the same answer (issue 15, §9). A template's variants (template-lint.ts: the base rendering,
// then one per other branch of each condition) are linted as a covering set: each covering rendering switches
// several variants' conditions at once when they do not overlap. Which variants a finding belongs to is then read
// from where it lies: inside a branch, it is in the variants that render that branch; outside every branch, in the
// variants whose covering rendering has it. Wherever the covering renderings disagree with that reading (a finding
// outside every branch that only some renderings give, a finding in a branch one rendering has and another that
// renders the same branch lacks, a related place or fix in another condition's branch), the variants concerned are
// linted one by one, as before, and their own results are used. A rendering of a single variant is already that
// variant's own result: where it disagrees, it is used as such and the shared renderings are not doubted for it.
import type { Span } from './text';
import { FootprintIndex, type Footprint } from './template-footprint';
import { regionOf } from './template-regions';

export interface CoverChain {
  branches: Array<{ bodyStart: number; bodyEnd: number }>;
  parent?: { chain: number; branch: number };
}

export interface CoverVariant {
  choice: Int32Array;
}

/** One finding of one rendering, in source positions: `key` identifies it across renderings (template-keys.ts). */
export interface Observed<T> {
  key: number;
  span: Span;
  /** Related places and fix edits: in another condition's branch, the finding is not read from its position. */
  extra: readonly Span[];
  /** Its text may depend on the whole rendering (a parser's problem naming another line): never read by position. */
  unsure?: boolean;
  /** Its details are taken from the last variant that has it, not the first (suppressed findings, as before). */
  last?: boolean;
  item: T;
}

/** Per finding key: the item of the first variant that has it, and the variants that have it (indexes into the list). */
export type Presence<T> = Map<number, { item: T; in: Set<number> }>;

let everyVariant = false;

/** Tests: lint every variant by itself, as before covering renderings (the answer they must reproduce). */
export function lintEveryVariant(on: boolean): void {
  everyVariant = on;
}

/**
 * Which chains `choice` renders (every enclosing chain takes the branch that holds it), remembered per choice. One
 * pass: an enclosing chain always comes before the chains inside it.
 */
const ACTIVE = new WeakMap<Int32Array, Uint8Array>();
function activeOf(chains: readonly CoverChain[], choice: Int32Array): Uint8Array {
  let a = ACTIVE.get(choice);
  if (a) return a;
  a = new Uint8Array(chains.length);
  for (let ci = 0; ci < chains.length; ci++) {
    const p = chains[ci].parent;
    a[ci] = !p || (a[p.chain] === 1 && choice[p.chain] === p.branch) ? 1 : 0;
  }
  ACTIVE.set(choice, a);
  return a;
}

/**
 * Groups variants 1… into covering renderings: a variant joins one when every chain whose branch it needs (the
 * chains where it differs from the base or that only it renders, and their enclosing chains) is free there or needs
 * the same branch. So a covering rendering renders every branch its variants render that the base does not.
 */
export function coverings(chains: readonly CoverChain[], list: readonly CoverVariant[], footprintOf?: (bodies: Span[]) => Footprint): { choices: Int32Array[]; members: number[][] } {
  const base = list[0].choice;
  const choices: Int32Array[] = [base];
  const members: number[][] = [[0]];
  const claims: Array<Map<number, number>> = [new Map()];
  const prints: FootprintIndex[] = [new FootprintIndex()];
  const baseActive = activeOf(chains, base);
  for (let vi = 1; vi < list.length; vi++) {
    const need = new Map<number, number>();
    const v = list[vi].choice;
    const vActive = activeOf(chains, v);
    const bodies: Span[] = [];
    for (let ci = 0; ci < chains.length; ci++) {
      // A chain this variant switches, or one it renders that the base does not (inside a switched branch).
      if (v[ci] === base[ci] && (baseActive[ci] || !vActive[ci])) continue;
      need.set(ci, v[ci]);
      // Its enclosing chains (a walk that stops at one already claimed: nested chains share their ancestors).
      for (let p = chains[ci].parent; p && !need.has(p.chain); p = chains[p.chain].parent) need.set(p.chain, v[p.chain]);
      // What differs from the base: the branch rendered instead, and the base's branch it replaces.
      for (const b of new Set([v[ci], base[ci]])) if (chains[ci].branches[b]) bodies.push({ start: chains[ci].branches[b].bodyStart, end: chains[ci].branches[b].bodyEnd });
    }
    const print: Footprint = footprintOf ? footprintOf(bodies) : new Set();
    let k = 1;
    for (; k < choices.length; k++) {
      if (prints[k].conflicts(print)) continue;
      const c = claims[k];
      let ok = true;
      for (const [ci, b] of need) {
        const had = c.get(ci);
        if (had !== undefined && had !== b) { ok = false; break; }
      }
      if (ok) break;
    }
    if (k === choices.length) {
      choices.push(base.slice());
      members.push([]);
      claims.push(new Map());
      prints.push(new FootprintIndex());
    }
    prints[k].add(print);
    for (const [ci, b] of need) {
      claims[k].set(ci, b);
      choices[k][ci] = b;
    }
    members[k].push(vi);
  }
  return { choices, members };
}

/**
 * `coverings`, remembered per variant list (template-plan.ts keeps a template's lists while its text is the same):
 * the same list, chains and footprint give the same plan, and its choice arrays stay the same objects, so their
 * renderings are remembered too. Plans and their choices are never changed after they are made.
 */
const PLANNED = new WeakMap<readonly CoverVariant[], { chains: readonly CoverChain[]; footprintOf?: (bodies: Span[]) => Footprint; plan: ReturnType<typeof coverings> }>();
function plannedCoverings(chains: readonly CoverChain[], list: readonly CoverVariant[], footprintOf?: (bodies: Span[]) => Footprint): ReturnType<typeof coverings> {
  const hit = PLANNED.get(list);
  if (hit && hit.chains === chains && hit.footprintOf === footprintOf) return hit.plan;
  const plan = coverings(chains, list, footprintOf);
  PLANNED.set(list, { chains, footprintOf, plan });
  return plan;
}

/**
 * Lints the covering renderings (and, where they cannot answer, single variants) and returns, per finding key,
 * the variants of `list` that have it: the answer linting every variant would give when the branches of different
 * conditions do not change each other's findings (checked as far as the covering renderings show it; see above).
 */
export function lintCovered<T>(chains: readonly CoverChain[], list: readonly CoverVariant[], lint: (choice: Int32Array, vi: number | undefined) => Array<Observed<T>>, footprintOf?: (bodies: Span[]) => Footprint): Presence<T> {
  // One variant (a values case that decides every condition): its rendering is the answer the reading below gives.
  if (list.length === 1) return new Map(lint(list[0].choice, 0).map((o) => [o.key, { item: o.item, in: new Set([0]) }]));
  const plan = everyVariant ? { choices: list.map((v) => v.choice), members: list.map((_, i) => [i]) } : plannedCoverings(chains, list, footprintOf);
  const coverOf = new Int32Array(list.length);
  plan.members.forEach((m, k) => { for (const vi of m) coverOf[vi] = k; });
  const results = plan.choices.map((choice, k) => lint(choice, plan.members[k].length === 1 ? plan.members[k][0] : undefined));
  const sets = results.map((r) => new Map(r.map((o) => [o.key, o])));
  // Every finding seen, with where it lies; `unsure`: a related place or fix edit outside its own branch.
  const seen = new Map<number, { o: Observed<T>; region?: Array<[number, number]>; unsure?: boolean }>();
  const suspect = new Set<number>();
  results.forEach((r) => {
    for (const o of r) {
      if (seen.has(o.key)) continue;
      const region = regionOf(chains, o.span);
      let unsure = o.unsure === true;
      if (region?.length && !unsure) {
        const [c, b] = region[0];
        const body = chains[c].branches[b];
        unsure = o.extra.some((x) => x.start < body.bodyStart || x.end > body.bodyEnd);
      }
      seen.set(o.key, { o, region: region?.length ? region : undefined, unsure });
    }
  });
  // The innermost branch rendered implies every enclosing one.
  const renders = (choice: Int32Array, region: Array<[number, number]>) => choice[region[0][0]] === region[0][1] && activeOf(chains, choice)[region[0][0]] === 1;
  const json = new Map<Observed<T>, string>();
  const text = (o: Observed<T>) => { let t = json.get(o); if (t === undefined) json.set(o, (t = JSON.stringify(o.item))); return t; };
  const same = (x: Observed<T> | undefined, y: Observed<T> | undefined) => x === y || (x !== undefined && y !== undefined && text(x) === text(y));
  for (const { o, region, unsure } of seen.values()) {
    // What is reported is whether each variant has it and, from the first variant that has it, its details (fix,
    // related places): when the base has it, those come from the base itself, so only presence must agree.
    const inBase = sets[0].has(o.key) && !o.last;
    const agree = (k: number, j: number) => (inBase ? sets[k].has(o.key) === sets[j].has(o.key) : same(sets[k].get(o.key), sets[j].get(o.key)));
    if (!region) {
      // Outside every branch: each covering rendering must give it as the base does.
      for (let k = 1; k < results.length; k++) if (!agree(k, 0)) suspect.add(k);
      continue;
    }
    // The same branch rendered in several covering renderings must give the same finding there.
    const where = plan.choices.map((ch, k) => (renders(ch, region) ? k : -1)).filter((k) => k >= 0);
    if (where.some((k) => !agree(k, where[0]))) {
      // A rendering of one variant is that variant's own answer (taken as such, at no cost); the base and the
      // renderings shared by several variants must agree among themselves, else their variants are linted one by one.
      const shared = where.filter((k) => k === 0 || plan.members[k].length > 1);
      for (const k of where) if (k > 0 && plan.members[k].length === 1) suspect.add(k);
      if (shared.some((k) => !agree(k, shared[0]))) for (const k of shared) if (k > 0) suspect.add(k);
    }
    if (unsure) {
      // It reads text outside its branch: trusted only where every variant rendering its branch was seen doing so in
      // its covering rendering, beside at least one other; otherwise those variants are linted one by one.
      if (where.length === 1 && where[0] > 0) suspect.add(where[0]);
      for (let vi = 1; vi < list.length; vi++) {
        const k = coverOf[vi];
        if (k > 0 && renders(list[vi].choice, region) && !renders(plan.choices[k], region)) suspect.add(k);
      }
    }
  }
  if (everyVariant) plan.members.forEach((_, k) => suspect.add(k));
  const single = new Map<number, Map<number, Observed<T>>>();
  for (const k of suspect) {
    if (plan.members[k].length === 1) {
      single.set(plan.members[k][0], sets[k]);
      continue;
    }
    for (const vi of plan.members[k]) {
      const r = lint(list[vi].choice, vi);
      single.set(vi, new Map(r.map((o) => [o.key, o])));
      for (const o of r) if (!seen.has(o.key)) seen.set(o.key, { o, region: undefined });
    }
  }
  const base = list[0].choice;
  const order = new Map<Observed<T>, [Map<number, Observed<T>>, number]>();
  for (const m of [...sets, ...single.values()]) [...m.values()].forEach((o, i) => order.set(o, [m, i]));
  const entries: Array<{ key: number; item: T; in: Set<number>; vi: number; from: unknown; at: number; start: number }> = [];
  for (const [key, { region }] of seen) {
    const inSet = new Set<number>();
    let first: Observed<T> | undefined;
    let lastHit: Observed<T> | undefined;
    let firstVi = 0;
    for (let vi = 0; vi < list.length; vi++) {
      let hit: Observed<T> | undefined;
      const own = single.get(vi);
      if (own) hit = own.get(key);
      else if (vi === 0) hit = sets[0].get(key);
      else if (!region) hit = sets[0].has(key) ? sets[coverOf[vi]].get(key) ?? sets[0].get(key) : undefined;
      else if (renders(list[vi].choice, region)) {
        // A branch this variant switches: its covering rendering has it; a branch as in the base: the base has it.
        const switched = region.some(([c]) => list[vi].choice[c] !== base[c]) || !renders(base, region);
        hit = (switched ? sets[coverOf[vi]] : sets[0]).get(key);
      }
      if (!hit) continue;
      inSet.add(vi);
      if (!first) { first = hit; firstVi = vi; }
      lastHit = hit;
    }
    if (first) {
      const [from, at] = order.get(first)!;
      entries.push({ key, item: (first.last ? lastHit! : first).item, in: inSet, vi: firstVi, from, at, start: first.span.start });
    }
  }
  // In the order linting every variant in turn gives: by the first variant that has it, then its place there.
  entries.sort((a, b) => a.vi - b.vi || (a.from === b.from ? a.at - b.at : a.start - b.start || a.at - b.at));
  return new Map(entries.map((e) => [e.key, { item: e.item, in: e.in }]));
}
