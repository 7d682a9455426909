import { defineRule } from '../engine/rule';
import type { TomlEntry, TomlTable } from '../parsers/toml/model';
import { DEFAULT_ADMIN_PASSWORD, DEFAULT_ADMIN_USER } from '../data/defaults';
import { literalString } from './util/toml';
import { resolvePlain, viaNote } from './util/values';

// Accounts with rules of their own (super_admin: default-admin-credentials; MI file user store: mi-admin-credentials),
// and data stores, whose `admin` user is a database or directory account (privileged-datastore-user), not the product's.
const ELSEWHERE = new Set(['super_admin', 'internal_apis', 'secrets', 'runtime_secrets', 'database', 'datasource', 'user_store', 'realm_manager']);
const USER_KEYS = new Set(['username', 'user_name', 'user', 'admin_username']);
const PASSWORD_KEYS = new Set(['password', 'admin_password']);

/** `[a.b]` / `[[a.b]] #2` / `[a] b` — how a message names the block a key pair is written in. */
function blockName(table: TomlTable, parent: readonly string[]): string {
  const head = table.path.join('.');
  const header = table.isArray ? `[[${head}]]${table.arrayIndex > 0 ? ` #${table.arrayIndex + 1}` : ''}` : head ? `[${head}]` : '';
  const rest = parent.slice(table.path.length).join('.');
  return rest ? `${header ? header + ' ' : ''}${rest}` : header;
}

export default defineRule({
  meta: {
    id: 'connection-admin-credentials',
    title: 'Default admin credentials in a connection block',
    guideline: 'Change default admin credentials',
    guidelineId: 'G18',
    severity: 'error',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds `admin`/`admin` written outside `[super_admin]`: the credentials one node uses to call another — throttling (`[apim.throttling]`, `[[apim.throttling.url_group]]`), event hub, key manager connections, the service catalog of Micro Integrator, the Integration Control Plane\'s service accounts. A block is reported when its user name is literally `admin` and its password is `admin` (also through a still-plain `$secret{}` alias). Database, data source and user store accounts are left to `privileged-datastore-user`.',
      why: 'A connection that logs in with admin/admin only works while the remote node still accepts the shipped administrator account, so it keeps that account alive — and the password is now in one more file. Every installation ships the same name and password.',
      example: {
        bad: '[[service_catalog]]\napim_host = "https://apim:9443"\nusername = "admin"\npassword = "admin"',
        good: '[[service_catalog]]\napim_host = "https://apim:9443"\nusername = "svc-catalog"\npassword = "$secret{service_catalog_password}"',
      },
      fix: 'Create a dedicated account with only the permissions this connection needs on the remote node, and reference its password through Secure Vault or an environment variable. There is no quick fix: the account is yours to create.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    const { config } = ctx.model;
    for (const table of ctx.model.doc.tables) {
      if (ELSEWHERE.has(table.path[0] ?? '')) continue;
      // Group the section's statements by the block they write into (`[a] b.user` and `[a] b.password` together).
      // The key's name first: most statements are neither a user nor a password (no parent path copied for them).
      let blocks: Map<string, { parent: string[]; user?: TomlEntry; password?: TomlEntry }> | undefined;
      for (const e of table.entries) {
        const key = e.path[e.path.length - 1];
        const slot = USER_KEYS.has(key) ? 'user' : PASSWORD_KEYS.has(key) ? 'password' : undefined;
        if (!slot) continue;
        const parent = e.path.slice(0, -1);
        // Top-level keys: no product table holds them (a tool's own settings file named deployment.toml does).
        if (parent.length === 0 || ELSEWHERE.has(parent[0])) continue;
        const id = parent.join('\u0000');
        blocks ??= new Map();
        let b = blocks.get(id);
        if (!b) blocks.set(id, (b = { parent }));
        b[slot] = e;
      }
      if (blocks === undefined) continue;
      for (const b of blocks.values()) {
        if (!b.user || !b.password || literalString(b.user.value) !== DEFAULT_ADMIN_USER) continue;
        const pw = resolvePlain(config, b.password);
        if (pw?.text !== DEFAULT_ADMIN_PASSWORD) continue;
        ctx.report({
          span: b.password.value.span,
          message: `${blockName(table, b.parent)} connects as the shipped default administrator (user name "admin" with the shipped default password${viaNote(pw)}): the remote node must keep that account for this to work. Use a dedicated account with its own password, referenced through Secure Vault or an environment variable.`,
          related: [{ span: b.user.value.span, message: 'The well-known user name "admin".' }],
        });
      }
    }
  },
  cases: {
    valid: [
      { code: '[[service_catalog]]\napim_host = "https://apim:9443"\nusername = "svc"\npassword = "$secret{sc_pw}"\n' },
      { name: 'references to the super admin are that rule\'s business', code: '[apim.throttling]\nusername = "$ref{super_admin.username}"\npassword = "$ref{super_admin.password}"\n' },
      { name: 'a database account is not the product admin', code: '[database.apim_db]\nusername = "admin"\npassword = "admin"\n' },
      { name: 'top-level keys belong to no product table', code: 'username = "admin"\npassword = "admin"\n' },
      { name: 'admin with another password', code: '[apim.event_hub]\nusername = "admin"\npassword = "$env{EH_PW}"\n' },
    ],
    invalid: [
      {
        name: 'MI service catalog, throttling url group, key manager connection, dotted event hub keys',
        code: '[[service_catalog]]\napim_host = "https://apim:9443"\nusername = "admin"\npassword = "admin"\n\n[[apim.throttling.url_group]]\ntraffic_manager_urls = ["tcp://tm:9611"]\nusername = "admin"\npassword = "admin"\n\n[apim.key_manager]\nusername = "admin"\npassword = "admin"\n\n[apim]\nevent_hub.username = "admin"\nevent_hub.password = "admin"\n',
        errors: [
          { range: [3, 11, 3, 18], message: '[[service_catalog]] connects as the shipped default administrator' },
          { range: [8, 11, 8, 18], message: '[[apim.throttling.url_group]] connects' },
          { range: [12, 11, 12, 18], message: '[apim.key_manager] connects' },
          { range: [16, 21, 16, 28], message: '[apim] event_hub connects' },
        ],
      },
      {
        name: 'through a still-plain Secure Vault alias',
        code: '[apim.throttling]\nusername = "admin"\npassword = "$secret{tm_pw}"\n\n[secrets]\ntm_pw = "[admin]"\n',
        errors: [{ range: [2, 11, 2, 27], message: 'through the Secure Vault alias `tm_pw`' }],
      },
    ],
  },
});
