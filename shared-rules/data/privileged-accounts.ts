// Well-known superuser accounts of databases and directories (research §2.6, guidelines.md G07). Compared
// case-insensitively; for LDAP DNs, the whole DN (spaces ignored) or the value of its first RDN.
export const SUPERUSER_NAMES: ReadonlyMap<string, string> = new Map([
  ['root', 'the MySQL/MariaDB superuser'],
  ['sa', 'the SQL Server (and H2) system administrator'],
  ['postgres', 'the PostgreSQL superuser'],
  ['system', 'an Oracle administrative account'],
  ['sys', 'the Oracle data dictionary owner'],
  ['db2admin', 'the DB2 administrator'],
  ['db2inst1', 'the DB2 instance owner (SYSADM)'],
  ['admin', 'a default administrator account'],
  ['administrator', 'the Active Directory administrator'],
  ['directory manager', 'the LDAP directory superuser'],
]);

/** Whole DNs of directory superusers (normalised: lower case, no spaces around separators). */
export const SUPERUSER_DNS: ReadonlyMap<string, string> = new Map([
  ['uid=admin,ou=system', 'the ApacheDS (embedded LDAP) administrator'],
  ['cn=directory manager', 'the LDAP directory superuser'],
]);

/** Why a user name is a superuser, or undefined. DNs by whole value or by their first RDN's value. */
export function superuser(name: string): string | undefined {
  const n = name.trim().toLowerCase().replace(/(?<!\s)\s+(?=[=,])|(?<=[=,])\s+/g, '');
  const dn = SUPERUSER_DNS.get(n);
  if (dn) return dn;
  const rdn = /^[a-z]+=([^,]+)(,|$)/.exec(n)?.[1];
  return SUPERUSER_NAMES.get(rdn ?? n.replace(/(?<!\s)\s+as\s+sysdba$/, ''));
}
