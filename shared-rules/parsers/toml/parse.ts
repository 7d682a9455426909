// Error-tolerant, position-aware TOML 1.0 parser for deployment.toml. One forward pass over the text, line by line:
// a syntax error costs one problem and the rest of that line (or of the broken multi-line construct), never the file.
//
// Template text (Helm/Go, Jinja) is opaque and never an error:
// - a line holding only template text is skipped;
// - control directives before a statement or after its value (`{{ if x }}key = 1{{ end }}`) are ignored;
// - a value containing template text, or followed by template output, has kind 'template';
// - a key containing template text (`pool_options.{{ $key }} = …`) skips the statement;
// - a header containing template text still opens a section, so the keys under it are not credited to the previous
//   one: a key part holding template text is named by its raw source text (`[{{ .Values.x }}]` → path
//   ['{{ .Values.x }}']), which no real configuration key can equal;
// - a broken statement or header whose text contains a template is assumed to be broken by the template: no error;
// - duplicate definitions separated by template text (if/else branches) are not reported.
import { LineIndex, type Span } from '../../engine/text';
import { addProblem, type ParseProblem } from '../diagnostics';
import { Definitions, type Conflict, type Node } from './definitions';
import { looksLikeStatement, valueExtent } from './extent';
import type { TomlDocument, TomlEntry, TomlKeyPart, TomlTable, TomlValue } from './model';
import { scanScalar } from './scalars';
import * as source from './source';
import { Fault, TEMPLATE_HIT, Source } from './source';
import { newMultilineMemo, scanBasic, scanLiteral, scanMultilineBasic, scanMultilineLiteral, type ScannedString } from './strings';
import { JOIN, Table } from './table';
import { findTemplates, isDirective } from './templates';

// Module-local copies: tsx/CommonJS interop turns imported bindings into getter calls, too slow per character.
const { COMMA, CR, DOT, DQ, EQ, HASH, LBRACE, LBRACK, LF, RBRACE, RBRACK, SP, SQ, TAB, isBare } = source;

/** Arrays/inline tables nested deeper than this are reported instead of recursed into (keeps the stack bounded). */
const MAX_DEPTH = 64;


interface Warning {
  kind: Conflict;
  path: readonly string[];
  at: number;
  prevAt: number;
  detail: string;
  span: Span;
}

/**
 * `[...prefix, ...parts' names]` in an exact-size array, made straight from the parts (no names array in between).
 * Not Array#concat (a slow generic path in V8 that topped the profile), nor spread (its array keeps spare capacity:
 * retained by every entry of the model, that cost GC time on large files).
 */
function pathOf(prefix: readonly string[], parts: readonly TomlKeyPart[]): string[] {
  const out = new Array<string>(prefix.length + parts.length);
  for (let i = 0; i < prefix.length; i++) out[i] = prefix[i];
  for (let i = 0; i < parts.length; i++) out[prefix.length + i] = parts[i].name;
  return out;
}

const NO_PATH: readonly string[] = [];

/** From the first part to the last; a one-part key (most) shares its part's span: one object fewer per entry, kept with the model. */
function keySpanOf(parts: readonly TomlKeyPart[]): Span {
  return parts.length === 1 ? parts[0].span : { start: parts[0].span.start, end: parts[parts.length - 1].span.end };
}

function displayPath(path: readonly string[]): string {
  return path.map((p) => (p.length > 0 && /^[A-Za-z0-9_-]+$/.test(p) ? p : JSON.stringify(p))).join('.');
}

class Parser {
  readonly s: Source;
  readonly text: string;
  readonly tables: Table[] = [];
  readonly entries: TomlEntry[] = [];
  readonly problems: ParseProblem[] = [];
  readonly templateSpans: Span[];
  private readonly memo = newMultilineMemo();
  private readonly defs: Definitions;
  private readonly arrayCounts = new Map<string, number>();
  private lines: LineIndex | undefined;
  private cur: Table;
  private scope: Node;
  /** Span of the key/header being defined, for conflict warnings. */
  private defSpan: Span = { start: 0, end: 0 };
  /** While a statement's value is parsed: conflicts inside inline tables wait here (a template may void them). */
  private deferring = false;
  private pending: Warning[] | undefined;
  /** Set by statementValue(): where the value's line continues. */
  private valueNext = 0;
  /** Set by key(): where the key ends, and whether a part contains template text (fields, not a result object per key). */
  private keyEnd = 0;
  private keyTemplated = false;
  /** Offset the parser has reached (for the last-resort crash report). */
  pos = 0;

  constructor(text: string, templateSpans?: readonly Span[]) {
    this.text = text;
    // A template's rendering comes with its tags when the renderer knows them (template-render.ts knownTags).
    this.templateSpans = templateSpans ? [...templateSpans] : findTemplates(text);
    this.s = new Source(text, this.templateSpans);
    this.defs = new Definitions((kind, path, at, prevAt, detail) => this.conflict(kind, path, at, prevAt, detail));
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.cur = new Table([], false, 0, bom);
    this.tables.push(this.cur);
    this.scope = this.defs.root;
  }

  run(): void {
    let i = this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const len = this.s.len;
    while (i < len) {
      this.pos = i;
      i = this.line(i);
    }
  }

  document(): TomlDocument {
    return {
      text: this.text,
      tables: this.tables,
      entries: this.entries,
      problems: this.problems,
      templateSpans: this.templateSpans,
      templated: this.templateSpans.length > 0,
    };
  }

  error(span: Span, message: string): void {
    addProblem(this.problems, { span, message, severity: 'error', code: 'toml-syntax' });
  }

  fault(f: Fault): void {
    this.error({ start: f.start, end: f.end }, f.message);
  }

  private lineOf(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.positionAt(offset).line + 1;
  }

  private conflict(kind: Conflict, path: readonly string[], at: number, prevAt: number, detail: string): void {
    const w: Warning = { kind, path, at, prevAt, detail, span: this.defSpan };
    if (this.deferring) (this.pending ??= []).push(w);
    else this.report(w);
  }

  private report(w: Warning): void {
    // if/else branches of a template legitimately define the same key twice.
    if (this.s.tplIn(w.prevAt, w.at)) return;
    const line = this.lineOf(w.prevAt);
    const what = w.kind === 'duplicate-table' ? `Table [${displayPath(w.path)}]` : `Key '${displayPath(w.path)}'`;
    const message = `${what} ${w.detail} (line ${line}); the product's TOML parser rejects this file — the last definition is used here`;
    // An error: the product's parser refuses the file, so the server does not start.
    addProblem(this.problems, { span: w.span, message, severity: 'error', code: `toml-${w.kind}` });
  }

  // ---- lines -------------------------------------------------------------------------------------------------

  /** Parses the line at `i`; returns the offset of the next line. */
  private line(i: number): number {
    const s = this.s;
    i = s.skipWs(i);
    if (i >= s.len) return s.len;
    let c = s.code(i);
    if (c === LF || c === CR) return s.afterBreak(i);
    if (c === HASH) return s.afterBreak(s.eol(i));
    let e = c === LBRACE ? s.tplAt(i) : -1;
    if (e >= 0) {
      let j = i;
      let directives = true;
      for (; e >= 0; e = s.tplAt(j)) {
        directives &&= isDirective(this.text, j, e);
        j = s.skipWs(e);
      }
      c = s.code(j);
      if (j >= s.len || c === LF || c === CR || c === HASH) return s.afterBreak(s.eol(j));
      // Template output leads the line (`{{ $key }} = …`): the key is unknown.
      if (!directives) return s.afterBreak(s.eol(valueExtent(s, i, this.memo).next));
      i = j;
    }
    return c === LBRACK ? this.header(i) : this.statement(i);
  }

  /** Skips the statement at `start` whole (templated key), including a multi-line value. */
  private skipStatement(start: number): number {
    return this.s.afterBreak(this.s.eol(valueExtent(this.s, start, this.memo).next));
  }

  private header(start: number): number {
    const s = this.s;
    const isArray = s.code(start + 1) === LBRACK;
    let key: TomlKeyPart[] | undefined;
    let j = s.skipWs(start + (isArray ? 2 : 1));
    try {
      key = this.key(j);
      j = s.skipWs(this.keyEnd);
      if (s.code(j) !== RBRACK || (isArray && s.code(j + 1) !== RBRACK)) {
        const c = s.code(j);
        const span = j >= s.len || c === LF || c === CR || c === HASH ? { start, end: this.keyEnd } : s.word(j);
        throw new Fault(span.start, span.end, isArray ? "Expected ']]' to close the [[array of tables]] header" : "Expected ']' to close the [table] header");
      }
      j += isArray ? 2 : 1;
    } catch (f) {
      if (!(f instanceof Fault)) throw f;
      const le = s.eol(start);
      if (!s.tplIn(start, le)) this.fault(f);
      // Best effort: still open a section, so the keys below are not credited to the previous one.
      const end = s.trimEnd(le, start);
      const path = key && !this.keyTemplated ? pathOf(NO_PATH, key) : [this.text.slice(start, end)];
      this.openTable(path, isArray, { start, end }, end);
      return s.afterBreak(le);
    }
    const headerSpan = { start, end: j };
    let k = s.skipWs(j);
    const c = s.code(k);
    if (k < s.len && c !== LF && c !== CR && c !== HASH && !s.tplIn(k, s.eol(k))) {
      this.error(s.word(k), 'Unexpected text after the table header; expected a new line or a # comment');
    }
    k = s.eol(k);
    this.openTable(
      pathOf(NO_PATH, key),
      isArray,
      headerSpan,
      s.trimEnd(k, j),
    );
    return s.afterBreak(k);
  }

  private openTable(path: string[], isArray: boolean, headerSpan: Span, contentEnd: number): void {
    let index = 0;
    if (isArray) {
      const id = path.join(JOIN);
      index = this.arrayCounts.get(id) ?? 0;
      this.arrayCounts.set(id, index + 1);
    }
    const table = new Table(path, isArray, index, contentEnd, headerSpan);
    this.defSpan = headerSpan;
    const { scope, owner } = this.defs.header(path, isArray, headerSpan.start, table);
    if (owner) table.arrayOwner = owner;
    this.tables.push(table);
    this.cur = table;
    this.scope = scope;
  }

  private statement(start: number): number {
    const s = this.s;
    let parts: TomlKeyPart[];
    try {
      parts = this.key(start);
    } catch (f) {
      if (!(f instanceof Fault)) throw f;
      const le = s.eol(start);
      if (!s.tplIn(start, le)) this.fault(f);
      return s.afterBreak(le);
    }
    if (this.keyTemplated) return this.skipStatement(start);
    const keyEnd = this.keyEnd;
    let j = s.skipWs(keyEnd);
    if (s.code(j) !== EQ) {
      const le = s.eol(j);
      if (s.tplIn(start, le)) return this.skipStatement(start);
      const c = s.code(j);
      const atEnd = j >= s.len || c === LF || c === CR || c === HASH;
      this.error(atEnd ? { start, end: keyEnd } : s.word(j), "Expected '=' after key");
      return s.afterBreak(le);
    }
    j = s.skipWs(j + 1);

    const table = this.cur;
    this.deferring = true;
    this.pending = undefined;
    let value = this.statementValue(start, j, table);
    const next = this.valueNext;
    this.deferring = false;
    const pending = this.pending as Warning[] | undefined;
    this.pending = undefined;

    // Rest of the line: blanks, then a comment or the line break. Template directives are ignored; template
    // output appended to the value makes it a template.
    let k = s.skipWs(next);
    let c = s.code(k);
    if (k < s.len && c !== LF && c !== CR && c !== HASH) {
      let m = k;
      let directives = true;
      let tplEnd = -1;
      for (let e = s.tplAt(m); e >= 0; e = s.tplAt(m)) {
        directives &&= isDirective(this.text, m, e);
        tplEnd = e;
        m = s.skipWs(e);
      }
      c = s.code(m);
      if (tplEnd >= 0 && (m >= s.len || c === LF || c === CR || c === HASH)) {
        if (!directives) value = this.templateValue(j, tplEnd);
        k = m;
      } else if (s.tplIn(k, s.eol(k))) {
        const ext = valueExtent(s, j, this.memo);
        value = this.templateValue(j, ext.end);
        k = ext.next;
      } else if (value.kind !== 'invalid') {
        this.error(s.word(k), 'Unexpected text after the value; expected a new line or a # comment');
      }
    }
    if (pending !== undefined && value.kind !== 'template') for (const w of pending) this.report(w);
    const le = s.eol(k);

    const last = parts[parts.length - 1];
    const entry: TomlEntry = {
      keyParts: parts,
      keySpan: keySpanOf(parts),
      value,
      span: { start, end: Math.max(value.span.end, last.span.end) },
      path: pathOf(table.path, parts),
      table,
    };
    this.defSpan = entry.keySpan;
    this.defs.key(this.scope, entry.path, table.path.length, start);
    table.entries.push(entry);
    this.entries.push(entry);
    table.contentEnd = s.trimEnd(le, entry.span.end);
    return s.afterBreak(le);
  }

  /**
   * The value at `j` of the statement at `start`, never throwing: a syntax error is reported (unless the statement
   * holds template text) and gives an 'invalid' value. Sets `valueNext` to where the value's line continues.
   */
  private statementValue(start: number, j: number, table: TomlTable): TomlValue {
    const s = this.s;
    s.sawTemplate = false;
    const tplEnd = s.code(j) === LBRACE ? s.tplAt(j) : -1;
    // The common templated value (`port = {{ .Values.port }}`) needs no strict scan.
    if (tplEnd >= 0) {
      this.valueNext = tplEnd;
      return this.templateValue(j, tplEnd);
    }
    try {
      const value = this.value(j, 0, table);
      this.valueNext = value.span.end;
      return s.sawTemplate ? this.templateValue(j, value.span.end) : value;
    } catch (f) {
      if (!(f instanceof Fault) && f !== TEMPLATE_HIT) throw f;
      this.pending = undefined;
      const ext = valueExtent(s, j, this.memo);
      this.valueNext = ext.next;
      if (f === TEMPLATE_HIT || s.sawTemplate || s.tplIn(start, ext.next)) return this.templateValue(j, ext.end);
      this.fault(f as Fault);
      return { kind: 'invalid', span: { start: j, end: ext.end }, raw: this.text.slice(j, ext.end) };
    }
  }

  private templateValue(start: number, end: number): TomlValue {
    if (end < start) end = start;
    return { kind: 'template', span: { start, end }, raw: this.text.slice(start, end) };
  }

  // ---- keys --------------------------------------------------------------------------------------------------

  /**
   * The parts of a (dotted) key at `i`; sets keyEnd and keyTemplated. Template text inside a bare part is kept (and
   * flagged); the part is named by its source.
   */
  private key(i: number): TomlKeyPart[] {
    const s = this.s;
    const t = this.text;
    // Made at a key's second part: a one-part key (most keys) returns one-element literals, no grown copy.
    let parts: TomlKeyPart[] | undefined;
    let templated = false;
    for (;;) {
      const c = s.code(i);
      let part: TomlKeyPart;
      if (c === DQ || c === SQ) {
        if (s.code(i + 1) === c && s.code(i + 2) === c) throw new Fault(i, i + 3, 'A multi-line string cannot be a key');
        const saw = s.sawTemplate;
        s.sawTemplate = false;
        const r = c === DQ ? scanBasic(s, i) : scanLiteral(s, i);
        if (s.sawTemplate) templated = true;
        s.sawTemplate = saw;
        part = { name: r.value, span: { start: i, end: r.end }, quoted: true };
        i = r.end;
      } else {
        let j = i;
        for (;;) {
          const d = t.charCodeAt(j);
          if (isBare(d)) j++;
          else if (d === LBRACE && s.tplAt(j) >= 0) {
            templated = true;
            j = s.tplAt(j);
          } else break;
        }
        if (j === i) {
          const span = s.at(i);
          const what = s.describe(i);
          throw new Fault(span.start, span.end, what.startsWith('end of') ? 'Expected a key' : `Expected a key, found ${what} (quote keys that use other characters)`);
        }
        part = { name: t.slice(i, j), span: { start: i, end: j }, quoted: false };
        i = j;
      }
      const k = s.skipWs(i);
      const last = s.code(k) !== DOT;
      if (last) {
        this.keyEnd = i;
        this.keyTemplated = templated;
      }
      if (!parts) {
        if (last) return [part];
        parts = [part];
      } else parts.push(part);
      // Exact-size copies: an array grown by push keeps spare room for ~17 elements, and a large file's model
      // keeps tens of thousands of these alive (that was half of its retained memory, and GC time grew with it).
      if (last) return parts.slice();
      i = s.skipWs(k + 1);
    }
  }

  // ---- values ------------------------------------------------------------------------------------------------

  /** A value at `i`, strictly. Throws a Fault on a syntax error, TEMPLATE_HIT on template text where syntax was due. */
  private value(i: number, depth: number, table: TomlTable): TomlValue {
    const s = this.s;
    switch (s.code(i)) {
      case DQ:
        return this.string(i, s.code(i + 1) === DQ && s.code(i + 2) === DQ ? scanMultilineBasic(s, i, this.memo) : scanBasic(s, i));
      case SQ:
        return this.string(i, s.code(i + 1) === SQ && s.code(i + 2) === SQ ? scanMultilineLiteral(s, i, this.memo) : scanLiteral(s, i));
      case LBRACK:
        return this.array(i, depth + 1, table);
      case LBRACE:
        if (s.tplAt(i) >= 0) throw TEMPLATE_HIT;
        return this.inlineTable(i, depth + 1, table);
      default:
        return scanScalar(s, i);
    }
  }

  private string(i: number, r: ScannedString): TomlValue {
    return {
      kind: 'string',
      span: { start: i, end: r.end },
      raw: this.text.slice(i, r.end),
      value: r.value,
      contentSpan: { start: r.contentStart, end: r.contentEnd },
    };
  }

  private tooDeep(i: number, depth: number): void {
    if (depth > MAX_DEPTH) throw new Fault(i, i + 1, `Values nested more than ${MAX_DEPTH} levels deep are not supported`);
  }

  /** Blanks, line breaks and comments between array elements. */
  private skipArrayBlank(i: number): number {
    const s = this.s;
    const t = this.text;
    while (i < s.len) {
      const c = t.charCodeAt(i);
      if (c === SP || c === TAB || c === LF || c === CR) i++;
      else if (c === HASH) i = s.eol(i);
      else break;
    }
    return i;
  }

  /** True when `i` starts a line (after blanks) that reads like a new statement: an array left open before it. */
  private unclosedBefore(i: number): boolean {
    let k = i;
    while (k > 0 && (this.s.code(k - 1) === SP || this.s.code(k - 1) === TAB)) k--;
    return k > 0 && (this.s.code(k - 1) === LF || this.s.code(k - 1) === CR) && looksLikeStatement(this.s, i);
  }

  private array(start: number, depth: number, table: TomlTable): TomlValue {
    this.tooDeep(start, depth);
    const s = this.s;
    const items: TomlValue[] = [];
    let j = this.skipArrayBlank(start + 1);
    for (;;) {
      if (s.code(j) === RBRACK) {
        return { kind: 'array', span: { start, end: j + 1 }, raw: this.text.slice(start, j + 1), items };
      }
      if (j >= s.len || this.unclosedBefore(j)) throw new Fault(start, start + 1, "Unterminated array: missing ']'");
      const v = this.value(j, depth, table);
      items.push(v);
      j = this.skipArrayBlank(v.span.end);
      const c = s.code(j);
      if (c === COMMA) j = this.skipArrayBlank(j + 1);
      else if (c !== RBRACK) {
        if (j >= s.len || this.unclosedBefore(j)) throw new Fault(start, start + 1, "Unterminated array: missing ']'");
        if (s.tplAt(j) >= 0) throw TEMPLATE_HIT;
        const w = s.word(j);
        throw new Fault(w.start, w.end, "Expected ',' or ']' after an array element");
      }
    }
  }

  private inlineTable(start: number, depth: number, table: TomlTable): TomlValue {
    this.tooDeep(start, depth);
    const s = this.s;
    const entries: TomlEntry[] = [];
    const scope = Definitions.scope();
    let j = s.skipWs(start + 1);
    if (s.code(j) === RBRACE) {
      return { kind: 'inline-table', span: { start, end: j + 1 }, raw: this.text.slice(start, j + 1), entries };
    }
    for (;;) {
      const c = s.code(j);
      if (j >= s.len || c === LF || c === CR) {
        throw new Fault(start, start + 1, "Unterminated inline table: missing '}' (an inline table must be on one line)");
      }
      if (c === LBRACE && s.tplAt(j) >= 0) throw TEMPLATE_HIT;
      const parts = this.key(j);
      if (this.keyTemplated) throw TEMPLATE_HIT;
      j = s.skipWs(this.keyEnd);
      if (s.code(j) !== EQ) {
        if (s.tplAt(j) >= 0) throw TEMPLATE_HIT;
        const span = s.at(j);
        throw new Fault(span.start, span.end, "Expected '=' after key");
      }
      const v = this.value(s.skipWs(j + 1), depth, table);
      const entry: TomlEntry = {
        keyParts: parts,
        keySpan: keySpanOf(parts),
        value: v,
        span: { start: parts[0].span.start, end: v.span.end },
        path: pathOf(NO_PATH, parts),
        table,
      };
      entries.push(entry);
      this.defSpan = entry.keySpan;
      this.defs.key(scope, entry.path, 0, entry.span.start);
      j = s.skipWs(v.span.end);
      const d = s.code(j);
      if (d === RBRACE) {
        return { kind: 'inline-table', span: { start, end: j + 1 }, raw: this.text.slice(start, j + 1), entries };
      }
      if (d === COMMA) {
        const comma = j;
        j = s.skipWs(j + 1);
        if (s.code(j) === RBRACE) throw new Fault(comma, comma + 1, 'A trailing comma is not allowed in an inline table');
        continue;
      }
      if (d === LBRACE && s.tplAt(j) >= 0) throw TEMPLATE_HIT;
      if (d === LF || d === CR || j >= s.len) {
        throw new Fault(start, start + 1, "Unterminated inline table: missing '}' (an inline table must be on one line)");
      }
      const span = s.word(j);
      throw new Fault(span.start, span.end, "Expected ',' or '}' in an inline table");
    }
  }
}

/**
 * Parses a deployment.toml. Never throws: syntax errors become `problems` (code "toml-syntax") and parsing resumes
 * at the next line, duplicate definitions become errors ("toml-duplicate-key", "toml-duplicate-table"; the last
 * definition wins in lookups). Offsets index `text` as given (a leading BOM is skipped, not removed).
 */
export function parseToml(text: string, read: { invalidUtf8At?: number; templateSpans?: readonly Span[] } = {}): TomlDocument {
  const p = new Parser(typeof text === 'string' ? text : String(text ?? ''), read.templateSpans);
  try {
    p.run();
  } catch (e) {
    // A bug must cost the rest of the file, not the caller.
    const at = Math.min(p.pos, p.text.length);
    p.problems.push({
      span: { start: at, end: Math.min(at + 1, p.text.length) },
      message: `Internal TOML parser error (${e instanceof Error ? e.message : String(e)}); the rest of the file was not checked`,
      severity: 'error',
      code: 'toml-internal',
    });
  }
  controlCharacters(p.text, p.problems);
  encodingProblems(p.text, read.invalidUtf8At, p.problems);
  return p.document();
}

// TOML forbids control characters (other than tab, and CR in CRLF) anywhere, comments included, and a BOM other
// than at the very start. Strings already report theirs; this pass adds the rest (comments, between tokens).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|(?<!^)\uFEFF/g;
const MAX_CONTROL_PROBLEMS = 100;
// The quick test that lets almost every file skip the pass: is any of these characters in the text? One indexOf
// (a memchr) per character is ~8× faster than a regex of their class (~2 ns a character: 1% of a TOML lint).
const CONTROL_CHARS: readonly string[] = [
  ...Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)).filter((c) => c !== '\t' && c !== '\n' && c !== '\r'),
  '\u007F',
  '\uFEFF',
];

function hasControl(text: string): boolean {
  for (const c of CONTROL_CHARS) if (text.indexOf(c) !== -1) return true;
  return false;
}

function controlCharacters(text: string, problems: ParseProblem[]): void {
  // A leading BOM passes the quick test but is allowed: then the full pass decides.
  if (text.charCodeAt(0) !== 0xfeff && !hasControl(text)) return;
  const covered = problems.filter((q) => q.severity === 'error').map((q) => q.span).sort((a, b) => a.start - b.start);
  let k = 0;
  let coverEnd = -1;
  let added = 0;
  CONTROL.lastIndex = 0;
  for (let m = CONTROL.exec(text); m && added < MAX_CONTROL_PROBLEMS; m = CONTROL.exec(text)) {
    const at = m.index;
    while (k < covered.length && covered[k].start <= at) coverEnd = Math.max(coverEnd, covered[k++].end);
    if (at < coverEnd) continue; // already inside a reported error (a string with the character, say)
    const code = m[0].charCodeAt(0);
    const name = code === 0xfeff ? 'A byte order mark (U+FEFF) is only allowed at the start of the file' : `Control character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in TOML`;
    problems.push({ span: { start: at, end: at + 1 }, message: `${name}; the product's TOML parser rejects this file`, severity: 'error', code: 'toml-syntax' });
    added++;
  }
  if (added) problems.sort((a, b) => a.span.start - b.span.start);
}

// Reported once per file each: a file saved with old Mac line ends, or in another encoding, is one fault, not hundreds.
function encodingProblems(text: string, invalidUtf8At: number | undefined, problems: ParseProblem[]): void {
  const before = problems.length;
  // TOML's line break is LF or CRLF; a lone CR is invalid (the engine still counts it as a line break, as editors do).
  for (let cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) {
    if (text.charCodeAt(cr + 1) === 10) continue;
    problems.push({ span: { start: cr, end: cr + 1 }, message: "A carriage return (CR) not followed by a line feed is not a line break in TOML (only LF or CRLF); the product's TOML parser rejects this file", severity: 'error', code: 'toml-syntax' });
    break;
  }
  if (invalidUtf8At !== undefined && invalidUtf8At >= 0 && invalidUtf8At < text.length) {
    problems.push({ span: { start: invalidUtf8At, end: invalidUtf8At + 1 }, message: "Bytes that are not UTF-8 (shown as U+FFFD): a TOML file must be UTF-8; the product's TOML parser rejects this file. Save the file as UTF-8", severity: 'error', code: 'toml-syntax' });
  }
  if (problems.length > before) problems.sort((a, b) => a.span.start - b.span.start);
}
