// The file names of a rolling appender: where `%i` goes in a filePattern, which directory and which
// rolled files a Delete action should cover.

/** The last path segment of a pattern or file name (after `/` or `\`). */
function lastSegment(p: string): { dir: string; base: string } {
  const cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return { dir: cut < 0 ? '' : p.slice(0, cut), base: p.slice(cut + 1) };
}

export const hasDate = (pattern: string): boolean => /%d(ate)?(\{|[^a-zA-Z]|$)/.test(pattern);
export const hasIndex = (pattern: string): boolean => /%i(?![a-zA-Z])/.test(pattern);

/**
 * Offset in `pattern` where `-%i` belongs: before the file extension (`wso2carbon-%d{MM-dd-yyyy}.log` →
 * `…-%d{MM-dd-yyyy}-%i.log`, `audit.log.gz` → `audit-%i.log.gz`), at the end when there is none.
 */
export function indexInsertionPoint(pattern: string): number {
  const { base } = lastSegment(pattern);
  const baseStart = pattern.length - base.length;
  const afterBraces = base.lastIndexOf('}') + 1;
  const dot = base.indexOf('.', afterBraces);
  return baseStart + (dot <= 0 ? base.length : dot);
}

/** The directory a Delete action should scan: the fileName's (or else the filePattern's). */
export function logDirectory(fileName: string | undefined, filePattern: string): string | undefined {
  for (const p of [fileName, filePattern]) {
    if (!p) continue;
    const { dir } = lastSegment(p);
    if (dir && !dir.includes('%')) return dir;
  }
  return undefined;
}

/**
 * A glob for this appender's rolled files only: the literal start of the pattern's file name, then `[0-9]*`
 * when a date or index follows (so `wso2carbon-[0-9]*` leaves `wso2carbon-trace-messages-…` alone), else `*`.
 * Undefined when the name starts with a conversion or a lookup (a glob would match other files).
 */
export function rolledFilesGlob(filePattern: string): string | undefined {
  const { base } = lastSegment(filePattern);
  const p = base.search(/[%$]/);
  if (p <= 0 || base[p] === '$' || /[*?[\]{}]/.test(base.slice(0, p))) return undefined;
  const numeric = /^%(d|date|i)(?![a-zA-Z])/.test(base.slice(p));
  return `${base.slice(0, p)}${numeric ? '[0-9]*' : '*'}`;
}
