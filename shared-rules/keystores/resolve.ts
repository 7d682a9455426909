// Which keystore and truststore files deployment.toml makes the product open, and with which password — the
// shipped defaults included. Resolution follows the product: `<home>/repository/resources/security/<file_name>` on
// API-M and IS (carbon.xml.j2), `<home>/<file_name>` on MI 4.x (its file_name is `repository/resources/security/…`).
import * as path from 'node:path';
import type { EffectiveConfig, TomlEntry, TomlValue } from '../parsers/toml/model';
import type { Span } from '../engine/text';
import type { RuleResources } from '../engine/rule';
import type { ProductInfo } from '../engine/product';

export type StoreRole = 'primary' | 'internal' | 'tls' | 'truststore';

/** Report order: the primary keystore first, the truststore last. */
export const ROLES: readonly StoreRole[] = ['primary', 'internal', 'tls', 'truststore'];

export const TABLE: Record<StoreRole, readonly string[]> = {
  primary: ['keystore', 'primary'], internal: ['keystore', 'internal'], tls: ['keystore', 'tls'], truststore: ['truststore'],
};

export function tableLabel(role: StoreRole): string {
  return `[${TABLE[role].join('.')}]`;
}

/** The password as the product would get it. `value` goes to the reader only: never into a message. */
export type Password =
  | { known: true; value: string; origin: 'literal' | 'default' | 'env' | 'plain-secret'; envVar?: string }
  | { known: false; reason: string };

export interface StoreRef {
  role: StoreRole;
  /** True when this table writes `file_name` itself (not inherited, not a shipped default). */
  ownFile: boolean;
  /** Absolute paths the product would open, most likely first; the first one that exists is the store. */
  candidates: string[];
  password: Password;
  /** Where a finding about this store goes: its `file_name` value, else its table header, else where the table belongs. */
  span: Span;
}

export interface Layout {
  home: string;
  /** 'carbon': `<home>/repository/conf/deployment.toml` (API-M, IS); 'mi': `<home>/conf/deployment.toml`. */
  kind: 'carbon' | 'mi';
}

const DEFAULT_PASSWORD = 'wso2carbon';
const SEP = /[\\/]/;

/** The product home, from the caller or from where deployment.toml sits; undefined outside a product layout. */
export function productLayout(fileName: string, resources: RuleResources, product: ProductInfo): Layout | undefined {
  const abs = path.resolve(fileName);
  const dir = path.dirname(abs);
  if (resources.productHome) {
    const home = path.resolve(resources.productHome);
    const rel = path.relative(home, abs).split(SEP);
    const kind = rel[0] === 'conf' ? 'mi' : rel[0] === 'repository' && rel[1] === 'conf' ? 'carbon' : product.product === 'mi' ? 'mi' : 'carbon';
    return { home, kind };
  }
  if (path.basename(dir) !== 'conf') return undefined;
  const up = path.dirname(dir);
  if (path.basename(up) === 'repository') return { home: path.dirname(up), kind: 'carbon' };
  return { home: up, kind: 'mi' };
}

function homeOfConfig(configFile: string): string {
  const dir = path.dirname(path.resolve(configFile));
  const up = path.dirname(dir);
  return path.basename(dir) !== 'conf' ? dir : path.basename(up) === 'repository' ? path.dirname(up) : up;
}

/**
 * Whether one of the key store files `stores` lies in the product home of a configuration file (a deployment.toml),
 * so that changing it may change that file's findings. Homes are found as productLayout finds them; outside a
 * layout, the file's folder. The home is looked up among the folders that hold a store: trying every store against
 * every deployment.toml of the workspace made a burst of changed stores quadratic.
 */
export function anyStoreInHome(stores: readonly string[]): (configFile: string) => boolean {
  const key = (p: string) => (process.platform === 'win32' ? p.toLowerCase() : p); // path.relative's comparison
  const holders = new Set<string>();
  for (const s of stores) {
    for (let d = path.dirname(path.resolve(s)); !holders.has(key(d)); d = path.dirname(d)) {
      holders.add(key(d));
      if (path.dirname(d) === d) break;
    }
  }
  return (configFile) => holders.has(key(homeOfConfig(configFile)));
}

export function storeRefs(config: EffectiveConfig, layout: Layout, resources: RuleResources, product: ProductInfo): StoreRef[] {
  return ROLES.map((role) => {
    const own = config.get([...TABLE[role], 'file_name']);
    const file = lookup(config, role, 'file_name');
    const names = file.value ? expandPath(file.value, resources.env, layout.home) : defaultNames(file.defaultOf ?? role, layout, product);
    const pw = lookup(config, role, 'password');
    return {
      role,
      ownFile: own !== undefined,
      candidates: names.flatMap((n) => candidates(n, layout)),
      password: pw.value ? password(pw.value, config, resources.env) : { known: true, value: DEFAULT_PASSWORD, origin: 'default' },
      span: own?.value.span ?? config.table(TABLE[role])?.headerSpan ?? config.insertionPoint([...TABLE[role], 'file_name']).reportSpan,
    };
  });
}

interface Lookup {
  value?: TomlValue;
  /** Absent everywhere: the shipped default of this role applies. */
  defaultOf?: StoreRole;
}

/** A key's value with config-mapper's defaults: tls and internal fall back to `$ref{keystore.primary.*}`. */
function lookup(config: EffectiveConfig, role: StoreRole, key: string, depth = 0): Lookup {
  const e: TomlEntry | undefined = config.get([...TABLE[role], key]);
  if (e) {
    const ref = e.value.kind === 'string' && typeof e.value.value === 'string' ? /^\$ref\{([^}]+)\}$/.exec(e.value.value.trim()) : null;
    const target = ref ? ROLES.find((r) => ref[1] === `${TABLE[r].join('.')}.${key}`) : undefined;
    return target && depth < 4 ? lookup(config, target, key, depth + 1) : { value: e.value };
  }
  if ((role === 'tls' || role === 'internal') && depth < 4) return lookup(config, 'primary', key, depth + 1);
  return { defaultOf: role };
}

/** The shipped file names: kernel 4.10+ (IS 7) defaults to .p12, older kernels and MI to .jks. Both are tried. */
function defaultNames(role: StoreRole, layout: Layout, product: ProductInfo): string[] {
  const base = role === 'truststore' ? 'client-truststore' : 'wso2carbon';
  if (layout.kind === 'mi') return [`repository/resources/security/${base}.jks`];
  const kernel = (product as { kernel?: string }).kernel;
  const p12First = kernel ? atLeast(kernel, [4, 10]) : product.product === 'is' && atLeast(product.version ?? '', [7, 0]);
  return p12First ? [`${base}.p12`, `${base}.jks`] : [`${base}.jks`, `${base}.p12`];
}

function atLeast(version: string, min: [number, number]): boolean {
  const [a, b] = version.split('.').map(Number);
  return Number.isFinite(a) && (a > min[0] || (a === min[0] && (b || 0) >= min[1]));
}

// A name's candidates depend on the name and the layout alone (string operations, no working folder: home is
// absolute): remembered, bounded, as every keystroke asks for the same few.
const CANDIDATES_MAX = 256;
const candidateMemo = new Map<string, readonly string[]>();

function candidates(name: string, layout: Layout): readonly string[] {
  const key = `${layout.kind}\u0000${layout.home}\u0000${name}`;
  let c = candidateMemo.get(key);
  if (!c) {
    c = Object.freeze(candidatesOf(name, layout));
    if (candidateMemo.size >= CANDIDATES_MAX) candidateMemo.clear();
    candidateMemo.set(key, c);
  }
  return c;
}

function candidatesOf(name: string, layout: Layout): string[] {
  if (path.isAbsolute(name) || /^[A-Za-z]:[\\/]/.test(name)) return [path.normalize(name)];
  const security = path.join(layout.home, 'repository', 'resources', 'security');
  if (layout.kind === 'carbon') return [path.join(security, name)];
  // MI 4.x: relative to <home>; MI 1.x wrote a bare name under the security folder.
  return SEP.test(name) ? [path.join(layout.home, name), path.join(security, name)] : [path.join(security, name), path.join(layout.home, name)];
}

/** A file_name value as a path: `${carbon.home}` and set `$env{}` expanded; anything else unresolvable is skipped. */
function expandPath(v: TomlValue, env: RuleResources['env'], home: string): string[] {
  if (v.kind !== 'string' || typeof v.value !== 'string') return [];
  let unresolved = false;
  const s = v.value
    .replace(/\$\{carbon\.home\}/g, () => home)
    .replace(/\$env\{([^}]*)\}/g, (_, name: string) => env[name] ?? ((unresolved = true), ''));
  return unresolved || /\$(secret|sys|ref|env)\{|\$\{/.test(s) || s.trim() === '' ? [] : [s];
}

function password(v: TomlValue, config: EffectiveConfig, env: RuleResources['env']): Password {
  if (v.kind === 'template') return { known: false, reason: 'its password is filled in by a template' };
  if (v.kind === 'integer' || v.kind === 'float' || v.kind === 'boolean') return { known: true, value: String(v.value), origin: 'literal' };
  if (v.kind !== 'string' || typeof v.value !== 'string') return { known: false, reason: 'its password is not a string' };
  const s = v.value;
  const secret = /^\s*\$secret\{([^}]*)\}\s*$/.exec(s);
  if (secret) {
    // A [secrets] value the cipher tool has not encrypted yet is plain text in brackets: as readable as a literal.
    const sv = config.get(['secrets', secret[1]])?.value;
    const plain = sv?.kind === 'string' && typeof sv.value === 'string' ? /^\[([\s\S]*)\]$/.exec(sv.value)?.[1] : undefined;
    return plain !== undefined ? { known: true, value: plain, origin: 'plain-secret' } : { known: false, reason: 'its password is a Secure Vault alias ($secret{…}), which CarbonLint does not decrypt' };
  }
  if (/\$secret\{/.test(s)) return { known: false, reason: 'its password uses a Secure Vault alias ($secret{…}), which CarbonLint does not decrypt' };
  if (/\$sys\{/.test(s)) return { known: false, reason: 'its password comes from a Java system property ($sys{…}), which CarbonLint cannot see' };
  if (/\$ref\{|\$\{/.test(s)) return { known: false, reason: 'its password is a reference CarbonLint does not resolve' };
  // A loop, not [...matchAll].map(…).find(…): map's result is packed or holey by the caller's tier, and find meeting
  // the other kind deoptimised this per-keystore function twice a run (round 7, issue 22).
  const vars: string[] = [];
  let unset: string | undefined;
  for (const m of s.matchAll(/\$env\{([^}]*)\}/g)) {
    vars.push(m[1]);
    if (unset === undefined && env[m[1]] === undefined) unset = m[1];
  }
  if (unset !== undefined) return { known: false, reason: `its password comes from the environment variable ${unset}, which is not set where CarbonLint runs` };
  if (vars.length === 0) return { known: true, value: s, origin: 'literal' };
  return { known: true, value: s.replace(/\$env\{([^}]*)\}/g, (_, name: string) => env[name] ?? ''), origin: 'env', envVar: vars.join(', ') };
}
