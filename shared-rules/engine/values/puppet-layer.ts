// A Puppet `params.pp` as a value layer: `$name = 'literal'` assignments (strings, numbers, booleans, `undef`) of the class.
// Anything else (arrays, hashes, interpolation, function calls) is left unknown. Not a Puppet parser: a bounded subset.
import type { ValueLayer } from './types';
import { LineIndex } from '../text';

// Linear: the alternatives inside each quoted form are disjoint, so no backtracking blow-up.
const ASSIGN = /^[ \t]*\$([a-z_][a-z0-9_]*)[ \t]*=[ \t]*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\$\n]|\\.)*"|-?\d+(?:\.\d+)?|true|false|undef)[ \t]*(?:#.*)?$/gm;
const INHERITS = /\bclass\s+[a-z_][a-z0-9_:]*\s+inherits\s+([a-z_][a-z0-9_]*)::params\b/;
const SECRET_REF = /\$secret\{|\bunwrap\b|\bSensitive\(/;

export interface PuppetParams {
  layer: ValueLayer;
  /** The module whose params class this one inherits (`is_common` for `inherits is_common::params`). */
  inherits?: string;
}

export function puppetLayer(file: string, text: string): PuppetParams {
  const values = new Map<string, { text: string; start: number; end: number; quoted: boolean }>();
  for (const m of text.matchAll(ASSIGN)) {
    const raw = m[2];
    const start = m.index! + m[0].indexOf(raw, m[0].indexOf('=') + 1);
    const quoted = raw.startsWith("'") || raw.startsWith('"');
    values.set(m[1], { text: quoted ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw, start, end: start + raw.length, quoted });
  }
  const inherits = INHERITS.exec(text)?.[1];
  let lines: LineIndex | undefined;
  return {
    inherits,
    layer: {
      file,
      lines: () => (lines ??= new LineIndex(text)),
      lookup(path) {
        if (path.length !== 1) return { kind: 'missing' };
        const v = values.get(path[0]);
        if (!v) return { kind: 'missing' };
        const site = { file, span: { start: v.start, end: v.end } };
        if (SECRET_REF.test(v.text)) return { kind: 'protected', site };
        if (v.text === 'undef' && !v.quoted) return { kind: 'empty', shape: 'null', site }; // nil in the template
        // A quoted value is a String (true in an ERB condition whatever it says), as a class default's literal is.
        return v.quoted ? { kind: 'value', text: v.text, site, raw: v.text } : { kind: 'value', text: v.text, site };
      },
    },
  };
}
