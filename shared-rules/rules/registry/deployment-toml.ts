// deployment.toml rules (except TLS transport rules, which are in tls.ts).
import type { Rule } from '../../engine/rule';
import defaultAdminCredentials from '../default-admin-credentials';
import plaintextPassword from '../plaintext-password';

export const deploymentTomlRules: Rule[] = [
  defaultAdminCredentials,
  plaintextPassword,
] as Rule[];
