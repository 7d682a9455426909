// Tomcat context.xml rules.
import type { Rule } from '../../engine/rule';
import shortSessionId from '../short-session-id';

export const contextXmlRules: Rule[] = [
  shortSessionId,
] as Rule[];
