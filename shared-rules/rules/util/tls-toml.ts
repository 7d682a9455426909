// deployment.toml helpers for the TLS rules: list values with per-item source offsets, style-preserving list
// rewrites, block insertion, and reading keys of one [[array-of-tables]] instance.
import type { EffectiveConfig, TomlDocument, TomlEntry, TomlTable, TomlValue } from '../../parsers/toml/model';
import type { OffsetEdit, Span } from '../../engine/text';
import type { ListItem } from '../../data/tls/protocol-lists';
import { insertBlock, literalString, occupied, pathText, replaceValue } from './toml';

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
  return replaceValue(list.entry, JSON.stringify(content));
}

/** A TOML array of strings in the style of `like` (quote character, separator), or `["a", "b"]`. */
export function renderArray(names: readonly string[], like?: TomlValue): string {
  const items = like?.items ?? [];
  const q = items[0]?.raw.startsWith("'") ? "'" : '"';
  const sep = items.length >= 2 && like ? like.raw.slice(items[0].span.end - like.span.start, items[1].span.start - like.span.start) : ', ';
  return `[${names.map((n) => q + n + q).join(/^\s*,\s*$/.test(sep) && !sep.includes('\n') ? sep : ', ')}]`;
}

/** How a message names a key and the table a fix writes it into: "[transport.http] listener.secured_protocols". */
export function keyInSection(path: readonly string[], section: readonly string[]): string {
  return `[${pathText(section)}] ${pathText(path.slice(section.length))}`;
}

/**
 * Appends whole lines (e.g. `[[tomcat.filter]]` blocks) at the end of the file, before [secrets]; undefined when a
 * value already occupies one of the `arrays` paths the block appends to.
 */
export function appendBlock(text: string, config: EffectiveConfig, lines: string[], arrays: ReadonlyArray<readonly string[]> = []): OffsetEdit | undefined {
  if (arrays.some((a) => occupied(config, a, true) || config.table(a))) return undefined;
  // A path whose parent no file can hold resolves to "end of file, before [secrets]".
  const at = config.insertionPoint(['\u0000carbonlint', 'end']);
  return insertBlock(text, at.offset, lines);
}

/** A fix's edits only when every one of them can be made (a partial fix would leave the finding half-fixed). */
export function allEdits(edits: ReadonlyArray<OffsetEdit | undefined>): OffsetEdit[] | undefined {
  return edits.length > 0 && edits.every((e) => e !== undefined) ? (edits as OffsetEdit[]) : undefined;
}

// The sub-tables (`[x.y]`, not `[[…]]`) written for each `[[x]]` instance, in file order, indexed once per document:
// scanning every table for every instance was quadratic in a file of many instances.
const subTablesByDoc = new WeakMap<TomlDocument, Map<TomlTable, TomlTable[]>>();

function subTables(doc: TomlDocument, instance: TomlTable): readonly TomlTable[] {
  let index = subTablesByDoc.get(doc);
  if (!index) {
    index = new Map();
    for (const t of doc.tables) {
      if (!t.arrayOwner || t.isArray) continue;
      const list = index.get(t.arrayOwner);
      if (list) list.push(t);
      else index.set(t.arrayOwner, [t]);
    }
    subTablesByDoc.set(doc, index);
  }
  return index.get(instance) ?? [];
}

/** Key `rel` of one `[[x]]` instance, whether written in it (`init_params.a = 1`) or in a sub-table after it. */
export function instanceGet(doc: TomlDocument, instance: TomlTable, rel: readonly string[]): TomlEntry | undefined {
  let found = instance.get(rel);
  for (const t of subTables(doc, instance)) {
    const sub = t.path.slice(instance.path.length);
    if (sub.length > 0 && sub.length < rel.length && sub.every((p, i) => p === rel[i])) found = t.get(rel.slice(sub.length)) ?? found;
  }
  return found;
}

/** The sub-table `[x.rel]` written for one `[[x]]` instance, if any. */
export function instanceTable(doc: TomlDocument, instance: TomlTable, rel: readonly string[]): TomlTable | undefined {
  return subTables(doc, instance).find((t) => t.path.length === instance.path.length + rel.length
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
