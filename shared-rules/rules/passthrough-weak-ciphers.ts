import { passthroughWeakCiphersLegacy } from './legacy/tls';
import { defineRule } from '../engine/rule';
import { checkCiphersOf } from './util/tls-cipher-check';
import type { TransportId } from './util/tls-transports';

// G09 is about the PassThrough listener (API-M gateway 8243) and MI's HTTPS listener (8253): without
// PreferredCiphers they accept whatever the JVM enables.
const OWN = new Set<TransportId>(['passthru-listener', 'mi-listener']);

export default defineRule({
  meta: {
    id: 'passthrough-weak-ciphers',
    title: 'PassThrough listener accepts weak ciphers',
    guideline: 'Remove weak ciphers for PassThrough transport',
    guidelineId: 'G09',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'mi'],
    docs: {
      what: 'Finds a PassThrough HTTPS listener without `PreferredCiphers` (`[transport.passthru_https.listener.parameters]` in API-M; `[transport.http] listener.preferred_ciphers` ≡ `[transport.https.listener.parameter] PreferredCiphers` in the Micro Integrator) — the listener then accepts every suite the JVM enables — and a `PreferredCiphers` list with broken (error), weak (warning) or CBC (information) suites, or names that are no cipher suite.',
      why: 'The guideline asks to remove weak ciphers from the PassThrough transport so that the server does not accept connections using them, by configuring PreferredCiphers. The JVM\'s default set (JDK 8–17) still includes suites without forward secrecy and CBC suites.',
      example: {
        bad: '[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1.2,TLSv1.3"',
        good: '[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1.2,TLSv1.3"\nPreferredCiphers = "TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"',
      },
      fix: 'Write `PreferredCiphers` with forward-secret AEAD suites only, as JSSE (IANA) names separated by commas. The quick fix inserts such a list when it is missing (TLS 1.3 suites plus ECDHE/DHE AES-GCM), or removes the broken and weak suites (and CBC ones while an AEAD suite remains) from an existing list, keeping its separators; it never empties a list. Review before applying: clients limited to the removed suites will fail to connect, and a suite the JVM lacks can stop the listener from starting.',
      fixSafety: 'unsafe',
      options: [{ setting: 'tls.minimumVersion', default: 'TLSv1.2', values: 'TLSv1.2, TLSv1.3', description: 'The lowest TLS version accepted: with TLSv1.3 the recommended cipher list the quick fix writes holds only TLS 1.3 suites.' }],
    },
  },
  check(ctx) {
    checkCiphersOf(ctx, OWN);
  },
  cases: {
    valid: [
      {
        name: 'a hardened gateway (financial-services accelerator)',
        fileName: 'wso2am-4.6.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "gw"\n\n[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1.2"\nPreferredCiphers = "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"\n',
      },
      { name: 'MI, the documented dotted form', code: '[transport.https]\nlistener.parameter.PreferredCiphers = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_AES_256_GCM_SHA384"\n' },
      { name: 'the Traffic Manager has no PassThrough listener', fileName: 'wso2am-tm-4.6.0/repository/conf/deployment.toml', code: '[server]\nhostname = "tm"\n' },
      { name: 'MI with listener.preferred_ciphers', fileName: 'wso2mi-4.3.0/conf/deployment.toml', code: '[server]\nhostname = "localhost"\n\n[transport.http]\nlistener.preferred_ciphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"\n' },
      {
        name: 'server_role names a Traffic Manager: no PassThrough listener, whatever the tables suggest',
        fileName: 'wso2am-4.2.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "tm"\nserver_role = "traffic-manager"\n\n[[apim.gateway.environment]]\nname = "Default"\n\n[apim.sync_runtime_artifacts.gateway]\ngateway_labels = ["Default"]\n',
      },
    ],
    invalid: [
      {
        name: 'server_role = "default" is the all-in-one, though its tables look like a Traffic Manager',
        fileName: 'wso2am-4.2.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "apim"\nserver_role = "default"\n\n[database.apim_db]\ntype = "mysql"\n',
        errors: [{ range: [0, 0, 0, 8], message: 'every suite the JVM enables is accepted', severity: 'warning' }],
        output: '[server]\nhostname = "apim"\nserver_role = "default"\n\n[database.apim_db]\ntype = "mysql"\n\n[transport.passthru_https.listener.parameters]\nPreferredCiphers = "TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"\n',
      },
      {
        name: 'API-M gateway without PreferredCiphers accepts the JVM defaults',
        fileName: 'wso2am-universal-gw-4.6.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "gw"\n\n[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1.2,TLSv1.3"\n',
        errors: [{ range: [3, 0, 3, 46], message: 'every suite the JVM enables is accepted', severity: 'warning' }],
        output: '[server]\nhostname = "gw"\n\n[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1.2,TLSv1.3"\nPreferredCiphers = "TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"\n',
      },
      {
        name: 'MI without listener.preferred_ciphers',
        fileName: 'wso2mi-4.3.0/conf/deployment.toml',
        code: '[server]\nhostname = "localhost"\n\n[transport.http]\nlistener.secured_protocols = "TLSv1.2"\n',
        errors: [{ range: [3, 0, 3, 16], message: '`[transport.http] listener.preferred_ciphers` is not set' }],
        output: '[server]\nhostname = "localhost"\n\n[transport.http]\nlistener.secured_protocols = "TLSv1.2"\nlistener.preferred_ciphers = "TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"\n',
      },
      {
        name: 'MI raw parameter spelling with 3DES',
        code: '[transport.https.listener.parameter]\nPreferredCiphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA"\n',
        errors: [{ range: [1, 19, 1, 88], message: '3DES: TLS_RSA_WITH_3DES_EDE_CBC_SHA', severity: 'error' }],
        output: '[transport.https.listener.parameter]\nPreferredCiphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"\n',
      },
      {
        name: 'a multi-line string stays multi-line',
        code: '[transport.passthru_https.listener.parameters]\nPreferredCiphers = """\nTLS_RSA_WITH_AES_128_CBC_SHA,\nTLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n"""\n',
        errors: [{ range: [1, 19, 4, 3], message: 'no forward secrecy: TLS_RSA_WITH_AES_128_CBC_SHA' }],
        output: '[transport.passthru_https.listener.parameters]\nPreferredCiphers = """\nTLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n"""\n',
      },
      {
        name: 'NULL encryption',
        code: '[transport.passthru_https.listener.parameters]\nPreferredCiphers = "TLS_RSA_WITH_NULL_SHA256, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"\n',
        errors: [{ range: [1, 19, 1, 84], message: 'NULL encryption', severity: 'error' }],
        output: '[transport.passthru_https.listener.parameters]\nPreferredCiphers = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"\n',
      },
    ],
  },
  legacy: [passthroughWeakCiphersLegacy],
});
