// Puppet class parameters as value layers: the defaults of `class is (String $admin_password = 'admin', …)` and
// Hiera data found by automatic parameter lookup (`is::admin_password` in data/common.yaml). A bounded subset:
// a default is a literal (string without interpolation, number, boolean) or a reference to a variable
// (`$is::params::admin_password`, `$admin_password`) looked up in the params classes; anything else leaves the
// parameter unknown (and it still shadows a params variable of the same name, as in Puppet).
import type { ValueLayer, Resolved } from './types';

const IDENT = /^[a-z_][a-z0-9_]*/;
const MAX_HEADER = 20_000;

type Default =
  | { kind: 'literal'; text: string; start: number; end: number; raw: unknown }
  | { kind: 'ref'; name: string }
  /** `= undef`: nil in the template. */
  | { kind: 'undef'; start: number; end: number }
  | { kind: 'none' };

export interface PuppetClass {
  name: string;
  params: Map<string, Default>;
}

/** The end of a `( … )` list starting at `open` (the offset of `(`): a linear scan over quotes, comments, nesting. */
function closeParen(text: string, open: number): number {
  let depth = 0;
  const limit = Math.min(text.length, open + MAX_HEADER);
  for (let i = open; i < limit; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      for (i++; i < limit && text[i] !== ch; i++) if (text[i] === '\\') i++;
    } else if (ch === '#') {
      while (i < limit && text[i] !== '\n') i++;
    } else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (--depth === 0) return ch === ')' ? i : -1;
    }
  }
  return -1;
}

/** Splits a parameter list at its top-level commas; each piece with its offset. Linear, like closeParen. */
function splitParams(text: string, from: number, to: number): Array<{ at: number; text: string }> {
  const out: Array<{ at: number; text: string }> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      for (i++; i < to && text[i] !== ch; i++) if (text[i] === '\\') i++;
    } else if (ch === '#') {
      while (i < to && text[i] !== '\n') i++;
    } else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      out.push({ at: start, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  out.push({ at: start, text: text.slice(start, to) });
  return out;
}

/** `#` comments blanked (same length), quoted strings kept: a linear scan. */
function stripComments(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'" || ch === '"') {
      for (i++; i < s.length && s[i] !== ch; i++) if (s[i] === '\\') i++;
    } else if (ch === '#') {
      const end = s.indexOf('\n', i);
      const stop = end < 0 ? s.length : end;
      out += s.slice(from, i) + ' '.repeat(stop - i);
      from = stop;
      i = stop - 1;
    }
  }
  return out + s.slice(from);
}

function parseDefault(raw: string, at: number): Default {
  const lead = raw.length - raw.trimStart().length;
  const t = raw.trim();
  const start = at + lead;
  const q = /^(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\$]|\\.)*)"|(-?\d+(?:\.\d+)?|true|false))$/s.exec(t);
  if (q) {
    const text = q[1] ?? q[2] ?? q[3];
    const bare = q[3];
    const raw = bare === undefined ? text.replace(/\\(.)/g, '$1') : bare === 'true' ? true : bare === 'false' ? false : Number(bare);
    return { kind: 'literal', text: bare ?? String(raw), start, end: start + t.length, raw };
  }
  if (t === 'undef') return { kind: 'undef', start, end: start + t.length };
  const r = /^\$(?:::)?(?:[a-z_][a-z0-9_]*::)*([a-z_][a-z0-9_]*)$/.exec(t);
  return r ? { kind: 'ref', name: r[1] } : { kind: 'none' };
}

/** The classes of a manifest with their parameter lists (at most 20 classes). */
export function puppetClasses(text: string): PuppetClass[] {
  const out: PuppetClass[] = [];
  const clean = stripComments(text);
  for (const m of clean.matchAll(/\bclass[ \t\r\n]+([a-z_][a-z0-9_:]*)[ \t\r\n]*\(/g)) {
    if (out.length >= 20) break;
    const open = m.index! + m[0].length - 1;
    const close = closeParen(text, open);
    if (close < 0) continue;
    const params = new Map<string, Default>();
    for (const p of splitParams(text, open + 1, close).slice(0, 500)) {
      const body = stripComments(p.text);
      const dollar = body.indexOf('$');
      if (dollar < 0) continue;
      const name = IDENT.exec(body.slice(dollar + 1))?.[0];
      if (!name) continue;
      const after = dollar + 1 + name.length;
      const eq = body.indexOf('=', after);
      if (eq < 0 || body.slice(after, eq).trim() !== '') {
        params.set(name, { kind: 'none' });
        continue;
      }
      params.set(name, parseDefault(body.slice(eq + 1), p.at + eq + 1));
    }
    out.push({ name: m[1], params });
  }
  return out;
}

/**
 * A class's parameter defaults as a layer above its params classes (`lower`, lowest first): a literal default is
 * a value on its own line, a reference is looked up in the params classes, anything else is unknown.
 */
export function classDefaultsLayer(file: string, cls: PuppetClass, lower: readonly ValueLayer[]): ValueLayer {
  return {
    file,
    lookup(path) {
      if (path.length !== 1) return { kind: 'missing' };
      const d = cls.params.get(path[0]);
      if (!d) return { kind: 'missing' };
      if (d.kind === 'literal') return { kind: 'value', text: d.text, site: { file, span: { start: d.start, end: d.end } }, raw: d.raw };
      if (d.kind === 'undef') return { kind: 'empty', shape: 'null', site: { file, span: { start: d.start, end: d.end } } };
      if (d.kind === 'ref') {
        for (let i = lower.length - 1; i >= 0; i--) {
          const r = lower[i].lookup([d.name]);
          if (r.kind !== 'missing') return r.kind === 'reference' ? { kind: 'unknown' } : r;
        }
      }
      return { kind: 'unknown' };
    },
  };
}

/** eyaml ciphertext in Hiera data: protected. */
const ENCRYPTED = /^\s*ENC\[/;

/**
 * Hiera data as seen by automatic parameter lookup for `cls`: a declared parameter `p` is looked up as the key
 * `cls::p`. A value holding Hiera interpolation (`%{…}`) is unknown; eyaml `ENC[…]` is protected.
 */
export function hieraLayer(data: ValueLayer, cls: PuppetClass): ValueLayer {
  return {
    file: data.file,
    lines: data.lines,
    lookup(path) {
      if (path.length !== 1 || !cls.params.has(path[0])) return { kind: 'missing' };
      const r = data.lookup([`${cls.name}::${path[0]}`]);
      // A Hiera key set to `~` gives undef, and Puppet then takes the parameter's default: as if not there.
      if (r.kind === 'empty' && r.shape === 'null') return { kind: 'missing' };
      if (r.kind !== 'value') return r.kind === 'reference' ? { kind: 'unknown' } : r;
      if (ENCRYPTED.test(r.text)) return { kind: 'protected', site: r.site } satisfies Resolved;
      if (r.text.includes('%{')) return { kind: 'unknown' };
      return r;
    },
  };
}
