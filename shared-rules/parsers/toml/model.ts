import type { Span } from '../../engine/text';
import type { ParseProblem } from '../diagnostics';

export type TomlValueKind =
  | 'string'
  | 'integer'
  | 'float'
  | 'boolean'
  | 'datetime'
  | 'array'
  | 'inline-table'
  /** Contains Helm/Go/Jinja template text (`{{ … }}`, `{% … %}`): opaque, never a literal. */
  | 'template'
  /** Unparseable value text; a ParseProblem was recorded for it. */
  | 'invalid';

export interface TomlValue {
  kind: TomlValueKind;
  /** Whole value as written, quotes/brackets included. */
  span: Span;
  /** Source text of the value (text.slice(span.start, span.end)). */
  raw: string;
  /**
   * Decoded scalar: strings unescaped (all four string kinds), numbers as JS numbers, booleans as booleans,
   * datetimes as their source text. Undefined for arrays, inline tables, templates and invalid values.
   */
  value?: string | number | boolean;
  /** For strings: the span of the content between the quotes (for in-place rewrites). */
  contentSpan?: Span;
  /** For arrays: the elements in order. */
  items?: TomlValue[];
  /** For inline tables: the entries in order (their `path` is relative to the inline table). */
  entries?: TomlEntry[];
}

export interface TomlKeyPart {
  /** Key name as the product reads it: bare or unescaped quoted content. */
  name: string;
  span: Span;
  quoted: boolean;
}

/** One `key = value` statement. */
export interface TomlEntry {
  /** The key parts as written on this line (dotted keys give several). */
  keyParts: TomlKeyPart[];
  /** From the first key part to the last (the part's own span object for a one-part key: spans are never mutated). */
  keySpan: Span;
  value: TomlValue;
  /** The whole statement, key start to value end (no trailing comment). */
  span: Span;
  /** Effective path: owning table's path + key parts' names. */
  path: string[];
  /** The table (header section) this statement is written under; the root table for top-level keys. */
  table: TomlTable;
}

/** A `[header]` or `[[header]]` section, or the implicit root section before the first header. */
export interface TomlTable {
  path: string[];
  isArray: boolean;
  /** For `[[x]]` sections: 0-based index among the sections with the same path. */
  arrayIndex: number;
  /**
   * The `[[…]]` instance this section is nested in, when there is one: `[a.b]` or `[[a.b]]` written after `[[a]]`
   * belongs to that `[[a]]` instance (e.g. `[event_listener.properties]` under `[[event_listener]]`).
   */
  arrayOwner?: TomlTable;
  /** The header line's `[...]` span; undefined for the root section. */
  headerSpan?: Span;
  /** Statements written in this section, in order. */
  entries: TomlEntry[];
  /**
   * Offset just after the last statement (or header) of this section: where a new key is appended. A trailing
   * comment on that line is included (so an inserted line break does not split it off); trailing blanks are not.
   * The root section's is 0 (1 after a BOM) while it has no statement.
   */
  contentEnd: number;
  /**
   * Key lookup relative to this section (dotted keys flattened): ['a','b'] finds `a.b = 1` here, and also `a = { b = 1 }`
   * (inline-table members are flattened too). The last statement wins.
   */
  get(relPath: readonly string[]): TomlEntry | undefined;
}

export interface TomlDocument {
  text: string;
  /** Root section first, then sections in file order. */
  tables: TomlTable[];
  /** Every statement in file order (including those inside sections; not inline-table members). */
  entries: TomlEntry[];
  problems: ParseProblem[];
  /** Spans of template text (`{{ … }}`, `{% … %}`, `{# … #}`) found in the file. */
  templateSpans: Span[];
  /** True when the file contains any template text. */
  templated: boolean;
}

/** Where a missing key should be written. */
export interface InsertionPoint {
  /**
   * Offset to insert at. With a `table`: its contentEnd (insert a line break, then the key relative to
   * `table.path`). With `needsHeader`: the end of the text (which may lack a final line break), or the start of the
   * line of the `[secrets]` header — moved up over the comment lines directly above it — so that `[secrets]` stays last.
   */
  offset: number;
  /** The existing section to append to, if there is one. */
  table?: TomlTable;
  /** Span to report an absence at: the section header, or the first line of the file. */
  reportSpan: Span;
  /** True when a new `[section]` header must be written before the key. */
  needsHeader: boolean;
}

/**
 * The configuration as the product reads it (config-mapper flattens with dottedKeySet()): `[a.b] c = 1`,
 * `[a] b.c = 1` and `a.b.c = 1` are all the key `a.b.c`. Arrays of tables are kept per instance.
 */
export interface EffectiveConfig {
  /** Last statement writing exactly this path (outside arrays of tables), or undefined. */
  get(path: readonly string[]): TomlEntry | undefined;
  /** True when any statement is written at or below this path (a table counts even when empty). */
  has(path: readonly string[]): boolean;
  /** All statements whose path starts with `prefix` (outside arrays of tables). */
  under(prefix: readonly string[]): TomlEntry[];
  /** Instances of an array of tables, e.g. ['datasource'] → each `[[datasource]]` section. */
  arrayTables(path: readonly string[]): TomlTable[];
  /** The last `[header]` section with exactly this path, if written. */
  table(path: readonly string[]): TomlTable | undefined;
  /**
   * Where a missing key `path` belongs: after the last statement of the closest existing section that can
   * hold it, otherwise at the end of the file (before `[secrets]`, which must stay last) with a new header.
   */
  insertionPoint(path: readonly string[]): InsertionPoint;
}
