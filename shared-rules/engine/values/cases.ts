// Which values feed a template, per tool, lowest precedence first (docs/tooling.md has the table):
// - Helm: the nearest folder above with Chart.yaml → its values.yaml < the extra values files of the
//   "helm.valuesFiles" setting, in order (Helm's `-f` precedence: later files override earlier ones). One case.
// - Ansible: roles/<role>/templates/… → role defaults/main.yml < group_vars/all < group_vars/<group> (the host's
//   inventory groups, parents before children: inventory.ts) < host_vars/<host> < role vars/main.yml, where each
//   vars entry is a file and/or a folder of *.yml files; one case per host (host_vars entries and inventory hosts)
//   that a play of the playbook folder applies the role to (every host when there is no playbook),
//   or one "role defaults" case when there is no inventory.
// - Puppet: modules/<m>/templates/… → modules/<m>/manifests/params.pp and the params classes it inherits < the
//   class's parameter defaults (init.pp, or a manifest naming the template) < Hiera data (hiera.ts); one case per class.
// All reads go through `read`, so callers decide about the disk; every walk is bounded.
import * as path from 'node:path';
import { parse } from 'yaml';
import { MAX_VALUES_BYTES, yamlLayer } from './yaml-layer';
import { puppetLayer } from './puppet-layer';
import { classDefaultsLayer, hieraLayer, puppetClasses, type PuppetClass } from './puppet-class';
import { hieraFiles } from './hiera';
import { emptyInventory, groupsOf, readInventory } from './inventory';
import type { RenderCase, ValueLayer, ValuesNotice } from './types';

export interface FileAccess {
  read(file: string): string | undefined;
  list(dir: string): string[] | undefined;
  /**
   * Whether `file` is there as a file, when that is all a caller needs (a Chart.yaml marks its folder): cheaper than
   * `read`. Absent: `read(file) !== undefined` is asked instead (an editor's overlay, a recording access).
   */
  isFile?(file: string): boolean;
}

function isThere(fa: FileAccess, file: string): boolean {
  return fa.isFile ? fa.isFile(file) : fa.read(file) !== undefined;
}

export interface Cases {
  tool: 'helm' | 'ansible' | 'puppet';
  cases: RenderCase[];
  notices: ValuesNotice[];
}

const MAX_UP = 12;

/** Parsed values files by path, reused while their text is unchanged (a template is re-linted on every keystroke). */
const parsed = new Map<string, { text: string; result: ReturnType<typeof yamlLayer> }>();

function yamlFrom(fa: FileAccess, file: string, notices: ValuesNotice[]): ValueLayer | undefined {
  const text = fa.read(file);
  if (text === undefined) return undefined;
  let hit = parsed.get(file);
  if (!hit || hit.text !== text) {
    if (parsed.size >= 16) parsed.delete(parsed.keys().next().value!);
    hit = { text, result: yamlLayer(file, text) };
    parsed.set(file, hit);
  }
  const { layer, notice } = hit.result;
  if (notice) notices.push(notice);
  return layer;
}

function firstYaml(fa: FileAccess, base: string, notices: ValuesNotice[]): ValueLayer | undefined {
  for (const ext of ['.yml', '.yaml', '']) {
    const l = yamlFrom(fa, base + ext, notices);
    if (l) return l;
  }
  return undefined;
}

/**
 * The host patterns of the plays that apply `role`, from the playbooks in the playbook folder (site.yml…): none
 * when plays exist but none applies the role (no host renders it), undefined when there is no playbook (then every
 * inventory host is taken to render it).
 */
function roleTargets(fa: FileAccess, root: string, role: string): string[] | undefined {
  let targets: string[] | undefined;
  for (const name of (fa.list(root) ?? []).filter((n) => /\.ya?ml$/.test(n)).slice(0, 20)) {
    const text = fa.read(path.join(root, name));
    if (text === undefined || text.length > MAX_VALUES_BYTES) continue;
    let plays: unknown;
    try {
      plays = parse(text, { uniqueKeys: false });
    } catch {
      continue;
    }
    if (!Array.isArray(plays)) continue;
    for (const play of plays.slice(0, 200)) {
      if (!play || typeof play !== 'object' || !Array.isArray((play as { roles?: unknown }).roles)) continue;
      targets ??= [];
      const roles = ((play as { roles: unknown[] }).roles).map((r) => (typeof r === 'string' ? r : r && typeof r === 'object' ? (r as { role?: unknown; name?: unknown }).role ?? (r as { name?: unknown }).name : undefined));
      if (!roles.includes(role)) continue;
      const hosts = (play as { hosts?: unknown }).hosts;
      const list = typeof hosts === 'string' ? hosts.split(/[,:]/) : Array.isArray(hosts) ? hosts.filter((h): h is string => typeof h === 'string') : [];
      targets = [...(targets ?? []), ...list.map((h) => h.trim()).filter(Boolean)];
    }
  }
  return targets;
}

/** Inventory file names looked for in an inventory folder (INI or YAML). */
const INVENTORY_NAMES = ['inventory', 'hosts', 'hosts.ini', 'inventory.ini', 'hosts.yml', 'hosts.yaml', 'inventory.yml', 'inventory.yaml'];
const MAX_VARS_FILES = 50;

/**
 * The layers of `group_vars/<name>` or `host_vars/<name>`: the file `<name>`, `<name>.yml` or `<name>.yaml`, then
 * every *.yml/*.yaml in the folder `<name>/`, by name (Ansible reads a folder's files in order; later ones win).
 */
function varsLayers(fa: FileAccess, dir: string, name: string, notices: ValuesNotice[]): ValueLayer[] {
  const out: ValueLayer[] = [];
  const file = firstYaml(fa, path.join(dir, name), notices);
  if (file) out.push(file);
  const inside = fa.list(path.join(dir, name));
  for (const f of (inside ?? []).filter((n) => /\.ya?ml$/.test(n)).sort().slice(0, MAX_VARS_FILES)) {
    const l = yamlFrom(fa, path.join(dir, name, f), notices);
    if (l) out.push(l);
  }
  return out;
}

function ansibleCases(fa: FileAccess, root: string, role: string, notices: ValuesNotice[]): RenderCase[] {
  const targets = roleTargets(fa, root, role);
  const defaults = firstYaml(fa, path.join(root, 'roles', role, 'defaults', 'main'), notices);
  const vars = firstYaml(fa, path.join(root, 'roles', role, 'vars', 'main'), notices);
  // Inventory folders: the playbook folder itself and its direct subfolders (dev/, prod/, inventories/x/).
  const dirs = [root, ...(fa.list(root) ?? []).map((d) => path.join(root, d))];
  const invs = (fa.list(path.join(root, 'inventories')) ?? []).map((d) => path.join(root, 'inventories', d));
  const cases: RenderCase[] = [];
  for (const dir of [...dirs, ...invs].slice(0, 50)) {
    const gvDir = path.join(dir, 'group_vars');
    const hvDir = path.join(dir, 'host_vars');
    const gv = fa.list(gvDir);
    const hv = fa.list(hvDir);
    if (!gv && !hv) continue;
    const inv = emptyInventory();
    for (const n of INVENTORY_NAMES) {
      const t = fa.read(path.join(dir, n));
      if (t !== undefined && t.length <= MAX_VALUES_BYTES) readInventory(n, t, inv);
    }
    const hosts = new Set<string>([...inv.hosts.keys(), ...(hv ?? []).map((f) => f.replace(/\.ya?ml$/, ''))]);
    const all = varsLayers(fa, gvDir, 'all', notices);
    // Only the hosts the playbook applies the role to (a group, a parent group, a host, or `all`).
    const applies = (host: string, groups: string[]) => !targets || targets.includes('all') || targets.includes(host) || groups.some((g) => targets.includes(g));
    const rendering = [...hosts].sort().map((h) => ({ host: h, groups: groupsOf(inv, h) })).filter((x) => applies(x.host, x.groups));
    for (const { host, groups } of rendering.slice(0, 200)) {
      const layers: ValueLayer[] = [];
      if (defaults) layers.push(defaults);
      layers.push(...all);
      for (const g of groups) layers.push(...varsLayers(fa, gvDir, g, notices)); // parents before children
      layers.push(...varsLayers(fa, hvDir, host, notices));
      if (vars) layers.push(vars);
      cases.push({ name: `host ${host}`, layers });
    }
  }
  if (!cases.length && (defaults || vars)) cases.push({ name: `role ${role} defaults`, layers: [defaults, vars].filter((l): l is ValueLayer => !!l) });
  return cases;
}

const MAX_MANIFESTS = 50;

/**
 * Puppet: the template is rendered in the scope of a class of its module — the main class (`class is` in
 * manifests/init.pp), and any other class of manifests/*.pp whose file names the template (`template('is/…erb')`).
 * Layers, lowest first: the params classes (params.pp and the ones it inherits) < the class's parameter defaults <
 * Hiera data for its parameters (module hiera.yaml, then the environment's: Hiera's automatic parameter lookup).
 */
function puppetCases(fa: FileAccess, modules: string, mod: string, templateRel: string, notices: ValuesNotice[]): RenderCase[] {
  const params: ValueLayer[] = [];
  let m: string | undefined = mod;
  for (let i = 0; m && i < 5; i++) {
    const file = path.join(modules, m, 'manifests', 'params.pp');
    const text = fa.read(file);
    if (text === undefined) break;
    const p = puppetLayer(file, text);
    params.unshift(p.layer); // the inherited class is lower precedence
    m = p.inherits;
  }
  const manifests = path.join(modules, mod, 'manifests');
  const classes: Array<{ file: string; cls: PuppetClass }> = [];
  for (const name of ['init.pp', ...(fa.list(manifests) ?? []).filter((n) => n.endsWith('.pp') && n !== 'init.pp' && n !== 'params.pp').slice(0, MAX_MANIFESTS)]) {
    const file = path.join(manifests, name);
    const text = fa.read(file);
    if (text === undefined || text.length > MAX_VALUES_BYTES) continue;
    const names = text.includes(`${mod}/${templateRel}`);
    for (const cls of puppetClasses(text)) {
      if ((cls.name === mod && name === 'init.pp') || (names && cls.params.size)) classes.push({ file, cls });
    }
  }
  const hiera = [...hieraFiles(fa, path.dirname(modules), true), ...hieraFiles(fa, path.join(modules, mod), false)];
  const cases: RenderCase[] = [];
  for (const { file, cls } of classes.slice(0, 20)) {
    if (!cls.params.size) continue;
    const layers: ValueLayer[] = [...params, classDefaultsLayer(file, cls, params)];
    for (const h of [...hiera].reverse()) {
      const data = yamlFrom(fa, h, notices);
      if (data) layers.push(hieraLayer(data, cls));
    }
    cases.push({ name: `class ${cls.name}`, layers });
  }
  if (!cases.length && params.length) cases.push({ name: `class ${mod}::params`, layers: params });
  return cases;
}

/** The render cases of a template file, or undefined when no tool layout is recognised around it. */
export function casesFor(templateFile: string, fa: FileAccess, helmValuesFiles: readonly string[] = []): Cases | undefined {
  const parts = templateFile.split(path.sep);
  const notices: ValuesNotice[] = [];
  const ti = parts.lastIndexOf('templates');
  if (ti >= 2 && parts[ti - 2] === 'roles') {
    const root = parts.slice(0, ti - 2).join(path.sep) || path.sep;
    return { tool: 'ansible', cases: ansibleCases(fa, root, parts[ti - 1], notices), notices };
  }
  if (ti >= 2 && parts[ti - 2] === 'modules') {
    return { tool: 'puppet', cases: puppetCases(fa, parts.slice(0, ti - 1).join(path.sep), parts[ti - 1], parts.slice(ti + 1).join('/'), notices), notices };
  }
  let dir = path.dirname(templateFile);
  for (let i = 0; i < MAX_UP; i++) {
    if (isThere(fa, path.join(dir, 'Chart.yaml'))) {
      const layers: ValueLayer[] = [];
      const names: string[] = [];
      for (const f of ['values.yaml', ...helmValuesFiles.slice(0, 16)]) {
        const l = yamlFrom(fa, path.resolve(dir, f), notices);
        if (l) {
          layers.push(l);
          names.push(f);
        }
      }
      return { tool: 'helm', cases: layers.length ? [{ name: names.join(' + '), layers }] : [], notices };
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}
