// The rule registry: adding a rule is a new module here plus one line below.
import type { Rule } from '../engine/rule';
import defaultAdminCredentials from './default-admin-credentials';
import plaintextPassword from './plaintext-password';
import logForging from './log-forging';
import shortSessionId from './short-session-id';
import dhKeySize from './dh-key-size';

export const allRules: readonly Rule[] = [
  defaultAdminCredentials,
  plaintextPassword,
  logForging,
  shortSessionId,
  dhKeySize,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
