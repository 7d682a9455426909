// The Secure Vault `[secrets]` table: where it is, what it defines, and the block of text it spans.
import type { EffectiveConfig, TomlDocument, TomlEntry, TomlTable } from '../../parsers/toml/model';
import { literalScalar, stringText } from './toml';

/** Tables config-mapper reads aliases from (`[runtime_secrets]` is resolved at run time). */
const SECRET_TABLES = ['secrets', 'runtime_secrets'];

/** The statement defining a Secure Vault alias, if any. */
export function secretEntry(config: EffectiveConfig, alias: string): TomlEntry | undefined {
  for (const t of SECRET_TABLES) {
    const e = config.get([t, alias]);
    if (e) return e;
  }
  return undefined;
}

/**
 * `[runtime_secrets] enable = "true"` (IS 5.12+/6.x, MI): `$secret{alias}` is then resolved at run time from an
 * external vault, so an alias absent from `[secrets]` is not an error.
 */
export function runtimeSecretsEnabled(config: EffectiveConfig): boolean {
  const v = literalScalar(config.get(['runtime_secrets', 'enable'])?.value);
  return v !== undefined && v.trim().toLowerCase() === 'true';
}

/** MI's external-vault references, `$secret{vault:alias}` / `$secret{hashicorp:path}`: resolved outside `[secrets]`. */
export function externalVaultAlias(alias: string): boolean {
  return /^[A-Za-z][\w-]*:./.test(alias);
}

/** The alias of a value that is exactly `$secret{alias}`. */
export function secretAlias(s: string): string | undefined {
  return /^\$secret\{([^}]*)\}$/.exec(s.trim())?.[1];
}

/** The text inside `"[…]"`: a `[secrets]` value the cipher tool has not encrypted yet (still plain text). */
export function plainSecret(entry: TomlEntry | undefined): string | undefined {
  const s = stringText(entry?.value);
  return s === undefined ? undefined : /^\[([\s\S]*)\]$/.exec(s)?.[1];
}

/** Every `$secret{alias}` written in a string value, with the alias's offset range in the file. */
export function secretReferences(entry: TomlEntry): Array<{ alias: string; start: number; end: number }> {
  const v = entry.value;
  if (v.kind !== 'string' || !v.raw.includes('$secret{')) return [];
  const out: Array<{ alias: string; start: number; end: number }> = [];
  const re = /\$secret\{([^}]*)\}/g;
  for (let m = re.exec(v.raw); m; m = re.exec(v.raw)) {
    out.push({ alias: m[1], start: v.span.start + m.index, end: v.span.start + m.index + m[0].length });
  }
  return out;
}

export { blockStart } from '../../engine/text';

/** The `[secrets]` section (its last `[secrets]` header) and the section written after it, if any. */
export function secretsSection(doc: TomlDocument): { table: TomlTable; next?: TomlTable } | undefined {
  let found: { table: TomlTable; next?: TomlTable } | undefined;
  for (let i = 0; i < doc.tables.length; i++) {
    const t = doc.tables[i];
    if (!t.isArray && t.headerSpan && t.path.length === 1 && t.path[0] === 'secrets') found = { table: t, next: doc.tables[i + 1] };
  }
  return found;
}
