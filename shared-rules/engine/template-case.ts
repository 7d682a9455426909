// What one values case (chart values, an Ansible host, a Puppet class) makes of a template's plan (template-plan.ts):
// each output tag's value resolved once, the conditions the values decide, the variants left to explore, and the
// renderings with the values substituted. Kept beside the plan per case, keyed by the case's layer objects: a layer
// is remade whenever its file's text changes (values/cases.ts compares the text it reads on every lint), so the same
// layers mean the same answers, and a changed values file is a new key.
import type { TemplateSyntax } from './template-names';
import { conditionKey, variants, type ConditionGroups, type TemplateScan, type Variant } from './template-scan';
import { conditionName, MAX_VARIANTS, Renderings, type TemplatePlan } from './template-plan';
import { resolveExpression } from './values/resolve';
import { parseReference, tagExpression } from './values/expression';
import type { RenderCase, ValueLayer, ValueSite } from './values/types';
import { emptyTruth, truthy } from './template-truth';

export interface Decided {
  choice: Int32Array;
  fixed: Set<number>;
}

export interface CasePrep {
  /** Resolved values by output tag index (single-line values only), and where each was set. */
  subs: ReadonlyMap<number, string>;
  sites: ReadonlyMap<number, ValueSite>;
  /** The tags with a substitution, in file order. */
  subTags: readonly number[];
  /** The output placeholders as resolved, protected and unknown. */
  count: { resolved: number; protected: number; unknown: number };
  /** Sites of reference cycles met while resolving (one notice each). */
  cycles: readonly ValueSite[];
  decided: Decided;
  /** The variants explored with these values (the plan's when the values decide nothing). */
  caseList: readonly Variant[];
  renderings: Renderings;
  /** decidedAround's answers by offset. */
  around: Map<number, string | undefined>;
}

/** Cases kept per plan (an inventory's hosts: MAX_CASES of them are rendered). */
const MAX_KEPT = 16;

interface Kept {
  layers: readonly ValueLayer[];
  prep: CasePrep;
}

const sameLayers = (a: readonly ValueLayer[], b: readonly ValueLayer[]) => a.length === b.length && a.every((l, i) => l === b[i]);

export function casePrep(plan: TemplatePlan, rc: RenderCase): CasePrep {
  const kept = plan.cases as Kept[];
  const hit = kept.find((k) => sameLayers(k.layers, rc.layers));
  if (hit) return hit.prep;
  const prep = prepare(plan, rc);
  kept.unshift({ layers: [...rc.layers], prep });
  if (kept.length > MAX_KEPT) kept.pop()!.prep.renderings.release(); // its renderings go with it
  return prep;
}

function prepare(plan: TemplatePlan, rc: RenderCase): CasePrep {
  const { text, scan, syntax } = plan;
  const subs = new Map<number, string>();
  const sites = new Map<number, ValueSite>();
  const count = { resolved: 0, protected: 0, unknown: 0 };
  const cycles: ValueSite[] = [];
  scan.tags.forEach((t, ti) => {
    if (t.role !== 'output') return;
    const r = resolveExpression(tagExpression(text.slice(t.start, t.end)), syntax, rc);
    if (r.cycle) cycles.push(r.cycle);
    count[r.resolved.kind === 'value' ? 'resolved' : r.resolved.kind === 'protected' ? 'protected' : 'unknown']++;
    // A value with a line break or a quote would change the file's structure around it: not substituted.
    if (r.resolved.kind === 'value' && r.rendered !== undefined && !/[\r\n]/.test(r.rendered)) {
      subs.set(ti, r.rendered);
      sites.set(ti, r.resolved.site);
    }
  });
  // Conditions the values decide (`{{- if .Values.secretStore.enabled }}`, `{% if secure_vault_enabled|bool %}`,
  // `<% if @x %>`) take their branch; the others are explored as without values.
  const decided = subs.size ? decideConditions(text, syntax, scan, plan.groups, rc) : { choice: new Int32Array(scan.chains.length), fixed: new Set<number>() };
  const fixedOrQuiet = plan.quiet?.size ? new Set([...decided.fixed, ...plan.quiet]) : decided.fixed;
  const own = decided.fixed.size && !plan.merged ? variants(scan.chains, plan.groups, decided.choice, fixedOrQuiet) : undefined;
  const caseList = own && own.length <= MAX_VARIANTS ? own : plan.list;
  return { subs, sites, subTags: [...subs.keys()], count, cycles, decided, caseList, renderings: new Renderings(plan, plan.budget, subs, plan.renderings.standIns()), around: new Map() };
}

/** The branch each plain `if <reference>` / `if not <reference>` chain takes with the case's values (if/else chains only). */
export function decideConditions(text: string, syntax: TemplateSyntax, scan: TemplateScan, groups: Pick<ConditionGroups, 'key'> | undefined, rc: RenderCase): Decided {
  const chains = scan.chains;
  const choice = new Int32Array(chains.length);
  const fixed = new Set<number>();
  chains.forEach((ch, ci) => {
    if (ch.branches.length > 2 || (ch.branches.length === 2 && !ch.hasElse)) return; // elif chains: explored
    let expr = (groups?.key[ci] ?? conditionKey(text, scan.tags[ch.branches[0].tag])).replace(/^if\s+/, '');
    let neg = false;
    if (/^not\s+/.test(expr)) {
      neg = true;
      expr = expr.replace(/^not\s+/, '');
    }
    const r = resolveExpression(expr, syntax, rc);
    const boolFilter = /\|\s*bool\b/.test(expr);
    let held: boolean | undefined;
    if (r.resolved.kind === 'value' && r.rendered !== undefined) held = truthy(r.resolved.raw, r.resolved.text, syntax, boolFilter);
    else if (r.resolved.kind === 'empty') held = emptyTruth(r.resolved, parseReference(expr, syntax)!, syntax, boolFilter);
    if (held === undefined) return;
    choice[ci] = held !== neg ? 0 : 1; // 1: the else branch, or the empty one of an if without else
    fixed.add(ci);
  });
  return { choice, fixed };
}

/** Names the innermost condition the values decided around `at`: "`.Values.x` (line 32) does not hold". */
export function decidedAround(plan: TemplatePlan, prep: CasePrep, at: number): string | undefined {
  if (prep.around.has(at)) return prep.around.get(at);
  const named = nameDecided(plan, prep.decided, at);
  prep.around.set(at, named); // at most one per tag of the template
  return named;
}

function nameDecided(plan: TemplatePlan, d: Decided, at: number): string | undefined {
  const { scan } = plan;
  let best: number | undefined;
  for (const ci of d.fixed) {
    const ch = scan.chains[ci];
    const b = ch.branches[d.choice[ci]];
    if (!b || at < b.bodyStart || at >= b.bodyEnd) continue;
    if (best === undefined || scan.tags[ch.branches[0].tag].start > scan.tags[scan.chains[best].branches[0].tag].start) best = ci;
  }
  if (best === undefined) return undefined;
  const ch = scan.chains[best];
  const line = plan.index.range(scan.tags[ch.branches[0].tag]).start.line + 1;
  const named = conditionName(plan, best, line);
  return `${named} ${d.choice[best] === 0 ? 'holds' : 'does not hold'} with these values`;
}
