// What a template lint derives from the template's text alone (template-lint.ts): its tags and chains, their
// condition groups, the variants to render, which variants share a rendering, and the renderings themselves. The
// editor lints a template again when its values change and a workspace may hold the same text twice, so the plan
// is kept for the last few texts; the key is the text itself (compared in full), its kind and syntax, so a plan can
// never be stale. Values-dependent work is kept per values case beside it (template-case.ts).
import { LineIndex, type Span } from './text';
import type { FileKind } from './rule';
import type { TemplateSyntax } from './template-names';
import type { VirtualDocument } from './virtual';
import { conditionGroups, scanTemplate, variants, type ConditionGroups, type Tag, type TemplateScan, type Variant } from './template-scan';
import { render, standIns, type StandIn } from './template-render';
import { anyIn, relevantOffsets } from './template-relevance';
import { footprint, secretReferenceTables, secretsWatch, tableHeaders, type Footprint, type SecretRefs } from './template-footprint';
import { firstEnclosing } from './template-regions';

/** More branch renderings than this and the template is checked as one text (tags opaque), as before branches were split. */
export const MAX_VARIANTS = 32;

/** Pod manifests (YAML, the slow parser): more rendered text than this over all branches and the template is one text. */
export const MAX_POD_RENDERED = 1024 * 1024;

export interface TemplatePlan {
  readonly text: string;
  readonly kind: FileKind;
  readonly syntax: TemplateSyntax;
  readonly scan: TemplateScan;
  readonly index: LineIndex;
  readonly groups: ConditionGroups;
  /** Chains no rule of the kind can see a difference in: not explored (template-relevance.ts). */
  readonly quiet?: ReadonlySet<number>;
  /** The variants linted (one, choice-less, when `merged`). */
  readonly list: readonly Variant[];
  /** How many variants the chains make (before the limit). */
  readonly variantCount: number;
  /** Over the rendering limit: checked as one text. */
  readonly merged: boolean;
  /** The kind's parser knows template tags (TOML): they stay as written. */
  readonly native: boolean;
  readonly erb: boolean;
  readonly outputs: readonly Tag[];
  readonly footprint: (bodies: Span[]) => Footprint;
  /** The branch renderings (no values substituted). */
  readonly renderings: Renderings;
  /** Rendered text kept by all the plan's renderings (branches and values cases), at most MAX_RENDERED_CHARS. */
  readonly budget: { kept: number };
  /** Per-plan memo slots for the values cases (template-case.ts). */
  readonly cases: unknown[];
  /** Branch labels by chain, branch and offset (branchLabel). */
  readonly labels: Map<string, string>;
}

/** Plans kept (the texts linted last), and the rendered text each plan may keep over all its renderings, in characters. */
const MAX_PLANS = 4;
const MAX_RENDERED_CHARS = 2 * 1024 * 1024;
const plans: TemplatePlan[] = [];

export function templatePlan(text: string, kind: FileKind, syntax: TemplateSyntax): TemplatePlan {
  const i = plans.findIndex((p) => p.kind === kind && p.syntax === syntax && p.text === text);
  if (i >= 0) {
    const hit = plans[i];
    if (i > 0) {
      plans.splice(i, 1);
      plans.unshift(hit);
    }
    return hit;
  }
  const plan = makePlan(text, kind, syntax);
  plans.unshift(plan);
  if (plans.length > MAX_PLANS) plans.pop();
  return plan;
}

function makePlan(text: string, kind: FileKind, syntax: TemplateSyntax): TemplatePlan {
  const scan = scanTemplate(text, syntax);
  const groups = conditionGroups(text, scan);
  const quiet = quietChains(text, scan, kind, groups);
  let list = variants(scan.chains, groups, undefined, quiet);
  const variantCount = list.length;
  // YAML parses at about 1 MB/s: a pod manifest's branches are rendered only while their total size stays bounded.
  const merged = list.length > MAX_VARIANTS || (kind === 'pod' && list.length * text.length > MAX_POD_RENDERED);
  if (merged) list = [{ choice: new Int32Array(0) }];
  const native = kind === 'toml';
  const erb = syntax === 'erb';
  let headers: ReturnType<typeof tableHeaders> | undefined;
  let secrets: number | undefined;
  let refs: SecretRefs | undefined;
  const branches = () => scan.chains.flatMap((c) => c.branches.map((b) => ({ start: b.bodyStart, end: b.bodyEnd })));
  const tables = () => {
    if (!headers) {
      headers = tableHeaders(text);
      secrets = secretsWatch(headers, branches());
      refs = secretReferenceTables(text, headers);
    }
    return headers;
  };
  // deployment.toml: variants that write different tables may share a rendering; other kinds render each alone.
  const budget = { kept: 0 };
  const footprintOf = kind === 'toml'
    ? (bodies: Span[]) => {
      const h = tables();
      return footprint(text, h, bodies, secrets, refs);
    }
    : () => 'alone' as const;
  return {
    text, kind, syntax, scan, groups, quiet, list, variantCount, merged, native, erb, footprint: footprintOf,
    index: new LineIndex(text),
    outputs: scan.tags.filter((t) => t.role === 'output'),
    cases: [],
    labels: new Map(),
    budget,
    renderings: new Renderings({ text, scan, merged, native, erb }, budget),
  };
}

/**
 * A plan's renderings with one set of substitutions (none: the branch renderings; a values case's: template-case.ts),
 * by choice array (the plan's variants and covering renderings keep theirs), within a bound of kept text.
 */
export class Renderings {
  private readonly byChoice = new WeakMap<Int32Array, VirtualDocument>();
  private whole?: VirtualDocument;
  /** Characters this set keeps, counted in `budget` (shared by a plan's sets) until `release`. */
  private kept = 0;
  private stand?: readonly StandIn[];

  constructor(private readonly plan: Pick<TemplatePlan, 'text' | 'scan' | 'merged' | 'native' | 'erb'>, private readonly budget: { kept: number }, private readonly subs?: ReadonlyMap<number, string>, stand?: readonly StandIn[]) {
    this.stand = stand;
  }

  /** This set is dropped (its values case was): its characters no longer count. */
  release(): void {
    this.budget.kept -= this.kept;
    this.kept = 0;
  }

  /** Each tag's stand-in, made once for all renderings of the plan (template-render.ts). */
  standIns(): readonly StandIn[] {
    return (this.stand ??= standIns(this.plan.text, this.plan.scan, this.plan.native, this.plan.erb));
  }

  /** The rendering of `choice`; undefined, or a template not split into branches: the whole text, tags opaque. */
  get(choice: Int32Array | undefined): VirtualDocument {
    const p = this.plan;
    const split = choice !== undefined && !p.merged && p.scan.chains.length > 0;
    let d = split ? this.byChoice.get(choice) : this.whole;
    if (d) return d;
    d = render(p.text, p.scan, split ? choice : undefined, this.standIns(), this.subs);
    if (this.budget.kept + d.text.length <= MAX_RENDERED_CHARS) {
      this.budget.kept += d.text.length;
      this.kept += d.text.length;
      if (split) this.byChoice.set(choice, d);
      else this.whole = d;
    }
    return d;
  }
}

/** Labels kept per plan (one per finding place that names a branch). */
const MAX_LABELS = 4096;

/** How messages name chain `ci`'s condition: "`.Values.x` (line 32)". */
export function conditionName(plan: TemplatePlan, ci: number, line: number): string {
  const cond = plan.groups.key[ci].replace(/^if\s*/, '');
  // The condition is template code, not a value; one with a quoted literal is named by its line only.
  return cond.length <= 80 && !/['"`]/.test(cond) ? `\`${cond}\` (line ${line})` : `the condition at line ${line}`;
}

/**
 * Names the branch `branch` of chain `rep`'s condition, as a reader sees it around offset `at` (the chain of that
 * condition group whose branches hold `at`): "when `.Values.x` (line 32) holds", "the `else` at line 40 of …".
 */
export function branchLabel(plan: TemplatePlan, rep: number, branch: number, at: number): string {
  const key = `${rep},${branch},${at}`;
  let label = plan.labels.get(key);
  if (label === undefined) {
    label = makeLabel(plan, rep, branch, at);
    if (plan.labels.size >= MAX_LABELS) plan.labels.clear();
    plan.labels.set(key, label);
  }
  return label;
}

function makeLabel(plan: TemplatePlan, rep: number, branch: number, at: number): string {
  const { scan, groups, index } = plan;
  const lineOf = (tag: number) => index.range(scan.tags[tag]).start.line + 1;
  const ci = firstEnclosing(scan, groups.group[rep], at) ?? rep;
  const c = scan.chains[ci];
  const line = lineOf(c.branches[0].tag);
  const named = conditionName(plan, ci, line);
  if (branch === 0) return `when ${named} holds`;
  if (branch >= c.branches.length) return `when ${named} does not hold`;
  const role = scan.tags[c.branches[Math.min(branch, c.branches.length - 1)].tag].role;
  return `the \`${role === 'elif' ? 'else if' : 'else'}\` at line ${lineOf(c.branches[branch].tag)} of ${named}`;
}

/**
 * Chains whose branches (and those of every chain testing the same condition) hold nothing the kind's rules read
 * (template-relevance.ts): not explored, their first branch stands for them. Undefined: every chain matters.
 */
function quietChains(text: string, scan: TemplateScan, kind: FileKind, groups: ConditionGroups): Set<number> | undefined {
  const at = relevantOffsets(kind, text);
  if (!at) return undefined;
  const relevant = new Map<string, boolean>();
  scan.chains.forEach((c, ci) => {
    const key = groups.key[ci];
    if (!relevant.get(key)) relevant.set(key, c.branches.some((b) => anyIn(at, b.bodyStart, b.bodyEnd)));
  });
  const out = new Set<number>();
  scan.chains.forEach((_, ci) => { if (!relevant.get(groups.key[ci])) out.add(ci); });
  return out;
}
