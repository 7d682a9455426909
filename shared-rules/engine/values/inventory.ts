// An Ansible inventory (INI or YAML) read for what values resolution needs: the hosts, the groups each host is
// in, and the group tree (`[parent:children]` in INI, `children:` in YAML). A host's groups are ordered as Ansible
// merges their group_vars: by depth below `all` (a parent before its child), then by name. Not an inventory plugin:
// host ranges (`web[01:10]`), dynamic inventories and `ansible_group_priority` are not evaluated.
// Bounded: lines, nodes, nesting depth; a cycle of `children` is cut where it closes.
import { parse } from 'yaml';

const MAX_LINES = 10_000;
const MAX_DEPTH = 16;
const MAX_NODES = 5_000;
const MAX_BYTES = 1024 * 1024;

export interface Inventory {
  /** host → the groups that list it directly. */
  hosts: Map<string, Set<string>>;
  /** group → its parent groups (`[parent:children]` lists it). */
  parents: Map<string, Set<string>>;
}

export function emptyInventory(): Inventory {
  return { hosts: new Map(), parents: new Map() };
}

function add<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

/** Reads an inventory file into `inv` (merged with what is there). YAML by extension or by its first line. */
export function readInventory(name: string, text: string, inv: Inventory): void {
  if (text.length > MAX_BYTES) return; // a real inventory is KBs; a larger one is not parsed on every lint
  const firstLine = /^[ \t]*([^#;\s][^\n]*)$/m.exec(text)?.[1] ?? '';
  const yaml = /\.ya?ml$/i.test(name) || (!/\.ini$/i.test(name) && !firstLine.startsWith('[') && /^[A-Za-z0-9_.-]+:\s*$/.test(firstLine.trim()));
  if (yaml) readYaml(text, inv);
  else readIni(text, inv);
}

function readIni(text: string, inv: Inventory): void {
  let group: string | undefined;
  let children = false;
  for (const raw of text.split(/\r?\n/, MAX_LINES)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const h = /^\[([^\]]+)\]$/.exec(line);
    if (h) {
      const [g, suffix] = h[1].split(':');
      group = suffix === undefined || suffix === 'children' ? g : undefined; // `:vars` sections list no hosts
      children = suffix === 'children';
      continue;
    }
    if (!group) continue;
    const name = line.split(/\s+/)[0];
    if (children) add(inv.parents, name, group);
    else add(inv.hosts, name, group);
  }
}

function readYaml(text: string, inv: Inventory): void {
  let doc: unknown;
  try {
    doc = parse(text, { uniqueKeys: false, maxAliasCount: 100 });
  } catch {
    return;
  }
  if (!doc || typeof doc !== 'object') return;
  let nodes = 0;
  const walk = (group: string, body: unknown, depth: number) => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH || !body || typeof body !== 'object') return;
    const { hosts, children } = body as { hosts?: unknown; children?: unknown };
    if (hosts && typeof hosts === 'object') for (const h of Object.keys(hosts).slice(0, MAX_NODES)) add(inv.hosts, h, group);
    if (children && typeof children === 'object') {
      for (const [child, sub] of Object.entries(children).slice(0, MAX_NODES)) {
        if (group !== 'all') add(inv.parents, child, group);
        walk(child, sub, depth + 1);
      }
    }
  };
  for (const [group, body] of Object.entries(doc).slice(0, MAX_NODES)) walk(group, body, 0);
}

/**
 * Every group `host` is in (directly or through `children`), `all` excluded, in Ansible's merge order: lower
 * depth first (a parent before its children), then by name. A cycle is cut; depth is bounded.
 */
export function groupsOf(inv: Inventory, host: string): string[] {
  const depth = new Map<string, number>();
  const depthOf = (g: string, trail: Set<string>): number => {
    const known = depth.get(g);
    if (known !== undefined) return known;
    if (trail.has(g) || trail.size >= MAX_DEPTH) return 0; // a cycle or a too-deep tree: cut here
    trail.add(g);
    let d = 1;
    for (const p of inv.parents.get(g) ?? []) if (p !== 'all') d = Math.max(d, depthOf(p, trail) + 1);
    trail.delete(g);
    depth.set(g, d);
    return d;
  };
  const found = new Set<string>();
  const queue = [...(inv.hosts.get(host) ?? [])];
  while (queue.length && found.size < 500) {
    const g = queue.shift()!;
    if (g === 'all' || found.has(g)) continue;
    found.add(g);
    queue.push(...(inv.parents.get(g) ?? []));
  }
  return [...found].sort((a, b) => depthOf(a, new Set()) - depthOf(b, new Set()) || (a < b ? -1 : a > b ? 1 : 0));
}
