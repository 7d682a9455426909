// The readiness report's "Security advisories" section (G01), in Markdown and HTML. The HTML table sorts without
// scripts (the report's Content-Security-Policy allows none): each row carries its rank per column as CSS custom
// properties, and a radio button per column sets the rows' flex `order` from them.
import type { AdvisoryRow, ProductAdvisories } from './advisories';

const SEV_ORDER: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, unknown: 4, none: 5 };
const STATUS_ORDER: Record<string, number> = { open: 0, unknown: 1, fixed: 2 };

const escMd = (s: string) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function heading(l: ProductAdvisories): string {
  const from = l.sources.map((s) => `${s.what === 'updateLevel' ? 'update level' : s.what} from ${s.source}${s.file && s.file !== '.' ? ` (${s.file})` : ''}`).join('; ');
  return `${l.name} ${l.version}${l.updateLevel !== undefined ? `, update level ${l.updateLevel}` : ', update level unknown'}${l.home ? ` in ${l.home}` : ''}${from ? ` — ${from}` : ''}`;
}

function summary(l: ProductAdvisories): string {
  return `${l.advisories.length} advisories list this release: ${l.counts.open} open, ${l.counts.fixed} fixed by the update level, ${l.counts.unknown} whose status is unknown${l.updateLevel === undefined ? ' (no update level recorded: confirm that yours includes their fixes)' : ' (the advisory gives no fixing level)'}.`;
}

const fixedIn = (a: AdvisoryRow) => (a.fixedInUpdateLevel !== null ? `U2 ${a.fixedInUpdateLevel}` : a.note === 'config-only' ? 'config only' : '—');

export function advisoriesMarkdown(lists: readonly ProductAdvisories[] | undefined): string[] {
  if (!lists?.length) return [];
  const out = ['## Security advisories (G01)', '', `The vendor's published security advisories for the releases found (bundled data of ${lists[0].dataDate}; \`carbonlint advisories\` lists them too).`, ''];
  for (const l of lists) {
    out.push(`### ${escMd(heading(l))}`, '', summary(l), '');
    if (!l.advisories.length) continue;
    out.push('| advisory | severity | CVSS | published | status | fixed in | CVEs |', '|---|---|---|---|---|---|---|');
    for (const a of l.advisories) {
      out.push(`| [${a.id}](${a.url}) | ${a.severity} | ${a.cvss ? a.cvss.score.toFixed(1) : '—'} | ${a.published} | ${a.status} | ${fixedIn(a)} | ${a.cves.join(', ') || '—'} |`);
    }
    out.push('');
  }
  return out;
}

export const ADVISORIES_CSS = `
.adv{display:flex;flex-direction:column;border:1px solid var(--line);border-radius:8px;margin:8px 0 16px;font-size:13px}
.adv .r{display:grid;grid-template-columns:9.5em 6em 4em 6.5em 5.5em 6em 1fr;gap:6px;padding:3px 8px;border-top:1px solid var(--line);align-items:baseline}
.adv .h{order:-1!important;border-top:0;font-weight:600;background:var(--na-bg)}
.adv .h label{cursor:pointer;text-decoration:underline dotted}
.sortkey{position:absolute;opacity:0;pointer-events:none}
.sortkey:focus-visible ~ .adv .h{outline:2px solid #175cd3}
.s-sev:checked ~ .adv .r{order:var(--sev)}.s-cvss:checked ~ .adv .r{order:var(--cvss)}.s-date:checked ~ .adv .r{order:var(--date)}
.s-status:checked ~ .adv .r{order:var(--status)}.s-id:checked ~ .adv .r{order:var(--id)}
.adv .critical,.adv .high{color:var(--fail);font-weight:600}.adv .medium{color:var(--man)}.adv .open{color:var(--fail);font-weight:600}.adv .fixed{color:var(--pass)}
@media print{.adv .r{grid-template-columns:8em 5em 3em 6em 4.5em 5em 1fr}}
`;

/** Rank of each row for a comparator (0 = first). */
function ranks(rows: readonly AdvisoryRow[], cmp: (a: AdvisoryRow, b: AdvisoryRow) => number): Map<AdvisoryRow, number> {
  return new Map([...rows].sort(cmp).map((r, i) => [r, i]));
}

export function advisoriesHtml(lists: readonly ProductAdvisories[] | undefined): string {
  if (!lists?.length) return '';
  const parts = [`<section id="advisories"><h2>Security advisories (G01)</h2><p class="intro">The vendor's published security advisories for the releases found (bundled data of ${esc(lists[0].dataDate)}; <code>carbonlint advisories</code> lists them too). Click a column heading to sort.</p>`];
  lists.forEach((l, n) => {
    parts.push(`<h3>${esc(heading(l))}</h3><p class="reason">${esc(summary(l))}</p>`);
    if (!l.advisories.length) return;
    const rows = l.advisories;
    const sev = ranks(rows, (a, b) => SEV_ORDER[a.severity] - SEV_ORDER[b.severity] || (b.cvss?.score ?? 0) - (a.cvss?.score ?? 0));
    const cvss = ranks(rows, (a, b) => (b.cvss?.score ?? -1) - (a.cvss?.score ?? -1));
    const date = ranks(rows, (a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));
    const status = ranks(rows, (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || SEV_ORDER[a.severity] - SEV_ORDER[b.severity]);
    const id = ranks(rows, (a, b) => (a.id < b.id ? -1 : 1));
    const g = `adv${n}`;
    const radio = (key: string, checked = false) => `<input type="radio" class="sortkey s-${key}" name="${g}" id="${g}-${key}"${checked ? ' checked' : ''}>`;
    parts.push(`<div class="advwrap">${radio('sev', true)}${radio('cvss')}${radio('date')}${radio('status')}${radio('id')}<div class="adv" role="table">`);
    parts.push(`<div class="r h" role="row"><label for="${g}-id">advisory</label><label for="${g}-sev">severity</label><label for="${g}-cvss">CVSS</label><label for="${g}-date">published</label><label for="${g}-status">status</label><span>fixed in</span><span>summary · CVEs</span></div>`);
    for (const a of rows) {
      const style = `--sev:${sev.get(a)};--cvss:${cvss.get(a)};--date:${date.get(a)};--status:${status.get(a)};--id:${id.get(a)}`;
      parts.push(`<div class="r" role="row" style="${style}"><a href="${esc(a.url)}">${esc(a.id)}</a><span class="${a.severity}">${a.severity}</span><span>${a.cvss ? a.cvss.score.toFixed(1) : '—'}</span><span>${esc(a.published)}</span><span class="${a.status}">${a.status}</span><span>${esc(fixedIn(a))}</span><span>${esc(a.title)}${a.cves.length ? ` <span class="small">${esc(a.cves.join(', '))}</span>` : ''}${a.range ? ` <span class="small">(listed as ${esc(a.range)})</span>` : ''}</span></div>`);
    }
    parts.push('</div></div>');
  });
  parts.push('</section>');
  return parts.join('\n');
}

/** A short Markdown list for the editor's hover: the advisories not known to be fixed, most severe first, with links. */
export function advisoriesHoverMarkdown(l: ProductAdvisories, max = 12): string {
  const notFixed = l.advisories.filter((a) => a.status !== 'fixed').sort((a, b) => SEV_ORDER[a.severity] - SEV_ORDER[b.severity] || (b.cvss?.score ?? 0) - (a.cvss?.score ?? 0));
  const out = [`#### Advisories for ${l.name} ${l.version}${l.updateLevel !== undefined ? ` at update level ${l.updateLevel}` : ' (update level unknown)'}`, '', summary(l), ''];
  for (const a of notFixed.slice(0, max)) {
    const fix = a.fixedInUpdateLevel !== null ? ` — fixed in update level ${a.fixedInUpdateLevel}` : '';
    const parts = [`- [${a.id}](${a.url}) **${a.severity}**`, a.cvss ? a.cvss.score.toFixed(1) : '', a.status === 'open' ? '(open)' : '', escMd(a.title.length > 90 ? a.title.slice(0, 87) + '…' : a.title)];
    out.push(parts.filter((p) => p).join(' ') + fix);
  }
  if (notFixed.length > max) out.push(`- … and ${notFixed.length - max} more: run \`carbonlint advisories\` or open the readiness report.`);
  out.push('', `Advisory data of ${l.dataDate}.`);
  return out.join('\n');
}
