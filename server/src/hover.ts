// The hover on a finding: the rule's documentation in short — the guideline, what it checks, why it matters, how
// to fix — and links to the full page shipped with the extension.
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import type { LintFinding } from '../../shared-rules/engine/lint';
import { productName } from '../../shared-rules/engine/docs';
import { ruleById } from '../../shared-rules/rules';
import { ruleDocUri } from './diagnostics';
import type { LintResult } from '../../shared-rules/engine/lint';
import { detectRelease, textReader } from '../../shared-rules/engine/product-home';
import { readFileBounded } from '../../shared-rules/engine/resources';
import { productAdvisories } from '../../shared-rules/report/advisories';
import { advisoriesHoverMarkdown } from '../../shared-rules/report/render-advisories';

/** The G01 summary's hover lists the advisories themselves, with links (from the same home detection as the rule). */
function advisoryPart(fileName: string | undefined, result: LintResult | undefined): string | undefined {
  if (!fileName || !result || result.product.product === 'unknown') return undefined;
  const read = textReader((p) => readFileBounded(p, 1024 * 1024));
  const h = detectRelease(fileName, result.product, read);
  if (!h.product || !h.version) return undefined;
  return advisoriesHoverMarkdown(productAdvisories({ ...h, product: h.product, version: h.version }));
}

const SAFETY: Record<string, string> = {
  safe: 'a **safe** quick fix is offered (also applied by *Fix all* and `carbonlint --fix`).',
  unsafe: 'a quick fix is offered; **review it** before saving (fix-all leaves it out).',
  none: 'no quick fix: the right value depends on your deployment.',
};

/**
 * Markdown for the rules of the findings under the cursor; `commandLinks` when the client runs our commands
 * (VS Code). The finding's own message is not repeated: every editor already shows it with the diagnostic.
 */
export function hoverFor(findings: readonly LintFinding[], commandLinks: boolean, context?: { fileName: string; result: LintResult }): Hover | null {
  const parts: string[] = [];
  for (const id of [...new Set(findings.map((f) => f.ruleId))]) {
    const rule = ruleById(id);
    if (!rule) continue; // syntax problems, unused suppressions: the message says it all
    const { meta } = rule;
    const links = [`[Rule documentation](${ruleDocUri(id)})`];
    if (commandLinks) links.push(`[Open as preview](command:carbonlint.showRuleDoc?${encodeURIComponent(JSON.stringify([id]))})`);
    parts.push([
      `**CarbonLint** \`${id}\` — ${meta.title}`,
      '',
      `**Guideline ${meta.guidelineId}:** ${meta.guideline} · ${meta.products.map(productName).join(', ')}`,
      '',
      '#### What it does',
      meta.docs.what,
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
    if (id === 'security-advisories') {
      const list = advisoryPart(context?.fileName, context?.result);
      if (list) parts.push(list);
    }
  }
  if (!parts.length) return null;
  const contents: MarkupContent = { kind: 'markdown', value: parts.join('\n\n---\n\n') };
  return { contents, range: findings.find((f) => ruleById(f.ruleId))!.range };
}
