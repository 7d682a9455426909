// log4j2.properties rules.
import type { Rule } from '../../engine/rule';
import logForging from '../log-forging';

export const log4j2Rules: Rule[] = [
  logForging,
] as Rule[];
