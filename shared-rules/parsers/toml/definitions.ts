// What each path was defined as, to report what the product's parser (cava-toml) rejects: a key written twice, a
// table header repeated, a value later used as a table. A tree of Maps keyed by part names (not joined strings) keeps
// this linear even for absurdly long dotted keys.
import type { TomlTable } from './model';

const enum Kind {
  /** Created as a parent of a deeper header or key, not defined itself. */
  Implicit,
  /** Defined by a `[header]`. */
  Table,
  /** Created by a dotted key (`a.b = 1` makes `a` a table). */
  Dotted,
  /** `[[header]]`: `last` is the current instance. */
  Array,
}

export interface Node {
  kind: Kind;
  /** Offset of the defining header or key (for "first defined on line N"). */
  at: number;
  children: Map<string, Entry> | undefined;
  /** Array nodes: the latest instance. */
  last?: Node;
  /** Array instance nodes: the `[[…]]` section that opened it. */
  owner?: TomlTable;
}

/**
 * A child: a table node, or a value, held as just the offset of its key (a leaf needs no object of its own: one
 * allocation fewer per statement).
 */
type Entry = Node | number;

export type Conflict = 'duplicate-key' | 'duplicate-table';
/** Called on a conflict: `at` is the new definition, `prevAt` the earlier one, `path` the conflicting path. */
export type ConflictSink = (kind: Conflict, path: readonly string[], at: number, prevAt: number, detail: string) => void;

const node = (kind: Kind, at: number): Node => ({ kind, at, children: undefined });

function child(parent: Node, name: string): Entry | undefined {
  return parent.children?.get(name);
}

function setChild<T extends Entry>(parent: Node, name: string, n: T): T {
  (parent.children ??= new Map()).set(name, n);
  return n;
}

export class Definitions {
  readonly root: Node = node(Kind.Table, 0);

  constructor(private readonly sink: ConflictSink) {}

  /** A fresh scope for the members of one inline table (they cannot clash with anything outside it). */
  static scope(): Node {
    return node(Kind.Table, 0);
  }

  /**
   * Walks the parents of a header path (creating implicit tables), entering the latest instance of any array of
   * tables on the way. Returns the parent node and the deepest array instance's table.
   */
  private parents(names: readonly string[], at: number): { parent: Node; owner?: TomlTable } {
    let n = this.root;
    let owner: TomlTable | undefined;
    for (let k = 0; k < names.length - 1; k++) {
      let c = child(n, names[k]);
      if (c === undefined) c = setChild(n, names[k], node(Kind.Implicit, at));
      else if (typeof c === 'number') {
        this.sink('duplicate-key', names.slice(0, k + 1), at, c, 'is already defined as a value');
        c = setChild(n, names[k], node(Kind.Implicit, at));
      }
      if (c.kind === Kind.Array && c.last) {
        owner = c.last.owner;
        c = c.last;
      }
      n = c;
    }
    return { parent: n, owner };
  }

  /** Opens `[names]` or `[[names]]`; returns the scope node for its keys and the enclosing array instance, if any. */
  header(names: readonly string[], isArray: boolean, at: number, table: TomlTable): { scope: Node; owner?: TomlTable } {
    const { parent, owner } = this.parents(names, at);
    const name = names[names.length - 1];
    const prev = child(parent, name);
    if (isArray) {
      const inst = node(Kind.Table, at);
      inst.owner = table;
      if (prev !== undefined && typeof prev !== 'number' && prev.kind === Kind.Array) {
        prev.last = inst;
      } else {
        if (typeof prev === 'number') this.sink('duplicate-key', names, at, prev, 'is already defined as a value');
        else if (prev !== undefined) this.sink('duplicate-table', names, at, prev.at, 'is already defined as a table');
        const arr = setChild(parent, name, node(Kind.Array, at));
        arr.last = inst;
      }
      return { scope: inst, owner };
    }
    if (prev === undefined) return { scope: setChild(parent, name, node(Kind.Table, at)), owner };
    if (typeof prev === 'number') {
      this.sink('duplicate-key', names, at, prev, 'is already defined as a value');
      return { scope: setChild(parent, name, node(Kind.Table, at)), owner };
    }
    switch (prev.kind) {
      case Kind.Implicit:
        prev.kind = Kind.Table;
        prev.at = at;
        return { scope: prev, owner };
      case Kind.Table:
      case Kind.Dotted:
        this.sink('duplicate-table', names, at, prev.at, 'is already defined');
        return { scope: prev, owner };
      default:
        this.sink('duplicate-table', names, at, prev.at, 'is already defined as an array of tables');
        return { scope: setChild(parent, name, node(Kind.Table, at)), owner };
    }
  }

  /**
   * Defines the (dotted) key `fullPath.slice(first)` in `scope`; the parts before `first` (the section's path) are
   * only used for messages. Read in place: no array of the key's own names is made per statement.
   */
  key(scope: Node, fullPath: readonly string[], first: number, at: number): void {
    let n = scope;
    let reported = false;
    const lastIndex = fullPath.length - 1;
    for (let k = first; k < lastIndex; k++) {
      let c = child(n, fullPath[k]);
      if (c === undefined) c = setChild(n, fullPath[k], node(Kind.Dotted, at));
      else if (typeof c === 'number') {
        this.sink('duplicate-key', fullPath.slice(0, k + 1), at, c, 'is already defined as a value');
        c = setChild(n, fullPath[k], node(Kind.Dotted, at));
      } else if (!reported && (c.kind === Kind.Table || c.kind === Kind.Implicit || c.kind === Kind.Array)) {
        reported = true; // once per key: its deeper parts are in the same table
        // TOML 1.0: a dotted key may not add to a table a header defined (or implied), nor to an array of tables.
        const what = c.kind === Kind.Array ? 'is an array of tables' : c.kind === Kind.Table ? 'is already defined by a table header' : 'is already implied by a table header';
        this.sink('duplicate-table', fullPath.slice(0, k + 1), at, c.at, `${what}: a dotted key cannot add to it`);
      }
      if (c.kind === Kind.Array && c.last) c = c.last;
      n = c;
    }
    const name = fullPath[lastIndex];
    const prev = child(n, name);
    if (typeof prev === 'number') this.sink('duplicate-key', fullPath, at, prev, 'is already defined');
    else if (prev !== undefined) this.sink('duplicate-key', fullPath, at, prev.at, 'is already defined as a table');
    setChild(n, name, at);
  }
}
