// What a value means to config-mapper: literal text, a reference it resolves, or text filled in at deploy time.
import type { EffectiveConfig, TomlEntry } from '../../parsers/toml/model';
import { hasPlaceholder, literalString, stringText } from './toml';
import { plainSecret, secretAlias } from './secrets';

/**
 * ALL_CAPS_WITH_UNDERSCORES tokens such as `DB_PASS` or `AM_ADMIN_PASSWORD`: placeholders that setup scripts replace
 * with sed before the server starts (the financial-services accelerator ships such files). Not a credential.
 * Only used for credential, user name and URL keys: TLS cipher names look the same and are real values.
 */
export function isSubstitutionToken(s: string): boolean {
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(s);
}

export interface Resolved {
  /** The plain text the product will use. */
  text: string;
  /** The `[secrets]` entry it came from, when the value was `$secret{alias}` with a still-plain `"[…]"` secret. */
  via?: TomlEntry;
}

/**
 * The plain text of a credential value: a literal, or `$secret{alias}` whose `[secrets]` entry is still `"[plain]"`
 * (Secure Vault has not encrypted it, so it is as readable as a literal). Undefined for everything the file does not
 * reveal: `$env{}`, `$sys{}`, `$ref{}`, runtime `${…}`, templates, cipher text, deploy-time tokens.
 */
export function resolvePlain(config: EffectiveConfig, entry: TomlEntry | undefined): Resolved | undefined {
  const text = stringText(entry?.value);
  if (!entry || text === undefined) return undefined;
  const literal = literalString(entry.value);
  if (literal !== undefined) return isSubstitutionToken(literal) ? undefined : { text: literal };
  const alias = secretAlias(text);
  if (alias === undefined) return undefined;
  const secret = config.get(['secrets', alias]);
  const plain = plainSecret(secret);
  return plain === undefined ? undefined : { text: plain, via: secret };
}

/** Where a finding about a resolved value should also point: the still-plain `[secrets]` entry. */
export function viaNote(r: Resolved): string {
  return r.via ? ` (through the Secure Vault alias \`${r.via.path[r.via.path.length - 1]}\`, which is still plain text in [secrets])` : '';
}

/**
 * A string's text when the file shows what the product will read: Carbon's runtime `${carbon.host}`-style parts
 * allowed (URLs, patterns); config-mapper placeholders, templates and deploy-time tokens not.
 */
export function visibleText(entry: TomlEntry | undefined): string | undefined {
  const s = stringText(entry?.value);
  return s === undefined || hasPlaceholder(s) || isSubstitutionToken(s) ? undefined : s;
}
