import { defineRule, type RelatedInfo, type RuleContext } from '../engine/rule';
import type { TomlEntry } from '../parsers/toml/model';
import { productLabel } from '../engine/product';
import { DEFAULT_KEYSTORE_FILES, DEFAULT_KEYSTORE_PASSWORD, shippedStores } from '../data/defaults';
import { literalString, pathText } from './util/toml';
import { resolvePlain, viaNote } from './util/values';
import { isFullDeployment } from './util/scope';
import { KEYSTORE_RULE } from './util/keystore-rules';
import { defaultKeystoreLegacy } from './legacy/default-keystore';

interface Store {
  path: string[];
  passwords: string[];
  /** tls and internal default to `$ref{keystore.primary.*}`: their absence is primary's business. */
  inherits: boolean;
  kind: 'keystore' | 'truststore';
}

const STORES: Store[] = [
  { path: ['keystore', 'primary'], passwords: ['password', 'key_password'], inherits: false, kind: 'keystore' },
  { path: ['keystore', 'tls'], passwords: ['password', 'key_password'], inherits: true, kind: 'keystore' },
  { path: ['keystore', 'internal'], passwords: ['password', 'key_password'], inherits: true, kind: 'keystore' },
  { path: ['truststore'], passwords: ['password'], inherits: false, kind: 'truststore' },
];

const PUBLIC = {
  keystore: 'its private key and certificate are public, the same in every installation.',
  truststore: 'it trusts the vendor\'s default certificates, the same in every installation.',
};

const CREATE = {
  keystore: 'Create your own keystore (RSA 2048 bits or more, SHA-256 certificate) and point file_name, type, password, alias and key_password at it.',
  truststore: 'Create your own truststore holding only the certificates you trust (delete the vendor\'s default certificate) and point file_name, type and password at it.',
};

function basename(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1).toLowerCase();
}

function defaultPasswords(ctx: RuleContext<'toml'>, store: Store): Array<{ entry: TomlEntry; note: string }> {
  const out: Array<{ entry: TomlEntry; note: string }> = [];
  for (const key of store.passwords) {
    const entry = ctx.model.config.get([...store.path, key]);
    const r = resolvePlain(ctx.model.config, entry);
    if (entry && r?.text === DEFAULT_KEYSTORE_PASSWORD) out.push({ entry, note: viaNote(r) });
  }
  return out;
}

function checkStore(ctx: RuleContext<'toml'>, store: Store, full: boolean): void {
  const { config } = ctx.model;
  const table = pathText(store.path);
  const shipped = shippedStores(ctx.product);
  const shippedName = store.kind === 'keystore' ? shipped.keystore : shipped.truststore;
  if (!config.has(store.path)) {
    if (store.inherits || !full) return;
    ctx.report({
      span: config.insertionPoint([...store.path, 'file_name']).reportSpan,
      message: `No [${table}]: ${productLabel(ctx.product)} uses the shipped ${shippedName} with the shipped default password, the same in every installation. ${CREATE[store.kind]}`,
    });
    return;
  }
  const passwords = defaultPasswords(ctx, store);
  const fileEntry = config.get([...store.path, 'file_name']);
  const file = literalString(fileEntry?.value);
  if (fileEntry && file !== undefined && DEFAULT_KEYSTORE_FILES.has(basename(file))) {
    const related: RelatedInfo[] = passwords.map((p) => ({ span: p.entry.value.span, message: `\`${pathText(p.entry.path)}\` is the shipped default password too.` }));
    ctx.report({
      span: fileEntry.value.span,
      message: `\`${table}.file_name\` is the shipped ${basename(file)}: ${PUBLIC[store.kind]} ${CREATE[store.kind]}`,
      related: related.length > 0 ? related : undefined,
    });
    return;
  }
  if (!fileEntry && !store.inherits) {
    ctx.report({
      span: config.insertionPoint([...store.path, 'file_name']).reportSpan,
      message: `[${table}] sets no file_name, so the shipped ${shippedName} is used. ${CREATE[store.kind]}`,
    });
    return;
  }
  for (const p of passwords) {
    ctx.report({
      span: p.entry.value.span,
      message: `\`${pathText(p.entry.path)}\` is the shipped default keystore password${p.note}. Protect the keystore with a password of your own and reference it through Secure Vault.`,
    });
  }
}

export default defineRule({
  meta: {
    id: 'default-keystore',
    title: 'Default keystore or truststore',
    ...KEYSTORE_RULE,
    severity: 'error',
    docs: {
      what: 'Finds the shipped keystores and truststore: `file_name` of `[keystore.primary]`, `[keystore.tls]`, `[keystore.internal]` or `[truststore]` naming `wso2carbon.jks|.p12` or `client-truststore.jks|.p12` (MI\'s `repository/resources/security/…` paths too), the shipped password `wso2carbon` (also through a still-plain `$secret{}`), and — in a full deployment.toml (plain TOML with a `[server]` table, of a detected product — not a template or snippet) — an absent `[keystore.primary]` or `[truststore]`, which means the shipped stores (`.jks` on kernel 4.6–4.9 and MI, `.p12` on kernel 4.10+). `[keystore.tls]` and `[keystore.internal]` default to the primary keystore, so their absence is not reported. What the stores hold is checked by the `keystore-*` rules, which open them: the vendor\'s default certificate under any file name (`keystore-default-certificate`), keys under 2048 bits (`keystore-weak-key`), SHA-1 or MD5 signatures (`keystore-weak-signature`), expired or expiring certificates (`keystore-certificate-expiry`), and stores they could not open (`keystore-unreadable`).',
      why: 'Every installation ships the same self-signed key pair and the same default trusted certificates. Anyone can download them: they can impersonate the server, decrypt what it encrypts, forge its signed tokens, or be trusted by it.',
      example: {
        bad: '[keystore.tls]\nfile_name = "wso2carbon.jks"\ntype = "JKS"\npassword = "wso2carbon"\nalias = "wso2carbon"\nkey_password = "wso2carbon"',
        good: '[keystore.tls]\nfile_name = "acme-tls.p12"\ntype = "PKCS12"\npassword = "$secret{tls_keystore_password}"\nalias = "acme-tls"\nkey_password = "$secret{tls_key_password}"',
      },
      fix: 'Create new keystores and a truststore (keytool or openssl; 2048-bit RSA or stronger, SHA-256 certificates), import only the certificates you trust, and set every `[keystore.*]` and `[truststore]` table to them with passwords from Secure Vault. There is no quick fix: the file names and passwords are yours to choose.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    const full = isFullDeployment(ctx);
    for (const store of STORES) checkStore(ctx, store, full);
  },
  cases: {
    valid: [
      { code: '[server]\nhostname = "h"\n\n[keystore.primary]\nfile_name = "acme.p12"\npassword = "$secret{ks}"\nkey_password = "$secret{kp}"\n\n[truststore]\nfile_name = "acme-trust.p12"\npassword = "$env{TS_PASSWORD}"\n\n[secrets]\nks = "c2VjcmV0"\nkp = "c2VjcmV0"\n' },
      { name: 'snippet: absent tables are not the shipped defaults', code: '[apim.opa_security]\noperation_mode = "sync"\n' },
      { name: 'template: the file name is not literal', code: '[server]\nhostname = "h"\n[keystore.primary]\nfile_name = "{{ .Values.ks }}"\npassword = "{{ .Values.pw }}"\n[truststore]\nfile_name = "{{ .Values.ts }}"\npassword = "{{ .Values.tpw }}"\n' },
      { name: 'tls and internal default to the primary keystore', code: '[server]\n[keystore.primary]\nfile_name = "a.p12"\npassword = "$env{A}"\n[truststore]\nfile_name = "t.p12"\npassword = "$env{T}"\n' },
    ],
    invalid: [
      {
        name: 'API-M as shipped: tls keystore named, primary and truststore absent',
        fileName: '/opt/wso2am-4.2.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "localhost"\n\n[keystore.tls]\nfile_name =  "wso2carbon.jks"\npassword =  "wso2carbon"\nkey_password =  "wso2carbon"\n',
        errors: [
          { range: [0, 0, 0, 8], message: 'No [keystore.primary]: WSO2 API Manager 4.2.0 uses the shipped wso2carbon.jks' },
          { range: [0, 0, 0, 8], message: 'No [truststore]: WSO2 API Manager 4.2.0 uses the shipped client-truststore.jks' },
          { range: [4, 13, 4, 29], message: '`keystore.tls.file_name` is the shipped wso2carbon.jks' },
        ],
      },
      {
        name: 'IS 7.1+ .p12 stores; MI path form',
        code: '[keystore.primary]\nfile_name = "repository/resources/security/wso2carbon.p12"\n[truststore]\nfile_name="client-truststore.p12"\n',
        errors: [{ range: [1, 12, 1, 58], message: 'wso2carbon.p12' }, { range: [3, 10, 3, 33], message: 'client-truststore.p12' }],
      },
      {
        name: 'own file, default password (also through a still-plain Secure Vault alias)',
        code: '[keystore.primary]\nfile_name = "acme.jks"\npassword = "wso2carbon"\nkey_password = "$secret{kp}"\n\n[secrets]\nkp = "[wso2carbon]"\n',
        errors: [
          { range: [2, 11, 2, 23], message: '`keystore.primary.password` is the shipped default keystore password.' },
          { range: [3, 15, 3, 28], message: 'through the Secure Vault alias `kp`' },
        ],
      },
      {
        name: 'table without file_name',
        code: '[server]\n[keystore.primary]\npassword = "$env{P}"\n[truststore]\nfile_name = "t.jks"\npassword = "$env{T}"\n',
        errors: [{ range: [1, 0, 1, 18], message: '[keystore.primary] sets no file_name' }],
      },
      {
        name: 'IS 7.2 by content: p12 defaults for absent truststore',
        fileName: 'deployment.toml',
        code: '[server]\n[keystore.primary]\nfile_name = "a.p12"\npassword = "$env{P}"\n[datasource.AgentIdentity]\nid = "AgentIdentity"\n[database.identity_db]\ntype = "h2"\n',
        errors: [{ range: [0, 0, 0, 8], message: 'No [truststore]: WSO2 Identity Server 7.2+ uses the shipped client-truststore.p12' }],
      },
    ],
  },
  legacy: [defaultKeystoreLegacy],
});
