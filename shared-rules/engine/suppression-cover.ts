// Which directive suppresses each finding, and what each directive suppressed, through indexes: testing every
// directive against every finding made a file with one suppression per finding quadratic (issue 22: 12,000
// disable/enable pairs around 24,000 findings took 7 s; 8,000 regions never closed, 9 s).
import type { LintFinding } from './lint';
import type { SourceLines } from './comment-syntax';
import type { Directive } from './suppressions';

export interface Unmatched {
  d: Directive;
  message: string;
}

export interface Cover {
  /** Per finding (same order): the directive that suppresses it — the first in the file that covers and names it. */
  by: Array<Directive | undefined>;
  /** What each directive suppressed: rule ids, or '*' for a blanket directive. */
  used: Map<Directive, Set<string>>;
  /** carbonlint-enable comments that close nothing. */
  unmatched: Unmatched[];
}

interface Scope {
  d: Directive;
  /** Place of the directive in the file: the first covering directive suppresses. */
  order: number;
}
interface LineScope extends Scope {
  first: number;
  last: number;
}
interface Region {
  d: Directive;
  start: number;
  end: number;
}

/** A blanket suppression covers guideline findings only: it must not hide that the file failed to parse. */
export function names(d: Directive, f: LintFinding): boolean {
  return d.rules.length ? d.rules.some((r) => r.id === f.ruleId) : f.guidelineId !== null;
}

export function cover(directives: readonly Directive[], src: SourceLines, findings: readonly LintFinding[]): Cover {
  const fileScopes: Scope[] = [];
  // Line scopes by the first line of their statement: a scope never reaches past its statement (statements are
  // runs of whole lines), so a finding looks only at the scopes of its own statement.
  const lineScopes = new Map<number, LineScope[]>();
  // A region per disabled rule id ('*' for a blanket disable), in file order; an enable ends only its own ids.
  const regions = new Map<string, Region[]>();
  const stillOpen = new Map<string, Region[]>();
  const unmatched: Unmatched[] = [];
  directives.forEach((d, order) => {
    if (d.type === 'disable-file') fileScopes.push({ d, order });
    else if (d.type === 'disable-next-line' || d.type === 'disable-line') {
      const first = d.type === 'disable-line' ? src.statementStart(d.comment.line) : d.comment.endLine + 1;
      if (first >= src.index.lineCount) return; // after the last line: covers nothing
      const key = src.statementStart(first);
      const s = { d, order, first, last: src.statementEnd(first) };
      const list = lineScopes.get(key);
      if (list) list.push(s);
      else lineScopes.set(key, [s]);
    } else if (d.type === 'disable') {
      for (const id of d.rules.length ? d.rules.map((r) => r.id) : ['*']) {
        const region = { d, start: d.comment.span.end, end: Infinity };
        for (const m of [regions, stillOpen]) {
          const list = m.get(id);
          if (list) list.push(region);
          else m.set(id, [region]);
        }
      }
    } else {
      // enable: closes the matching open regions (all of them when it names no rule).
      const ids = [...new Set(d.rules.map((r) => r.id))];
      let closed = 0;
      const missing: string[] = [];
      for (const id of ids.length ? ids : [...stillOpen.keys()]) {
        const list = stillOpen.get(id);
        if (!list) {
          missing.push(id);
          continue;
        }
        for (const o of list) o.end = d.comment.span.start;
        closed += list.length;
        stillOpen.delete(id);
      }
      if (!closed || (ids.length && missing.length)) {
        unmatched.push({ d, message: `carbonlint-enable${missing.length && ids.length ? ` ${missing.join(', ')}` : ''} has no matching carbonlint-disable above it.` });
      }
    }
  });

  const used = new Map<Directive, Set<string>>();
  const mark = (d: Directive, id: string) => {
    const set = used.get(d);
    if (set) set.add(id);
    else used.set(d, new Set([id]));
  };
  const by: Array<Directive | undefined> = new Array(findings.length);
  // Whole-file scopes cover every finding: which of them name it depends only on its rule (and whether it is a
  // guideline finding), so they are tested once per rule, not once per finding.
  const fileFirst = new Map<string, Scope | null>();
  findings.forEach((f, i) => {
    let best: Scope | undefined;
    if (fileScopes.length) {
      const key = `${f.guidelineId !== null}:${f.ruleId}`;
      let first = fileFirst.get(key);
      if (first === undefined) {
        first = null;
        for (const s of fileScopes) {
          if (!names(s.d, f)) continue;
          mark(s.d, s.d.rules.length ? f.ruleId : '*');
          first ??= s;
        }
        fileFirst.set(key, first);
      }
      if (first) best = first;
    }
    const line = f.range.start.line;
    for (const s of lineScopes.get(src.statementStart(line)) ?? []) {
      if (line < s.first || line > s.last || !names(s.d, f)) continue;
      mark(s.d, s.d.rules.length ? f.ruleId : '*');
      if (!best || s.order < best.order) best = s;
    }
    by[i] = best?.d;
  });
  if (regions.size) coverByRegions(regions, findings, by, mark);
  return { by, used, unmatched };
}

/**
 * Regions come after line and file scopes (a finding they cover is suppressed by a region only when no other
 * directive covers it). Per rule id, the findings it names in offset order against its regions in file order.
 */
function coverByRegions(regions: Map<string, Region[]>, findings: readonly LintFinding[], by: Array<Directive | undefined>, mark: (d: Directive, id: string) => void): void {
  const named = new Map<string, number[]>([['*', []]]);
  findings.forEach((f, i) => {
    if (f.guidelineId !== null) named.get('*')!.push(i);
    if (!regions.has(f.ruleId)) return;
    const list = named.get(f.ruleId);
    if (list) list.push(i);
    else named.set(f.ruleId, [i]);
  });
  const at = (i: number) => findings[i].span.start;
  const byRegion: Array<Region | undefined> = new Array(findings.length);
  for (const [id, rs] of regions) {
    const fs = (named.get(id) ?? []).sort((a, b) => at(a) - at(b) || a - b);
    // A region is used when a finding it names lies within it (the first at or after its start).
    for (const r of rs) {
      let lo = 0;
      let hi = fs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (at(fs[mid]) < r.start) lo = mid + 1;
        else hi = mid;
      }
      if (lo < fs.length && at(fs[lo]) < r.end) mark(r.d, id);
    }
    // The first region covering each finding: as offsets grow, a region that has ended stays ended, so a pointer
    // to the first region not yet ended is the first covering one whenever it has started.
    let p = 0;
    for (const i of fs) {
      const x = at(i);
      while (p < rs.length && rs[p].end <= x) p++;
      const r = rs[p];
      if (!r || r.start > x) continue;
      const prev = byRegion[i];
      if (!prev || r.start < prev.start) byRegion[i] = r;
    }
  }
  for (let i = 0; i < findings.length; i++) by[i] ??= byRegion[i]?.d;
}
