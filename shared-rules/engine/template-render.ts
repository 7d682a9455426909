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

const OPEN = 123; // {

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
  // The rendering's length so far, and the tags the TOML parser will find in it while they are known (tagsKnown).
  let v = 0;
  let found: Span[] | undefined = !subs?.size && tagsKnown(text, scan, stand) ? [] : undefined;
  let lastKept = -1; // the source offset of the rendering's last character so far
  let ti = 0;
  const emit = (a: number, b: number) => {
    // Where two kept stretches meet, a `{` and the next character could make an opener the template does not have.
    if (found && a < b && isOpenerAt(text, lastKept, a)) found = undefined;
    while (ti < tags.length && tags[ti].end <= a) ti++;
    for (; ti < tags.length && tags[ti].start < b; ti++) {
      const t = tags[ti];
      if (t.start < a || t.end > b) {
        found = undefined; // a tag that straddles a seam was part of a dropped stretch
        continue;
      }
      const sub = subs?.get(ti);
      // A tag kept as written stays inside the kept stretch (a Helm TOML rendering copies whole stretches at once).
      if (sub === undefined && stand[ti] === undefined) {
        found?.push({ start: v + t.start - a, end: v + t.end - a });
        continue;
      }
      vb.keep(a, t.start);
      v += t.start - a;
      if (sub !== undefined) {
        vb.substitute(t.start, t.end, sub);
        v += sub.length;
      } else {
        vb.replace(t.start, stand[ti]!);
        v += t.end - t.start;
      }
      a = t.end;
    }
    vb.keep(a, b);
    v += b - a;
    if (b > a) lastKept = b - 1;
  };
  let pos = 0;
  for (const d of drops) {
    if (d.end <= pos) continue;
    if (d.start > pos) emit(pos, d.start);
    pos = Math.max(pos, d.end);
  }
  emit(pos, text.length);
  const doc = vb.build();
  if (found) KNOWN_TAGS.set(doc, found);
  return doc;
}

const KNOWN_TAGS = new WeakMap<VirtualDocument, readonly Span[]>();

/**
 * The template tags findTemplates finds in a rendering's text, when the renderer knows them: its kept tags, where
 * every tag is kept as written (Helm/Jinja TOML), none spans lines, no opener (`{{`, `{%`, `{#`) lies outside a
 * tag, and no seam makes one. Undefined: not known (the parser looks for them).
 */
export function knownTags(doc: VirtualDocument): readonly Span[] | undefined {
  return KNOWN_TAGS.get(doc);
}

const PCT = 37;
const HASH = 35;

/** Whether the `{` at `at` (if it is one) and the character at `next` make a template opener. */
function isOpenerAt(text: string, at: number, next: number): boolean {
  if (at < 0 || text.charCodeAt(at) !== OPEN) return false;
  const c = text.charCodeAt(next);
  return c === OPEN || c === PCT || c === HASH;
}

/** Per stand-in set: whether its renderings' tags are known (knownTags), decided once from the template's text. */
const TAGS_KNOWN = new WeakMap<readonly StandIn[], boolean>();
function tagsKnown(text: string, scan: TemplateScan, stand: readonly StandIn[]): boolean {
  let known = TAGS_KNOWN.get(stand);
  if (known === undefined) {
    known = stand.every((x) => x === undefined) && scan.tags.every((t) => !/[\r\n]/.test(text.slice(t.start, t.end))) && !openerOutsideTags(text, scan);
    TAGS_KNOWN.set(stand, known);
  }
  return known;
}

/** Whether some `{` outside every tag starts an opener (one findTemplates left as text: no closer, or in a comment). */
function openerOutsideTags(text: string, scan: TemplateScan): boolean {
  let ti = 0;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) {
    while (ti < scan.tags.length && scan.tags[ti].end <= i) ti++;
    const t = scan.tags[ti];
    if (t && t.start <= i) {
      i = t.end - 1; // inside a tag
      continue;
    }
    if (isOpenerAt(text, i, i + 1)) return true;
  }
  return false;
}
