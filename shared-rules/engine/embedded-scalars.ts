// Embedded files held in FOLDED block scalars (`>`, `>-`, `>+`) or in double-/single-QUOTED strings. The `yaml`
// package's CST gives each value's source range; the decoding below maps every decoded character back to its
// source offset (escapes, line folding, indentation). The result is checked against the `yaml` package's own
// decoding of the same token: a mismatch means a construct this mapping does not cover, and the value is skipped
// (no findings at guessed positions). All loops walk the scalar once.
import { CST, Parser } from 'yaml';
import { VirtualBuilder, type VirtualDocument } from './virtual';

export type ScalarStyle = 'folded' | 'double' | 'single';

export interface EmbeddedScalar {
  key: string;
  keyAt: number;
  style: ScalarStyle;
  vdoc: VirtualDocument;
}

const MAX = 50;

/** Folded and quoted values of mapping keys, in file order; `wanted` picks the keys (a checked file name). */
export function foldedAndQuoted(text: string, wanted: (key: string) => boolean): EmbeddedScalar[] {
  const out: EmbeddedScalar[] = [];
  let tokens: CST.Token[];
  try {
    tokens = [...new Parser().parse(text)];
  } catch {
    return out;
  }
  for (const tok of tokens) {
    if (tok.type !== 'document') continue;
    CST.visit(tok, (item) => {
      if (out.length >= MAX) return CST.visit.BREAK;
      const k = item.key;
      const v = item.value;
      if (!k || !v || k.type !== 'scalar' || !wanted(k.source)) return;
      const vdoc = mapScalar(text, v);
      if (!vdoc) return;
      out.push({ key: k.source, keyAt: k.offset, style: v.type === 'block-scalar' ? 'folded' : v.type === 'double-quoted-scalar' ? 'double' : 'single', vdoc });
    });
  }
  return out;
}

function mapScalar(text: string, tok: CST.Token | undefined): VirtualDocument | undefined {
  let built: VirtualDocument | undefined;
  if (!tok || !CST.isScalar(tok)) return undefined;
  if (tok.type === 'double-quoted-scalar' || tok.type === 'single-quoted-scalar') {
    built = quoted(text, tok.offset, tok.source, tok.type === 'double-quoted-scalar');
  } else if (tok.type === 'block-scalar') {
    const header = tok.props.find((p): p is CST.SourceToken => p.type === 'block-scalar-header')?.source ?? '';
    // Only `>`, `>-`, `>+` (literal blocks are read by embedded.ts; explicit indentation indicators are rare).
    const m = /^>([-+]?)$/.exec(header);
    const nl = tok.props.find((p): p is CST.SourceToken => p.type === 'newline');
    if (!m || !nl) return undefined;
    built = folded(text, nl.offset + nl.source.length, tok.source, m[1]);
  }
  if (!built) return undefined;
  let errors = 0;
  const resolved = CST.resolveAsScalar(tok, true, () => errors++);
  if (errors || !resolved || resolved.value !== built.text) return undefined;
  return built;
}

const HEX: Record<string, number> = { x: 2, u: 4, U: 8 };
const SIMPLE: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '/': '/',
  '\\': '\\', ' ': ' ', '\t': '\t', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** A quoted scalar whose source (quotes included) starts at `at`. */
function quoted(text: string, at: number, src: string, double: boolean): VirtualDocument | undefined {
  const q = double ? '"' : "'";
  if (src.length < 2 || src[0] !== q || src[src.length - 1] !== q) return undefined;
  const vb = new VirtualBuilder(text);
  const end = src.length - 1;
  let i = 1;
  let run = 1; // start of the current verbatim run
  const flush = (to: number) => vb.keep(at + run, at + to);
  while (i < end) {
    const c = src[i];
    if (double && c === '\\') {
      flush(i);
      const e = src[i + 1];
      if (e === '\n' || e === '\r') {
        // An escaped line break: the break and the next line's leading white space vanish.
        let j = i + 1 + (e === '\r' && src[i + 2] === '\n' ? 2 : 1);
        while (src[j] === ' ' || src[j] === '\t') j++;
        i = j;
      } else if (e !== undefined && e in HEX) {
        const hex = src.slice(i + 2, i + 2 + HEX[e]);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== HEX[e]) return undefined;
        vb.substitute(at + i, at + i + 2 + hex.length, String.fromCodePoint(parseInt(hex, 16)));
        i += 2 + hex.length;
      } else if (e !== undefined && e in SIMPLE) {
        vb.substitute(at + i, at + i + 2, SIMPLE[e]);
        i += 2;
      } else return undefined;
      run = i;
    } else if (!double && c === "'" && src[i + 1] === "'") {
      flush(i);
      vb.substitute(at + i, at + i + 2, "'");
      i += 2;
      run = i;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      // White space up to a line break, the break(s) and the next line's indentation fold (YAML flow folding).
      let j = i;
      while (src[j] === ' ' || src[j] === '\t') j++;
      if (src[j] !== '\n' && src[j] !== '\r') {
        i = j;
        continue;
      }
      flush(i);
      let breaks = 0;
      while (src[j] === '\n' || src[j] === '\r') {
        j += src[j] === '\r' && src[j + 1] === '\n' ? 2 : 1;
        breaks++;
        while (src[j] === ' ' || src[j] === '\t') j++;
      }
      vb.substitute(at + i, at + j, breaks === 1 ? ' ' : '\n'.repeat(breaks - 1));
      i = j;
      run = i;
    } else i++;
  }
  flush(end);
  return vb.build();
}

/** A folded block scalar whose content (the lines after the header) starts at `at`. */
function folded(text: string, at: number, src: string, chomp: string): VirtualDocument | undefined {
  const lines: Array<{ start: number; end: number; brk: number }> = []; // offsets in src; brk = after the line break
  for (let s = 0; s < src.length; ) {
    const nl = src.indexOf('\n', s);
    const brk = nl < 0 ? src.length : nl + 1;
    const end = nl < 0 ? src.length : nl > s && src[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ start: s, end, brk });
    s = brk;
  }
  const first = lines.find((l) => src.slice(l.start, l.end).trim());
  if (!first) return undefined;
  const indent = /^ */.exec(src.slice(first.start, first.end))![0].length;
  const vb = new VirtualBuilder(text);
  let prev: { end: number; brk: number; more: boolean } | undefined;
  const pending: Array<{ start: number; end: number; brk: number }> = []; // blank lines since the last content line
  for (const l of lines) {
    const body = src.slice(l.start, l.end);
    if (!body.trim()) {
      if (body.length > indent && prev) return undefined; // white space beyond the indentation: not covered
      pending.push(l);
      continue;
    }
    if (!body.startsWith(' '.repeat(indent))) return undefined;
    const cs = l.start + indent;
    const more = src[cs] === ' ' || src[cs] === '\t';
    if (!prev) {
      for (const b of pending) vb.substitute(at + b.end, at + b.brk, '\n');
    } else if (!prev.more && !more) {
      // The break after the previous line folds to a space, or vanishes before blank lines (each then one \n).
      if (!pending.length) vb.substitute(at + prev.end, at + cs, ' ');
      else {
        // (the dropped break is a gap in the map: offsets at it go to the next line)
        for (const b of pending) vb.substitute(at + b.end, at + b.brk, '\n');
      }
    } else {
      vb.substitute(at + prev.end, at + prev.brk, '\n');
      for (const b of pending) vb.substitute(at + b.end, at + b.brk, '\n');
    }
    pending.length = 0;
    vb.keep(at + cs, at + l.end);
    prev = { end: l.end, brk: l.brk, more };
  }
  if (prev && chomp !== '-' && prev.brk > prev.end) {
    vb.substitute(at + prev.end, at + prev.brk, '\n');
    if (chomp === '+') for (const b of pending) vb.substitute(at + b.end, at + b.brk, '\n');
  }
  return vb.build();
}

/** Whether a fix's new text can be written into this scalar style verbatim (so the edit maps exactly). */
export function verbatimIn(style: ScalarStyle, newText: string): boolean {
  if (/[\r\n]/.test(newText)) return false;
  if (style === 'double') return !/["\\\p{Cc}]/u.test(newText);
  if (style === 'single') return !newText.includes("'");
  return true;
}
