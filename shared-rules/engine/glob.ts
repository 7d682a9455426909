// Glob patterns as VS Code's `files.exclude` writes them (`**`, `*`, `?`, `{a,b}`, `[a-z]`), matched against
// '/'-separated paths relative to a base folder. The server and the CLI share it.
//
// Patterns come from the repository (`.carbonlint.json`) and from settings, so they are hostile input: a glob is
// compiled to a Thompson NFA and run by state-set simulation (never by a backtracking RegExp), so matching is
// O(path length × pattern size) whatever the pattern (`*a*a*a*a*b` included). An invalid pattern (`[z-a]`) is
// an error value, never an exception; compiled patterns live in a bounded cache. See docs/decisions.md.

/** Longest pattern accepted (settings globs are a few dozen characters). */
export const MAX_GLOB_LENGTH = 4096;
/** Deepest `{…}` nesting accepted (the parser recurses once per level). */
export const MAX_BRACE_DEPTH = 32;
/** Compiled patterns kept; the least recently used one is dropped beyond this. */
export const GLOB_CACHE_SIZE = 256;

type Pred = (c: number) => boolean;
type Item =
  | { k: 'char'; pred: Pred; lit?: number }
  | { k: 'star' } // [^/]*
  | { k: 'dirs' } // `**/`: (?:[^/]*/)*
  | { k: 'rest' } // .*
  | { k: 'dirRest' } // `dir/**`: (?:/.*)?
  | { k: 'alt'; alts: Item[][] };

class GlobSyntaxError extends Error {}

const SLASH = 0x2f;
const notSlash: Pred = (c) => c !== SLASH;
const anyChar: Pred = () => true;

function parse(g: string, depth: number): Item[] {
  if (depth > MAX_BRACE_DEPTH) throw new GlobSyntaxError(`braces nested deeper than ${MAX_BRACE_DEPTH}`);
  const out: Item[] = [];
  const lit = (ch: string) => {
    const code = ch.charCodeAt(0);
    out.push({ k: 'char', pred: (c) => c === code, lit: code });
  };
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      const slashAfter = g[i + 2] === '/';
      const atSegmentStart = i === 0 || g[i - 1] === '/';
      if (atSegmentStart && slashAfter) {
        out.push({ k: 'dirs' });
        i += 2;
      } else if (atSegmentStart && i + 2 === g.length) {
        const last = out[out.length - 1];
        if (last && last.k === 'char' && last.lit === SLASH) {
          out.pop();
          out.push({ k: 'dirRest' });
        } else out.push({ k: 'rest' });
        i += 1;
      } else {
        out.push({ k: 'star' });
        i += 1;
      }
    } else if (c === '*') out.push({ k: 'star' });
    else if (c === '?') out.push({ k: 'char', pred: notSlash });
    else if (c === '{') {
      const close = matching(g, i);
      if (close < 0) lit(c);
      else {
        out.push({ k: 'alt', alts: split(g.slice(i + 1, close)).map((a) => parse(a, depth + 1)) });
        i = close;
      }
    } else if (c === '[') {
      const close = g.indexOf(']', i + 2);
      if (close < 0) lit(c);
      else {
        out.push({ k: 'char', pred: charClass(g.slice(i + 1, close)) });
        i = close;
      }
    } else lit(c);
  }
  return out;
}

/** `[…]` body: `!` or `^` first negates; `a-z` is a range (out of order is an error); anything else is itself. */
function charClass(body: string): Pred {
  const negated = body.startsWith('!') || body.startsWith('^');
  const b = negated ? body.slice(1) : body;
  const ranges: Array<[number, number]> = [];
  for (let j = 0; j < b.length; j++) {
    const lo = b.charCodeAt(j);
    if (b[j + 1] === '-' && j + 2 < b.length) {
      const hi = b.charCodeAt(j + 2);
      if (hi < lo) throw new GlobSyntaxError(`character range "${b[j]}-${b[j + 2]}" is out of order`);
      ranges.push([lo, hi]);
      j += 2;
    } else ranges.push([lo, lo]);
  }
  return (c) => ranges.some(([lo, hi]) => c >= lo && c <= hi) !== negated;
}

function matching(g: string, open: number): number {
  let depth = 0;
  for (let i = open; i < g.length; i++) {
    if (g[i] === '{') depth++;
    else if (g[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function split(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(body.slice(last));
  return parts;
}

/** The NFA: state i either consumes one character (`pred[i]`, then `out[i][0]`) or is a split (`pred[i]` null). */
class Nfa {
  pred: Array<Pred | null> = [null];
  out: number[][] = [[]]; // state 0 accepts
  private add(p: Pred | null, out: number[]): number {
    this.pred.push(p);
    this.out.push(out);
    return this.pred.length - 1;
  }
  /** Compiles the items in front of `next`, back to front; returns the start state. */
  seq(items: Item[], next: number): number {
    for (let i = items.length - 1; i >= 0; i--) next = this.item(items[i], next);
    return next;
  }
  private loop(p: Pred, next: number): number {
    const s = this.add(null, []);
    this.out[s] = [this.add(p, [s]), next];
    return s;
  }
  private item(it: Item, next: number): number {
    switch (it.k) {
      case 'char': return this.add(it.pred, [next]);
      case 'star': return this.loop(notSlash, next);
      case 'rest': return this.loop(anyChar, next);
      case 'dirs': {
        const s = this.add(null, []);
        this.out[s] = [this.loop(notSlash, this.add((c) => c === SLASH, [s])), next];
        return s;
      }
      case 'dirRest': return this.add(null, [this.add((c) => c === SLASH, [this.loop(anyChar, next)]), next]);
      case 'alt': return this.add(null, it.alts.map((a) => this.seq(a, next)));
    }
  }
}

/** A compiled pattern: `matches` is linear in the path's length. */
export interface CompiledGlob {
  /** The whole path matches. */
  matches(relPath: string): boolean;
  /** The path, or one of the folders it is in, matches (excluding a folder excludes its files). */
  matchesPathOrParent(relPath: string): boolean;
}

function build(glob: string): CompiledGlob {
  let g = glob.trim().replace(/\\/g, '/');
  if (g.startsWith('./')) g = g.slice(2);
  if (g.endsWith('/')) g = g.slice(0, -1);
  const nfa = new Nfa();
  const start = nfa.seq(parse(g, 0), 0);
  const { pred, out } = nfa;
  const mark = new Uint32Array(pred.length);
  let gen = 0;
  const stack: number[] = [];
  // Adds the epsilon closure of `s` to `set` (each state once per step: the set is at most the NFA's size).
  const close = (s: number, set: number[]) => {
    stack.push(s);
    while (stack.length) {
      const t = stack.pop()!;
      if (mark[t] === gen) continue;
      mark[t] = gen;
      if (pred[t] || t === 0) set.push(t);
      else for (let j = out[t].length - 1; j >= 0; j--) stack.push(out[t][j]);
    }
  };
  const run = (path: string, parents: boolean): boolean => {
    const p = path.replace(/\\/g, '/');
    if (p.startsWith('/')) parents = false; // not a relative path: no folder prefixes (as before)
    gen++;
    let cur: number[] = [];
    close(start, cur);
    for (let i = 0; i < p.length && cur.length; i++) {
      const c = p.charCodeAt(i);
      if (parents && c === SLASH && i > 0 && cur.includes(0)) return true; // the folder p[0..i) matches
      gen++;
      const next: number[] = [];
      for (const s of cur) if (s !== 0 && pred[s]!(c)) close(out[s][0], next);
      cur = next;
    }
    return cur.includes(0);
  };
  return { matches: (p) => run(p, false), matchesPathOrParent: (p) => run(p, true) };
}

const cache = new Map<string, CompiledGlob | string>();

/** Compiles a glob (cached, least recently used dropped beyond GLOB_CACHE_SIZE): the matcher, or why it is invalid. */
export function compileGlob(glob: string): CompiledGlob | { error: string } {
  let c = cache.get(glob);
  if (c !== undefined) cache.delete(glob); // re-inserted below: most recently used last
  else {
    try {
      if (glob.length > MAX_GLOB_LENGTH) throw new GlobSyntaxError(`longer than ${MAX_GLOB_LENGTH} characters`);
      c = build(glob);
    } catch (e) {
      if (!(e instanceof GlobSyntaxError)) throw e;
      c = e.message;
    }
  }
  cache.set(glob, c);
  if (cache.size > GLOB_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return typeof c === 'string' ? { error: c } : c;
}

/** Why a glob is invalid, or undefined when it is valid. */
export function globProblem(glob: string): string | undefined {
  const c = compileGlob(glob);
  return 'error' in c ? c.error : undefined;
}

/** For tests: how many compiled patterns the cache holds. */
export function globCacheSize(): number {
  return cache.size;
}

/**
 * A predicate over '/'-separated relative paths: true when any pattern matches the path or a folder it is in.
 * Invalid patterns match nothing (their owners report them: see globProblem).
 */
export function globMatcher(patterns: readonly string[]): (relPath: string) => boolean {
  const compiled = patterns.filter((p) => p.trim()).map(compileGlob).filter((c): c is CompiledGlob => !('error' in c));
  return (relPath) => compiled.some((c) => c.matchesPathOrParent(relPath));
}
