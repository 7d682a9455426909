// Reading a key as the product does: the key, or any key-mappings.json alias of it (data/aliases.ts).
import type { EffectiveConfig, TomlEntry } from '../../parsers/toml/model';
import { KEY_ALIASES } from '../../data/aliases';

const ALIAS_GROUPS = new Map<string, string[][]>();
for (const [friendly, raw] of KEY_ALIASES) {
  const group = [friendly.split('.'), raw.split('.')];
  ALIAS_GROUPS.set(friendly, group);
  ALIAS_GROUPS.set(raw, group);
}

/** Every spelling of a key: itself first, then its aliases. */
export function spellings(path: readonly string[]): string[][] {
  return ALIAS_GROUPS.get(path.join('.')) ?? [path.slice()];
}

/** The statement that sets this key under any of its spellings; the one written last in the file wins. */
export function readKey(config: EffectiveConfig, path: readonly string[]): TomlEntry | undefined {
  let best: TomlEntry | undefined;
  for (const p of spellings(path)) {
    const e = config.get(p);
    if (e && (!best || e.span.start > best.span.start)) best = e;
  }
  return best;
}
