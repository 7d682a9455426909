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
import { blockStart, type Span } from '../../engine/text';
import type { EffectiveConfig, InsertionPoint, TomlDocument, TomlEntry, TomlTable } from './model';

interface PathNode {
  /** Tables below this path (headers, dotted-key prefixes, inline tables). */
  children: Map<string, PathNode> | undefined;
  /** Last statement writing each key directly below this path, outside arrays of tables. */
  values: Map<string, TomlEntry> | undefined;
  /** Earlier statements writing the same key (duplicates), in file order: rare. */
  earlier: Map<string, TomlEntry[]> | undefined;
  /** Keys written directly below this path inside arrays of tables (only has() sees them). */
  arrayKeys: Set<string> | undefined;
  /** Last `[header]` with exactly this path. */
  table: TomlTable | undefined;
  arrays: TomlTable[] | undefined;
  /** The section whose dotted keys last wrote this path as a table (`[a] b.c = 1` → a.b is written in [a]). */
  dottedIn: TomlTable | undefined;
}

// Values live in their parent's `values` map rather than in nodes of their own: one node per table, not per key.
function pathNode(): PathNode {
  return {
    children: undefined,
    values: undefined,
    earlier: undefined,
    arrayKeys: undefined,
    table: undefined,
    arrays: undefined,
    dottedIn: undefined,
  };
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
    // Sections in file order, each with its own statements: that is file order for the statements too.
    for (const t of doc.tables) {
      const n = t.headerSpan === undefined ? this.root : walk(this.root, t.path);
      if (t.headerSpan !== undefined) {
        if (t.isArray) (n.arrays ??= []).push(t);
        else n.table = t;
      }
      const inArray = isInArray(t);
      for (const e of t.entries) {
        let c = n;
        const parts = e.keyParts;
        const last = parts.length - 1;
        for (let d = 0; d < last; d++) {
          c = child(c, parts[d].name);
          if (!inArray) c.dottedIn = t;
        }
        if (inArray) (c.arrayKeys ??= new Set()).add(parts[last].name);
        else this.record(c, parts[last].name, e);
      }
    }
  }

  private record(n: PathNode, name: string, e: TomlEntry): void {
    const values = (n.values ??= new Map());
    const prev = values.get(name);
    if (prev !== undefined) {
      const earlier = (n.earlier ??= new Map());
      const list = earlier.get(name);
      if (list) list.push(prev);
      else earlier.set(name, [prev]);
    }
    values.set(name, e);
    if (e.value.kind === 'inline-table') {
      const c = child(n, name);
      for (const m of e.value.entries ?? []) {
        let d = c;
        const parts = m.keyParts;
        for (let k = 0; k < parts.length - 1; k++) d = child(d, parts[k].name);
        this.record(d, parts[parts.length - 1].name, m);
      }
    }
  }

  private find(path: readonly string[], length = path.length): PathNode | undefined {
    let n: PathNode | undefined = this.root;
    for (let d = 0; d < length && n !== undefined; d++) n = n.children?.get(path[d]);
    return n;
  }

  get(path: readonly string[]): TomlEntry | undefined {
    if (path.length === 0) return undefined;
    return this.find(path, path.length - 1)?.values?.get(path[path.length - 1]);
  }

  has(path: readonly string[]): boolean {
    if (path.length === 0) return this.root.children !== undefined || this.root.values !== undefined || this.root.arrayKeys !== undefined;
    const parent = this.find(path, path.length - 1);
    if (parent === undefined) return false;
    const name = path[path.length - 1];
    return parent.children?.has(name) === true || parent.values?.has(name) === true || parent.arrayKeys?.has(name) === true;
  }

  under(prefix: readonly string[]): TomlEntry[] {
    const out: TomlEntry[] = [];
    const collect = (n: PathNode | undefined, name: string) => {
      const e = n?.values?.get(name);
      if (e === undefined) return;
      for (const x of n?.earlier?.get(name) ?? []) out.push(x);
      out.push(e);
    };
    if (prefix.length > 0) collect(this.find(prefix, prefix.length - 1), prefix[prefix.length - 1]);
    const stack: PathNode[] = [];
    const start = this.find(prefix);
    if (start) stack.push(start);
    while (stack.length > 0) {
      const m = stack.pop() as PathNode;
      if (m.values) for (const name of m.values.keys()) collect(m, name);
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
      offset: secrets?.headerSpan ? blockStart(this.doc.text, secrets.headerSpan.start) : this.doc.text.length,
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
}

/** The effective configuration of a parsed file (one linear pass; nothing is shared between views). */
export function effectiveConfig(doc: TomlDocument): EffectiveConfig {
  return new Effective(doc);
}
