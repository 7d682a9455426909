// G08/G09/G10 in the Carbon 4.4 files: Tomcat connectors in catalina-server.xml (Tomcat 7 `Connector` attributes,
// Tomcat 9 `SSLHostConfig` in EI 6.6) and the https transports of axis2.xml (PassThrough listener/sender
// `HttpsProtocols`, `PreferredCiphers`). Lists are judged by the shared classification in data/tls (legacy-carbon.md
// §5 G08–G10). Only lists that are written are judged: without one these products use the JVM's defaults, which
// depend on the JDK update the server runs on.
import { defineVariant, type RuleContext, type Severity } from '../../engine/rule';
import type { Span } from '../../engine/text';
import type { XmlDocument, XmlElement } from '../../parsers/xml/model';
import { listNames, meetsMinimum, protocolVerdict, recommendedProtocols, sortProtocols, type Protocol } from '../../data/tls/protocols';
import { parsePlainProtocols, parseTomcatProtocols, splitList, type ProtocolList } from '../../data/tls/protocol-lists';
import { analyzeCipherString, type CipherDialect } from '../../data/tls/cipher-lists';
import { describeProtocols } from '../util/tls-protocol-check';
import { describeSuites } from '../util/tls-cipher-check';
import { atPath, childrenNamed, isPlaceholder, leafText, localName } from '../util/legacy-xml';
import { oneLine } from '../util/message';

/** A list written in the file: its value, where it is, whether a literal edit of that span is exact. */
interface Written {
  /** "Tomcat connector (port 9443): ciphers" — the list named without its value. */
  label: string;
  /** The label with the value as written. */
  where: string;
  value: string;
  span: Span;
  literal: boolean;
  tomcatSyntax: boolean;
}

function connectorLabel(el: XmlElement): string {
  const port = el.attr('port')?.value;
  return `Tomcat connector${port ? ` (port ${oneLine(port)})` : ''}`;
}

function attrList(doc: XmlDocument, el: XmlElement, name: string, where: string, tomcatSyntax: boolean): Written | undefined {
  const a = el.attr(name);
  if (!a) return undefined;
  return { label: `${where}: ${name}`, where: `${where}: ${name}="${oneLine(a.value)}"`, value: a.value, span: a.valueSpan, literal: doc.text.slice(a.valueSpan.start, a.valueSpan.end) === a.value, tomcatSyntax };
}

function transportLabel(t: XmlElement): string {
  const listener = localName(t.name) === 'transportReceiver';
  const passthru = /\.passthru\./.test(t.attr('class')?.value ?? '');
  return `${passthru ? 'PassThrough ' : ''}HTTPS ${listener ? 'listener' : 'sender'} (axis2.xml)`;
}

/** The https transports of axis2.xml (receiver and sender named "https"). */
function httpsTransports(doc: XmlDocument, which: 'transportReceiver' | 'transportSender' | 'both'): XmlElement[] {
  const names = which === 'both' ? ['transportReceiver', 'transportSender'] : [which];
  return names.flatMap((n) => atPath(doc, ['axisconfig', n])).filter((t) => t.attr('name')?.value === 'https');
}

function parameterList(doc: XmlDocument, t: XmlElement, name: string): Written | undefined {
  const p = childrenNamed(t, 'parameter').find((x) => x.attr('name')?.value === name);
  const leaf = leafText(doc, p);
  if (!p || !leaf || !leaf.value) return undefined;
  return { label: `${transportLabel(t)}: ${name}`, where: `${transportLabel(t)}: ${name} "${oneLine(leaf.value)}"`, value: leaf.value, span: leaf.span, literal: doc.text.slice(leaf.span.start, leaf.span.end) === leaf.value, tomcatSyntax: false };
}

// ---------------------------------------------------------------------------------------------------------------
// G08 protocols

function protocolLists(ctx: RuleContext<'xml'>): Array<Written & { parsed: ProtocolList }> {
  const doc = ctx.model.doc;
  const out: Array<Written | undefined> = [];
  if (ctx.legacyFile === 'catalina-server.xml') {
    for (const c of atPath(doc, ['Server', 'Service', 'Connector'])) {
      const label = connectorLabel(c);
      out.push(attrList(doc, c, 'sslEnabledProtocols', label, false)); // Tomcat 7: a comma list
      for (const h of childrenNamed(c, 'SSLHostConfig')) out.push(attrList(doc, h, 'protocols', `${label} <SSLHostConfig>`, true));
    }
  } else {
    for (const t of httpsTransports(doc, 'both')) out.push(parameterList(doc, t, 'HttpsProtocols'));
  }
  return out.filter((w): w is Written => w !== undefined && !isPlaceholder(w.value)).map((w) => ({ ...w, parsed: w.tomcatSyntax ? parseTomcatProtocols(w.value) : parsePlainProtocols(splitList(w.value)) }));
}

function render(names: readonly Protocol[], tomcatSyntax: boolean): string {
  return names.map((n) => (tomcatSyntax ? `+${n}` : n)).join(',');
}

export const weakTlsProtocolsLegacy = defineVariant({
  kind: 'xml',
  files: ['catalina-server.xml', 'axis2.xml'],
  what: 'Carbon 4.4: a Tomcat connector `sslEnabledProtocols` (Tomcat 7) or `<SSLHostConfig protocols>` (Tomcat 9, EI 6.6) in catalina-server.xml, or an https transport `HttpsProtocols` parameter in axis2.xml, that enables SSL 3, TLS 1.0 or TLS 1.1 (every shipped home lists `TLSv1,TLSv1.1,TLSv1.2`); an `sslProtocol` naming SSL is information. A connector without a list uses the JVM\'s defaults and is not reported.',
  example: {
    bad: '<Connector port="9443" SSLEnabled="true" sslProtocol="TLS" sslEnabledProtocols="TLSv1,TLSv1.1,TLSv1.2" …/>',
    good: '<Connector port="9443" SSLEnabled="true" sslProtocol="TLS" sslEnabledProtocols="TLSv1.2" …/>',
  },
  check(ctx) {
    const min = ctx.settings.tls.minimumVersion;
    for (const w of protocolLists(ctx)) {
      const bad = w.parsed.enabled.filter((p) => !meetsMinimum(p, min));
      if (bad.length === 0 && w.parsed.unknown.length === 0) continue;
      const keep = sortProtocols(w.parsed.enabled.filter((p) => meetsMinimum(p, min)));
      const parts: string[] = [];
      if (bad.length) parts.push(`enables ${describeProtocols(bad, min)}`);
      if (w.parsed.unknown.length) parts.push(`names ${w.parsed.unknown.map((t) => `"${oneLine(t.text)}"`).join(', ')}, which the runtime does not know`);
      const severity: Severity = bad.some((p) => protocolVerdict(p, min) === 'broken') ? 'error' : 'warning';
      const fixable = w.literal && bad.length > 0 && w.parsed.unknown.length === 0;
      ctx.report({
        span: w.span,
        severity,
        message: `${w.where} ${parts.join('; ')}. Allow only ${listNames(recommendedProtocols(min))}.`,
        fix: fixable ? { title: `Allow only ${min} and later`, edits: [{ start: w.span.start, end: w.span.end, newText: render(keep.length ? keep : recommendedProtocols(min), w.tomcatSyntax) }], safe: false } : undefined,
      });
    }
    if (ctx.legacyFile !== 'catalina-server.xml') return;
    for (const el of ctx.model.doc.elements) {
      const n = localName(el.name);
      const a = (n === 'Connector' || n === 'SSLHostConfig') ? el.attr('sslProtocol') : undefined;
      if (!a || !/^SSL/i.test(a.value.trim())) continue;
      ctx.report({ span: a.valueSpan, severity: 'info', message: `sslProtocol="${oneLine(a.value)}" names SSL as the SSLContext protocol; write "TLS".` });
    }
  },
  cases: {
    valid: [
      { code: '<Server><Service><Connector port="9443" SSLEnabled="true" sslProtocol="TLS" sslEnabledProtocols="TLSv1.2"/></Service></Server>' },
      { name: 'a list filled in at deploy time', code: '<Server><Service><Connector port="9443" sslEnabledProtocols="${tls.protocols}"/></Service></Server>' },
      { name: 'a commented sample and a connector without a list', code: '<Server><Service>\n<!-- <Connector sslEnabledProtocols="TLSv1"/> -->\n<Connector port="9763"/></Service></Server>' },
    ],
    invalid: [
      {
        name: 'shipped Tomcat 7 connector',
        code: '<Server>\n<Service>\n<Connector port="9443" sslProtocol="TLS" sslEnabledProtocols="TLSv1,TLSv1.1,TLSv1.2" SSLEnabled="true"/>\n</Service>\n</Server>\n',
        errors: [{ range: [2, 62, 2, 83], message: 'Tomcat connector (port 9443): sslEnabledProtocols="TLSv1,TLSv1.1,TLSv1.2" enables TLSv1 and TLSv1.1', severity: 'warning' }],
        output: '<Server>\n<Service>\n<Connector port="9443" sslProtocol="TLS" sslEnabledProtocols="TLSv1.2" SSLEnabled="true"/>\n</Service>\n</Server>\n',
      },
      {
        name: 'EI 6.6 (Tomcat 9) SSLHostConfig keeps the + syntax',
        code: '<Server><Service><Connector port="9443">\n<SSLHostConfig protocols="+TLSv1,+TLSv1.1,+TLSv1.2" sslProtocol="SSLv3"/>\n</Connector></Service></Server>',
        errors: [{ range: [1, 26, 1, 50], message: '<SSLHostConfig>' }, { range: [1, 65, 1, 70], severity: 'info', message: 'names SSL' }],
        output: '<Server><Service><Connector port="9443">\n<SSLHostConfig protocols="+TLSv1.2" sslProtocol="SSLv3"/>\n</Connector></Service></Server>',
      },
      {
        name: 'SSLv3 is broken: an error',
        code: '<Server><Service><Connector port="9443" sslEnabledProtocols="SSLv3,TLSv1.2"/></Service></Server>',
        errors: [{ range: [0, 61, 0, 74], severity: 'error', message: 'SSLv3 (broken)' }],
        output: '<Server><Service><Connector port="9443" sslEnabledProtocols="TLSv1.2"/></Service></Server>',
      },
      {
        name: 'PassThrough listener in axis2.xml',
        fileName: 'repository/conf/axis2/axis2.xml',
        code: '<axisconfig name="AxisJava2.0">\n<transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">\n<parameter name="HttpsProtocols">TLSv1,TLSv1.1,TLSv1.2</parameter>\n</transportReceiver>\n</axisconfig>',
        errors: [{ range: [2, 33, 2, 54], message: 'PassThrough HTTPS listener (axis2.xml)' }],
        output: '<axisconfig name="AxisJava2.0">\n<transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">\n<parameter name="HttpsProtocols">TLSv1.2</parameter>\n</transportReceiver>\n</axisconfig>',
      },
    ],
  },
});

// ---------------------------------------------------------------------------------------------------------------
// G08/G09 cipher lists

function cipherLists(ctx: RuleContext<'xml'>, axis2: 'transportReceiver' | 'transportSender' | undefined): Array<Written & { dialect: CipherDialect }> {
  const doc = ctx.model.doc;
  const out: Array<(Written & { dialect: CipherDialect }) | undefined> = [];
  if (ctx.legacyFile === 'catalina-server.xml' && !axis2) {
    for (const c of atPath(doc, ['Server', 'Service', 'Connector'])) {
      const label = connectorLabel(c);
      const w = attrList(doc, c, 'ciphers', label, false);
      out.push(w && { ...w, dialect: 'jsse' }); // Tomcat 7 JSSE: a comma list of suite names
      for (const h of childrenNamed(c, 'SSLHostConfig')) {
        const x = attrList(doc, h, 'ciphers', `${label} <SSLHostConfig>`, true);
        out.push(x && { ...x, dialect: 'tomcat' }); // Tomcat 9: JSSE names or OpenSSL syntax
      }
    }
  } else if (ctx.legacyFile === 'axis2.xml' && axis2) {
    for (const t of httpsTransports(doc, axis2)) {
      const w = parameterList(doc, t, 'PreferredCiphers');
      out.push(w && { ...w, dialect: 'jsse' });
    }
  }
  return out.filter((w): w is Written & { dialect: CipherDialect } => w !== undefined && !isPlaceholder(w.value));
}

const CIPHER_SEVERITY: Record<string, Severity> = { broken: 'error', weak: 'warning', discouraged: 'info' };

function checkCipherLists(ctx: RuleContext<'xml'>, lists: ReadonlyArray<Written & { dialect: CipherDialect }>): void {
  for (const w of lists) {
    const a = analyzeCipherString(w.value, w.dialect);
    const { text, worst } = describeSuites(a.enabled);
    const unknown = a.unknown.map((t) => `"${oneLine(t.body)}"`);
    if (!text && unknown.length === 0) continue;
    const parts = [...(text ? [`enables cipher suites the guideline advises against — ${text}`] : []), ...(unknown.length ? [`names ${unknown.join(', ')}, which is no cipher suite the runtime knows`] : [])];
    ctx.report({
      span: w.span,
      severity: CIPHER_SEVERITY[worst] ?? 'warning',
      message: `${w.label} ${parts.join('; ')}. Keep only forward-secret AEAD suites (ECDHE/DHE with GCM or ChaCha20-Poly1305, TLS 1.3 suites).`,
    });
  }
}

const CIPHER_CASES_HOME = (listener: string) => `<axisconfig name="AxisJava2.0">\n<transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">\n${listener}</transportReceiver>\n</axisconfig>`;

export const weakTlsCiphersLegacy = defineVariant({
  kind: 'xml',
  files: ['catalina-server.xml', 'axis2.xml'],
  what: 'Carbon 4.4: a cipher list written for a Tomcat connector (`ciphers` on a Tomcat 7 `<Connector>` or a Tomcat 9 `<SSLHostConfig>`) or for the https sender in axis2.xml (`PreferredCiphers`) that enables broken, weak or CBC suites, or names no known suite. The shipped files set none (the JVM decides); the PassThrough listener\'s list is passthrough-weak-ciphers.',
  example: {
    bad: '<Connector port="9443" … ciphers="TLS_RSA_WITH_AES_128_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"/>',
    good: '<Connector port="9443" … ciphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"/>',
  },
  check(ctx) {
    checkCipherLists(ctx, ctx.legacyFile === 'axis2.xml' ? cipherLists(ctx, 'transportSender') : cipherLists(ctx, undefined));
  },
  cases: {
    valid: [{ code: '<Server><Service><Connector port="9443" ciphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"/></Service></Server>' }],
    invalid: [{
      name: 'a Tomcat 7 list with 3DES and RSA key exchange',
      code: '<Server><Service>\n<Connector port="9443" ciphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,SSL_RSA_WITH_3DES_EDE_CBC_SHA"/>\n</Service></Server>',
      errors: [{ range: [1, 32, 1, 99], severity: 'error', message: 'Tomcat connector (port 9443): ciphers enables cipher suites' }],
    }],
  },
});

export const passthroughWeakCiphersLegacy = defineVariant({
  kind: 'xml',
  files: ['axis2.xml'],
  what: 'Carbon 4.4 (axis2.xml): the PassThrough https listener (`transportReceiver name="https"`, class `…passthru.PassThroughHttpSSLListener`) without a `PreferredCiphers` parameter — it then accepts every suite the JVM enables; the legacy guide puts the list in the listener section — or with a list that enables broken, weak or CBC suites.',
  example: {
    bad: '<transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">\n  <parameter name="port" locked="false">8243</parameter>',
    good: '<transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">\n  <parameter name="port" locked="false">8243</parameter>\n  <parameter name="PreferredCiphers">TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256</parameter>',
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const t of httpsTransports(doc, 'transportReceiver')) {
      if (!/\.passthru\.PassThroughHttpSSLListener$/.test(t.attr('class')?.value.trim() ?? '')) continue;
      if (childrenNamed(t, 'parameter').some((p) => p.attr('name')?.value === 'PreferredCiphers')) continue;
      ctx.report({
        span: t.nameSpan,
        message: 'The PassThrough HTTPS listener (axis2.xml) has no PreferredCiphers parameter, so it accepts every suite the JVM enables — on JDK 8 that includes suites without forward secrecy (TLS_RSA_WITH_AES_*) and CBC suites. Add PreferredCiphers with forward-secret AEAD suites.',
      });
    }
    checkCipherLists(ctx, cipherLists(ctx, 'transportReceiver'));
  },
  cases: {
    valid: [
      { code: CIPHER_CASES_HOME('<parameter name="PreferredCiphers">TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256</parameter>\n') },
      { name: 'the kernel servlet transport (IS) is not PassThrough', code: '<axisconfig name="AxisJava2.0">\n<transportReceiver name="https" class="org.wso2.carbon.core.transports.http.HttpsTransportListener"/>\n</axisconfig>' },
      { name: 'a commented PassThrough listener', code: '<axisconfig name="AxisJava2.0">\n<!--transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener"/-->\n</axisconfig>' },
    ],
    invalid: [
      {
        name: 'shipped listener: no PreferredCiphers',
        code: CIPHER_CASES_HOME('<parameter name="port">8243</parameter>\n'),
        errors: [{ range: [1, 1, 1, 18], message: 'no PreferredCiphers', severity: 'warning' }],
      },
      {
        name: 'a list with RSA key exchange',
        code: CIPHER_CASES_HOME('<parameter name="PreferredCiphers">TLS_RSA_WITH_AES_128_GCM_SHA256</parameter>\n'),
        errors: [{ range: [2, 35, 2, 66], message: 'PassThrough HTTPS listener (axis2.xml): PreferredCiphers enables' }],
      },
    ],
  },
});

// ---------------------------------------------------------------------------------------------------------------
// G10 Server header

export const serverHeaderLegacy = (revealing: RegExp) => defineVariant({
  kind: 'xml',
  files: ['catalina-server.xml'],
  what: 'Carbon 4.4 (catalina-server.xml): a Tomcat `<Connector server="…">` naming the product, vendor, stack or a version — every shipped connector (9443 and 9763) sends "WSO2 Carbon Server". The PassThrough transport\'s header (axis2.xml) is not covered.',
  example: { bad: '<Connector port="9443" … server="WSO2 Carbon Server" …/>', good: '<Connector port="9443" … server="server" …/>' },
  check(ctx) {
    for (const c of atPath(ctx.model.doc, ['Server', 'Service', 'Connector'])) {
      const a = c.attr('server');
      if (!a || !revealing.test(a.value)) continue;
      const literal = ctx.text.slice(a.valueSpan.start, a.valueSpan.end) === a.value;
      ctx.report({
        span: a.valueSpan,
        message: `The ${connectorLabel(c)} sends the Server header ${JSON.stringify(a.value)}, which names the product stack. Use a neutral value such as "server".`,
        fix: literal ? { title: 'Set the Server header to "server"', edits: [{ start: a.valueSpan.start, end: a.valueSpan.end, newText: 'server' }], safe: true, preferred: true } : undefined,
      });
    }
  },
  cases: {
    valid: [{ code: '<Server><Service><Connector port="9443" server="server"/><Connector port="9763"/></Service></Server>' }],
    invalid: [{
      code: '<Server><Service>\n<Connector port="9763" server="WSO2 Carbon Server"/>\n</Service></Server>',
      errors: [{ range: [1, 31, 1, 49], message: 'Tomcat connector (port 9763) sends the Server header "WSO2 Carbon Server"' }],
      output: '<Server><Service>\n<Connector port="9763" server="server"/>\n</Service></Server>',
    }],
  },
});
