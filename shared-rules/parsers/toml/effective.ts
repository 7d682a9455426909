// The configuration as the product reads it: config-mapper flattens every key to its full dotted path, so `[a.b] c`,
// `[a] b.c` and `a.b.c` are one key. Built in one linear pass over the sections and statements, in file order
// (last write wins).
//
// The index is a tree of Maps keyed by path part, not a Map of '\u0000'-joined paths: joining and hashing a fresh
// string per statement cost twice as much (measured), while part strings are shared by all statements of a section
// and their hashes are cached. Parts are compared whole, so names containing dots (quoted keys) stay distinct.
//
// Conventions:
// - inline-table members are flattened too (`a = { b = 1 }` is readable as get(['a','b'])); the member entry's own
//   `path` stays relative to its inline table, as the model says;
// - "inside an array of tables" means written in a `[[x]]` section or in a section nested in one (`arrayOwner`);
//   those statements are only reachable through arrayTables(), but has() sees them;
// - under() returns every statement written at or below the prefix, in file order (duplicates included);
// - table([]) is the root section.
import type { Span } from '../../engine/text';
import type { EffectiveConfig, InsertionPoint, TomlDocument, TomlEntry, TomlTable } from './model';

interface PathNode {
  children: Map<string, PathNode> | undefined;
  /** Last statement writing exactly this path, outside arrays of tables. */
  entry: TomlEntry | undefined;
  /** Earlier statements writing exactly this path (duplicates), in file order. */
  earlier: TomlEntry[] | undefined;
  /** Last `[header]` with exactly this path. */
  table: TomlTable | undefined;
  arrays: TomlTable[] | undefined;
  /** The section whose dotted keys last wrote this path as a table (`[a] b.c = 1` → a.b is written in [a]). */
  dottedIn: TomlTable | undefined;
}

function pathNode(): PathNode {
  return { children: undefined, entry: undefined, earlier: undefined, table: undefined, arrays: undefined, dottedIn: undefined };
}

function isInArray(t: TomlTable): boolean {
  return t.isArray || t.arrayOwner !== undefined;
}

function child(n: PathNode, name: string): PathNode {
  let c = n.children?.get(name);
  if (c === undefined) {
    c = pathNode();
    (n.children ??= new Map()).set(name, c);
  }
  return c;
}

function walk(n: PathNode, path: readonly string[]): PathNode {
  for (let d = 0; d < path.length; d++) n = child(n, path[d]);
  return n;
}

class Effective implements EffectiveConfig {
  private readonly root = pathNode();

  constructor(private readonly doc: TomlDocument) {
    const nodes = new Map<TomlTable, PathNode>();
    nodes.set(doc.tables[0], this.root);
    for (const t of doc.tables) {
      if (t.headerSpan === undefined) continue; // the root section
      const n = walk(this.root, t.path);
      nodes.set(t, n);
      if (t.isArray) (n.arrays ??= []).push(t);
      else n.table = t;
    }
    for (const e of doc.entries) {
      const inArray = isInArray(e.table);
      // Start from the section's node: only the key parts are walked.
      let n = nodes.get(e.table) ?? walk(this.root, e.table.path);
      const parts = e.keyParts;
      for (let d = 0; d < parts.length; d++) {
        n = child(n, parts[d].name);
        if (d < parts.length - 1 && !inArray) n.dottedIn = e.table;
      }
      if (inArray) continue;
      this.record(n, e);
      if (e.value.kind === 'inline-table') this.members(n, e);
    }
  }

  private record(n: PathNode, e: TomlEntry): void {
    if (n.entry !== undefined) (n.earlier ??= []).push(n.entry);
    n.entry = e;
  }

  private members(n: PathNode, e: TomlEntry): void {
    for (const m of e.value.entries ?? []) {
      let c = n;
      for (const p of m.keyParts) c = child(c, p.name);
      this.record(c, m);
      if (m.value.kind === 'inline-table') this.members(c, m);
    }
  }

  private find(path: readonly string[]): PathNode | undefined {
    let n: PathNode | undefined = this.root;
    for (let d = 0; d < path.length && n !== undefined; d++) n = n.children?.get(path[d]);
    return n;
  }

  get(path: readonly string[]): TomlEntry | undefined {
    return this.find(path)?.entry;
  }

  has(path: readonly string[]): boolean {
    const n = this.find(path);
    return n !== undefined && (path.length > 0 || n.children !== undefined);
  }

  under(prefix: readonly string[]): TomlEntry[] {
    const n = this.find(prefix);
    if (n === undefined) return [];
    const out: TomlEntry[] = [];
    const stack: PathNode[] = [n];
    while (stack.length > 0) {
      const m = stack.pop() as PathNode;
      if (m.earlier) for (const e of m.earlier) out.push(e);
      if (m.entry) out.push(m.entry);
      if (m.children) for (const c of m.children.values()) stack.push(c);
    }
    // File order; an inline table's members start after it, so they follow it.
    return out.sort((a, b) => a.span.start - b.span.start);
  }

  arrayTables(path: readonly string[]): TomlTable[] {
    return this.find(path)?.arrays?.slice() ?? [];
  }

  table(path: readonly string[]): TomlTable | undefined {
    return path.length === 0 ? this.doc.tables[0] : this.find(path)?.table;
  }

  insertionPoint(path: readonly string[]): InsertionPoint {
    const parent = path.slice(0, -1);
    if (parent.length === 0) return this.appendTo(this.doc.tables[0]);
    const n = this.find(parent);
    if (n?.table && !isInArray(n.table)) return this.appendTo(n.table);
    // `[a] b.c = 1` already writes a.b: append a.b.* next to it (a `[a.b]` header would redefine the table).
    if (n?.dottedIn) return this.appendTo(n.dottedIn);
    const secrets = this.find(['secrets'])?.table;
    return {
      offset: secrets?.headerSpan ? this.blockStart(secrets.headerSpan.start) : this.doc.text.length,
      reportSpan: this.firstLine(),
      needsHeader: true,
    };
  }

  private appendTo(table: TomlTable): InsertionPoint {
    return { offset: table.contentEnd, table, reportSpan: table.headerSpan ?? this.firstLine(), needsHeader: false };
  }

  private firstLine(): Span {
    const text = this.doc.text;
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    return { start, end };
  }

  /** Start of the line holding `offset`, moved up over the comment lines directly above it (they describe it). */
  private blockStart(offset: number): number {
    const text = this.doc.text;
    let start = text.lastIndexOf('\n', offset - 1) + 1;
    while (start > 0) {
      const prev = text.lastIndexOf('\n', start - 2) + 1;
      if (!text.slice(prev, start).trimStart().startsWith('#')) break;
      start = prev;
    }
    return start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
  }
}

/** The effective configuration of a parsed file (one linear pass; nothing is shared between views). */
export function effectiveConfig(doc: TomlDocument): EffectiveConfig {
  return new Effective(doc);
}
