// Rules that exist for the Carbon 4.4 files only (their TOML-era guideline has no file footprint).
import type { Rule } from '../../engine/rule';
import adminServicesExposed from '../admin-services-exposed';
import cachePreventionMissing from '../cache-prevention-missing';
import superAdminSystemUser from '../super-admin-system-user';

export const legacyOnlyRules: Rule[] = [
  adminServicesExposed,
  cachePreventionMissing,
  superAdminSystemUser,
] as Rule[];
