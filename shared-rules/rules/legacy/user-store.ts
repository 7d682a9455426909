// G05/G06 in user-mgt.xml: the active `/UserManager/Realm/UserStoreManager` (legacy-carbon.md §5 G05, G06). The embedded
// LDAP of Identity Server (`${Ports.EmbeddedLDAP.…}` or a loopback URL) and JDBC stores are out of scope.
import { defineVariant, type RuleContext } from '../../engine/rule';
import type { XmlElement } from '../../parsers/xml/model';
import { ldapUrlsOf } from '../util/ldap';
import { atPath, property } from '../util/legacy-xml';
import { legacyKernelAtLeast } from '../../engine/legacy-product';
import { STARTTLS_SINCE } from '../../data/legacy-products';

const READ_WRITE = /\.(ReadWriteLDAPUserStoreManager|ActiveDirectoryUserStoreManager|UniqueIDReadWriteLDAPUserStoreManager|UniqueIDActiveDirectoryUserStoreManager)$/;
const LDAP = /\.(ReadWriteLDAPUserStoreManager|ActiveDirectoryUserStoreManager|ReadOnlyLDAPUserStoreManager|UniqueID\w*LDAPUserStoreManager|UniqueIDActiveDirectoryUserStoreManager)$/;

interface Store { el: XmlElement; cls: string; url?: ReturnType<typeof property>; external: boolean }

function stores(ctx: RuleContext<'xml'>): Store[] {
  return atPath(ctx.model.doc, ['UserManager', 'Realm', 'UserStoreManager']).flatMap((el) => {
    const cls = el.attr('class')?.value ?? '';
    if (!LDAP.test(cls)) return [];
    const url = property(ctx.model.doc, el, 'ConnectionURL');
    const v = url?.value ?? '';
    const urls = v.includes('${') ? [] : ldapUrlsOf(v);
    const external = urls.length > 0 && urls.some((u) => !u.loopback);
    return [{ el, cls, url, external }];
  });
}

export const readWriteUserStoreLegacy = defineVariant({
  kind: 'xml',
  files: ['user-mgt.xml'],
  what: 'Carbon 4.4 (user-mgt.xml): the primary user store is a read-write LDAP or Active Directory manager (`ReadWriteLDAPUserStoreManager`, `ActiveDirectoryUserStoreManager`) on an external directory, without `ReadOnly` = true. The embedded LDAP of Identity Server is not reported.',
  example: {
    bad: '<UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadWriteLDAPUserStoreManager">\n  <Property name="ConnectionURL">ldaps://ldap.corp:636</Property>',
    good: '<UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadOnlyLDAPUserStoreManager">\n  <Property name="ConnectionURL">ldaps://ldap.corp:636</Property>',
  },
  check(ctx) {
    for (const s of stores(ctx)) {
      if (!READ_WRITE.test(s.cls) || !s.external) continue;
      if (property(ctx.model.doc, s.el, 'ReadOnly')?.value.toLowerCase() === 'true') continue;
      ctx.report({ span: s.el.attr('class')!.valueSpan, message: 'The primary user store writes to an external LDAP/Active Directory: the server can create, change and delete users and groups in the corporate directory. Use ReadOnlyLDAPUserStoreManager (or ReadOnly=true) unless the product must manage that directory.' });
    }
  },
  cases: {
    valid: [{ name: 'embedded LDAP', code: '<UserManager><Realm><UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadWriteLDAPUserStoreManager"><Property name="ConnectionURL">ldap://localhost:${Ports.EmbeddedLDAP.LDAPServerPort}</Property></UserStoreManager></Realm></UserManager>' }],
    invalid: [{
      code: '<UserManager><Realm>\n<UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadWriteLDAPUserStoreManager">\n<Property name="ConnectionURL">ldaps://ldap.corp:636</Property>\n</UserStoreManager></Realm></UserManager>',
      errors: [{ range: [1, 25, 1, 85], message: 'writes to an external LDAP' }],
    }],
  },
});

export const userStoreWithoutTlsLegacy = defineVariant({
  kind: 'xml',
  files: ['user-mgt.xml'],
  what: 'Carbon 4.4 (user-mgt.xml): an LDAP user store whose `ConnectionURL` is a plain `ldap://` URL to an external host, without `StartTLSEnabled` = true (understood from Carbon kernel 4.4.37: IS 5.8, EI 6.5/6.6).',
  example: { bad: '<Property name="ConnectionURL">ldap://ldap.corp:389</Property>', good: '<Property name="ConnectionURL">ldaps://ldap.corp:636</Property>' },
  check(ctx) {
    for (const s of stores(ctx)) {
      if (!s.url || !s.external) continue;
      const plain = ldapUrlsOf(s.url.value).filter((u) => u.scheme === 'ldap' && !u.loopback);
      if (!plain.length) continue;
      const startTls = property(ctx.model.doc, s.el, 'StartTLSEnabled')?.value.toLowerCase() === 'true';
      const understood = legacyKernelAtLeast(ctx.product.legacy, STARTTLS_SINCE);
      if (startTls && understood !== false) continue;
      const note = startTls ? ' StartTLSEnabled is set, but this Carbon kernel (before 4.4.37) does not know it.' : understood === true ? ' Or set StartTLSEnabled to true.' : '';
      ctx.report({ span: s.url.span, message: `The user store connects to ${plain[0].host} over plain ldap://: bind passwords and user data cross the network unencrypted. Use ldaps://.${note}` });
    }
  },
  cases: {
    valid: [{ code: '<UserManager><Realm><UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadOnlyLDAPUserStoreManager"><Property name="ConnectionURL">ldaps://ldap.corp:636</Property></UserStoreManager></Realm></UserManager>' }],
    invalid: [{
      code: '<UserManager><Realm>\n<UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadOnlyLDAPUserStoreManager">\n<Property name="ConnectionURL">ldap://ldap.corp:389</Property>\n</UserStoreManager></Realm></UserManager>',
      errors: [{ range: [2, 31, 2, 51], message: 'plain ldap://' }],
    }],
  },
});
