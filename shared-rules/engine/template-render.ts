// One rendering of a template (template-lint.ts): the chosen branch of every active chain kept, the other branches
// and the chains' tags dropped, the remaining tags made opaque or replaced by resolved values.
import type { Span } from './text';
import type { TagRole } from '../parsers/toml/templates';
import { VirtualBuilder, type VirtualDocument } from './virtual';
import type { TemplateScan } from './template-scan';

/** Same-length Go-style text for an ERB tag, so the TOML parser treats it as it treats Helm and Jinja tags. */
function erbAsCurly(tagText: string, role: TagRole): string {
  const inner = tagText.slice(2, -2);
  if (role === 'output') return `{{${inner}}}`;
  if (role === 'comment') return `{#${inner}#}`;
  return `{%${inner}%}`;
}

/** Opaque stand-in for template output in files whose parser knows no templates: an unknown `${…}` reference. */
function filler(n: number): string {
  return n >= 4 ? `\${${'_'.repeat(n - 3)}}` : '_'.repeat(n);
}

const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');

/** A tag's stand-in: the text it becomes where it is kept; undefined, the tag as written. */
export type StandIn = string | undefined;

/**
 * What each tag becomes where it is kept: `native` (the kind's parser knows template tags: TOML), the tag as written
 * (ERB as same-length Go-style); otherwise output becomes an unknown reference and other tags blanks.
 */
export function standIns(text: string, scan: TemplateScan, native: boolean, erb: boolean): StandIn[] {
  return scan.tags.map((t) => {
    if (native && !erb) return undefined;
    const src = text.slice(t.start, t.end);
    if (native) return erbAsCurly(src, t.role);
    return t.role === 'output' ? filler(src.length) : blank(src);
  });
}

/** What a rendering may drop: a chain's tags (`branch` -1) and its branches' bodies; by start, once per scan. */
interface Piece extends Span {
  chain: number;
  branch: number;
}
const PIECES = new WeakMap<TemplateScan, Piece[]>();
function piecesOf(scan: TemplateScan): Piece[] {
  let out = PIECES.get(scan);
  if (out) return out;
  const { tags, chains } = scan;
  out = [];
  chains.forEach((c, ci) => {
    c.branches.forEach((b, bi) => {
      out!.push({ start: tags[b.tag].start, end: tags[b.tag].end, chain: ci, branch: -1 });
      out!.push({ start: b.bodyStart, end: b.bodyEnd, chain: ci, branch: bi });
    });
    out!.push({ start: tags[c.endTag].start, end: tags[c.endTag].end, chain: ci, branch: -1 });
  });
  // Pieces that start together may come in any order: a rendering drops up to the furthest end of them.
  out.sort((a, b) => a.start - b.start);
  PIECES.set(scan, out);
  return out;
}

/**
 * Renders `choice` (undefined: every branch kept, tags opaque) with each kept tag replaced by its stand-in
 * (`standIns`, same length) or by its resolved value (`subs`, by tag index).
 */
export function render(text: string, scan: TemplateScan, choice: Int32Array | undefined, stand: readonly StandIn[], subs?: ReadonlyMap<number, string>): VirtualDocument {
  const { tags, chains } = scan;
  const drops: Span[] = [];
  if (choice) {
    const active = new Uint8Array(chains.length);
    chains.forEach((c, ci) => {
      active[ci] = !c.parent || (active[c.parent.chain] && choice[c.parent.chain] === c.parent.branch) ? 1 : 0;
    });
    // An active chain's tags and its other branches' bodies, in the order of the scan's pieces (sorted once).
    for (const d of piecesOf(scan)) if (active[d.chain] && d.branch !== choice[d.chain]) drops.push(d);
  }
  const vb = new VirtualBuilder(text);
  let ti = 0;
  const emit = (a: number, b: number) => {
    while (ti < tags.length && tags[ti].end <= a) ti++;
    for (; ti < tags.length && tags[ti].start < b; ti++) {
      const t = tags[ti];
      if (t.start < a || t.end > b) continue; // a tag that straddles a seam was part of a dropped stretch
      const sub = subs?.get(ti);
      // A tag kept as written stays inside the kept stretch (a Helm TOML rendering copies whole stretches at once).
      if (sub === undefined && stand[ti] === undefined) continue;
      vb.keep(a, t.start);
      if (sub !== undefined) vb.substitute(t.start, t.end, sub);
      else vb.replace(t.start, stand[ti]!);
      a = t.end;
    }
    vb.keep(a, b);
  };
  let pos = 0;
  for (const d of drops) {
    if (d.end <= pos) continue;
    if (d.start > pos) emit(pos, d.start);
    pos = Math.max(pos, d.end);
  }
  emit(pos, text.length);
  return vb.build();
}
