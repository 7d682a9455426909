// When a file speaks for a whole server, and which servers run which features.
//
// Absence principle: "an absent key is the shipped default" holds only for a file the server reads as its whole
// deployment.toml. A file counts as one when it is plain TOML (no Helm/Jinja template text: a template may render
// the missing table), has a `[server]` table — every shipped deployment.toml of API-M, IS and MI starts with
// `[server]` — and belongs to a known product (from the setting, content, install layout or path), whose defaults
// are then the ones that apply. Snippets meant to be pasted into a deployment.toml (e.g. only `[apim.opa_security]`),
// template sources and TOML files of unknown origin get findings only for what they literally say.
import type { RuleContext } from '../../engine/rule';
import type { EffectiveConfig } from '../../parsers/toml/model';
import type { ProductInfo } from '../../engine/product';
import { literalString } from './toml';

export function isFullDeployment(ctx: RuleContext<'toml'>): boolean {
  const { doc, config } = ctx.model;
  return !doc.templated && ctx.product.product !== 'unknown' && config.has(['server']);
}

/**
 * Servers that host the identity web apps (authentication/account-recovery endpoints, self-registration): IS, and
 * API-M nodes with the embedded key manager — not the gateway or traffic-manager distributions.
 */
export function hostsIdentityApps(info: ProductInfo): boolean {
  if (info.product === 'is' || info.product === 'unknown') return true;
  if (info.product !== 'apim') return false;
  return info.distribution !== 'gateway' && info.distribution !== 'traffic-manager';
}

/** API-M uses its embedded key manager unless `[apim.key_manager] type` names another one (e.g. "WSO2-IS"). */
export function usesEmbeddedKeyManager(config: EffectiveConfig): boolean {
  const type = literalString(config.get(['apim', 'key_manager', 'type'])?.value);
  return type === undefined || type.toLowerCase() === 'default';
}
