// G07 in the Carbon 4.4 files: datasources/*.xml `configuration/username` and the user store's `ConnectionName`
// in user-mgt.xml (legacy-carbon.md §5 G07). The superuser list is the TOML era's (data/privileged-accounts.ts).
import { defineVariant, type RuleContext } from '../../engine/rule';
import { superuser } from '../../data/privileged-accounts';
import { atPath, childText, isPlaceholder, property, type LeafText } from '../util/legacy-xml';

function check(ctx: RuleContext<'xml'>, leaf: LeafText | undefined, where: string): void {
  if (!leaf || !leaf.value || isPlaceholder(leaf.value)) return;
  const why = superuser(leaf.value);
  if (why) ctx.report({ span: leaf.span, message: `${where} connects as ${why}. Use an account with only the rights the product needs.` });
}

export const privilegedUserLegacy = defineVariant({
  kind: 'xml',
  files: ['datasources', 'user-mgt.xml'],
  what: 'Carbon 4.4: a datasource `<username>` (datasources/*.xml) or the user store\'s `ConnectionName` (user-mgt.xml) that is a well-known superuser — root, sa, postgres, system, sys, db2admin, admin, `uid=admin,ou=system`, `cn=Directory Manager`. Commented-out samples are not read.',
  example: { bad: '<url>jdbc:mysql://db:3306/carbon_db?useSSL=true</url>\n<username>root</username>', good: '<url>jdbc:mysql://db:3306/carbon_db?useSSL=true</url>\n<username>carbon_app</username>' },
  check(ctx) {
    const doc = ctx.model.doc;
    if (ctx.legacyFile === 'datasources') {
      for (const ds of atPath(doc, ['datasources-configuration', 'datasources', 'datasource'])) {
        const name = childText(doc, ds, 'name')?.value ?? 'datasource';
        for (const conf of atPath({ ...doc, root: ds }, ['datasource', 'definition', 'configuration'])) check(ctx, childText(doc, conf, 'username'), `Datasource ${name} username`);
      }
      return;
    }
    for (const store of atPath(doc, ['UserManager', 'Realm', 'UserStoreManager'])) check(ctx, property(doc, store, 'ConnectionName'), 'The user store ConnectionName');
  },
  cases: {
    valid: [{ name: 'shipped H2 account', code: '<datasources-configuration><datasources><datasource><name>WSO2_CARBON_DB</name><definition type="RDBMS"><configuration><username>wso2carbon</username></configuration></definition></datasource></datasources></datasources-configuration>' }],
    invalid: [
      {
        name: 'a deployment copy on MySQL as root',
        code: '<datasources-configuration><datasources><datasource><name>WSO2AM_DB</name><definition type="RDBMS"><configuration>\n<username>root</username>\n</configuration></definition></datasource></datasources></datasources-configuration>',
        errors: [{ range: [1, 10, 1, 14], message: 'Datasource WSO2AM_DB username connects as the MySQL/MariaDB superuser' }],
      },
      {
        name: 'user-mgt.xml bind DN (the commented AD sample stays quiet)',
        fileName: 'repository/conf/user-mgt.xml',
        code: '<UserManager><Realm>\n<UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadOnlyLDAPUserStoreManager">\n<Property name="ConnectionName">uid=admin,ou=system</Property>\n</UserStoreManager>\n<!--UserStoreManager class="x"><Property name="ConnectionName">CN=admin,CN=Users,DC=WSO2,DC=Com</Property></UserStoreManager-->\n</Realm></UserManager>',
        errors: [{ range: [2, 32, 2, 51], message: 'The user store ConnectionName connects as the ApacheDS (embedded LDAP) administrator' }],
      },
    ],
  },
});
