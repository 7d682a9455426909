import { defineRule } from '../engine/rule';
import type { TomlEntry } from '../parsers/toml/model';
import { superuser } from '../data/privileged-accounts';
import { privilegedUserLegacy } from './legacy/privileged-user';
import { readKey } from './util/keys';
import { literalString, pathText } from './util/toml';
import { isSubstitutionToken } from './util/values';
import { dataSources } from './util/datasources';

export default defineRule({
  meta: {
    id: 'privileged-datastore-user',
    title: 'Data store accessed as a superuser',
    guideline: 'Connect to data stores using a less privileged user',
    guidelineId: 'G07',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds database and directory accounts with well-known superuser names: `username` of `[database.*]`, `[datasource.*]`, `[[datasource]]`, and `[user_store] connection_name` (alias `ConnectionName`) — root, sa, postgres, system, sys, db2admin, db2inst1, admin, Administrator, `uid=admin,ou=system` (the embedded LDAP administrator of Identity Server 5.10/5.11), `cn=Directory Manager`. Whether another name is privileged cannot be seen from the file.',
      why: 'If the server is compromised, the attacker gets whatever its data store account may do. A superuser can read every schema, drop the database, create accounts, and often run code on the database host.',
      example: {
        bad: '[database.apim_db]\nurl = "jdbc:mysql://db:3306/apim?sslMode=VERIFY_IDENTITY"\nusername = "root"',
        good: '[database.apim_db]\nurl = "jdbc:mysql://db:3306/apim?sslMode=VERIFY_IDENTITY"\nusername = "apim_app"',
      },
      fix: 'Create an account for the product with only the rights it needs on its own schema (after the tables are created: SELECT, INSERT, UPDATE, DELETE, EXECUTE), or a directory bind account limited to the users and groups subtree, and use it here. There is no quick fix.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    const { config } = ctx.model;
    const check = (entry: TomlEntry | undefined, where: string) => {
      const name = literalString(entry?.value);
      if (!entry || name === undefined || isSubstitutionToken(name)) return;
      const why = superuser(name);
      if (!why) return;
      ctx.report({
        span: entry.value.span,
        message: `${where} connects as ${why}. Use an account with only the rights the product needs.`,
      });
    };
    for (const ds of dataSources(config)) check(ds.username, `${ds.label} username`);
    const bind = readKey(config, ['user_store', 'connection_name']);
    if (bind) check(bind, `\`${pathText(bind.path)}\``);
  },
  cases: {
    valid: [
      { code: '[database.apim_db]\nusername = "apim_app"\n[user_store]\nconnection_name = "cn=wso2-bind,ou=services,dc=example,dc=com"\n' },
      { name: 'shipped H2 account', code: '[database.apim_db]\nusername = "wso2carbon"\n' },
      { name: 'template', code: '[database.apim_db]\nusername = "{{ .Values.user }}"\n' },
    ],
    invalid: [
      {
        code: '[database.apim_db]\nusername = "root"\n[[datasource]]\nid = "WSO2CarbonDB"\nusername = "SA"\n[user_store]\nconnection_name = "uid=admin, ou=system"\n',
        errors: [
          { range: [1, 11, 1, 17], message: '[database.apim_db] username connects as the MySQL/MariaDB superuser' },
          { range: [4, 11, 4, 15], message: '[[datasource]] WSO2CarbonDB username connects as the SQL Server' },
          { range: [6, 18, 6, 40], message: '`user_store.connection_name` connects as the ApacheDS (embedded LDAP) administrator' },
        ],
      },
      {
        name: 'raw alias, Active Directory administrator DN',
        code: '[user_store.properties]\nConnectionName = "CN=Administrator,CN=Users,DC=example,DC=com"\n',
        errors: [{ range: [1, 17, 1, 62], message: 'the Active Directory administrator' }],
      },
    ],
  },
  legacy: [privilegedUserLegacy],
});
