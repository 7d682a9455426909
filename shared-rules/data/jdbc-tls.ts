// How each JDBC driver is told to use TLS (driver conventions, not WSO2-specific; research §2.5). A rule reads a
// URL's parameters (lower-cased names) and asks `tlsVerdict` whether the connection is encrypted.
export type Driver = 'mysql' | 'mariadb' | 'postgresql' | 'sqlserver' | 'oracle' | 'db2' | 'h2';

export interface Verdict {
  ok: boolean;
  /**
   * `unauthenticated`: encrypted, but the driver does not check the server's certificate, so a man-in-the-middle
   * can present any certificate (still G06). Otherwise (absent) the connection may be plain text.
   */
  problem?: 'unauthenticated';
  /** Why not, in the message's words. */
  reason?: string;
  /** A parameter whose value turns TLS off, and what to write instead (for the quick fix). */
  replace?: { name: string; from: string; to: string };
}

const TRUE = /^(true|yes|1)$/i;
const FALSE = /^(false|no|0)$/i;

function unauthenticated(reason: string, name?: string, from?: string, to?: string): Verdict {
  return { ok: false, problem: 'unauthenticated', reason, replace: name && from !== undefined && to ? { name, from, to } : undefined };
}

/** What authenticates the server, per driver (for messages about encrypted but unauthenticated connections). */
export const VERIFY_EXAMPLE: Record<Driver, string> = {
  mysql: 'use sslMode=VERIFY_IDENTITY (or VERIFY_CA)',
  mariadb: 'use sslMode=verify-full',
  postgresql: 'use sslmode=verify-full (or verify-ca)',
  sqlserver: 'set trustServerCertificate=false',
  oracle: 'set ssl_server_dn_match=true',
  db2: 'set sslTrustStoreLocation',
  h2: '',
};

export function tlsVerdict(driver: Driver, params: ReadonlyMap<string, string>, url: string): Verdict {
  const p = (k: string) => params.get(k.toLowerCase());
  switch (driver) {
    case 'mysql': {
      const mode = p('sslMode')?.toUpperCase();
      if (mode === 'DISABLED') return { ok: false, reason: 'sslMode=DISABLED turns TLS off', replace: { name: 'sslMode', from: p('sslMode')!, to: 'VERIFY_IDENTITY' } };
      if (mode === 'PREFERRED') return { ok: false, reason: 'sslMode=PREFERRED falls back to plain text' };
      if (mode === 'REQUIRED') return unauthenticated('sslMode=REQUIRED encrypts without checking the server certificate', 'sslMode', p('sslMode')!, 'VERIFY_IDENTITY');
      if (mode) return { ok: true };
      const useSsl = p('useSSL');
      if (useSsl !== undefined && FALSE.test(useSsl)) return { ok: false, reason: 'useSSL=false turns TLS off', replace: { name: 'useSSL', from: useSsl, to: 'true' } };
      const verify = p('verifyServerCertificate');
      if (useSsl !== undefined && TRUE.test(useSsl) && verify !== undefined && FALSE.test(verify)) {
        return unauthenticated('useSSL=true with verifyServerCertificate=false encrypts without checking the server certificate', 'verifyServerCertificate', verify, 'true');
      }
      if (useSsl !== undefined && TRUE.test(useSsl)) return { ok: true };
      return { ok: false, reason: 'it sets neither useSSL=true nor sslMode=REQUIRED/VERIFY_CA/VERIFY_IDENTITY, so Connector/J falls back to plain text when the server offers no TLS' };
    }
    case 'mariadb': {
      const mode = p('sslMode')?.toLowerCase();
      if (mode === 'disable') return { ok: false, reason: 'sslMode=disable turns TLS off', replace: { name: 'sslMode', from: p('sslMode')!, to: 'verify-full' } };
      if (mode === 'trust') return unauthenticated('sslMode=trust encrypts without checking the server certificate', 'sslMode', p('sslMode')!, 'verify-full');
      if (mode) return { ok: true };
      const useSsl = p('useSsl');
      const trust = p('trustServerCertificate');
      if (useSsl !== undefined && TRUE.test(useSsl) && trust !== undefined && TRUE.test(trust)) {
        return unauthenticated('trustServerCertificate=true accepts any server certificate', 'trustServerCertificate', trust, 'false');
      }
      if (useSsl !== undefined && TRUE.test(useSsl)) return { ok: true };
      if (useSsl !== undefined && FALSE.test(useSsl)) return { ok: false, reason: 'useSsl=false turns TLS off', replace: { name: 'useSsl', from: useSsl, to: 'true' } };
      return { ok: false, reason: 'it sets neither useSsl=true nor sslMode=verify-full' };
    }
    case 'postgresql': {
      const mode = p('sslmode')?.toLowerCase();
      if (mode === 'disable') return { ok: false, reason: 'sslmode=disable turns TLS off', replace: { name: 'sslmode', from: p('sslmode')!, to: 'verify-full' } };
      if (mode === 'allow' || mode === 'prefer') return { ok: false, reason: `sslmode=${mode} falls back to plain text` };
      if (mode === 'require') return unauthenticated('sslmode=require encrypts without checking the server certificate', 'sslmode', p('sslmode')!, 'verify-full');
      if (/NonValidatingFactory$/.test(p('sslfactory') ?? '')) return unauthenticated('sslfactory=…NonValidatingFactory accepts any server certificate');
      if (mode) return { ok: true };
      const ssl = p('ssl');
      if (ssl !== undefined && TRUE.test(ssl)) return { ok: true };
      if (ssl !== undefined && FALSE.test(ssl)) return { ok: false, reason: 'ssl=false turns TLS off', replace: { name: 'ssl', from: ssl, to: 'true' } };
      return { ok: false, reason: 'it sets neither ssl=true nor sslmode=require/verify-ca/verify-full (the driver default "prefer" falls back to plain text)' };
    }
    case 'sqlserver': {
      const enc = p('encrypt');
      if (enc !== undefined && /^(false|no|optional)$/i.test(enc)) return { ok: false, reason: `encrypt=${enc} turns TLS off`, replace: { name: 'encrypt', from: enc, to: 'true' } };
      if (enc === undefined) return { ok: false, reason: 'it does not set encrypt=true (drivers before 10.2 do not encrypt by default)' };
      const trust = p('trustServerCertificate');
      if (trust !== undefined && TRUE.test(trust)) return unauthenticated('trustServerCertificate=true accepts any server certificate', 'trustServerCertificate', trust, 'false');
      return { ok: true };
    }
    case 'oracle':
      return /@\s*tcps:\/\//i.test(url) || /\(\s*protocol\s*=\s*tcps\s*\)/i.test(url)
        ? { ok: true }
        : { ok: false, reason: 'it does not use the TCPS protocol (jdbc:oracle:thin:@tcps://host:2484/service or (PROTOCOL=TCPS))' };
    case 'db2': {
      const ssl = p('sslConnection');
      if (ssl !== undefined && TRUE.test(ssl)) return { ok: true };
      if (ssl !== undefined) return { ok: false, reason: `sslConnection=${ssl} turns TLS off`, replace: { name: 'sslConnection', from: ssl, to: 'true' } };
      return { ok: false, reason: 'it does not set sslConnection=true' };
    }
    case 'h2':
      return { ok: true }; // embedded: the h2-database rule speaks about it
  }
}

/** What to write, per driver, when the URL has no TLS parameter at all. */
export const TLS_EXAMPLE: Record<Driver, string> = {
  mysql: 'add sslMode=VERIFY_IDENTITY (Connector/J 8+) or useSSL=true',
  mariadb: 'add sslMode=verify-full',
  postgresql: 'add sslmode=verify-full',
  sqlserver: 'add encrypt=true;trustServerCertificate=false',
  oracle: 'use jdbc:oracle:thin:@tcps://host:2484/service',
  db2: 'add sslConnection=true;',
  h2: '',
};
