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
  if (!fileName || !result || (result.product.product === 'unknown' && !result.product.legacy)) return undefined; // EI, ESB: legacy only
  const read = textReader((p) => readFileBounded(p, 1024 * 1024));
  const h = detectRelease(fileName, result.product, read);
  if (!h.product || !h.version) return undefined;
  return advisoriesHoverMarkdown(productAdvisories({ ...h, product: h.product, version: h.version }));
}
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
export function hoverFor(findings: readonly LintFinding[], commandLinks: boolean, context?: { fileName: string; result: LintResult }, legacyFile?: LegacyFile): Hover | null {
  const ruleIds = new Set(findings.filter((f) => ruleById(f.ruleId)).map((f) => f.ruleId));
  if (ruleIds.size > CROWDED) {
    // The index of a crowded position keeps the G01 advisories list: it is the hover's only place for it.
    const list = ruleIds.has('security-advisories') ? advisoryPart(context?.fileName, context?.result) : undefined;
    return crowdedHover(findings, commandLinks, list);
  }
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
    if (id === 'security-advisories') {
      const list = advisoryPart(context?.fileName, context?.result);
      if (list) parts.push(list);
    }
  }
  if (!parts.length) return null;
  const contents: MarkupContent = { kind: 'markdown', value: parts.join('\n\n---\n\n') };
  return { contents, range: findings.find((f) => ruleById(f.ruleId))!.range };
}

/** More rules than this at one position (absent keys of a file without their tables gather on its first line): an index. */
const CROWDED = 2;
const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** The first sentence of a message, for the index (the full text is in the diagnostic itself). */
function firstSentence(message: string): string {
  const m = /^[\s\S]{0,240}?[.:](?=\s|$)/.exec(message);
  const s = (m ? m[0] : message.slice(0, 240)).replace(/\s+/g, ' ').trim();
  return s.replace(/[.:]$/, '');
}

/**
 * Many findings at one position, grouped by guideline (in guideline order), one line each: severity, rule, the gist of
 * its message and a link to its documentation. Each stays its own finding (suppressed, fixed one by one).
 */
function crowdedHover(findings: readonly LintFinding[], commandLinks: boolean, extra?: string): Hover | null {
  const byGuideline = new Map<string, { title: string; lines: Array<{ order: number; text: string }> }>();
  let shown = 0;
  for (const f of findings) {
    const rule = ruleById(f.ruleId);
    if (!rule) continue;
    const { meta } = rule;
    const g = byGuideline.get(meta.guidelineId) ?? { title: `**${meta.guidelineId}** ${meta.guideline}`, lines: [] };
    const link = commandLinks
      ? `[docs](command:carbonlint.showRuleDoc?${encodeURIComponent(JSON.stringify([f.ruleId]))})`
      : `[docs](${ruleDocUri(f.ruleId)})`;
    g.lines.push({ order: SEVERITY_ORDER[f.severity] ?? 4, text: `- ${f.severity} \`${f.ruleId}\` — ${firstSentence(f.message)} · ${link}` });
    byGuideline.set(meta.guidelineId, g);
    shown++;
  }
  if (!shown) return null;
  const num = (id: string) => Number(id.replace(/\D/g, '')) || 0;
  const groups = [...byGuideline.entries()].sort((a, b) => num(a[0]) - num(b[0]));
  const value = [
    `**CarbonLint** — ${shown} findings here, by guideline (each is its own finding: fix or suppress it on its own):`,
    ...groups.map(([, g]) => [``, g.title, ...g.lines.sort((a, b) => a.order - b.order).map((l) => l.text)].join('\n')),
  ].join('\n') + (extra ? `\n\n---\n\n${extra}` : '');
  const contents: MarkupContent = { kind: 'markdown', value };
  return { contents, range: findings.find((f) => ruleById(f.ruleId))!.range };
}
