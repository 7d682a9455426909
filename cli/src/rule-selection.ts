// --rule / --ignore-rule → what the engine runs and which findings are shown. unused-suppression is reported by
// the engine, not by a rule: to judge a suppression unused every rule must run, so selecting it runs them all
// and hides the rest of their findings.
import { allRules, CONFIGURABLE_RULE_IDS } from '../../shared-rules/rules';
import type { Rule } from '../../shared-rules/engine/rule';
import type { LintFinding } from '../../shared-rules/engine/lint';
import type { Settings } from '../../shared-rules/engine/settings';
import { UNUSED_SUPPRESSION } from '../../shared-rules/engine/suppressions';

export interface RuleSelection {
  /** For lintText: undefined = every rule (so blanket suppressions can be judged unused). */
  lint: readonly Rule[] | undefined;
  /** For fixText: the selected rules only (with `keep`: every rule runs, only kept findings are fixed). */
  fix: readonly Rule[] | undefined;
  /** The rule descriptors a report lists (SARIF). */
  listed: readonly Rule[];
  /** Settings layer: unused-suppression off when it is not selected. */
  settings?: Partial<Settings>;
  /** Findings to show; undefined = all. Parse problems and notices (not rule ids) are always shown. */
  keep?: (f: Pick<LintFinding, 'ruleId'>) => boolean;
}

export function selectRules(only: readonly string[], ignore: readonly string[]): RuleSelection {
  const ignored = (r: Rule) => ignore.includes(r.meta.id);
  const picked = allRules.filter((r) => (!only.length || only.includes(r.meta.id)) && !ignored(r));
  const wantUnused = (!only.length || only.includes(UNUSED_SUPPRESSION)) && !ignore.includes(UNUSED_SUPPRESSION);
  const settings = wantUnused ? undefined : { rules: { [UNUSED_SUPPRESSION]: 'off' as const } };
  if (!only.length) {
    const all = ignore.length ? picked : undefined;
    return { lint: all, fix: all, listed: picked, settings };
  }
  if (!wantUnused) return { lint: picked, fix: picked, listed: picked, settings };
  const ran = allRules.filter((r) => !ignored(r));
  return {
    lint: ran.length === allRules.length ? undefined : ran,
    fix: ran.length === allRules.length ? undefined : ran,
    listed: picked,
    keep: (f) => only.includes(f.ruleId) || !CONFIGURABLE_RULE_IDS.has(f.ruleId),
  };
}
