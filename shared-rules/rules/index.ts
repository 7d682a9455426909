// The rule registry: a rule is one module in this folder, listed in the registry file of its area.
import type { Rule } from '../engine/rule';
import { UNUSED_SUPPRESSION } from '../engine/suppressions';
import { deploymentTomlRules } from './registry/deployment-toml';
import { tlsRules } from './registry/tls';
import { scriptRules } from './registry/scripts';
import { log4j2Rules } from './registry/log4j2';
import { contextXmlRules } from './registry/context-xml';
import { keystoreRules } from './registry/keystores';
import { advisoryRules } from './registry/advisories';
import { legacyOnlyRules } from './registry/legacy';
import { proxyRules } from './registry/proxies';
import { containerRules } from './registry/containers';
import { podRules } from './registry/pods';

export const allRules: readonly Rule[] = [...deploymentTomlRules, ...tlsRules, ...scriptRules, ...log4j2Rules, ...contextXmlRules, ...keystoreRules, ...legacyOnlyRules, ...advisoryRules, ...proxyRules, ...containerRules, ...podRules];

/** Every id a setting or project file may name: the rules plus the engine's own unused-suppression check. */
export const CONFIGURABLE_RULE_IDS: ReadonlySet<string> = new Set([...allRules.map((r) => r.meta.id), UNUSED_SUPPRESSION]);

const BY_ID = new Map(allRules.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
