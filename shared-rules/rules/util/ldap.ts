// LDAP connection URLs of `[user_store]`: scheme, loopback, and the embedded LDAP server of IS 5.10/5.11.
import type { TomlEntry } from '../../parsers/toml/model';
import { hasPlaceholder, stringText } from './toml';
import { isLoopback } from './jdbc';

export interface LdapUrl {
  scheme: string;
  host: string;
  loopback: boolean;
}

/** The URLs of a connection_url value (several, space-separated, for failover); none when not visible. */
export function ldapUrls(entry: TomlEntry): LdapUrl[] {
  const s = stringText(entry.value);
  if (s === undefined || hasPlaceholder(s)) return [];
  return ldapUrlsOf(s);
}

/** The URLs of a connection URL string (also user-mgt.xml's ConnectionURL; the caller skips placeholders). */
export function ldapUrlsOf(s: string): LdapUrl[] {
  const out: LdapUrl[] = [];
  for (const u of s.split(/\s+/)) {
    const m = /^(ldaps?):\/\/\[?([^\]/:]*)/i.exec(u);
    if (m) out.push({ scheme: m[1].toLowerCase(), host: m[2].toLowerCase(), loopback: isLoopback(m[2].toLowerCase()) });
  }
  return out;
}

/** The product's own embedded LDAP (IS 5.10/5.11 ship it): a loopback URL, or the EmbeddedLDAP port property. */
export function embeddedLdap(entry: TomlEntry): boolean {
  if (stringText(entry.value)?.includes('${Ports.EmbeddedLDAP.')) return true;
  const urls = ldapUrls(entry);
  return urls.length > 0 && urls.every((u) => u.loopback);
}
