// Helpers for reading deployment.toml values the way config-mapper does.
import type { TomlEntry, TomlValue, EffectiveConfig, InsertionPoint } from '../../parsers/toml/model';
import type { OffsetEdit } from '../../engine/text';
import { eolOf } from '../../engine/text';

/** `$secret{}`, `$env{}`, `$sys{}`, `$ref{}`: resolved by config-mapper, so not a literal in the file. */
const PLACEHOLDER = /\$(secret|env|sys|ref)\{[^}]*\}/;
/** `${carbon.home}`, `${admin.password}`…: copied into XML and resolved by Carbon at run time. */
const RUNTIME_REF = /\$\{[^}]+\}/;

export function hasPlaceholder(s: string): boolean {
  return PLACEHOLDER.test(s);
}

export function isIndirect(s: string): boolean {
  return PLACEHOLDER.test(s) || RUNTIME_REF.test(s);
}

/** The decoded string of a literal string value (not a template, placeholder or runtime reference). */
export function literalString(v: TomlValue | undefined): string | undefined {
  if (!v || v.kind !== 'string' || typeof v.value !== 'string') return undefined;
  return isIndirect(v.value) ? undefined : v.value;
}

/** A string or scalar value as text, if literal (numbers and booleans too). */
export function literalScalar(v: TomlValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'string') return literalString(v);
  if (v.kind === 'integer' || v.kind === 'float' || v.kind === 'boolean') return String(v.value);
  return undefined;
}

export function pathText(path: readonly string[]): string {
  return path.map((p) => (/^[A-Za-z0-9_-]+$/.test(p) ? p : JSON.stringify(p))).join('.');
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
 * Inserts `key = value` lines for missing keys of one section where `insertionPoint` says they belong, writing
 * the `[section]` header first when the section does not exist yet. `lines` are relative to the section.
 */
export function insertKeys(text: string, config: EffectiveConfig, sectionPath: readonly string[], firstKey: string, lines: string[]): OffsetEdit {
  const at: InsertionPoint = config.insertionPoint([...sectionPath, firstKey]);
  const eol = eolOf(text);
  if (!at.needsHeader) {
    // The section that holds the keys may be an ancestor (`[transport.https]` with `properties.port = 1`):
    // then the keys are written relative to it (`properties.server = …`), as config-mapper flattens them.
    const rel = at.table ? sectionPath.slice(at.table.path.length) : [];
    const prefix = rel.length ? pathText(rel) + '.' : '';
    return { start: at.offset, end: at.offset, newText: lines.map((l) => eol + prefix + l).join('') };
  }
  const block = [`[${pathText(sectionPath)}]`, ...lines].join(eol) + eol;
  const atLineStart = at.offset === 0 || text[at.offset - 1] === '\n';
  if (at.offset >= text.length) {
    // Appending at the end: one blank line before the new section.
    const lead = text.length === 0 ? '' : (atLineStart ? '' : eol) + eol;
    return { start: at.offset, end: at.offset, newText: lead + block };
  }
  // Inserting before an existing line (e.g. before [secrets], which must stay last).
  return { start: at.offset, end: at.offset, newText: (atLineStart ? '' : eol) + block + eol };
}
