// How pressing a finding of advisory-config is, shared by its deployment.toml check and its Carbon 4.4 variant.
import type { AdvisoryStatus, Mitigation } from '../../data/advisories';

/**
 * A missing key is a warning only when the home's update level is known to include the advisory's fix (the fix is
 * installed but off) — or, for a mitigation that stands in for the update (MIT), when the level is known to lack it.
 * With the level unknown, or below the fix for a key that only completes the update, the key does nothing yet
 * (or may already be moot): info, so a reviewer is not asked to dispute it. A switch that re-enables the
 * vulnerable behaviour (BWC) is set on purpose: always a warning.
 */
export function loudFor(kind: Mitigation['kind'], forbid: boolean, status: AdvisoryStatus): boolean {
  if (forbid) return true;
  return kind === 'MIT' ? status === 'open' : status === 'fixed';
}

/** The tail that says why a finding is (or is not yet) pressing. */
export function levelText(status: AdvisoryStatus, kind: Mitigation['kind'], level: number | undefined, fixLevel: number | undefined, configOnly?: boolean): string {
  if (configOnly) return ' The advisory\'s solution is this setting alone: no update turns it on.';
  if (status === 'fixed') return ` The home is at update level ${level}, which includes the fix (level ${fixLevel}): without this setting the fix stays off.`;
  if (status === 'open') return kind === 'MIT' ? ` Update level ${level} lacks the fix (level ${fixLevel}): this setting is the mitigation until then.` : ` Set it when applying update level ${fixLevel} (the home is at ${level}).`;
  if (kind === 'MIT') return level === undefined ? ` (Update level unknown: needed until the fix${fixLevel !== undefined ? ` (level ${fixLevel})` : ''} is applied.)` : ' (The advisory names no update level for this release: needed until its fix is applied.)';
  return level === undefined ? ' (Update level unknown: this matters once the fix is applied.)' : ' (The advisory names no update level for this release.)';
}

