import { defineRule } from '../engine/rule';
import { readKey } from './util/keys';
import { literalString, replaceValue, tomlString } from './util/toml';
import { embeddedLdap } from './util/ldap';
import { readWriteUserStoreLegacy } from './legacy/user-store';

const READ_WRITE = /^(read_write_ldap|active_directory)(_unique_id)?$/;

export default defineRule({
  meta: {
    id: 'read-write-user-store',
    title: 'Read-write external user store',
    guideline: 'Enable read-only access to external user stores',
    guidelineId: 'G05',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds a primary `[user_store]` of a read-write LDAP or Active Directory type (`read_write_ldap`, `read_write_ldap_unique_id`, `active_directory`, `active_directory_unique_id`). The embedded LDAP that Identity Server 5.10/5.11 ship (`ldap://localhost:${Ports.EmbeddedLDAP.LDAPServerPort}`, or any loopback URL) is the product\'s own store, not an external one, and is not reported; its default administrator bind is reported by `privileged-datastore-user` and `plaintext-password`. Secondary user stores (userstores/*.xml) are outside deployment.toml.',
      why: 'With write access the server — and anyone who takes it over — can create, change and delete accounts in the organisation\'s directory. If the product only reads users from it, grant it only that.',
      example: {
        bad: '[user_store]\ntype = "read_write_ldap_unique_id"\nconnection_url = "ldaps://ldap.example.com:636"',
        good: '[user_store]\ntype = "read_only_ldap_unique_id"\nconnection_url = "ldaps://ldap.example.com:636"',
      },
      fix: 'If the product does not manage users in this directory, use `read_only_ldap` (or `read_only_ldap_unique_id`) and a bind account with read rights only. The quick fix changes a read-write LDAP type to its read-only counterpart; review it, because user and role management in the product stops working for that store. For Active Directory, change the type by hand (read-only AD uses the read-only LDAP type with AD attributes).',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    const { config } = ctx.model;
    const typeEntry = config.get(['user_store', 'type']);
    const type = literalString(typeEntry?.value);
    if (!typeEntry || type === undefined || !READ_WRITE.test(type.toLowerCase())) return;
    const url = readKey(config, ['user_store', 'connection_url']);
    if (url && embeddedLdap(url)) return;
    const readOnly = type.replace(/^read_write_ldap/i, 'read_only_ldap');
    ctx.report({
      span: typeEntry.value.span,
      message: `\`[user_store] type = "${type}"\` gives the server write access to the directory. If it only reads users from this external store, use a read-only type and a read-only bind account.`,
      fix: readOnly !== type ? { title: `Use type "${readOnly}"`, edits: [replaceValue(typeEntry, tomlString(readOnly))], safe: false } : undefined,
    });
  },
  cases: {
    valid: [
      { code: '[user_store]\ntype = "read_only_ldap_unique_id"\nconnection_url = "ldaps://ldap.example.com:636"\n' },
      { name: 'IS 5.10/5.11 embedded LDAP', code: '[user_store]\ntype = "read_write_ldap_unique_id"\nconnection_url = "ldap://localhost:${Ports.EmbeddedLDAP.LDAPServerPort}"\n' },
      { name: 'JDBC store', code: '[user_store]\ntype = "database_unique_id"\n' },
    ],
    invalid: [
      {
        code: '[user_store]\ntype = "read_write_ldap_unique_id"\nconnection_url = "ldaps://ldap.example.com:636"\n',
        errors: [{ range: [1, 7, 1, 34], message: 'gives the server write access' }],
        output: '[user_store]\ntype = "read_only_ldap_unique_id"\nconnection_url = "ldaps://ldap.example.com:636"\n',
      },
      {
        name: 'Active Directory: no quick fix',
        code: '[user_store]\ntype = "active_directory_unique_id"\n[user_store.properties]\nConnectionURL = "ldaps://ad.example.com:636"\n',
        errors: [{ range: [1, 7, 1, 35] }],
      },
    ],
  },
  legacy: [readWriteUserStoreLegacy],
});
