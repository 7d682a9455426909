// G03 in the Carbon 4.4 files (legacy-carbon.md §3): a password element or attribute is protected when it (or, for an
// attribute, its element) carries `secretAlias` in the Secure Vault namespace; the alias must exist in
// security/cipher-text.properties, whose values must be ciphertext, not the shipped `[plain]` seeds.
import * as path from 'node:path';
import { defineVariant, type RuleContext } from '../../engine/rule';
import type { XmlElement } from '../../parsers/xml/model';
import { parseProperties } from '../../parsers/properties/parse';
import { legacyFileOf } from '../../engine/legacy-files';
import { isPlaceholder, leafText, localName, secretAliasOf } from '../util/legacy-xml';

/** Elements holding a password (local names, case-insensitive match below) and `<Property name="…Password">`. */
const PASSWORD_ELEMENT = /password$/i;
/** Tomcat and Axis2 attributes holding a password. */
const PASSWORD_ATTRIBUTES = new Set(['keystorePass', 'truststorePass', 'keyPass', 'certificateKeystorePassword', 'certificateKeyPassword', 'truststorePassword']);

/** Names that end in "Password" but hold a switch, not a secret (user-mgt.xml `StoreSaltedPassword` = true/false). */
const NOT_A_SECRET = new Set(['storesaltedpassword']);

function isPasswordElement(el: XmlElement): boolean {
  const n = localName(el.name);
  if (n === 'Property') {
    const name = el.attr('name')?.value ?? '';
    return PASSWORD_ELEMENT.test(name) && !NOT_A_SECRET.has(name.toLowerCase());
  }
  return PASSWORD_ELEMENT.test(n);
}

/** Where a value is: "<Password> of <KeyStore>", "keystorePass on <Connector>". */
function label(el: XmlElement): string {
  const n = localName(el.name) === 'Property' ? `Property "${el.attr('name')?.value}"` : `<${localName(el.name)}>`;
  return el.parent ? `${n} in <${localName(el.parent.name)}>` : n;
}

/** Visits every literal (unprotected) password: report(span, what). Protected ones go to `protectedOnes`. */
function passwords(ctx: RuleContext<'xml'>, literal: (span: { start: number; end: number }, what: string, el: XmlElement) => void, protectedOne?: (alias: string, el: XmlElement) => void): void {
  for (const el of ctx.model.doc.elements) {
    const alias = secretAliasOf(el);
    if (alias !== undefined) {
      protectedOne?.(alias, el);
      continue;
    }
    if (isPasswordElement(el)) {
      const t = leafText(ctx.model.doc, el);
      if (t && t.value !== '' && !isPlaceholder(t.value)) literal(t.span, label(el), el);
    }
    for (const a of el.attributes) {
      if (PASSWORD_ATTRIBUTES.has(a.name) && a.value !== '' && !isPlaceholder(a.value)) literal(a.valueSpan, `${a.name} on <${localName(el.name)}>`, el);
    }
  }
}

const XML_FILES = ['carbon.xml', 'user-mgt.xml', 'datasources', 'catalina-server.xml', 'axis2.xml', 'api-manager.xml', 'identity.xml'] as const;

export const plaintextPasswordLegacy = defineVariant({
  kind: 'xml',
  files: XML_FILES,
  what: 'Carbon 4.4: a password element (`Password`, `KeyPassword`, `password`, `Property name="ConnectionPassword"`) or attribute (`keystorePass`, `certificateKeystorePassword`, …) holding a literal value, not protected with `svns:secretAlias` by the Cipher Tool. `${…}` references are not literals. The shipped `admin` super admin password is reported by default-admin-credentials instead.',
  example: {
    bad: '<Password>wso2carbon</Password>',
    good: '<Password svns:secretAlias="Carbon.Security.KeyStore.Password">password</Password>',
  },
  check(ctx) {
    passwords(ctx, (span, what, el) => {
      // The shipped admin/admin account is G18's finding.
      if (localName(el.name) === 'Password' && el.parent && localName(el.parent.name) === 'AdminUser' && ctx.text.slice(span.start, span.end) === 'admin') return;
      ctx.report({ span, message: `${what} holds a plaintext password. Protect it with the Cipher Tool (bin/ciphertool.sh -Dconfigure): it replaces the value with an svns:secretAlias reference to encrypted cipher-text.properties.` });
    });
  },
  cases: {
    valid: [
      { fileName: '/h/repository/conf/carbon.xml', code: '<Server xmlns:svns="http://org.wso2.securevault/configuration"><Security><KeyStore><Password svns:secretAlias="Carbon.Security.KeyStore.Password">password</Password></KeyStore></Security></Server>' },
      { name: 'StoreSaltedPassword is a switch, not a password', fileName: '/h/repository/conf/user-mgt.xml', code: '<UserManager><Realm><UserStoreManager class="org.wso2.carbon.user.core.jdbc.JDBCUserStoreManager"><Property name="StoreSaltedPassword">true</Property></UserStoreManager></Realm></UserManager>' },
      { name: 'placeholder and comment', fileName: '/h/repository/conf/api-manager.xml', code: '<APIManager><AuthManager><Password>${admin.password}</Password><!--<Password>x</Password>--></AuthManager></APIManager>' },
    ],
    invalid: [
      {
        fileName: '/h/repository/conf/tomcat/catalina-server.xml',
        code: '<Server>\n<Connector port="9443" keystorePass="wso2carbon"/>\n</Server>\n',
        errors: [{ range: [1, 37, 1, 47], message: 'keystorePass on <Connector> holds a plaintext password' }],
      },
    ],
  },
});

/** The aliases of the home's cipher-text.properties: alias → encrypted?; undefined when the file cannot be read. */
function cipherText(ctx: RuleContext<'xml'>): Map<string, boolean> | undefined {
  const m = legacyFileOf(ctx.fileName);
  if (!m || !path.isAbsolute(m.confRoot) || !ctx.resources) return undefined;
  const bytes = ctx.resources.readFile(path.join(m.confRoot, 'security', 'cipher-text.properties'));
  if (!bytes) return undefined;
  const doc = parseProperties(Buffer.from(bytes).toString('utf8'));
  return new Map(doc.entries.map((e) => [e.key, !/^\[.*\]$/s.test(e.value.trim())]));
}

export const secretAliasMissingLegacy = defineVariant({
  kind: 'xml',
  files: XML_FILES,
  what: 'Carbon 4.4: an element with `svns:secretAlias` whose alias is not in the home\'s `security/cipher-text.properties` (the server cannot resolve it and fails to start or uses the placeholder `password`). Checked only when that file can be read.',
  example: {
    bad: '<Password svns:secretAlias="Carbon.Security.KeyStore.Pasword">password</Password>',
    good: '<Password svns:secretAlias="Carbon.Security.KeyStore.Password">password</Password>',
  },
  check(ctx) {
    const known = cipherText(ctx);
    if (!known) return;
    passwords(ctx, () => undefined, (alias, el) => {
      if (known.has(alias)) return;
      const a = el.attributes.find((x) => localName(x.name) === 'secretAlias' && x.name.includes(':'))!;
      ctx.report({ span: a.valueSpan, message: `Secure Vault alias "${alias}" is not in security/cipher-text.properties: the server cannot resolve it. Run the Cipher Tool again or add the alias.` });
    });
  },
  cases: { valid: [{ fileName: 'conf/carbon.xml', code: '<Server xmlns:svns="http://org.wso2.securevault/configuration"><X svns:secretAlias="A">password</X></Server>' }], invalid: [] },
});

export const secretNotEncryptedLegacy = defineVariant({
  kind: 'properties',
  files: ['cipher-text.properties'],
  what: 'Carbon 4.4 (security/cipher-text.properties): a value still in square brackets (`[wso2carbon]`) is the plain text the Cipher Tool has not encrypted yet.',
  example: { bad: 'Carbon.Security.KeyStore.Password=[wso2carbon]', good: 'Carbon.Security.KeyStore.Password=kXkC0nB…(ciphertext)' },
  check(ctx) {
    for (const e of ctx.model.doc.entries) {
      if (!/^\[.*\]$/s.test(e.value.trim())) continue;
      ctx.report({ span: e.valueSpan, message: `Secure Vault alias "${e.key}" holds a plain value in brackets: it is not encrypted. Run bin/ciphertool.sh -Dconfigure to encrypt it.` });
    }
  },
  cases: {
    valid: [{ fileName: '/h/repository/conf/security/cipher-text.properties', code: 'Carbon.Security.KeyStore.Password=kXkC0nBq+Zx==\n' }],
    invalid: [{
      fileName: '/h/repository/conf/security/cipher-text.properties',
      code: '# seeds\nCarbon.Security.KeyStore.Password=[wso2carbon]\n',
      errors: [{ range: [1, 34, 1, 46], message: 'not encrypted' }],
    }],
  },
});
