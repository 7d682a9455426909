import { weakTlsProtocolsLegacy } from './legacy/tls';
import { defineRule } from '../engine/rule';
import { checkTransportProtocols } from './util/tls-protocol-check';
import { transportsFor } from './util/tls-transports';

// Every TLS endpoint of the product, one finding each: Tomcat (9443), PassThrough listener and sender, the binary
// event receiver, MI's listener, sender and management API. A missing list is the shipped default, which still
// enables TLS 1.0 and 1.1 everywhere.
export default defineRule({
  meta: {
    id: 'weak-tls-protocols',
    title: 'Weak TLS protocol versions',
    guideline: 'Configure strong HTTP(S) security',
    guidelineId: 'G08',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds TLS endpoints that accept SSL 3, TLS 1.0 or TLS 1.1 (or TLS 1.2 when `carbonlint.tls.minimumVersion` is TLSv1.3): Tomcat `protocols` (also `"TLSv1+TLSv1.1"`, `-X` and `all` syntaxes, and the `sslEnabledProtocols`/`[transport.https.properties]` aliases), PassThrough listener/sender `HttpsProtocols`, the binary receiver\'s `ssl_enabled_protocols`, MI `listener.secured_protocols`/`sender.secured_protocols` (≡ `[transport.https.listener.parameter] HttpsProtocols`) and the MI management API `httpsProtocols`. In a full product deployment.toml a missing list is reported too, because the shipped default (`+TLSv1,+TLSv1.1,+TLSv1.2` for Tomcat, `TLSv1,TLSv1.1,TLSv1.2` for PassThrough, MI and the binary receiver) enables TLS 1.0 and 1.1. An SSL `sslProtocol` value is reported at information level.',
      why: 'SSL 3 is broken (POODLE) and TLS 1.0/1.1 are deprecated (RFC 8996): no forward-secret AEAD suites, SHA-1/MD5 handshakes, downgrade attacks. The WSO2 edition of the guideline still lists TLS 1.0 and 1.1; the current MWARE edition asks for TLS 1.2 with TLS 1.0 and 1.1 disabled, which is the default here (set `carbonlint.tls.minimumVersion` to TLSv1.3 to require TLS 1.3). Note that `sslEnabledProtocols` under `[transport.https.sslHostConfig.properties]`, as older guideline text suggests, is not an <SSLHostConfig> attribute: Tomcat ignores it and the default `protocols` stays in force.',
      example: {
        bad: '[transport.https.sslHostConfig.properties]\nprotocols = "+TLSv1, +TLSv1.1, +TLSv1.2"\n\n[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1,TLSv1.1,TLSv1.2"',
        good: '[transport.https.sslHostConfig.properties]\nprotocols = "+TLSv1.2, +TLSv1.3"\n\n[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1.2,TLSv1.3"',
      },
      fix: 'Keep only TLS 1.2 and 1.3. The quick fix removes the weak versions from each list in the syntax that key expects (`"+TLSv1.2, +TLSv1.3"` for Tomcat `protocols`, a comma list for `HttpsProtocols`, a TOML array for the binary receiver), keeping your separators and quotes; a list left empty, or a missing one, gets every version from the minimum up. Review before applying: clients (or, for senders, backends) that only speak TLS 1.0/1.1 will no longer connect, and TLS 1.3 needs JDK 11 (or 8u261+). Lists with names JSSE does not know are not rewritten.',
      fixSafety: 'unsafe',
      options: [{ setting: 'tls.minimumVersion', default: 'TLSv1.2', values: 'TLSv1.2, TLSv1.3', description: 'The lowest TLS version accepted: versions below it are reported, and the quick fix keeps it and the versions above.' }],
    },
  },
  check(ctx) {
    for (const t of transportsFor(ctx.product, ctx.fileName)) checkTransportProtocols(ctx, t);
  },
  cases: {
    valid: [
      { name: 'Tomcat, plus syntax', code: '[transport.https.sslHostConfig.properties]\nprotocols = "+TLSv1.2, +TLSv1.3"\n' },
      { name: 'Tomcat, "all" minus the old versions', code: '[transport.https.sslHostConfig.properties]\nprotocols = "all, -SSLv2Hello, -TLSv1, -TLSv1.1"\n' },
      { name: 'IS docs plus-separated syntax', code: '[transport.https.sslHostConfig.properties]\nprotocols = "TLSv1.2+TLSv1.3"\n' },
      { name: 'a snippet without [server] is not a whole file: absences are not reported', fileName: 'wso2am-4.6.0/repository/conf/deployment.toml', code: '[apim.cors]\nallow_origins = "https://a.example"\n' },
      { name: 'templates are not literals', code: '[transport.passthru_https.listener.parameters]\nHttpsProtocols = "{{ .Values.protocols }}"\n' },
      {
        name: 'MI: listener (raw parameter spelling) and management API set; the sender keeps the JVM defaults',
        fileName: 'wso2mi-4.3.0/conf/deployment.toml',
        code: '[server]\nhostname = "localhost"\n\n[transport.https.listener.parameter]\nHttpsProtocols = "TLSv1.2"\n\n[internal_api_ssl_config.parameter]\nhttpsProtocols = "TLSv1.2,TLSv1.3"\n',
      },
      { name: 'minimum TLSv1.3', settings: { tls: { minimumVersion: 'TLSv1.3' } }, code: '[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1.3"\n' },
      { name: 'an ignored sslEnabledProtocols does not matter once protocols is set', code: '[transport.https.sslHostConfig.properties]\nprotocols = "+TLSv1.2"\nsslEnabledProtocols = "TLSv1,TLSv1.1,TLSv1.2"\n' },
    ],
    invalid: [
      {
        name: 'the message names the port in force: [server] offset and an explicit connector port',
        code: '[server]\noffset = 1\n[transport.https.properties]\nport = 443\n[transport.https.sslHostConfig.properties]\nprotocols = "+TLSv1, +TLSv1.2"\n[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1,TLSv1.2"\n',
        errors: [
          { range: [5, 12, 5, 30], message: /^Tomcat HTTPS transport \(servlet port 444\): / },
          { range: [7, 17, 7, 32], message: /^PassThrough HTTPS listener \(gateway port 8244\): / },
        ],
        output: '[server]\noffset = 1\n[transport.https.properties]\nport = 443\n[transport.https.sslHostConfig.properties]\nprotocols = "+TLSv1.2"\n[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1.2"\n',
      },
      {
        name: 'Tomcat protocols keeps its "+X, +Y" style',
        code: '[transport.https.sslHostConfig.properties]\nprotocols = "+TLSv1, +TLSv1.1, +TLSv1.2"\n',
        errors: [{ range: [1, 12, 1, 40], message: 'enables TLSv1 and TLSv1.1 (deprecated, RFC 8996)', severity: 'warning' }],
        output: '[transport.https.sslHostConfig.properties]\nprotocols = "+TLSv1.2"\n',
      },
      {
        name: 'IS documentation syntax',
        code: '[transport.https.sslHostConfig.properties]\nprotocols="TLSv1+TLSv1.1+TLSv1.2+TLSv1.3"\n',
        errors: [{ range: [1, 10, 1, 41] }],
        output: '[transport.https.sslHostConfig.properties]\nprotocols="TLSv1.2+TLSv1.3"\n',
      },
      {
        name: 'old guideline text: sslEnabledProtocols under sslHostConfig is ignored by Tomcat, the default protocols stays',
        fileName: 'wso2is-5.11.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "is.example.com"\n\n[transport.https.sslHostConfig.properties]\nsslEnabledProtocols = "TLSv1,TLSv1.1,TLSv1.2"\n',
        errors: [{ range: [4, 22, 4, 45], message: 'not an <SSLHostConfig> attribute' }],
        output: '[server]\nhostname = "is.example.com"\n\n[transport.https.sslHostConfig.properties]\nsslEnabledProtocols = "TLSv1.2"\nprotocols = "+TLSv1.2, +TLSv1.3"\n',
      },
      {
        name: 'PassThrough listener',
        code: '[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1,TLSv1.1,TLSv1.2"\n',
        errors: [{ range: [1, 17, 1, 40], message: 'PassThrough HTTPS listener' }],
        output: '[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1.2"\n',
      },
      {
        name: 'binary receiver array keeps its style',
        code: '[transport.receiver]\nssl_enabled_protocols = ["TLSv1","TLSv1.1","TLSv1.2"]\n',
        errors: [{ range: [1, 24, 1, 53] }],
        output: '[transport.receiver]\nssl_enabled_protocols = ["TLSv1.2"]\n',
      },
      {
        name: 'SSLv3 is an error',
        code: '[transport.https.properties]\nsslEnabledProtocols = "SSLv3,TLSv1.2"\n',
        errors: [{ range: [1, 22, 1, 37], message: 'SSLv3 (broken)', severity: 'error' }],
        output: '[transport.https.properties]\nsslEnabledProtocols = "TLSv1.2"\n',
      },
      {
        name: 'a name JSSE does not know: no rewrite',
        code: '[transport.passthru_https.sender.parameters]\nHttpsProtocols = "TLSv1.2,TLS1.3"\n',
        errors: [{ range: [1, 17, 1, 33], message: 'did you mean TLSv1.3?' }],
      },
      {
        name: 'minimum TLSv1.3 (setting)',
        settings: { tls: { minimumVersion: 'TLSv1.3' } },
        code: '[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1.2, TLSv1.3"\n',
        errors: [{ range: [1, 17, 1, 35], message: 'below the configured minimum TLSv1.3' }],
        output: '[transport.passthru_https.listener.parameters]\nHttpsProtocols = "TLSv1.3"\n',
      },
      {
        name: 'MI: a missing listener list is the shipped TLSv1,TLSv1.1,TLSv1.2',
        fileName: 'wso2mi-4.3.0/conf/deployment.toml',
        code: '[server]\nhostname = "localhost"\n\n[internal_api_ssl_config.parameter]\nhttpsProtocols = "TLSv1.2"\n',
        errors: [{ range: [0, 0, 0, 8], message: '`[transport.http] listener.secured_protocols` is not set' }],
        output: '[server]\nhostname = "localhost"\n\n[internal_api_ssl_config.parameter]\nhttpsProtocols = "TLSv1.2"\n\n[transport.http]\nlistener.secured_protocols = "TLSv1.2,TLSv1.3"\n',
      },
      {
        name: 'MI management API: an SSL sslProtocol is information',
        code: '[internal_api_ssl_config.parameter]\nhttpsProtocols = "TLSv1.2"\nsslProtocol = "SSLv3"\n',
        errors: [{ range: [2, 14, 2, 21], severity: 'info' }],
        output: '[internal_api_ssl_config.parameter]\nhttpsProtocols = "TLSv1.2"\nsslProtocol = "TLS"\n',
      },
      {
        name: 'IS 7 (kernel 4.10): the default also has TLSv1.3, but still TLSv1 and TLSv1.1',
        fileName: 'wso2is-7.0.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "is.example.com"\n',
        errors: [{ range: [0, 0, 0, 8], message: '"+TLSv1,+TLSv1.1,+TLSv1.2,+TLSv1.3"' }],
        output: '[server]\nhostname = "is.example.com"\n\n[transport.https.sslHostConfig.properties]\nprotocols = "+TLSv1.2, +TLSv1.3"\n',
      },
      {
        name: 'a one-name Tomcat list emptied by the fix gets the "+A, +B" form',
        code: 'transport.https.sslHostConfig.properties.protocols = "TLSv1"\n',
        errors: [{ range: [0, 53, 0, 60] }],
        output: 'transport.https.sslHostConfig.properties.protocols = "+TLSv1.2, +TLSv1.3"\n',
      },
      {
        name: 'dotted alias [transport.https] properties.protocols',
        code: '[transport.https]\nproperties.protocols = "TLSv1,TLSv1.2"\n',
        errors: [{ range: [1, 23, 1, 38] }],
        output: '[transport.https]\nproperties.protocols = "TLSv1.2"\n',
      },
    ],
  },
  legacy: [weakTlsProtocolsLegacy],
});
