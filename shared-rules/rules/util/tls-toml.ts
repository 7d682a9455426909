// deployment.toml helpers for the TLS rules: list values with per-item source offsets, style-preserving list
// rewrites, key and block insertion, and reading keys of one [[array-of-tables]] instance.
import type { EffectiveConfig, TomlDocument, TomlEntry, TomlTable, TomlValue } from '../../parsers/toml/model';
import type { RuleContext } from '../../engine/rule';
import { eolOf, type OffsetEdit, type Span } from '../../engine/text';
import type { ListItem } from '../../data/tls/protocol-lists';
import { literalString, pathText } from './toml';

/** A string or array value as a list of names, with offsets into the file. */
export interface SourceList {
  entry: TomlEntry;
  kind: 'string' | 'array';
  /** For strings: the decoded text; items' offsets are into it (add `base` for file offsets when `exact`). */
  text: string;
  items: ListItem[];
  /** Item spans in the file (the whole value when the string has escapes). */
  spans: Span[];
  /** False when an array item is not a literal string (then no rewrite is offered). */
  literal: boolean;
}

/** Reads a literal string (split by `split`) or a TOML array of literal strings. Undefined for anything else. */
export function sourceList(text: string, entry: TomlEntry, split: (s: string) => ListItem[]): SourceList | undefined {
  const v = entry.value;
  if (v.kind === 'array') {
    const items: ListItem[] = [];
    const spans: Span[] = [];
    let literal = true;
    for (const it of v.items ?? []) {
      const s = literalString(it);
      if (s === undefined) { literal = false; continue; }
      for (const part of split(s)) {
        items.push(part);
        spans.push(it.contentSpan && text.slice(it.contentSpan.start, it.contentSpan.end) === s
          ? { start: it.contentSpan.start + part.start, end: it.contentSpan.start + part.end } : it.span);
      }
    }
    return { entry, kind: 'array', text: '', items, spans, literal };
  }
  const s = literalString(v);
  if (s === undefined) return undefined;
  const items = split(s);
  const exact = v.contentSpan !== undefined && text.slice(v.contentSpan.start, v.contentSpan.end) === s;
  const base = v.contentSpan?.start ?? 0;
  const spans = items.map((i) => (exact ? { start: base + i.start, end: base + i.end } : v.span));
  return { entry, kind: 'string', text: s, items, spans, literal: true };
}

/** The separator the list was written with between its first two items (", " or ","), else `fallback`. */
function separatorOf(list: SourceList, fallback: string): string {
  if (list.kind === 'string' && list.items.length >= 2) return list.text.slice(list.items[0].end, list.items[1].start);
  return fallback;
}

/** An edit that makes a string list hold `names`, keeping its quotes, separator and surrounding whitespace. */
export function rewriteStringList(list: SourceList, names: readonly string[], fallbackSep = ','): OffsetEdit {
  const v = list.entry.value;
  const sep = separatorOf(list, fallbackSep);
  const first = list.items[0];
  const last = list.items[list.items.length - 1];
  const prefix = first ? list.text.slice(0, first.start) : '';
  const suffix = last ? list.text.slice(last.end) : '';
  const content = prefix + names.join(sep) + suffix;
  const cs = v.contentSpan;
  if (cs && (v.raw.startsWith('"""') || v.raw.startsWith("'''"))) {
    // Multi-line strings stay multi-line; TOML drops a newline right after the opening quotes, so keep it.
    const q = v.raw.slice(0, 3);
    const lead = /^\r?\n/.exec(v.raw.slice(3))?.[0] ?? '';
    if (!content.includes(q) && !content.includes('\\') && !content.endsWith(q[0])) return { ...cs, newText: lead + content };
  } else if (cs && v.raw.startsWith('"') && !/["\\\n]/.test(content)) return { ...cs, newText: content };
  else if (cs && v.raw.startsWith("'") && !/['\n]/.test(content)) return { ...cs, newText: content };
  return { start: v.span.start, end: v.span.end, newText: JSON.stringify(content) };
}

/** A TOML array of strings in the style of `like` (quote character, separator), or `["a", "b"]`. */
export function renderArray(names: readonly string[], like?: TomlValue): string {
  const items = like?.items ?? [];
  const q = items[0]?.raw.startsWith("'") ? "'" : '"';
  const sep = items.length >= 2 && like ? like.raw.slice(items[0].span.end - like.span.start, items[1].span.start - like.span.start) : ', ';
  return `[${names.map((n) => q + n + q).join(/^\s*,\s*$/.test(sep) && !sep.includes('\n') ? sep : ', ')}]`;
}

function newBlock(text: string, offset: number, lines: string[]): OffsetEdit {
  const eol = eolOf(text);
  const block = lines.join(eol) + eol;
  const atLineStart = offset === 0 || text[offset - 1] === '\n';
  if (offset >= text.length) {
    const lead = text.length === 0 ? '' : (atLineStart ? '' : eol) + eol;
    return { start: offset, end: offset, newText: lead + block };
  }
  // Before an existing line (e.g. before [secrets], which must stay last).
  return { start: offset, end: offset, newText: (atLineStart ? '' : eol) + block + eol };
}

function inArray(t: TomlTable): boolean {
  return t.isArray || t.arrayOwner !== undefined;
}

/**
 * True when a value (scalar, array or inline table) already sits at a strict prefix of `path` — or at `path` itself
 * when `inclusive` — so no key or table can be added there without redefining it (invalid TOML).
 */
export function occupied(config: EffectiveConfig, path: readonly string[], inclusive = false): boolean {
  for (let i = 1; i < path.length + (inclusive ? 1 : 0); i++) if (config.get(path.slice(0, i))) return true;
  return false;
}

/**
 * Inserts `path = value` where config-mapper will read it: into the section that already holds the path's parent
 * (with the key made relative to it, so `[transport.https] properties.x` files get `properties.server`), else into
 * the existing `section`, else as a new `[section]` at the end of the file (before [secrets]).
 */
export function insertKey(text: string, config: EffectiveConfig, path: readonly string[], valueText: string, section: readonly string[]): OffsetEdit | undefined {
  if (occupied(config, path)) return undefined;
  const eol = eolOf(text);
  const at = config.insertionPoint(path);
  if (!at.needsHeader && at.table && at.table.path.length > 0) {
    return { start: at.offset, end: at.offset, newText: `${eol}${pathText(path.slice(at.table.path.length))} = ${valueText}` };
  }
  const existing = config.table(section);
  if (existing && !inArray(existing)) {
    return { start: existing.contentEnd, end: existing.contentEnd, newText: `${eol}${pathText(path.slice(section.length))} = ${valueText}` };
  }
  return newBlock(text, at.offset, [`[${pathText(section)}]`, `${pathText(path.slice(section.length))} = ${valueText}`]);
}

/**
 * Appends whole lines (e.g. `[[tomcat.filter]]` blocks) at the end of the file, before [secrets]; undefined when a
 * value already occupies one of the `arrays` paths the block appends to.
 */
export function appendBlock(text: string, config: EffectiveConfig, lines: string[], arrays: ReadonlyArray<readonly string[]> = []): OffsetEdit | undefined {
  if (arrays.some((a) => occupied(config, a, true) || config.table(a))) return undefined;
  // A path whose parent no file can hold resolves to "end of file, before [secrets]".
  const at = config.insertionPoint(['\u0000carbonlint', 'end']);
  return newBlock(text, at.offset, lines);
}

/** A fix's edits only when every one of them can be made (a partial fix would leave the finding half-fixed). */
export function allEdits(edits: ReadonlyArray<OffsetEdit | undefined>): OffsetEdit[] | undefined {
  return edits.length > 0 && edits.every((e) => e !== undefined) ? (edits as OffsetEdit[]) : undefined;
}

/** Key `rel` of one `[[x]]` instance, whether written in it (`init_params.a = 1`) or in a sub-table after it. */
export function instanceGet(doc: TomlDocument, instance: TomlTable, rel: readonly string[]): TomlEntry | undefined {
  let found = instance.get(rel);
  for (const t of doc.tables) {
    if (t.arrayOwner !== instance || t.isArray) continue;
    const sub = t.path.slice(instance.path.length);
    if (sub.length > 0 && sub.length < rel.length && sub.every((p, i) => p === rel[i])) found = t.get(rel.slice(sub.length)) ?? found;
  }
  return found;
}

/** The sub-table `[x.rel]` written for one `[[x]]` instance, if any. */
export function instanceTable(doc: TomlDocument, instance: TomlTable, rel: readonly string[]): TomlTable | undefined {
  return doc.tables.find((t) => t.arrayOwner === instance && !t.isArray && t.path.length === instance.path.length + rel.length
    && rel.every((p, i) => t.path[instance.path.length + i] === p));
}

/** A literal boolean, or a "true"/"false" string (values end up as XML text). */
export function literalBool(v: TomlValue | undefined): boolean | undefined {
  if (v?.kind === 'boolean') return v.value as boolean;
  const s = literalString(v)?.trim().toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

/** A literal integer, or a string holding one. */
export function literalInt(v: TomlValue | undefined): number | undefined {
  if (v?.kind === 'integer') return v.value as number;
  const s = literalString(v)?.trim();
  return s !== undefined && /^-?\d+$/.test(s) ? Number(s) : undefined;
}

/**
 * Whether absent keys may be reported: a whole product deployment.toml (it has `[server]`), not a snippet, and
 * not a Helm/Jinja template (only its literal text is judged). The product must be known, to know its defaults.
 */
export function isFullProductFile(ctx: RuleContext<'toml'>): boolean {
  const { doc, config } = ctx.model;
  return ctx.product.product !== 'unknown' && !doc.templated && config.has(['server']);
}
