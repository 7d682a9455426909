// Glob patterns as VS Code's `files.exclude` writes them (`**`, `*`, `?`, `{a,b}`, `[a-z]`), matched against
// '/'-separated paths relative to a base folder. Small and dependency-free: the server and the CLI share it.

/** Compiles one glob to an anchored RegExp over relative paths. */
export function globToRegExp(glob: string): RegExp {
  let g = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (g.endsWith('/')) g = g.slice(0, -1);
  return new RegExp(`^${translate(g)}$`);
}

function translate(g: string): string {
  let out = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      const slashAfter = g[i + 2] === '/';
      const atSegmentStart = i === 0 || g[i - 1] === '/';
      if (atSegmentStart && slashAfter) {
        out += '(?:[^/]*/)*'; // `**/`: any number of folders, including none
        i += 2;
      } else if (atSegmentStart && i + 2 === g.length) {
        if (out.endsWith('/')) out = out.slice(0, -1) + '(?:/.*)?'; // `dir/**`: the folder and everything in it
        else out += '.*';
        i += 1;
      } else {
        out += '[^/]*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const close = matching(g, i);
      if (close < 0) out += '\\{';
      else {
        out += `(?:${split(g.slice(i + 1, close)).map(translate).join('|')})`;
        i = close;
      }
    } else if (c === '[') {
      const close = g.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        const body = g.slice(i + 1, close).replace(/\\/g, '\\\\');
        out += `[${body.startsWith('!') ? '^' + body.slice(1) : body}]`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return out;
}

function matching(g: string, open: number): number {
  let depth = 0;
  for (let i = open; i < g.length; i++) {
    if (g[i] === '{') depth++;
    else if (g[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function split(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(body.slice(last));
  return parts;
}

/** True when the relative path, or one of the folders it is in, matches (excluding a folder excludes its files). */
export function matchesPathOrParent(re: RegExp, relPath: string): boolean {
  const p = relPath.replace(/\\/g, '/');
  if (re.test(p)) return true;
  for (let i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) if (re.test(p.slice(0, i))) return true;
  return false;
}

/** A predicate over '/'-separated relative paths: true when any pattern matches the path or a folder it is in. */
export function globMatcher(patterns: readonly string[]): (relPath: string) => boolean {
  const res = patterns.filter((p) => p.trim()).map(globToRegExp);
  return (relPath) => res.some((re) => matchesPathOrParent(re, relPath));
}
