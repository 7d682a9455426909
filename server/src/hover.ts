// The hover on a finding: the rule's documentation in short — the guideline, what it checks, why it matters, how
// to fix — and links to the full page shipped with the extension.
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import type { LintFinding } from '../../shared-rules/engine/lint';
import { productName } from '../../shared-rules/engine/docs';
import { ruleById } from '../../shared-rules/rules';
import { ruleDocUri } from './diagnostics';
import type { LegacyFile } from '../../shared-rules/engine/legacy-files';

const SAFETY: Record<string, string> = {
  safe: 'a **safe** quick fix is offered (also applied by *Fix all* and `carbonlint --fix`).',
  unsafe: 'a quick fix is offered; **review it** before saving (fix-all leaves it out).',
  none: 'no quick fix: the right value depends on your deployment.',
};

/**
 * Markdown for the rules of the findings under the cursor; `commandLinks` when the client runs our commands
 * (VS Code); `legacyFile` when the document is a Carbon 4.4 file (its variant's description is shown). The finding's own message is not repeated: every editor already shows it with the diagnostic.
 */
export function hoverFor(findings: readonly LintFinding[], commandLinks: boolean, legacyFile?: LegacyFile): Hover | null {
  const parts: string[] = [];
  for (const id of [...new Set(findings.map((f) => f.ruleId))]) {
    const rule = ruleById(id);
    if (!rule) continue; // syntax problems, unused suppressions: the message says it all
    const { meta } = rule;
    // In a Carbon 4.4 file the finding comes from the rule's legacy variant: say what that variant checks.
    const variant = legacyFile ? rule.legacy?.find((v) => v.files.includes(legacyFile)) : undefined;
    const links = [`[Rule documentation](${ruleDocUri(id)})`];
    if (commandLinks) links.push(`[Open as preview](command:carbonlint.showRuleDoc?${encodeURIComponent(JSON.stringify([id]))})`);
    parts.push([
      `**CarbonLint** \`${id}\` — ${meta.title}`,
      '',
      `**Guideline ${meta.guidelineId}:** ${meta.guideline} · ${meta.products.map(productName).join(', ')}`,
      '',
      variant ? '#### What it does (Carbon 4.4 products)' : '#### What it does',
      variant ? variant.what : meta.docs.what,
      '',
      '#### Why it matters',
      meta.docs.why,
      '',
      '#### How to fix',
      meta.docs.fix,
      '',
      `Fix: ${SAFETY[meta.docs.fixSafety] ?? ''}`,
      '',
      links.join(' · '),
    ].join('\n'));
  }
  if (!parts.length) return null;
  const contents: MarkupContent = { kind: 'markdown', value: parts.join('\n\n---\n\n') };
  return { contents, range: findings.find((f) => ruleById(f.ruleId))!.range };
}
