import { weakTlsCiphersLegacy } from './legacy/tls';
import { defineRule } from '../engine/rule';
import { checkCiphersOf } from './util/tls-cipher-check';
import type { TransportId } from './util/tls-transports';

// The cipher lists G09 does not cover: Tomcat (9443), the PassThrough/MI senders and the binary event receiver.
// (The PassThrough and MI listeners' PreferredCiphers are the rule passthrough-weak-ciphers.)
const OWN = new Set<TransportId>(['tomcat', 'passthru-sender', 'mi-sender', 'binary-receiver']);

export default defineRule({
  meta: {
    id: 'weak-tls-ciphers',
    title: 'Weak TLS cipher suites',
    guideline: 'Configure strong HTTP(S) security',
    guidelineId: 'G08',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Judges every suite a cipher list enables — Tomcat `ciphers` (JSSE or OpenSSL names, and OpenSSL strings such as `HIGH:!aNULL`, evaluated as Tomcat does), the PassThrough and MI senders\' `PreferredCiphers`, and the binary receiver\'s `ciphers` array: broken (NULL, EXPORT, anonymous, DES, 3DES, RC4, RC2, IDEA, MD5) is an error, weak (no forward secrecy: `TLS_RSA_*`, static `TLS_ECDH_*`/`TLS_DH_*`; DSS) a warning, CBC where GCM or ChaCha20 exists an information. A name that is no cipher suite (such as `TLS_EMPTY_RENEGOTIATION_INFO_SCSVF`, a typo in WSO2\'s own documented list) gets a finding of its own. In a full product deployment.toml a missing Tomcat `ciphers` (Tomcat\'s default `HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!kRSA` still admits static ECDH and DSS suites) and a missing binary receiver list (its shipped list has CBC suites) are reported too. For a listener, what it can negotiate depends on its key: when the TLS keystore can be read, the message says which suites its key really negotiates (an RSA key never negotiates DSS, ECDSA or static-ECDH suites) and the severity follows those; otherwise the RSA key every shipped keystore holds is assumed, and the rest is phrased as "if the key were DSA or EC".',
      why: 'The guideline: DES/3DES are deprecated, MD5 has collision attacks, RC4 has cryptanalytic attacks, DSS is limited to 1024-bit keys, suites without (perfect) forward secrecy expose past traffic when the key leaks, and GCM suites are recommended over CBC.',
      example: {
        bad: '[transport.https.sslHostConfig.properties]\nciphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_128_CBC_SHA, SSL_RSA_WITH_3DES_EDE_CBC_SHA"',
        good: '[transport.https.sslHostConfig.properties]\nciphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"',
      },
      fix: 'Keep only forward-secret AEAD suites (TLS_ECDHE_*/TLS_DHE_RSA_* with GCM or ChaCha20-Poly1305, and the TLS 1.3 suites). The quick fix removes the broken and weak suites — and the CBC ones while an AEAD suite remains — keeping your separator and quotes; for an OpenSSL-syntax Tomcat string it appends exclusions such as `:!kECDH:!aDSS`. It never empties a list: when every suite would go, the message says what to write instead. A missing list gets forward-secret AEAD suites. Review before applying: old clients may not support the remaining suites.',
      fixSafety: 'unsafe',
      options: [{ setting: 'tls.minimumVersion', default: 'TLSv1.2', values: 'TLSv1.2, TLSv1.3', description: 'The lowest TLS version accepted: with TLSv1.3 the recommended cipher list the quick fix writes holds only TLS 1.3 suites.' }],
    },
  },
  check(ctx) {
    checkCiphersOf(ctx, OWN);
  },
  cases: {
    valid: [
      { name: 'Tomcat, forward-secret AEAD suites', code: '[transport.https.sslHostConfig.properties]\nciphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_AES_128_GCM_SHA256"\n' },
      { name: 'Tomcat, OpenSSL syntax', code: '[transport.https.sslHostConfig.properties]\nciphers = "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL"\n' },
      { name: 'PassThrough sender', code: '[transport.passthru_https.sender.parameters]\nPreferredCiphers = "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"\n' },
      { name: 'binary receiver array', code: '[transport.receiver]\nciphers = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"]\n' },
      { name: 'the renegotiation SCSV is a signal, not a cipher', code: '[transport.https.sslHostConfig.properties]\nciphers = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_EMPTY_RENEGOTIATION_INFO_SCSV"\n' },
      { name: 'no absence report in a snippet', fileName: 'wso2is-6.1.0/repository/conf/deployment.toml', code: '[identity_mgt.recovery]\ncallback_url = "https://a.example/.*"\n' },
    ],
    invalid: [
      {
        name: 'broken and weak suites are removed, the separator kept',
        code: '[transport.https.sslHostConfig.properties]\nciphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_128_CBC_SHA, SSL_RSA_WITH_3DES_EDE_CBC_SHA"\n',
        errors: [{ range: [1, 10, 1, 110], message: '3DES: SSL_RSA_WITH_3DES_EDE_CBC_SHA', severity: 'error' }],
        output: '[transport.https.sslHostConfig.properties]\nciphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"\n',
      },
      {
        name: "WSO2's documented list: RC4, DSS, static ECDH, CBC, and the SCSVF typo",
        code: '[transport.https.sslHostConfig.properties]\nciphers="TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_RC4_128_SHA,TLS_DHE_DSS_WITH_AES_128_GCM_SHA256,TLS_ECDH_RSA_WITH_AES_128_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,TLS_EMPTY_RENEGOTIATION_INFO_SCSVF"\n',
        errors: [
          { range: [1, 8, 1, 222], severity: 'error' },
          { range: [1, 187, 1, 221], message: 'did you mean TLS_EMPTY_RENEGOTIATION_INFO_SCSV?', severity: 'warning' },
        ],
        output: '[transport.https.sslHostConfig.properties]\nciphers="TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_EMPTY_RENEGOTIATION_INFO_SCSVF"\n',
      },
      {
        name: 'OpenSSL string: exclusions are appended',
        code: '[transport.https.sslHostConfig.properties]\nciphers = "HIGH:!aNULL:!MD5"\n',
        errors: [{ range: [1, 10, 1, 28], message: 'selected by HIGH', severity: 'warning' }],
        output: '[transport.https.sslHostConfig.properties]\nciphers = "HIGH:!aNULL:!MD5:!aDSS:!kECDH:!kRSA"\n',
      },
      {
        name: 'every suite weak: no fix, the message says what to write',
        code: '[transport.receiver]\nciphers = ["SSL_RSA_WITH_RC4_128_MD5","SSL_RSA_WITH_RC4_128_SHA"]\n',
        errors: [{ range: [1, 10, 1, 65], message: 'write a list such as', severity: 'error' }],
      },
      {
        name: 'an OpenSSL name where JSSE expects IANA names',
        code: '[transport.passthru_https.sender.parameters]\nPreferredCiphers = "ECDHE-RSA-AES256-GCM-SHA384"\n',
        errors: [{ range: [1, 20, 1, 47], message: 'did you mean TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384?' }],
      },
      {
        name: 'CBC next to GCM is information; the fix drops it',
        code: '[transport.passthru_https.sender.parameters]\nPreferredCiphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"\n',
        errors: [{ range: [1, 19, 1, 97], severity: 'info' }],
        output: '[transport.passthru_https.sender.parameters]\nPreferredCiphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"\n',
      },
      {
        name: 'literal strings keep their quotes',
        code: "[transport.passthru_https.sender.parameters]\nPreferredCiphers = 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_256_GCM_SHA384'\n",
        errors: [{ range: [1, 19, 1, 90], message: 'no forward secrecy: TLS_RSA_WITH_AES_256_GCM_SHA384' }],
        output: "[transport.passthru_https.sender.parameters]\nPreferredCiphers = 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'\n",
      },
      {
        name: "Tomcat without ciphers: with an RSA key (as shipped) its default HIGH:!aNULL:… negotiates CBC suites; DSS and static ECDH only with a DSA/EC key",
        fileName: 'wso2is-6.1.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "is.example.com"\n',
        errors: [{
          range: [0, 0, 0, 8],
          severity: 'info',
          message: /enables CBC \(prefer GCM or ChaCha20-Poly1305\): 8 suites such as TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 \(selected by HIGH\) with an RSA key \(as shipped\); if the key were DSA or EC, also DSS \(1024-bit keys\): 6 suites such as TLS_DHE_DSS_WITH_AES_256_GCM_SHA384 \(selected by HIGH\); no forward secrecy: 12 suites such as TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384 \(selected by HIGH\)\. Set it/,
        }],
        output: '[server]\nhostname = "is.example.com"\n\n[transport.https.sslHostConfig.properties]\nciphers = "TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"\n',
      },
      {
        name: "Traffic Manager: the binary receiver's shipped list has CBC suites; the fix keeps its GCM ones",
        fileName: 'wso2am-tm-4.6.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "tm"\n\n[transport.https.sslHostConfig.properties]\nciphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"\n',
        errors: [{ range: [0, 0, 0, 8], severity: 'info' }],
        output: '[server]\nhostname = "tm"\n\n[transport.https.sslHostConfig.properties]\nciphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"\n\n[transport.receiver]\nciphers = ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"]\n',
      },
    ],
  },
  legacy: [weakTlsCiphersLegacy],
});
