// Helm/Go (`{{ … }}`) and Jinja (`{% … %}`, `{# … #}`) template text. deployment.toml files are often rendered from
// charts; the template engine runs before TOML is read, so template text is opaque and must never be a TOML error.
import type { Span } from '../../engine/text';


const OPEN = 123; // {
const PCT = 37; // %
const HASH = 35; // #

/**
 * The next occurrence of a closer at or after `from`, memoised per closer, so repeated searches stay linear. The
 * three closers have a slot each (arrays, not Maps keyed by the closer: those lookups were a tenth of a template's scan).
 */
class Closers {
  /** Per closer ('}}', '%}', '#}'): the offset last searched from (Infinity: never) and what was found there. */
  private readonly from = [Infinity, Infinity, Infinity];
  private readonly found = [-1, -1, -1];
  constructor(private readonly text: string) {}
  next(close: string, from: number): number {
    const k = close === '}}' ? 0 : close === '%}' ? 1 : 2;
    const f = this.found[k];
    if (from >= this.from[k] && (f === -1 || from <= f)) return f;
    const j = this.text.indexOf(close, from);
    this.from[k] = from;
    this.found[k] = j;
    return j;
  }
}

/**
 * Where each line's comment starts and which stretches are quoted, lexed once per line and only for lines with a
 * tag that does not close on its own line: such a tag must start in code, not in a `#` comment or a quoted string
 * (a `{{` written in a comment must not swallow the lines up to some later `}}`). Tags closing on their line are skipped over.
 */
class LineLexer {
  private lineStart = -1;
  private commentAt = Infinity;
  private quoted: Span[] = [];
  constructor(private readonly text: string, private readonly closers: Closers) {}

  /** True when offset `i` (an opener) is in a comment or a quoted string of its line. */
  inCommentOrString(i: number, lineStart: number, lineEnd: number): boolean {
    if (lineStart !== this.lineStart) this.lex(lineStart, lineEnd);
    if (i >= this.commentAt) return true;
    // Quoted stretches are in order and disjoint: binary search (a line may hold many).
    const q = this.quoted;
    let lo = 0;
    let hi = q.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (q[mid].end <= i) lo = mid + 1;
      else hi = mid;
    }
    return lo < q.length && i > q[lo].start && i < q[lo].end;
  }

  private lex(a: number, b: number): void {
    const t = this.text;
    this.lineStart = a;
    this.commentAt = Infinity;
    this.quoted = [];
    let quote = 0;
    let qStart = 0;
    for (let k = a; k < b; k++) {
      const c = t.charCodeAt(k);
      if (c === OPEN && (t.charCodeAt(k + 1) === OPEN || t.charCodeAt(k + 1) === PCT || t.charCodeAt(k + 1) === HASH)) {
        const close = t.charCodeAt(k + 1) === OPEN ? '}}' : t.charCodeAt(k + 1) === PCT ? '%}' : '#}';
        const j = this.closers.next(close, k + 2);
        if (j !== -1 && j + 2 <= b) { k = j + 1; continue; } // a tag on this line is opaque, quotes and all
      }
      if (quote) {
        if (c === 92 && quote === 34) k++;
        else if (c === quote) { this.quoted.push({ start: qStart, end: k }); quote = 0; }
      } else if (c === 34 || c === 39) { quote = c; qStart = k; }
      else if (c === HASH) { this.commentAt = k; return; }
    }
    if (quote) this.quoted.push({ start: qStart, end: b });
  }
}

/**
 * The end of the line around `i`. `cr` is the caller's next-CR cursor: asked with growing `i`, it searches forward only
 * (a search from every `i` scanned to the end of a CR-free file each time: quadratic in the tags of a long template).
 */
function lineEnd(text: string, i: number, cr: { at: number }): number {
  let end = text.indexOf('\n', i);
  if (end === -1) end = text.length;
  if (cr.at !== -1 && cr.at < i) cr.at = text.indexOf('\r', i);
  if (cr.at !== -1 && cr.at < end) end = cr.at;
  return end;
}

/** The start of the line around `i`: asked only for a tag that does not close on its line (most never are). */
function lineStart(text: string, i: number): number {
  let start = i;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  return start;
}

/**
 * Finds template spans (in file order, never overlapping) in one linear pass. An opener without a closer later in the file is plain text. Once a
 * closer kind is known to be absent from some offset on, later openers of that kind are not searched again
 * (that search is what would otherwise make many unclosed `{{` quadratic). A tag that spans lines must start in
 * code: an opener in a `#` comment or a quoted string that does not close on its line is plain text.
 */
export function findTemplates(text: string): Span[] {
  const spans: Span[] = [];
  // Most files hold no opener at all: three literal searches instead of visiting every `{` (inline tables).
  if (!text.includes('{{') && !text.includes('{%') && !text.includes('{#')) return spans;
  let noCurly = false;
  let noPct = false;
  let noHash = false;
  const closers = new Closers(text);
  let lexer: LineLexer | undefined;
  // The line of the current opener: its end, and its start once a tag there spans lines (-1: not yet known).
  let end = -1;
  let start = -1;
  const cr = { at: -2 }; // below any offset: the first lineEnd searches
  let i = text.indexOf('{');
  while (i !== -1) {
    const c = text.charCodeAt(i + 1);
    let close: string | undefined;
    if (c === OPEN && !noCurly) close = '}}';
    else if (c === PCT && !noPct) close = '%}';
    else if (c === HASH && !noHash) close = '#}';
    if (close === undefined) {
      i = text.indexOf('{', i + 1);
      continue;
    }
    const j = closers.next(close, i + 2);
    if (j === -1) {
      if (c === OPEN) noCurly = true;
      else if (c === PCT) noPct = true;
      else noHash = true;
      i = text.indexOf('{', i + 1);
      continue;
    }
    // Openers come in increasing order: past the current line's end is a later line.
    if (i >= end) {
      end = lineEnd(text, i, cr);
      start = -1;
    }
    if (j + 2 > end) {
      lexer ??= new LineLexer(text, closers);
      if (start === -1) start = lineStart(text, i);
      if (lexer.inCommentOrString(i, start, end)) {
        i = text.indexOf('{', i + 1);
        continue;
      }
    }
    spans.push({ start: i, end: j + 2 });
    i = text.indexOf('{', j + 2);
  }
  return spans;
}

const KEYWORDS = ['if', 'else', 'end', 'range', 'with', 'define', 'block', 'break', 'continue'];

const isIdent = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * True for template text that renders nothing by itself: control flow (`{{- if … }}`, `{{ end }}`, `{% … %}`),
 * comments (`{{/* … *\/}}`, `{# … #}`) and variable assignments (`{{ $x := … }}`). Used to keep
 * `{{ if x }}key = 1{{ end }}` as the value 1, while `key = "a" {{ .x }}` (output appended) makes it a template.
 */
export function isDirective(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start + 1) !== OPEN) return true; // {% … %} and {# … #}
  let i = start + 2;
  if (text.charCodeAt(i) === 45) i++; // {{-
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) i++;
  const c = text.charCodeAt(i);
  if (c === 47 && text.charCodeAt(i + 1) === 42) return true; // /*
  if (c === 36) {
    // $var := … / $var = …
    let j = i + 1;
    while (j < end && isIdent(text.charCodeAt(j))) j++;
    while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (text.charCodeAt(j) === 58) j++;
    return text.charCodeAt(j) === 61 && text.charCodeAt(j + 1) !== 61;
  }
  if (c < 98 || c > 119) return false; // no keyword starts outside b…w: skip the list for `{{ .Values… }}`
  for (const k of KEYWORDS) {
    if (text.startsWith(k, i) && !isIdent(text.charCodeAt(i + k.length))) return true;
  }
  return false;
}

const LT = 60; // <

/**
 * ERB tags `<% … %>`, `<%= … %>`, `<%# … %>`, `<%- … -%>` (in file order, never overlapping), in one linear pass
 * like findTemplates: once no `%>` follows some offset, later `<%` are plain text without searching again.
 */
export function findErbTemplates(text: string): Span[] {
  const spans: Span[] = [];
  let i = text.indexOf('<%');
  while (i !== -1) {
    if (text.charCodeAt(i + 2) === PCT) {
      i = text.indexOf('<%', i + 3); // `<%%` is a literal `<%`
      continue;
    }
    const j = text.indexOf('%>', i + 2);
    if (j === -1) break;
    spans.push({ start: i, end: j + 2 });
    i = text.indexOf('<%', j + 2);
  }
  return spans;
}

/** What a template tag does, for splitting `if`/`else` branches. */
export type TagRole = 'output' | 'comment' | 'if' | 'elif' | 'else' | 'end' | 'open' | 'directive';

const GO_OPEN = new Set(['range', 'with', 'define', 'block']);
const JINJA_OPEN = new Set(['for', 'macro', 'block', 'with', 'filter', 'call', 'raw', 'autoescape']);
const ERB_OPEN = new Set(['unless', 'case', 'while', 'until', 'for', 'begin']);

function wordAt(text: string, i: number, end: number): string {
  let j = i;
  while (j < end && isIdent(text.charCodeAt(j))) j++;
  return text.slice(i, j);
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && /\s/.test(text[i])) i++;
  return i;
}

/** The role of the tag at `span`: output, comment, a branch of an if-chain, a block opener/closer, or another directive. */
export function tagRole(text: string, span: Span): TagRole {
  const { start, end } = span;
  const c1 = text.charCodeAt(start);
  const c2 = text.charCodeAt(start + 1);
  if (c1 === LT) {
    // ERB
    const c3 = text.charCodeAt(start + 2);
    if (c3 === 61) return 'output'; // <%=
    if (c3 === HASH) return 'comment';
    let i = start + 2;
    if (text.charCodeAt(i) === 45) i++;
    i = skipBlanks(text, i, end - 2);
    const w = wordAt(text, i, end);
    if (w === 'if') return 'if';
    if (w === 'elsif') return 'elif';
    if (w === 'else') return 'else';
    if (w === 'end') return 'end';
    if (ERB_OPEN.has(w)) return 'open';
    // `<% list.each do |x| %>`: a block opened by `do`
    const inner = text.slice(start + 2, end - 2).replace(/-$/, '').trimEnd();
    if (/(^|\s)do(\s*\|[^|]*\|)?$/.test(inner)) return 'open';
    return 'directive';
  }
  if (c2 === HASH) return 'comment';
  let i = start + 2;
  if (text.charCodeAt(i) === 45 || text.charCodeAt(i) === 43) i++; // - or + trim markers
  i = skipBlanks(text, i, end - 2);
  const w = wordAt(text, i, end);
  if (c2 === PCT) {
    // Jinja
    if (w === 'if') return 'if';
    if (w === 'elif') return 'elif';
    if (w === 'else') return 'else';
    if (w === 'endif' || w.startsWith('end')) return 'end';
    if (JINJA_OPEN.has(w)) return 'open';
    if (w === 'set' && !text.slice(i, end).includes('=')) return 'open'; // block assignment {% set x %}…{% endset %}
    return 'directive';
  }
  // Go / Helm
  if (w === 'if') return 'if';
  if (w === 'else') {
    const k = skipBlanks(text, i + 4, end);
    return wordAt(text, k, end) === 'if' ? 'elif' : 'else';
  }
  if (w === 'end') return 'end';
  if (GO_OPEN.has(w)) return 'open';
  return isDirective(text, start, end) ? (text.charCodeAt(skipBlanks(text, i, end)) === 47 ? 'comment' : 'directive') : 'output';
}
