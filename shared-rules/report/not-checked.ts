// The files the report could not check, shown in every format: a 9 MB deployment.toml over the 8 MB limit, a FIFO
// named like a config file, an unreadable folder or a link out of the workspace must not look like "all passed".
import type { ReadinessReport } from './model';

// Characters that would start Markdown syntax mid-line in a file name (links, emphasis, code, tables, raw HTML).
const MD_SPECIAL = /[\\`*_[\]|<>&]/g;
const mdText = (s: string) => s.replace(MD_SPECIAL, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));

export function notCheckedMarkdown(r: ReadinessReport): string[] {
  const list = r.notChecked ?? [];
  if (!list.length) return [];
  return [
    `> **Not checked** (${list.length} ${list.length === 1 ? 'file or folder' : 'files or folders'}; their guidelines may still fail):`,
    ...list.map((n) => `> - ${mdText(n.path)}: ${mdText(n.reason)}`),
    '',
  ];
}

export function notCheckedHtml(r: ReadinessReport, esc: (s: string) => string): string {
  const list = r.notChecked ?? [];
  if (!list.length) return '';
  return `<div class="problems"><b>Not checked</b> (their guidelines may still fail):<ul>${list.map((n) => `<li><code>${esc(n.path)}</code>: ${esc(n.reason)}</li>`).join('')}</ul></div>\n`;
}
