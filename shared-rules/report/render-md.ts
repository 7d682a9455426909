// The readiness report as Markdown (for a pull request, a wiki page or an audit ticket).
import { notCheckedMarkdown } from './not-checked';
import type { Entry, FindingRef, ReadinessReport } from './model';
import { advisoriesMarkdown } from './render-advisories';
import { CONFIRMATION_LABEL, STATUS_ICON, STATUS_LABEL, defaultLink, entryLabel, productsLine, type LinkFn } from './labels';

import { codeSpan, mdEscape, mdText, mdUrl } from './md-escape';
import { LOOKS_FOR, NO_FILES_ADVICE, NO_FILES_HEADLINE } from './no-files';

// Rule texts and messages use `code` spans and nothing else of Markdown: mdText keeps those and escapes the rest
// (they quote names from the files); file names and other values are escaped as plain text or code (md-escape.ts).
const esc = mdText;

function finding(x: FindingRef, link: LinkFn): string {
  return `- [${mdEscape(`${x.file}:${x.line}:${x.column}`)}](${mdUrl(link(x.file, x.line))}) — ${x.severity}: ${mdText(x.message)} (${codeSpan(x.rule)})`;
}

function entry(e: Entry, link: LinkFn): string[] {
  const state = e.manual ? ` (${CONFIRMATION_LABEL[e.manual.state]})` : '';
  const out = [`### ${e.guidelineId} ${esc(e.title)} — ${STATUS_ICON[e.status]} ${entryLabel(e)}${state}`, '', esc(e.reason), ''];
  for (const x of e.findings) out.push(finding(x, link));
  if (e.notes.length) out.push('', 'Notes (do not fail the guideline):', ...e.notes.map((x) => finding(x, link)));
  if (e.findings.length || e.notes.length) out.push('');
  if (e.status === 'passed') for (const c of e.checked) out.push(`- Checked by ${codeSpan(c.rule)} (${esc(c.title)}) in ${c.files.map((f) => codeSpan(f)).join(', ')}: ${esc(c.what)}`);
  else if (e.checked.length && e.status === 'failed') out.push(`Checked by ${e.checked.map((c) => `\`${c.rule}\``).join(', ')} in ${new Set(e.checked.flatMap((c) => c.files)).size} file(s).`);
  if (e.checked.length) out.push('');
  if (e.manual) {
    const m = e.manual;
    const done = new Set(m.confirmation ? (m.confirmation.items ?? m.items.map((_x, i) => i)) : []);
    out.push(`*${esc(m.advice)}*`, '');
    m.items.forEach((item, i) => out.push(`- [${done.has(i) ? 'x' : ' '}] ${esc(item)}`));
    out.push('');
    if (m.confirmation) {
      const c = m.confirmation;
      out.push(`Confirmed by ${mdEscape(c.by)} on ${mdEscape(c.date)}${c.product ? ` for ${mdEscape(c.product)}` : ''}${c.note ? `: ${mdEscape(c.note)}` : '.'}`);
    }
    for (const r of m.reasons) if (m.confirmation) out.push(`**${esc(r)}**`);
    out.push('');
  }
  return out;
}

export function renderMarkdown(r: ReadinessReport, link: LinkFn = defaultLink): string {
  const c = r.counts;
  const out = [
    `# ${mdEscape(r.title)}: ${mdEscape(r.root)}`,
    '',
    `Generated ${r.generated.slice(0, 10)} by ${r.tool.name} ${r.tool.version} against the *Security Guidelines for Production Deployment*. ` +
      `Products: ${mdEscape(productsLine(r))}. Files checked: ${r.files.length}.` +
      (r.placeholders ? ` Template placeholders: ${r.placeholders.resolved} resolved from values files, ${r.placeholders.protected} protected, ${r.placeholders.unknown} left unknown (not checked).` : ''),
    '',
    '| status | guidelines |',
    '|---|---|',
    `| ${STATUS_ICON.failed} failed | ${c.failed} |`,
    `| ${STATUS_ICON.manual} manual | ${c.manual} (${c.confirmed} confirmed, ${c.partial} partly, ${c.stale} stale, ${c.unconfirmed} to confirm) |`,
    `| ${STATUS_ICON.passed} passed | ${c.passed} |`,
    `| ${STATUS_ICON['not-applicable']} not applicable | ${c.notApplicable} |`,
    '',
    `Confirmations are kept in \`.carbonlint.json\` (\`confirmations\`) and expire after ${r.staleAfterDays} days.`,
    '',
  ];
  if (!r.files.length) {
    out.push(`> **${NO_FILES_HEADLINE}** CarbonLint looks for:`, '>', ...LOOKS_FOR.map((x) => `> - ${mdText(x)}`), '>', `> ${mdText(NO_FILES_ADVICE)}`, '');
  }
  if (r.configErrors.length) {
    out.push('> **Problems in the project file** (those entries were ignored):', ...r.configErrors.map((e) => `> - ${codeSpan(e.key || '(file)')}: ${esc(e.message)}`), '');
  }
  out.push(...notCheckedMarkdown(r));
  for (const s of r.sections) {
    out.push(`## ${s.level === s.title ? s.title : `${s.level}: ${s.title}`}`, '', esc(s.intro), '');
    if (!s.present) {
      out.push(`${STATUS_ICON['not-applicable']} ${esc(s.entries[0]?.reason ?? 'Not applicable.')} ${s.entries.map((e) => e.guidelineId).join(', ')}: not applicable.`, '');
      continue;
    }
    for (const e of s.entries) out.push(...entry(e, link));
  }
  out.push(...advisoriesMarkdown(r.advisories));
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
