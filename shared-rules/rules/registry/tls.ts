// deployment.toml TLS transport rules: protocols, ciphers, Server header, HSTS, hostname verification, XSS valve.
import type { Rule } from '../../engine/rule';

export const tlsRules: Rule[] = [
] as Rule[];
