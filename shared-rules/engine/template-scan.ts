// A template's structure (template-lint.ts): its tags, its `if` chains and their branches, and the variants that
// render each branch. Everything here depends on the template's text alone, so template-plan.ts keeps it per text.
import type { Span } from './text';
import { findErbTemplates, findTemplates, tagRole, type TagRole } from '../parsers/toml/templates';
import type { TemplateSyntax } from './template-names';

export interface Tag extends Span {
  role: TagRole;
}

export interface Branch {
  tag: number;
  bodyStart: number;
  bodyEnd: number;
}

export interface Chain {
  branches: Branch[];
  endTag: number;
  hasElse: boolean;
  parent?: { chain: number; branch: number };
}

export interface TemplateScan {
  tags: Tag[];
  chains: Chain[];
  problem?: { span: Span; message: string };
}

/** The tags of a template and its if-chains (a stack walk: linear). An unbalanced tag is a problem, and no chain is split. */
export function scanTemplate(text: string, syntax: TemplateSyntax): TemplateScan {
  const spans = syntax === 'erb' ? findErbTemplates(text) : findTemplates(text);
  const tags: Tag[] = spans.map((s) => ({ start: s.start, end: s.end, role: tagRole(text, s) }));
  const chains: Chain[] = [];
  const stack: Array<{ chain?: number; tag: number }> = [];
  const fail = (t: Tag, message: string): TemplateScan => ({ tags, chains: [], problem: { span: { start: t.start, end: t.end }, message } });
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t.role === 'if') {
      let enclosing: { chain?: number } | undefined;
      for (let s = stack.length - 1; s >= 0 && !enclosing; s--) if (stack[s].chain !== undefined) enclosing = stack[s];
      const parent = enclosing ? { chain: enclosing.chain!, branch: chains[enclosing.chain!].branches.length - 1 } : undefined;
      chains.push({ branches: [{ tag: i, bodyStart: t.end, bodyEnd: t.end }], endTag: -1, hasElse: false, parent });
      stack.push({ chain: chains.length - 1, tag: i });
    } else if (t.role === 'elif' || t.role === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.chain === undefined) return fail(t, `Template: this \`${t.role}\` has no \`if\` to belong to; the template is checked without splitting its branches.`);
      const chain = chains[top.chain];
      if (chain.hasElse) return fail(t, 'Template: a branch after `else`; the template is checked without splitting its branches.');
      chain.branches[chain.branches.length - 1].bodyEnd = t.start;
      chain.branches.push({ tag: i, bodyStart: t.end, bodyEnd: t.end });
      if (t.role === 'else') chain.hasElse = true;
    } else if (t.role === 'open') {
      stack.push({ tag: i });
    } else if (t.role === 'end') {
      const top = stack.pop();
      if (!top) return fail(t, 'Template: this `end` closes nothing; the template is checked without splitting its branches.');
      if (top.chain !== undefined) {
        const chain = chains[top.chain];
        chain.branches[chain.branches.length - 1].bodyEnd = t.start;
        chain.endTag = i;
      }
    }
  }
  if (stack.length) {
    const t = tags[stack[stack.length - 1].tag];
    return fail(t, 'Template: this block is never closed (no `end`); the template is checked without splitting its branches.');
  }
  return { tags, chains };
}

/** The condition of an `if` tag, normalised: chains with the same condition take the same branch together. */
export function conditionKey(text: string, tag: Span): string {
  return text.slice(tag.start + 2, tag.end - 2).replace(/^[-+=]/, '').replace(/-$/, '').replace(/\s+/g, ' ').trim();
}

/** Chains grouped by condition: `group[ci]` lists the chains testing chain ci's condition (the same array for all of them). */
export interface ConditionGroups {
  key: readonly string[];
  group: ReadonlyArray<readonly number[]>;
}

export function conditionGroups(text: string, scan: TemplateScan): ConditionGroups {
  const byKey = new Map<string, number[]>();
  const key: string[] = [];
  const group: number[][] = [];
  scan.chains.forEach((c, ci) => {
    key[ci] = conditionKey(text, scan.tags[c.branches[0].tag]);
    let g = byKey.get(key[ci]);
    if (!g) byKey.set(key[ci], (g = []));
    g.push(ci);
    group[ci] = g;
  });
  return { key, group };
}

export interface Variant {
  choice: Int32Array;
  /** The chain and branch this variant differs in from the first (undefined for the first). */
  chain?: number;
  branch?: number;
}

/**
 * The first branch of every chain, then, per condition, each other branch (an `if` without `else` has an empty
 * one). Chains that test the same condition (`{{- if .Values.secretStore.enabled }}` in several places) switch
 * together, so no rendering mixes a condition with its opposite.
 */
export function variants(chains: readonly Chain[], groups: ConditionGroups, start?: Int32Array, fixed?: ReadonlySet<number>): Variant[] {
  const count = (c: Chain) => c.branches.length + (c.hasElse ? 0 : 1);
  const setGroup = (choice: Int32Array, ci: number, b: number) => {
    for (const cj of groups.group[ci]) choice[cj] = Math.min(b, count(chains[cj]) - 1);
  };
  const base = start ?? new Int32Array(chains.length);
  const out: Variant[] = [{ choice: base }];
  chains.forEach((c, ci) => {
    if (groups.group[ci][0] !== ci) return; // its group's first chain stands for it
    if (fixed?.has(ci)) return; // decided by the values: not explored
    let n = 0;
    for (const cj of groups.group[ci]) n = Math.max(n, count(chains[cj]));
    for (let b = 1; b < n; b++) {
      const choice = base.slice();
      setGroup(choice, ci, b);
      let excluded = false;
      for (let p = c.parent; p; p = chains[p.chain].parent) {
        if (fixed?.has(p.chain) && base[p.chain] !== p.branch) excluded = true; // inside a branch the values rule out
        setGroup(choice, p.chain, p.branch);
      }
      if (excluded) continue;
      out.push({ choice, chain: ci, branch: Math.min(b, count(c) - 1) });
    }
  });
  return out;
}
