// Helpers for reading deployment.toml values the way config-mapper does.
import type { TomlEntry, TomlValue, EffectiveConfig, InsertionPoint } from '../../parsers/toml/model';
import type { OffsetEdit } from '../../engine/text';
import { eolOf } from '../../engine/text';

/** `$secret{}`, `$env{}`, `$sys{}`, `$ref{}`: resolved by config-mapper, so not a literal in the file. */
const PLACEHOLDER = /\$(secret|env|sys|ref)\{[^}]*\}/;
/** `${carbon.home}`, `${admin.password}`…: copied into XML and resolved by Carbon at run time. */
const RUNTIME_REF = /\$\{[^}]+\}/;

// Both patterns start with `$`: a value without one (most) is answered without running them. Rules ask this of
// nearly every value they read.
export function hasPlaceholder(s: string): boolean {
  return s.includes('$') && PLACEHOLDER.test(s);
}

export function isIndirect(s: string): boolean {
  return s.includes('$') && (PLACEHOLDER.test(s) || RUNTIME_REF.test(s));
}

/** The decoded text of a string value, whatever it holds (placeholders, runtime references and deploy-time tokens too). */
export function stringText(v: TomlValue | undefined): string | undefined {
  return v?.kind === 'string' && typeof v.value === 'string' ? v.value : undefined;
}

/** The decoded string of a literal string value (not a template, placeholder or runtime reference). */
export function literalString(v: TomlValue | undefined): string | undefined {
  const s = stringText(v);
  return s === undefined || isIndirect(s) ? undefined : s;
}

/** A string or scalar value as text, if literal (numbers and booleans too). */
export function literalScalar(v: TomlValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'string') return literalString(v);
  if (v.kind === 'integer' || v.kind === 'float' || v.kind === 'boolean') return String(v.value);
  return undefined;
}

/** `a.b."c.d"`: bare parts as they are, others quoted. (Built in a loop: messages and fixes ask it of most findings.) */
export function pathText(path: readonly string[]): string {
  let out = '';
  for (let i = 0; i < path.length; i++) out += (i > 0 ? '.' : '') + (isBareKey(path[i]) ? path[i] : JSON.stringify(path[i]));
  return out;
}

/** /^[A-Za-z0-9_-]+$/ without a regex. */
function isBareKey(p: string): boolean {
  if (p.length === 0) return false;
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45)) return false;
  }
  return true;
}

/** The key as its statement writes it, relative to its table (`properties.protocols`), for messages. */
export function writtenKey(entry: TomlEntry): string {
  return pathText(entry.keyParts.map((k) => k.name));
}

/** Renders a TOML basic string. */
export function tomlString(s: string): string {
  return JSON.stringify(s);
}

/** Replaces a value in place. */
export function replaceValue(entry: TomlEntry, newValueText: string): OffsetEdit {
  return { start: entry.value.span.start, end: entry.value.span.end, newText: newValueText };
}

/**
 * True when a value (scalar, array or inline table) already sits at a strict prefix of `path` — or at `path` itself
 * when `inclusive` — so no key or table can be added there without redefining it (invalid TOML).
 */
export function occupied(config: EffectiveConfig, path: readonly string[], inclusive = false): boolean {
  for (let i = 1; i < path.length + (inclusive ? 1 : 0); i++) if (config.get(path.slice(0, i))) return true;
  return false;
}

/**
 * The section a missing key is written relative to: its parent when a table already holds that (the parent's own
 * table, or an ancestor that writes it with dotted keys), else `section` — the parent, or an ancestor a fix writes
 * the key into (MI's `[transport.http] listener.*`).
 */
function keySection(config: EffectiveConfig, path: readonly string[], section: readonly string[]): readonly string[] {
  return config.insertionPoint(path).needsHeader ? section : path.slice(0, -1);
}

/**
 * Where `insertKey` writes a missing key. Its `reportSpan` anchors a finding about the absence: the header of the
 * table the key goes into, or the first line of the file when there is none yet.
 */
export function keyInsertionPoint(config: EffectiveConfig, path: readonly string[], section: readonly string[] = path.slice(0, -1)): InsertionPoint {
  return config.insertionPoint(path.slice(0, keySection(config, path, section).length + 1));
}

/**
 * Inserts `path = value` where config-mapper will read it: into the table that already holds the path's parent (with
 * the key made relative to it, so `[transport.https] properties.x` files get `properties.server`), else into the table
 * that holds `section`, else as a new `[section]` at the end of the file (before [secrets]). Undefined when a value
 * already occupies a prefix of the path.
 */
export function insertKey(text: string, config: EffectiveConfig, path: readonly string[], valueText: string, section: readonly string[] = path.slice(0, -1)): OffsetEdit | undefined {
  if (occupied(config, path)) return undefined;
  const base = keySection(config, path, section);
  const rel = path.slice(base.length);
  return insertKeys(text, config, base, rel[0], [`${pathText(rel)} = ${valueText}`]);
}

/**
 * Inserts `key = value` lines for missing keys of one section where `insertionPoint` says they belong, writing
 * the `[section]` header first when the section does not exist yet. `lines` are relative to the section, and
 * `firstKey` is the first part of the first line's key.
 */
export function insertKeys(text: string, config: EffectiveConfig, sectionPath: readonly string[], firstKey: string, lines: string[]): OffsetEdit {
  const at: InsertionPoint = config.insertionPoint([...sectionPath, firstKey]);
  if (!at.needsHeader) {
    // The section that holds the keys may be an ancestor (`[transport.https]` with `properties.port = 1`):
    // then the keys are written relative to it (`properties.server = …`), as config-mapper flattens them.
    const eol = eolOf(text);
    const rel = at.table ? sectionPath.slice(at.table.path.length) : [];
    const prefix = rel.length ? pathText(rel) + '.' : '';
    return { start: at.offset, end: at.offset, newText: lines.map((l) => eol + prefix + l).join('') };
  }
  return insertBlock(text, at.offset, [`[${pathText(sectionPath)}]`, ...lines]);
}

/**
 * Inserts whole lines (a new section) at `offset`: at the end of the file after one blank line, or before an existing
 * line (e.g. before [secrets], which must stay last) with a blank line after them.
 */
export function insertBlock(text: string, offset: number, lines: readonly string[]): OffsetEdit {
  const eol = eolOf(text);
  const block = lines.join(eol) + eol;
  const atLineStart = offset === 0 || text[offset - 1] === '\n';
  if (offset >= text.length) {
    const lead = text.length === 0 ? '' : (atLineStart ? '' : eol) + eol;
    return { start: offset, end: offset, newText: lead + block };
  }
  return { start: offset, end: offset, newText: (atLineStart ? '' : eol) + block + eol };
}
