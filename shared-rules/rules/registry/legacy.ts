// Rules that exist for the Carbon 4.4 files only (their TOML-era guideline has no file footprint).
import type { Rule } from '../../engine/rule';
import adminServicesExposed from '../admin-services-exposed';

export const legacyOnlyRules: Rule[] = [
  adminServicesExposed,
] as Rule[];
