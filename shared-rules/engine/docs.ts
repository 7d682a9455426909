// A rule's documentation as Markdown: for hovers, the offline docs folder, the CLI and SARIF help.
import type { Rule, RuleDocs, RuleOption } from './rule';
import { GUIDELINE_PAGES, SEED_SECTIONS, VENDOR_DOCS } from '../data/guideline-references';

const FENCE: Record<string, string> = { toml: 'toml', properties: 'properties', xml: 'xml', shell: 'sh', nginx: 'nginx', ingress: 'yaml', dockerfile: 'dockerfile', compose: 'yaml', systemd: 'ini', pod: 'yaml' };
const SAFETY: Record<string, string> = {
  safe: 'The quick fix is safe: it can be applied without review (fix-all, `carbonlint --fix`).',
  unsafe: 'The quick fix needs review: it is offered in the editor but not applied by fix-all or `--fix`.',
  none: 'There is no quick fix: the right value depends on your deployment.',
};

export function ruleMarkdown(rule: Pick<Rule, 'meta' | 'legacy'>, opts: { heading?: boolean } = {}): string {
  const { meta } = rule;
  const lang = FENCE[meta.kind];
  const lines = [
    ...(opts.heading === false ? [] : [`# ${meta.id}: ${meta.title}`, '']),
    meta.guidelineId ? `**Guideline:** ${meta.guidelineId} — ${meta.guideline}  ` : `**Guideline:** none — CarbonLint's own check, in every file kind  `,
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
    ...optionsSection(meta.docs.options),
    ...referencesSection(meta.guidelineId),
  ];
  for (const v of rule.legacy ?? []) {
    const vl = FENCE[v.kind];
    lines.push(`## Carbon 4.4 products (${v.files.join(', ')})`, v.what, '', 'Flagged:', '```' + vl, v.example.bad, '```', 'Fixed:', '```' + vl, v.example.good, '```', '');
  }
  return lines.join('\n');
}

/** The settings that change what the rule reports, as the editor and .carbonlint.json spell them. */
function optionsSection(options: RuleDocs['options']): string[] {
  if (!options?.length) return [];
  const json = (o: RuleOption) => {
    const parts = o.setting.split('.');
    const value = /^\d+$/.test(o.default) ? o.default : JSON.stringify(o.default);
    return parts.reduceRight((inner, key) => `{ "${key}": ${inner} }`, value);
  };
  return [
    '## Options',
    '| VS Code setting | `.carbonlint.json` | default | values | effect |',
    '|---|---|---|---|---|',
    ...options.map((o) => `| \`carbonlint.${o.setting}\` | \`${json(o)}\` | \`${o.default}\` | ${o.values} | ${o.description} |`),
    '',
  ];
}

/** The guideline in both editions of the vendor's document, and the vendor's pages on doing what it asks. */
function referencesSection(guidelineId: string): string[] {
  if (!guidelineId) return [];
  const seeds = SEED_SECTIONS[guidelineId];
  const edition = (name: string, sections: readonly string[] | undefined, url: string) =>
    sections?.length
      ? `- ${name}: ${sections.map((s) => `“${s}”`).join('; ')} — [vendor page](${url})`
      : `- ${name}: not in this edition`;
  return [
    '## References',
    `Security Guidelines for Production Deployment, ${guidelineId}:`,
    edition('MWARE edition (current)', seeds?.mware, GUIDELINE_PAGES.current),
    edition('WSO2 edition (API-M 3.2)', seeds?.wso2, GUIDELINE_PAGES.wso2),
    ...(VENDOR_DOCS[guidelineId] ?? []).map((d) => `- Vendor documentation: [${d.title}](${d.url})`),
    '',
  ];
}

export function productName(p: string): string {
  return p === 'apim' ? 'API Manager' : p === 'is' ? 'Identity Server' : p === 'mi' ? 'Micro Integrator' : p;
}
