// log4j2.properties rules.
import type { Rule } from '../../engine/rule';
import logForging from '../log-forging';
import logRotation from '../log-rotation';
import logRetention from '../log-retention';
import log4jPlaintextPassword from '../log4j-plaintext-password';

export const log4j2Rules: Rule[] = [
  logForging,
  logRotation,
  logRetention,
  log4jPlaintextPassword,
] as Rule[];
