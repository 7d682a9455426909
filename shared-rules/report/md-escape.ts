// Escaping for the Markdown report, as CommonMark renderers (markdown-it, GitHub) read it: file names, folder
// names and values come from the repository and may hold `<script>`, `](javascript:…)` or backticks.

/**
 * Plain text: inline syntax (\\ ` * _ [ ] | ~) is backslash-escaped, < > & become entities, and what would start a
 * block at the start of a line (# + - > 1.) is escaped there. Without [ ], "(" cannot open a link destination.
 */
export function mdEscape(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])/, '$1\\$2');
}

/** A code span that holds `s` literally, whatever backticks it contains (a longer fence, padded when needed). */
export function codeSpan(s: string): string {
  const t = s.replace(/[\r\n]+/g, ' ');
  let longest = 0;
  for (const m of t.match(/`+/g) ?? []) longest = Math.max(longest, m.length);
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ') && t.trim()) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/**
 * Text in CarbonLint's own Markdown style (rule texts and messages mark names as `code`): each `…` pair becomes a
 * well-formed code span, everything else is escaped. A stray backtick from a file stays literal.
 */
export function mdText(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(/`([^`\r\n]+)`/g)) {
    out += mdEscape(s.slice(last, m.index)) + codeSpan(m[1]);
    last = m.index! + m[0].length;
  }
  return out + mdEscape(s.slice(last));
}

/** A link destination that cannot break out of `(…)` nor run script: unsafe schemes become relative paths. */
export function mdUrl(url: string): string {
  const safe = /^(javascript|vbscript|data):/i.test(url.replace(/[\s\u0000-\u001f]/g, '')) ? `./${url}` : url;
  return safe.replace(/[\s()<>\\`"'[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
