// G02 in the Carbon 4.4 files: the shipped wso2carbon.jks / client-truststore.jks named as a store (legacy-carbon.md §5 G02).
// Passwords are the plaintext-password rule's (G03): one finding per problem.
import { defineVariant, type RuleContext } from '../../engine/rule';
import type { XmlElement } from '../../parsers/xml/model';
import type { Span } from '../../engine/text';
import { DEFAULT_KEYSTORE_FILES } from '../../data/defaults';
import { childText, isPlaceholder, localName } from '../util/legacy-xml';

const STORE_ELEMENTS = new Set(['KeyStore', 'InternalKeyStore', 'TrustStore']);
/** Tomcat 7 Connector and Tomcat 9 SSLHostConfig/Certificate attributes naming a store file. */
const STORE_ATTRIBUTES = new Set(['keystoreFile', 'truststoreFile', 'certificateKeystoreFile']);

function basename(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1).toLowerCase();
}

function report(ctx: RuleContext<'xml'>, span: Span, where: string, file: string): void {
  const trust = file.startsWith('client-truststore');
  ctx.report({
    span,
    message: trust
      ? `${where} uses the shipped ${file}: it trusts the vendor's default certificates, the same in every installation. Create your own truststore holding only the certificates you trust.`
      : `${where} uses the shipped ${file}: its private key and certificate are public, the same in every installation. Create your own keystore (RSA 2048 bits or more, SHA-256) and point this entry, its passwords and key alias at it.`,
  });
}

export const defaultKeystoreLegacy = defineVariant({
  kind: 'xml',
  files: ['carbon.xml', 'axis2.xml', 'identity.xml', 'catalina-server.xml'],
  what: 'Carbon 4.4: a `KeyStore`/`InternalKeyStore`/`TrustStore` `Location` (carbon.xml, axis2.xml PassThrough transports, identity.xml) or a Tomcat `keystoreFile`/`certificateKeystoreFile`/`truststoreFile` (catalina-server.xml) naming the shipped `wso2carbon.jks` or `client-truststore.jks`.',
  example: {
    bad: '<KeyStore>\n  <Location>${carbon.home}/repository/resources/security/wso2carbon.jks</Location>',
    good: '<KeyStore>\n  <Location>${carbon.home}/repository/resources/security/acme-tls.jks</Location>',
  },
  check(ctx) {
    for (const el of ctx.model.doc.elements) {
      if (STORE_ELEMENTS.has(localName(el.name))) {
        const loc = childText(ctx.model.doc, el, 'Location');
        const file = loc ? basename(loc.value) : '';
        if (loc && DEFAULT_KEYSTORE_FILES.has(file)) report(ctx, loc.span, `<${localName(el.name)}>${where(el)}`, file);
      }
      for (const a of el.attributes) {
        if (!STORE_ATTRIBUTES.has(a.name) || isPlaceholder(a.value) && !a.value.includes('/')) continue;
        const file = basename(a.value);
        if (DEFAULT_KEYSTORE_FILES.has(file)) report(ctx, a.valueSpan, `${a.name} on <${localName(el.name)}>${port(el)}`, file);
      }
    }
  },
  cases: {
    valid: [
      { fileName: '/h/repository/conf/carbon.xml', code: '<Server><Security><KeyStore><Location>${carbon.home}/acme.jks</Location></KeyStore><!--<TrustStore><Location>client-truststore.jks</Location></TrustStore>--></Security></Server>' },
    ],
    invalid: [
      {
        fileName: '/h/repository/conf/carbon.xml',
        code: '<Server>\n<Security>\n<KeyStore>\n<Location>${carbon.home}/repository/resources/security/wso2carbon.jks</Location>\n</KeyStore>\n</Security>\n</Server>\n',
        errors: [{ range: [3, 10, 3, 69], message: '<KeyStore> uses the shipped wso2carbon.jks' }],
      },
      {
        fileName: '/h/repository/conf/tomcat/catalina-server.xml',
        code: '<Server>\n<Connector port="9443" keystoreFile="${carbon.home}/repository/resources/security/wso2carbon.jks"/>\n</Server>\n',
        errors: [{ range: [1, 37, 1, 96], message: 'keystoreFile on <Connector> (port 9443)' }],
      },
    ],
  },
});

/** " in the PassThrough https listener" for axis2.xml stores. */
function where(el: XmlElement): string {
  for (let p = el.parent; p; p = p.parent) {
    const n = localName(p.name);
    if (n === 'transportReceiver' || n === 'transportSender') return ` of the ${p.attr('name')?.value ?? ''} ${n === 'transportReceiver' ? 'listener' : 'sender'}`.replace('  ', ' ');
  }
  return '';
}

function port(el: XmlElement): string {
  const c = localName(el.name) === 'Connector' ? el : el.parent?.parent && localName(el.parent.parent.name) === 'Connector' ? el.parent.parent : el.parent;
  const p = c?.attr('port')?.value;
  return p ? ` (port ${p})` : '';
}
