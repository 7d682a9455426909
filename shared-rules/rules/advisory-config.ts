// G01: configuration that a published advisory prescribes for the detected release — a key that must accompany the
// update, or a compatibility switch that re-enables the vulnerable behaviour. One finding per key, naming every
// advisory that asks for it, with links.
import { defineRule, type RuleResources } from '../engine/rule';
import type { EffectiveConfig, TomlEntry } from '../parsers/toml/model';
import type { Mitigation, TomlCondition } from '../data/advisories';
import { advisoryScope, isHomeConfig } from './util/advisories';
import { isFullDeployment } from './util/scope';
import { advisoryConfigLegacy } from './legacy/advisory-config';
import { levelText, loudFor } from './util/advisory-level';

function holds(entry: TomlEntry | undefined, c: TomlCondition): boolean {
  if (Array.isArray(c.equals)) return entry?.value.kind === 'array' && entry.value.items?.length === 0;
  const v = entry?.value.value;
  return v !== undefined && String(v).toLowerCase() === String(c.equals).toLowerCase();
}

function keyText(c: TomlCondition): string {
  const seg = (s: string) => (/^[A-Za-z0-9_-]+$/.test(s) ? s : `'${s}'`);
  const table = c.key.slice(0, -1).map(seg).join('.');
  const value = Array.isArray(c.equals) ? '[]' : typeof c.equals === 'string' ? JSON.stringify(c.equals) : String(c.equals);
  return `${table ? `[${table}] ` : ''}${seg(c.key[c.key.length - 1])} = ${value}`;
}

/** `[[resource.access_control]] context = "(.*)/fileupload/(.*)", secure = true` */
function entryText(r: { table: string[]; with: TomlCondition[] }): string {
  const lit = (v: TomlCondition['equals']) => (typeof v === 'string' ? `'${v}'` : String(v));
  return `[[${r.table.join('.')}]] ${r.with.map((c) => `${c.key.join('.')} = ${lit(c.equals)}`).join(', ')}`;
}

function applies(m: Mitigation, product: string, version: string, affected: boolean): boolean {
  if (!affected) return false;
  if (m.products && !m.products.includes(product)) return false;
  return !m.versions || m.versions.includes(version);
}

function stub(files: Record<string, string>): RuleResources {
  return { readFile: (p) => (files[p] !== undefined ? new TextEncoder().encode(files[p]) : undefined), env: {} };
}

const AM4_HOME = { '/srv/wso2am-4.0.0/updates/product.txt': 'wso2am-4.0.0' };
const AM4_TOML = '/srv/wso2am-4.0.0/repository/conf/deployment.toml';
// API-M 4.0.0 with every deployment.toml key an advisory asks for, so a case shows only the array-of-tables entries.
const AM4_KEYS = '[server]\n\n[apim.jwt]\nbinding_federated_user_claims = false\n\n[synapse_properties]\n\'limit_java_class_access_in_scripts.enable\' = true\n\n[oauth.token_renewal]\nvalidate_authenticated_user_for_refresh_grant = true\n\n[request_parameters]\nallow_sensitive_data_in_url = false\n\n[common_auth_caller_path]\nenable_common_auth_caller_path_validation = true\n\n[event.default_listener.governance_identity_store]\nenable_hybrid_data_store = false\n';
const FILEUPLOAD = '\n[[resource.access_control]]\ncontext="(.*)/fileupload/resource(.*)"\nsecure=false\nhttp_method = "all"\n\n[[resource.access_control]]\ncontext="(.*)/fileupload/(.*)"\nsecure=true\nhttp_method = "all"\npermissions = ["/permission/protected/"]\n';
const TRAVERSAL = '\n[[resource.access_control]]\ncontext="(.*)/((\\\\.+)|(.*;+.*)|%2e)/(.*)"\npermissions = ["/"]\nsecure=true\nhttp_method="all"\n';
const IS71_HOME = { '/srv/wso2is-7.1.0/updates/product.txt': 'wso2is-7.1.0', '/srv/wso2is-7.1.0/updates/config.json': '{"update-level": 50}' };
const IS71_TOML = '/srv/wso2is-7.1.0/repository/conf/deployment.toml';
const IS71_KEYS = '[server]\n\n[token_exchange.implicit_association]\ninclude_primary_when_secondary_present = true\n\n[authentication.local_authenticators]\nhide_user_existence = true\n\n[remote_logging]\nencrypt_secrets = true\nhide_secrets = true\n';
const IS_HOME = { '/srv/wso2is-7.0.0/updates/product.txt': 'wso2is-7.0.0' };
const IS_TOML = '/srv/wso2is-7.0.0/repository/conf/deployment.toml';

export default defineRule({
  meta: {
    id: 'advisory-config',
    title: 'Configuration a security advisory prescribes',
    guideline: 'Apply security updates',
    guidelineId: 'G01',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'For a release that published advisories list (release detected as for `security-advisories`), checks the deployment.toml keys those advisories prescribe: keys that must accompany the update ("applying the update alone is not sufficient"), e.g. `[request_parameters] allow_sensitive_data_in_url = false` (WSO2-2024-3465) or `[authentication.local_authenticators] hide_user_existence = true` (WSO2-2025-4583), and compatibility switches that re-enable the vulnerable behaviour, e.g. `[user_store_commons] enable_circuit_breaker_for_user_stores = false` (WSO2-2024-3352). Also the mitigations an advisory offers instead of the update: the `[[resource.access_control]]` entries of WSO2-2021-1738 (CVE-2022-29464) and WSO2-2022-2177, and an empty `[intermediate_cert_validation] exempt_contexts` when that validation is on (WSO2-2021-1509). The conditions are listed in `shared-rules/data/advisories/mitigations.json`. Severity: a warning when the home\'s update level (`updates/config.json`) includes the fix and the key is missing (the fix is installed but off), when it lacks the fix and a stand-in mitigation is missing, for a compatibility switch that is on, and for a configuration-only fix; info when the update level is unknown or the advisory names none — the key then matters only once the update is in. An absent key counts only in the home\'s own `deployment.toml`, not in variants such as `deployment-full.toml`.',
      why: 'For these advisories the update installs the fix but leaves it off, or a later setting switches the old behaviour back on: a server at the right update level is still exposed until its configuration says so.',
      example: {
        bad: '# Identity Server 7.1.0\n[server]\nhostname = "is.example.com"',
        good: '# Identity Server 7.1.0\n[server]\nhostname = "is.example.com"\n\n[authentication.local_authenticators]\nhide_user_existence = true',
      },
      fix: 'Set the key as the advisory shows (the message links it), after applying the update the advisory names. No quick fix: some of these keys change behaviour users see (error messages, scopes), so read the advisory first.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    if (ctx.settings.advisories.severity === 'off') return;
    const scope = advisoryScope(ctx);
    if (!scope.matches || !scope.info.product || !scope.info.version) return;
    const { product, version } = scope.info;
    const config: EffectiveConfig = ctx.model.config;
    // key text → the finding's parts, so one key asked for by several advisories gives one finding.
    const entries: Array<{ span: { start: number; end: number }; severity?: 'info'; message: string }> = [];
    const byKey = new Map<string, { entry?: TomlEntry; c: TomlCondition; forbid: boolean; loud: boolean; tail: string; verb: string; ids: Array<{ id: string; url: string; note: string }> }>();
    for (const { advisory, status, pair } of scope.matches) {
      if (advisory.mitigations) for (const m of advisory.mitigations) {
        if (m.file !== 'deployment.toml' || !applies(m, product, version, true)) continue;
        if (m.roles && ctx.product.distribution && !m.roles.includes(ctx.product.distribution)) continue;
        if (m.kind === 'MIT' && status === 'fixed') continue; // a config-only mitigation is moot once the update is in
        if (m.when && !holds(config.get(m.when.key), m.when)) continue;
        // `if`, not `?? []`: an empty literal has other array elements than the data's lists, and meeting it late
        // threw this (large) optimised function away several times a run (round 7, issue 22).
        const checks: Array<{ c: TomlCondition; forbid: boolean }> = [];
        if (m.require) for (const c of m.require) checks.push({ c, forbid: false });
        if (m.forbid) for (const c of m.forbid) checks.push({ c, forbid: true });
        // An absent key means the shipped default only in a whole deployment.toml (not a snippet or a template), and
        // only in the file the product reads: a variant (`deployment-full.toml`, `wso2am-4.6.0-deployment.toml`) may be
        // a reference or a part merged elsewhere — as for the summary, which only the home's deployment.toml carries.
        const whole = isFullDeployment(ctx) && isHomeConfig(ctx.fileName);
        for (const { c, forbid } of checks) {
          const entry = config.get(c.key);
          if (forbid ? !holds(entry, c) : holds(entry, c)) continue;
          if (!forbid && !entry && !whole) continue;
          const k = `${forbid}:${keyText(c)}`;
          const slot = byKey.get(k) ?? { entry, c, forbid, loud: false, tail: '', verb: m.kind === 'MIT' ? 'as the mitigation of' : 'with the update of', ids: [] };
          const loud = m.configOnly || loudFor(m.kind, forbid, status);
          // The tail follows the advisory that makes the finding pressing (or the first one).
          if (!forbid && (!slot.ids.length || (loud && !slot.loud))) slot.tail = levelText(status, m.kind, scope.info.updateLevel, pair.l, m.configOnly);
          slot.loud ||= loud;
          slot.ids.push({ id: advisory.id, url: advisory.url, note: m.note });
          byKey.set(k, slot);
        }
        if (m.requireEntry) for (const r of m.requireEntry) {
          // An `[[…]]` instance holding every condition; in a snippet or template an absent entry proves nothing.
          const instances = config.arrayTables(r.table);
          if (!whole || instances.some((t) => r.with.every((c) => holds(t.get(c.key), c)))) continue;
          const last = instances[instances.length - 1];
          const firstLine = ctx.text.indexOf('\n');
          const span = last?.headerSpan ?? { start: 0, end: firstLine < 0 ? ctx.text.length : firstLine };
          const loud = m.configOnly || loudFor(m.kind, false, status);
          entries.push({ span, severity: loud ? undefined : 'info', message: `${scope.label} has no ${entryText(r)} entry, the mitigation of ${advisory.id} (${advisory.url}) — ${m.note}.${levelText(status, m.kind, scope.info.updateLevel, pair.l, m.configOnly)}` });
        }
      }
    }
    for (const f of entries) ctx.report(f);
    for (const { entry, c, forbid, loud, tail, verb, ids } of byKey.values()) {
      const refs = ids.map((x) => `${x.id} (${x.url})`).join(', ');
      const why = ids.length === 1 ? ` — ${ids[0].note}` : '';
      const severity = loud ? undefined : 'info';
      if (forbid) {
        ctx.report({ span: entry!.span, message: `${keyText(c)} re-enables the behaviour fixed by ${refs}${why}: remove it or set it back. (${scope.label})` });
      } else if (entry) {
        ctx.report({ span: entry.value.span, severity, message: `${scope.label} needs ${keyText(c)} ${verb} ${refs}${why}.${tail}` });
      } else {
        ctx.report({ span: config.insertionPoint(c.key).reportSpan, severity, message: `${scope.label} needs ${keyText(c)}, which this file does not set, ${verb} ${refs}${why}.${tail}` });
      }
    }
  },
  legacy: [advisoryConfigLegacy],
  cases: {
    valid: [
      { name: 'IS 7.1.0 with [secret_type_endpoint] enable = true (WSO2-2025-4597)', code: IS71_KEYS + '\n[secret_type_endpoint]\nenable = true\n', fileName: IS71_TOML, resources: stub(IS71_HOME) },
      { name: 'API-M 4.0.0, intermediate certificate validation on with no exemption (WSO2-2021-1509)', code: AM4_KEYS + FILEUPLOAD + TRAVERSAL + '\n[intermediate_cert_validation]\nenable = true\nexempt_contexts = []\n', fileName: AM4_TOML, resources: stub(AM4_HOME) },
      { name: 'API-M 4.0.0, intermediate certificate validation off: WSO2-2021-1509 does not apply', code: AM4_KEYS + FILEUPLOAD + TRAVERSAL, fileName: AM4_TOML, resources: stub(AM4_HOME) },
      { name: 'API-M 4.0.0 with both resource entries (WSO2-2021-1738, WSO2-2022-2177)', code: AM4_KEYS + FILEUPLOAD + TRAVERSAL, fileName: AM4_TOML, resources: stub(AM4_HOME) },
      { name: 'API-M 4.0.0 at update level 200: both mitigations are moot', code: AM4_KEYS, fileName: AM4_TOML, resources: stub({ ...AM4_HOME, '/srv/wso2am-4.0.0/updates/config.json': '{"update-level": 200}' }) },
      { name: 'a snippet: an absent [[resource.access_control]] proves nothing', code: '[apim.jwt]\nbinding_federated_user_claims = false\n', fileName: AM4_TOML, resources: stub(AM4_HOME) },
      { name: 'release unknown: nothing', code: '[server]\n', fileName: '/srv/repo/deployment.toml', resources: stub({}) },
      { name: 'a variant file (deployment-full.toml): an absent key proves nothing about the home', code: '[server]\nhostname = "is.example.com"\n', fileName: '/srv/wso2is-7.0.0/repository/conf/deployment-full.toml', resources: stub(IS_HOME) },
      { name: 'a snippet (no [server] table): an absent key is not the default here', code: '[oauth]\nauthorize_all_scopes = true\n', fileName: IS_TOML, resources: stub(IS_HOME) },
      {
        name: 'IS 7.0.0 with every prescribed key',
        code: '[server]\n\n[authentication.local_authenticators]\nhide_user_existence = true\n\n[token_exchange.implicit_association]\ninclude_primary_when_secondary_present = true\n\n[remote_logging]\nencrypt_secrets = true\nhide_secrets = true\n\n[common_auth_caller_path]\nenable_common_auth_caller_path_validation = true\n\n[request_parameters]\nallow_sensitive_data_in_url = false\n\n[oauth.token_renewal]\nvalidate_authenticated_user_for_refresh_grant = true\n\n[event.default_listener.governance_identity_store]\nenable_hybrid_data_store = false\n',
        fileName: IS_TOML,
        resources: stub(IS_HOME),
      },
    ],
    invalid: [
      {
        name: 'API-M 4.0.0 gateway worker at update level 400: no identity keys (a gateway serves no token or login endpoint); the script-mediator key stays',
        code: '[server]\nserver_role = "gateway-worker"\n',
        fileName: AM4_TOML,
        resources: stub({ ...AM4_HOME, '/srv/wso2am-4.0.0/updates/config.json': '{"update-level": 400}' }),
        errors: [
          { range: [0, 0, 0, 8], severity: 'warning', message: /^WSO2 API Manager 4\.0\.0 needs \[synapse_properties\] 'limit_java_class_access_in_scripts\.enable' = true, which this file does not set, with the update of WSO2-2026-5051 .*WSO2-2025-4510 .*The home is at update level 400, which includes the fix \(level 366\)/ },
          { range: [0, 0, 0, 8], severity: 'info', message: /^WSO2 API Manager 4\.0\.0 needs \[apim\.jwt\] binding_federated_user_claims = false/ },
        ],
      },
      {
        name: 'IS 7.1.0 at update level 50 (WSO2-2025-4597 fixed at 46) without [secret_type_endpoint] enable = true: the fix is off, a warning',
        code: IS71_KEYS,
        fileName: IS71_TOML,
        resources: stub(IS71_HOME),
        errors: [{ range: [0, 0, 0, 8], severity: 'warning', message: /^WSO2 Identity Server 7\.1\.0 needs \[secret_type_endpoint\] enable = true, which this file does not set, with the update of WSO2-2025-4597 .* The home is at update level 50, which includes the fix \(level 46\)/ }],
      },
      {
        name: 'API-M 4.0.0 with intermediate certificate validation on and the default SCIM2 exemption (WSO2-2021-1509, a config-only fix): a warning at any level',
        code: AM4_KEYS + FILEUPLOAD + TRAVERSAL + '\n[intermediate_cert_validation]\nenable = true\nexempt_contexts = ["scim2"]\n',
        fileName: AM4_TOML,
        resources: stub(AM4_HOME),
        errors: [{ range: [39, 18, 39, 27], severity: 'warning', message: /^WSO2 API Manager 4\.0\.0 needs \[intermediate_cert_validation\] exempt_contexts = \[\] as the mitigation of WSO2-2021-1509 .* The advisory's solution is this setting alone: no update turns it on\.$/ }],
      },
      {
        name: 'API-M 4.0.0 at update level 60: no fileupload entry (WSO2-2021-1738 fixed at 64) is a warning; WSO2-2022-2177 (151) too',
        code: AM4_KEYS,
        fileName: AM4_TOML,
        resources: stub({ ...AM4_HOME, '/srv/wso2am-4.0.0/updates/config.json': '{"update-level": 60}' }),
        errors: [
          { range: [0, 0, 0, 8], severity: 'warning', message: /^WSO2 API Manager 4\.0\.0 has no \[\[resource\.access_control\]\] context = '\(\.\*\)\/\(\(\\\.\+\)\|\(\.\*;\+\.\*\)\|%2e\)\/\(\.\*\)', secure = true entry, the mitigation of WSO2-2022-2177 / },
          { range: [0, 0, 0, 8], severity: 'warning', message: /^WSO2 API Manager 4\.0\.0 has no \[\[resource\.access_control\]\] context = '\(\.\*\)\/fileupload\/\(\.\*\)', secure = true entry, the mitigation of WSO2-2021-1738 \(https:\/\/security\.docs\.wso2\.com\/.*\/2022\/WSO2-2021-1738\/\) — groups 1 and 2 .* Update level 60 lacks the fix \(level 64\): this setting is the mitigation until then\.$/ },
        ],
      },
      {
        name: 'API-M 4.0.0, update level unknown, the fileupload entries present: only WSO2-2022-2177, as info, at the last [[resource.access_control]]',
        code: AM4_KEYS + FILEUPLOAD,
        fileName: AM4_TOML,
        resources: stub(AM4_HOME),
        errors: [{ range: [25, 0, 25, 27], severity: 'info', message: /the mitigation of WSO2-2022-2177 .*\(Update level unknown: needed until the fix \(level 151\) is applied\.\)$/ }],
      },
      {
        name: 'IS 7.0.0: a compatibility switch that re-enables WSO2-2024-3352, and the conditional WSO2-2025-4525',
        code: '[server]\n\n[authentication.local_authenticators]\nhide_user_existence = true\n\n[token_exchange.implicit_association]\ninclude_primary_when_secondary_present = true\n\n[remote_logging]\nencrypt_secrets = true\nhide_secrets = true\n\n[common_auth_caller_path]\nenable_common_auth_caller_path_validation = true\n\n[request_parameters]\nallow_sensitive_data_in_url = false\n\n[oauth.token_renewal]\nvalidate_authenticated_user_for_refresh_grant = true\n\n[event.default_listener.governance_identity_store]\nenable_hybrid_data_store = false\n\n[user_store_commons]\nenable_circuit_breaker_for_user_stores = false\n\n[oauth]\nauthorize_all_scopes = true\n',
        fileName: IS_TOML,
        resources: stub(IS_HOME),
        errors: [
          { range: [25, 0, 25, 46], severity: 'warning', message: /^\[user_store_commons\] enable_circuit_breaker_for_user_stores = false re-enables the behaviour fixed by WSO2-2024-3352/ },
          { range: [27, 0, 27, 7], severity: 'info', message: /needs \[oauth\] authorize_internal_scopes = false, which this file does not set, with the update of WSO2-2025-4525 \(https:\/\/security\.docs\.wso2\.com\/.*\/2026\/WSO2-2025-4525\/\)/ },
        ],
      },
      {
        name: 'IS 7.0.0 without hide_user_existence (WSO2-2025-4583), wrong value for allow_sensitive_data_in_url',
        code: '[server]\n\n[token_exchange.implicit_association]\ninclude_primary_when_secondary_present = true\n\n[remote_logging]\nencrypt_secrets = true\nhide_secrets = true\n\n[common_auth_caller_path]\nenable_common_auth_caller_path_validation = true\n\n[request_parameters]\nallow_sensitive_data_in_url = true\n\n[oauth.token_renewal]\nvalidate_authenticated_user_for_refresh_grant = true\n\n[event.default_listener.governance_identity_store]\nenable_hybrid_data_store = false\n',
        fileName: IS_TOML,
        resources: stub(IS_HOME),
        errors: [
          { range: [0, 0, 0, 8], severity: 'info', message: /needs \[authentication\.local_authenticators\] hide_user_existence = true, which this file does not set, with the update of WSO2-2025-4583 .* — applying the update alone is not sufficient/ },
          { range: [13, 30, 13, 34], severity: 'info', message: /WSO2 Identity Server 7\.0\.0 needs \[request_parameters\] allow_sensitive_data_in_url = false with the update of WSO2-2024-3465/ },
        ],
      },
      {
        name: 'IS 7.0.0 at update level 140, which includes the fix of WSO2-2025-4583: the missing key is a warning',
        code: '[server]\n\n[token_exchange.implicit_association]\ninclude_primary_when_secondary_present = true\n\n[remote_logging]\nencrypt_secrets = true\nhide_secrets = true\n\n[common_auth_caller_path]\nenable_common_auth_caller_path_validation = true\n\n[request_parameters]\nallow_sensitive_data_in_url = false\n\n[oauth.token_renewal]\nvalidate_authenticated_user_for_refresh_grant = true\n\n[event.default_listener.governance_identity_store]\nenable_hybrid_data_store = false\n',
        fileName: IS_TOML,
        resources: stub({ ...IS_HOME, '/srv/wso2is-7.0.0/updates/config.json': '{"update-level": 140}' }),
        errors: [{ range: [0, 0, 0, 8], severity: 'warning', message: /hide_user_existence = true, which this file does not set, with the update of WSO2-2025-4583 .* The home is at update level 140, which includes the fix \(level 134\): without this setting the fix stays off\.$/ }],
      },
      {
        name: 'IS 7.0.0 at update level 60, below the fix of WSO2-2025-4583: info, to set with the update',
        code: '[server]\n\n[token_exchange.implicit_association]\ninclude_primary_when_secondary_present = true\n\n[remote_logging]\nencrypt_secrets = true\nhide_secrets = true\n\n[common_auth_caller_path]\nenable_common_auth_caller_path_validation = true\n\n[request_parameters]\nallow_sensitive_data_in_url = false\n\n[oauth.token_renewal]\nvalidate_authenticated_user_for_refresh_grant = true\n\n[event.default_listener.governance_identity_store]\nenable_hybrid_data_store = false\n',
        fileName: IS_TOML,
        resources: stub({ ...IS_HOME, '/srv/wso2is-7.0.0/updates/config.json': '{"update-level": 60}' }),
        errors: [{ range: [0, 0, 0, 8], severity: 'info', message: /hide_user_existence = true, .* Set it when applying update level 134 \(the home is at 60\)\.$/ }],
      },
    ],
  },
});
