// The documentation of the engine's own unused-suppression check, in the rule format, so `carbonlint rules`,
// the docs folder, hovers and `--rule unused-suppression` treat it like any rule (it has no check of its own:
// suppressions.ts reports it).
import type { RuleMeta } from './rule';
import { UNUSED_SUPPRESSION } from './suppressions';

export const unusedSuppressionDoc: { meta: RuleMeta } = {
  meta: {
    id: UNUSED_SUPPRESSION,
    title: 'A carbonlint-disable comment that suppresses nothing',
    guideline: "None: CarbonLint's own check of its suppression comments",
    guidelineId: '',
    severity: 'info',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what:
        'Reports a `carbonlint-disable`, `carbonlint-disable-line` or `carbonlint-disable-next-line` comment (in any of the four file kinds) that hides no finding, or names a rule that finds nothing where it applies. A blanket suppression is judged only when every rule ran (not under `--rule`).',
      why:
        'A stale suppression silently hides the next real finding on that line or block: after the value it excused was fixed, a later regression (a plaintext password put back, a weak cipher re-added) would go unreported.',
      example: {
        bad: '# carbonlint-disable-next-line plaintext-password -- vault migration pending\n[super_admin]\npassword = "$secret{admin_password}"',
        good: '[super_admin]\npassword = "$secret{admin_password}"',
      },
      fix:
        'Remove the comment, or the rule ids in it that no longer match (the quick fix and `carbonlint --fix` do this; it is safe). To silence this check, set its level: `"rules": { "unused-suppression": "off" }` in `.carbonlint.json` or `carbonlint.rules` in the editor, or `--ignore-rule unused-suppression`.',
      fixSafety: 'safe',
    },
  },
};
