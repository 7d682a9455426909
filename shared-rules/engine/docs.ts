// A rule's documentation as Markdown: for hovers, the offline docs folder, the CLI and SARIF help.
import type { Rule } from './rule';

const FENCE: Record<string, string> = { toml: 'toml', properties: 'properties', xml: 'xml', shell: 'sh' };
const SAFETY: Record<string, string> = {
  safe: 'The quick fix is safe: it can be applied without review (fix-all, `carbonlint --fix`).',
  unsafe: 'The quick fix needs review: it is offered in the editor but not applied by fix-all or `--fix`.',
  none: 'There is no quick fix: the right value depends on your deployment.',
};

export function ruleMarkdown(rule: Rule, opts: { heading?: boolean } = {}): string {
  const { meta } = rule;
  const lang = FENCE[meta.kind];
  const lines = [
    ...(opts.heading === false ? [] : [`# ${meta.id}: ${meta.title}`, '']),
    `**Guideline:** ${meta.guidelineId} — ${meta.guideline}  `,
    `**Default severity:** ${meta.severity} · **Products:** ${meta.products.map(productName).join(', ')}`,
    '',
    '## What it does',
    meta.docs.what,
    '',
    '## Why it matters',
    meta.docs.why,
    '',
    '## Example',
    'Flagged:',
    '```' + lang, meta.docs.example.bad, '```',
    'Fixed:',
    '```' + lang, meta.docs.example.good, '```',
    '',
    '## How to fix',
    meta.docs.fix,
    '',
    `**Fix safety:** ${SAFETY[meta.docs.fixSafety]}`,
    '',
  ];
  for (const v of rule.legacy ?? []) {
    const vl = FENCE[v.kind];
    lines.push(`## Carbon 4.4 products (${v.files.join(', ')})`, v.what, '', 'Flagged:', '```' + vl, v.example.bad, '```', 'Fixed:', '```' + vl, v.example.good, '```', '');
  }
  return lines.join('\n');
}

export function productName(p: string): string {
  return p === 'apim' ? 'API Manager' : p === 'is' ? 'Identity Server' : p === 'mi' ? 'Micro Integrator' : p;
}
