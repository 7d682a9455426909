// Product startup script rules (JVM flags on the java launch command).
import type { Rule } from '../../engine/rule';
import dhKeySize from '../dh-key-size';

export const scriptRules: Rule[] = [
  dhKeySize,
] as Rule[];
