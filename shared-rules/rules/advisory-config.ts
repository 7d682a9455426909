// G01: configuration that a published advisory prescribes for the detected release — a key that must accompany the
// update, or a compatibility switch that re-enables the vulnerable behaviour. One finding per key, naming every
// advisory that asks for it, with links.
import { defineRule, type RuleResources } from '../engine/rule';
import type { EffectiveConfig, TomlEntry } from '../parsers/toml/model';
import type { Mitigation, TomlCondition } from '../data/advisories';
import { advisoryScope } from './util/advisories';
import { isFullDeployment } from './util/scope';
import { advisoryConfigLegacy } from './legacy/advisories';

function holds(entry: TomlEntry | undefined, c: TomlCondition): boolean {
  const v = entry?.value.value;
  return v !== undefined && String(v).toLowerCase() === String(c.equals).toLowerCase();
}

function keyText(c: TomlCondition): string {
  const seg = (s: string) => (/^[A-Za-z0-9_-]+$/.test(s) ? s : `'${s}'`);
  const table = c.key.slice(0, -1).map(seg).join('.');
  return `${table ? `[${table}] ` : ''}${seg(c.key[c.key.length - 1])} = ${typeof c.equals === 'string' ? JSON.stringify(c.equals) : String(c.equals)}`;
}

function applies(m: Mitigation, product: string, version: string, affected: boolean): boolean {
  if (!affected) return false;
  if (m.products && !m.products.includes(product)) return false;
  return !m.versions || m.versions.includes(version);
}

function stub(files: Record<string, string>): RuleResources {
  return { readFile: (p) => (files[p] !== undefined ? new TextEncoder().encode(files[p]) : undefined), env: {} };
}

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
      what: 'For a release that published advisories list (release detected as for `security-advisories`), checks the deployment.toml keys those advisories prescribe: keys that must accompany the update ("applying the update alone is not sufficient"), e.g. `[request_parameters] allow_sensitive_data_in_url = false` (WSO2-2024-3465) or `[authentication.local_authenticators] hide_user_existence = true` (WSO2-2025-4583), and compatibility switches that re-enable the vulnerable behaviour, e.g. `[user_store_commons] enable_circuit_breaker_for_user_stores = false` (WSO2-2024-3352). The conditions are listed in `shared-rules/data/advisories/mitigations.json`.',
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
    const byKey = new Map<string, { entry?: TomlEntry; c: TomlCondition; forbid: boolean; ids: Array<{ id: string; url: string; note: string }> }>();
    for (const { advisory, status } of scope.matches) {
      for (const m of advisory.mitigations ?? []) {
        if (m.file !== 'deployment.toml' || !applies(m, product, version, true)) continue;
        if (m.kind === 'MIT' && status === 'fixed') continue; // a config-only mitigation is moot once the update is in
        if (m.when && !holds(config.get(m.when.key), m.when)) continue;
        const checks = [...(m.require ?? []).map((c) => ({ c, forbid: false })), ...(m.forbid ?? []).map((c) => ({ c, forbid: true }))];
        // An absent key means the shipped default only in a whole deployment.toml (not a snippet or a template).
        const whole = isFullDeployment(ctx);
        for (const { c, forbid } of checks) {
          const entry = config.get(c.key);
          if (forbid ? !holds(entry, c) : holds(entry, c)) continue;
          if (!forbid && !entry && !whole) continue;
          const k = `${forbid}:${keyText(c)}`;
          const slot = byKey.get(k) ?? { entry, c, forbid, ids: [] };
          slot.ids.push({ id: advisory.id, url: advisory.url, note: m.note });
          byKey.set(k, slot);
        }
      }
    }
    for (const { entry, c, forbid, ids } of byKey.values()) {
      const refs = ids.map((x) => `${x.id} (${x.url})`).join(', ');
      const why = ids.length === 1 ? ` — ${ids[0].note}` : '';
      if (forbid) {
        ctx.report({ span: entry!.span, message: `${keyText(c)} re-enables the behaviour fixed by ${refs}${why}: remove it or set it back. (${scope.label})` });
      } else if (entry) {
        ctx.report({ span: entry.value.span, message: `${scope.label} needs ${keyText(c)} with the update of ${refs}${why}.` });
      } else {
        ctx.report({ span: config.insertionPoint(c.key).reportSpan, message: `${scope.label} needs ${keyText(c)}, which this file does not set, with the update of ${refs}${why}.` });
      }
    }
  },
  legacy: [advisoryConfigLegacy],
  cases: {
    valid: [
      { name: 'release unknown: nothing', code: '[server]\n', fileName: '/srv/repo/deployment.toml', resources: stub({}) },
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
        name: 'IS 7.0.0: a compatibility switch that re-enables WSO2-2024-3352, and the conditional WSO2-2025-4525',
        code: '[server]\n\n[authentication.local_authenticators]\nhide_user_existence = true\n\n[token_exchange.implicit_association]\ninclude_primary_when_secondary_present = true\n\n[remote_logging]\nencrypt_secrets = true\nhide_secrets = true\n\n[common_auth_caller_path]\nenable_common_auth_caller_path_validation = true\n\n[request_parameters]\nallow_sensitive_data_in_url = false\n\n[oauth.token_renewal]\nvalidate_authenticated_user_for_refresh_grant = true\n\n[event.default_listener.governance_identity_store]\nenable_hybrid_data_store = false\n\n[user_store_commons]\nenable_circuit_breaker_for_user_stores = false\n\n[oauth]\nauthorize_all_scopes = true\n',
        fileName: IS_TOML,
        resources: stub(IS_HOME),
        errors: [
          { range: [25, 0, 25, 46], message: /^\[user_store_commons\] enable_circuit_breaker_for_user_stores = false re-enables the behaviour fixed by WSO2-2024-3352/ },
          { range: [27, 0, 27, 7], message: /needs \[oauth\] authorize_internal_scopes = false, which this file does not set, with the update of WSO2-2025-4525 \(https:\/\/security\.docs\.wso2\.com\/.*\/2026\/WSO2-2025-4525\/\)/ },
        ],
      },
      {
        name: 'IS 7.0.0 without hide_user_existence (WSO2-2025-4583), wrong value for allow_sensitive_data_in_url',
        code: '[server]\n\n[token_exchange.implicit_association]\ninclude_primary_when_secondary_present = true\n\n[remote_logging]\nencrypt_secrets = true\nhide_secrets = true\n\n[common_auth_caller_path]\nenable_common_auth_caller_path_validation = true\n\n[request_parameters]\nallow_sensitive_data_in_url = true\n\n[oauth.token_renewal]\nvalidate_authenticated_user_for_refresh_grant = true\n\n[event.default_listener.governance_identity_store]\nenable_hybrid_data_store = false\n',
        fileName: IS_TOML,
        resources: stub(IS_HOME),
        errors: [
          { range: [0, 0, 0, 8], message: /needs \[authentication\.local_authenticators\] hide_user_existence = true, which this file does not set, with the update of WSO2-2025-4583 .* — applying the update alone is not sufficient/ },
          { range: [13, 30, 13, 34], message: /WSO2 Identity Server 7\.0\.0 needs \[request_parameters\] allow_sensitive_data_in_url = false with the update of WSO2-2024-3465/ },
        ],
      },
    ],
  },
});
