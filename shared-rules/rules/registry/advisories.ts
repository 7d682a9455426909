// G01 rules over the bundled security advisories (shared-rules/data/advisories).
import type { Rule } from '../../engine/rule';
import securityAdvisories from '../security-advisories';
import advisoryConfig from '../advisory-config';
import advisoryLog4jLookup from '../advisory-log4j-lookup';

export const advisoryRules: Rule[] = [securityAdvisories, advisoryConfig, advisoryLog4jLookup];
