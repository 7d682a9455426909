// The readiness report as one self-contained HTML file: inline CSS, no scripts, no external resources (the
// Content-Security-Policy says so), readable on screen and on paper. Also what the editor's webview shows.
import { notCheckedHtml } from './not-checked';
import type { Entry, FindingRef, ReadinessReport, Section } from './model';
import { LOOKS_FOR, NO_FILES_ADVICE, NO_FILES_HEADLINE } from './no-files';
import { ADVISORIES_CSS, advisoriesHtml } from './render-advisories';
import { CONFIRMATION_LABEL, STATUS_LABEL, defaultLink, entryLabel, productsLine, type LinkFn } from './labels';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Escaped text with the `code` spans of rule messages and docs shown as code. */
const text = (s: string) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');
/** An href that cannot run script: javascript:, vbscript: and data: URLs become relative paths. */
const href = (url: string) => esc(/^(javascript|vbscript|data):/i.test(url.replace(/[\s\u0000-\u001f]/g, '')) ? `./${url}` : url);
const anchor = (s: Section, e: Entry) => `${e.guidelineId}-${s.id}`;

const CSS = `
:root{--fail:#b42318;--fail-bg:#fef3f2;--pass:#067647;--pass-bg:#ecfdf3;--man:#b54708;--man-bg:#fffaeb;--na:#475467;--na-bg:#f2f4f7;--ink:#101828;--muted:#475467;--line:#e4e7ec}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1040px;padding:32px 28px 64px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 4px;padding-bottom:6px;border-bottom:2px solid var(--ink)}
h3{font-size:16px;margin:0;display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.meta,.intro,.reason,.small{color:var(--muted)}.meta{margin:0 0 20px}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--na-bg);padding:1px 4px;border-radius:4px}
a{color:#175cd3}
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin:16px 0}
.tile{border:1px solid var(--line);border-left:6px solid;border-radius:8px;padding:10px 14px}
.tile b{display:block;font-size:28px;line-height:1.1}.tile span{font-size:13px;color:var(--muted)}
.tile.failed{border-left-color:var(--fail)}.tile.passed{border-left-color:var(--pass)}.tile.manual{border-left-color:var(--man)}.tile.not-applicable{border-left-color:var(--na)}
.overview{display:flex;flex-wrap:wrap;gap:4px;margin:8px 0 4px;padding:0;list-style:none}
.overview a{display:block;width:44px;text-align:center;border-radius:4px;padding:2px 0;font:600 12px/1.6 ui-monospace,monospace;text-decoration:none}
.pill{display:inline-block;border-radius:999px;padding:0 10px;font-size:12px;font-weight:600;line-height:20px;white-space:nowrap}
.failed .pill{background:var(--fail-bg);color:var(--fail)}.passed .pill{background:var(--pass-bg);color:var(--pass)}
.manual .pill{background:var(--man-bg);color:var(--man)}.not-applicable .pill{background:var(--na-bg);color:var(--na)}
.overview .failed{background:var(--fail);color:#fff}.overview .passed{background:var(--pass);color:#fff}
.overview .manual{background:var(--man-bg);color:var(--man);box-shadow:inset 0 0 0 1px var(--man)}.overview .not-applicable{background:var(--na-bg);color:var(--na)}
.legend{font-size:12px;color:var(--muted)}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;vertical-align:-1px}
.state{font-size:12px;color:var(--muted)}.state.stale,.state.partial{color:var(--fail);font-weight:600}.state.confirmed{color:var(--pass);font-weight:600}
.entry{border:1px solid var(--line);border-left:5px solid var(--na);border-radius:8px;padding:10px 14px;margin:10px 0;break-inside:avoid}
.entry.failed{border-left-color:var(--fail)}.entry.passed{border-left-color:var(--pass)}.entry.manual{border-left-color:var(--man)}
.entry p{margin:4px 0}.entry ul{margin:6px 0;padding-left:20px}
.gid{font:600 13px ui-monospace,monospace;color:var(--muted)}
ul.checklist{list-style:none;padding-left:2px}ul.checklist li::before{content:"\\2610";margin-right:8px}ul.checklist li.done::before{content:"\\2611";color:var(--pass)}
.findings li{margin:2px 0}.sev{font-size:12px;font-weight:600;text-transform:uppercase}.sev.error{color:var(--fail)}.sev.warning{color:var(--man)}
.confirm{font-size:13px;background:var(--na-bg);border-radius:6px;padding:6px 10px;margin-top:6px}
.na-list{columns:2;font-size:14px;color:var(--muted)}
.problems{border:1px solid var(--fail);background:var(--fail-bg);border-radius:8px;padding:8px 14px}
footer{margin-top:40px;font-size:12px;color:var(--muted)}
@media (max-width:700px){.tiles{grid-template-columns:repeat(2,1fr)}.na-list{columns:1}}
@media print{@page{margin:14mm}body{max-width:none;padding:0;font-size:10.5pt}a{color:inherit;text-decoration:none}h2{break-after:avoid}.entry{border-left-width:4px}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

function findingItem(x: FindingRef, link: LinkFn): string {
  return `<li><a href="${href(link(x.file, x.line))}"><code>${esc(x.file)}:${x.line}:${x.column}</code></a> <span class="sev ${x.severity}">${x.severity}</span> ${text(x.message)} <span class="small">(${esc(x.rule)})</span></li>`;
}

function entryHtml(s: Section, e: Entry, link: LinkFn): string {
  const parts = [
    `<article class="entry ${e.status}" id="${anchor(s, e)}">`,
    `<h3><span class="gid">${e.guidelineId}</span> ${esc(e.title)} <span class="pill">${entryLabel(e)}</span>${e.manual ? ` <span class="state ${e.manual.state}">${CONFIRMATION_LABEL[e.manual.state]}</span>` : ''}</h3>`,
    `<p class="reason">${text(e.reason)}</p>`,
  ];
  if (e.findings.length) parts.push(`<ul class="findings">${e.findings.map((x) => findingItem(x, link)).join('')}</ul>`);
  if (e.notes.length) parts.push(`<p class="small">Notes (they do not fail the guideline):</p><ul class="findings">${e.notes.map((x) => findingItem(x, link)).join('')}</ul>`);
  // What a rule examined is the evidence of a pass; elsewhere a compact line is enough.
  if (e.checked.length && e.status === 'passed') {
    parts.push(`<ul class="small">${e.checked.map((c) => `<li>Checked by <code>${esc(c.rule)}</code> in ${c.files.map((f) => `<a href="${href(link(f))}"><code>${esc(f)}</code></a>`).join(', ')}: ${text(c.what)}</li>`).join('')}</ul>`);
  } else if (e.checked.length && e.status === 'failed') {
    const files = new Set(e.checked.flatMap((c) => c.files));
    parts.push(`<p class="small">Checked by ${e.checked.map((c) => `<code>${esc(c.rule)}</code>`).join(', ')} in ${files.size} file${files.size === 1 ? '' : 's'}.</p>`);
  }
  if (e.manual) {
    const m = e.manual;
    const done = new Set(m.confirmation ? (m.confirmation.items ?? m.items.map((_x, i) => i)) : []);
    parts.push(`<p><em>${esc(m.advice)}</em></p><ul class="checklist">${m.items.map((it, i) => `<li${done.has(i) ? ' class="done"' : ''}>${esc(it)}</li>`).join('')}</ul>`);
    if (m.confirmation) {
      const c = m.confirmation;
      parts.push(`<div class="confirm">Confirmed by <b>${esc(c.by)}</b> on ${esc(c.date)}${c.product ? ` for ${esc(c.product)}` : ''}${c.note ? `: ${esc(c.note)}` : ''}${m.reasons.map((r) => `<br><b class="state stale">${esc(r)}</b>`).join('')}</div>`);
    }
  }
  parts.push('</article>');
  return parts.join('\n');
}

function sectionHtml(s: Section, link: LinkFn): string {
  const head = `<section id="${s.id}"><h2>${esc(s.level === s.title ? s.title : `${s.level}: ${s.title}`)}</h2><p class="intro">${esc(s.intro)}</p>`;
  if (!s.present) {
    return `${head}<p class="reason">${esc(s.entries[0]?.reason ?? '')} Every guideline of this section is not applicable here:</p><ul class="na-list">${s.entries
      .map((e) => `<li id="${anchor(s, e)}"><span class="gid">${e.guidelineId}</span> ${esc(e.title)}</li>`)
      .join('')}</ul></section>`;
  }
  return `${head}${s.entries.map((e) => entryHtml(s, e, link)).join('\n')}</section>`;
}

export function renderHtml(r: ReadinessReport, link: LinkFn = defaultLink): string {
  const c = r.counts;
  // The overview links each guideline to its first entry that applies (else its first entry).
  const first = new Map<string, { id: string; na: boolean }>();
  for (const s of r.sections) {
    for (const e of s.entries) {
      const cur = first.get(e.guidelineId);
      if (!cur || (cur.na && e.status !== 'not-applicable')) first.set(e.guidelineId, { id: anchor(s, e), na: e.status === 'not-applicable' });
    }
  }
  const tile = (cls: string, n: number, label: string, sub = '') => `<div class="tile ${cls}"><b>${n}</b>${label}${sub ? `<br><span>${sub}</span>` : ''}</div>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.title)}: ${esc(r.root)}</title>
<style>${CSS}${r.advisories?.length ? ADVISORIES_CSS : ''}</style></head>
<body>
<header>
<h1>${esc(r.title)}: ${esc(r.root)}</h1>
<p class="meta">Security Guidelines for Production Deployment · products: <b>${esc(productsLine(r))}</b> · ${r.files.length} file${r.files.length === 1 ? '' : 's'} checked${r.placeholders ? ` · template placeholders: ${r.placeholders.resolved} resolved, ${r.placeholders.protected} protected, ${r.placeholders.unknown} unknown` : ''} · generated ${esc(r.generated.slice(0, 16).replace('T', ' '))} UTC by ${esc(r.tool.name)} ${esc(r.tool.version)}</p>
<div class="tiles">
${tile('failed', c.failed, 'failed', 'findings to fix')}
${tile('manual', c.manual, 'manual', `${c.confirmed} confirmed · ${c.partial} partly · ${c.stale} stale · ${c.unconfirmed} to confirm`)}
${tile('passed', c.passed, 'passed', 'checked automatically')}
${tile('not-applicable', c.notApplicable, 'not applicable', 'to this workspace')}
</div>
<ul class="overview">${r.guidelines.map((g) => `<li><a class="${g.status}" href="#${first.get(g.id)?.id ?? g.id}" title="${esc(`${g.id} ${g.title}: ${STATUS_LABEL[g.status]}`)}">${g.id}</a></li>`).join('')}</ul>
<p class="legend">Legend:<i style="background:var(--fail)"></i>failed<i style="background:var(--man-bg);box-shadow:inset 0 0 0 1px var(--man)"></i>manual<i style="background:var(--pass)"></i>passed<i style="background:var(--na-bg);box-shadow:inset 0 0 0 1px var(--na)"></i>not applicable</p>
<p class="small">Manual guidelines are confirmed in <code>.carbonlint.json</code> (<code>confirmations</code>); a confirmation goes stale after ${r.staleAfterDays} days or when the product version moves on.</p>
${r.files.length ? '' : `<div class="problems" role="alert"><b>${esc(NO_FILES_HEADLINE)}</b> CarbonLint looks for:<ul>${LOOKS_FOR.map((x) => `<li>${text(x)}</li>`).join('')}</ul><p>${text(NO_FILES_ADVICE)}</p></div>`}
${r.configErrors.length ? `<div class="problems"><b>Problems in the project file</b> (those entries were ignored):<ul>${r.configErrors.map((e) => `<li><code>${esc(e.key || '(file)')}</code>: ${esc(e.message)}</li>`).join('')}</ul></div>` : ''}
${notCheckedHtml(r, esc)}</header>
<main>
${r.sections.map((s) => sectionHtml(s, link)).join('\n')}
${advisoriesHtml(r.advisories)}
</main>
<footer>${esc(r.tool.name)} ${esc(r.tool.version)} · ${r.guidelines.length} guidelines · files: ${r.files.map((f) => esc(f.path)).join(', ') || 'none'}</footer>
</body></html>
`;
}
