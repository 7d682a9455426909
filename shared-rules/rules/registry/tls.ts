// deployment.toml TLS transport rules: protocols, ciphers, Server header, HSTS, hostname verification, XSS valve.
import type { Rule } from '../../engine/rule';
import weakTlsProtocols from '../weak-tls-protocols';
import weakTlsCiphers from '../weak-tls-ciphers';
import passthroughWeakCiphers from '../passthrough-weak-ciphers';
import serverHeaderDisclosure from '../server-header-disclosure';
import hstsDisabled from '../hsts-disabled';
import senderHostnameVerification from '../sender-hostname-verification';
import xssValveMissing from '../xss-valve-missing';

export const tlsRules: Rule[] = [
  weakTlsProtocols,
  weakTlsCiphers,
  passthroughWeakCiphers,
  serverHeaderDisclosure,
  hstsDisabled,
  senderHostnameVerification,
  xssValveMissing,
] as Rule[];
