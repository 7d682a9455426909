// Proxies and ingress in front of a product (G42): what the internet can reach.
import type { Rule } from '../../engine/rule';
import proxyAdminPathsExposed from '../proxy-admin-paths-exposed';
import ingressAdminPathsExposed from '../ingress-admin-paths-exposed';

export const proxyRules: Rule[] = [
  proxyAdminPathsExposed,
  ingressAdminPathsExposed,
] as Rule[];
