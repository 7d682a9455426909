// Passwords written in log4j properties files (log4j2.properties and Carbon 4.4's log4j 1.x log4j.properties).
import type { RuleContext } from '../../engine/rule';

// Credential properties of appenders (JDBC, SMTP, Syslog/TLS key stores, Carbon's LOGEVENT appender).
const SECRET_KEY = /(^|\.)([A-Za-z]*(password|passwd|pwd)|secret)$/i;
// Secure Vault reference as Carbon resolves it, or a lookup / system property substitution (env, sys, ${…}).
const PROTECTED = /^(secretAlias:|\$\{)/i;

/** A match ends the key with password, passwd, pwd or secret: its last letter is d or t (the regex only then). */
function endsLikeSecret(key: string): boolean {
  const c = key.charCodeAt(key.length - 1) | 0x20; // lower case of an ASCII letter
  return c === 0x64 /* d */ || c === 0x74; /* t */
}

export function reportPlaintextPasswords(ctx: RuleContext<'properties'>): void {
  for (const e of ctx.model.doc.entries) {
    // The regex, tried at every position of every key, was 5% of a log4j2.properties lint.
    if (!endsLikeSecret(e.key) || !SECRET_KEY.test(e.key)) continue;
    const v = e.value.trim();
    if (v === '' || PROTECTED.test(v)) continue;
    ctx.report({
      span: e.valueSpan,
      message: `\`${e.key}\` is a plain-text password. Store it in Secure Vault and write \`secretAlias:<alias>\` instead.`,
    });
  }
}
