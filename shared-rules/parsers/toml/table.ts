// A section (`[x]`, `[[x]]` or the root). Its flattened key index is built on the first get(): most sections are
// never queried directly (rules go through the EffectiveConfig), so the common path pays nothing for it.
import type { Span } from '../../engine/text';
import type { TomlEntry, TomlTable } from './model';

export const JOIN = '\u0000';

/** Calls `visit` for an entry and, through inline tables, each member, with its path relative to `prefix`. */
export function flatten(entry: TomlEntry, prefix: readonly string[], visit: (path: string[], entry: TomlEntry) => void): void {
  const path = prefix.length === 0 ? entry.keyParts.map((p) => p.name) : prefix.concat(entry.keyParts.map((p) => p.name));
  visit(path, entry);
  const members = entry.value.kind === 'inline-table' ? entry.value.entries : undefined;
  if (members) for (const m of members) flatten(m, path, visit);
}

export class Table implements TomlTable {
  readonly entries: TomlEntry[] = [];
  arrayOwner?: TomlTable;
  private index: Map<string, TomlEntry> | undefined;

  constructor(
    readonly path: string[],
    readonly isArray: boolean,
    readonly arrayIndex: number,
    public contentEnd: number,
    readonly headerSpan?: Span,
  ) {}

  get(relPath: readonly string[]): TomlEntry | undefined {
    if (this.index === undefined) {
      const index = new Map<string, TomlEntry>();
      for (const e of this.entries) flatten(e, [], (path, entry) => index.set(path.join(JOIN), entry));
      this.index = index;
    }
    return this.index.get(relPath.join(JOIN));
  }
}
