// Is a line of a startup script only run for an old Java? The Carbon scripts add `-XX:MaxPermSize` inside
// `if [ "$java_version" \< "1.8" ]` (sh) or `if %JAVA_VERSION% LSS 18 set …` (batch): that is correct.
import type { ShellDialect } from '../../parsers/shell/model';

const VERSION_TEST = /java_?version|1\.[5-8]\b/i;
/** How far up to look for the enclosing `if`: the shipped guards are a line or two away (keeps huge files linear). */
const MAX_LINES_UP = 64;

function lineAt(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return { start, end: nl === -1 ? text.length : nl };
}

/** Whether the command at `offset` sits under an `if` whose condition tests the Java version. */
export function underJavaVersionTest(text: string, offset: number, dialect: ShellDialect): boolean {
  const own = lineAt(text, offset);
  const before = text.slice(own.start, offset);
  if (/(^|[;&|(\s])if\s/i.test(before) && VERSION_TEST.test(before)) return true; // `if … LSS 18 set X=…`, `if …; then X=…; fi`
  if (dialect === 'batch') return false;
  // sh: walk up, counting `fi` / `if` pairs, to each enclosing `if` (or `elif`) line.
  let depth = 0;
  let end = own.start - 1;
  for (let n = 0; end > 0 && n < MAX_LINES_UP; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/(^|\s)#.*$/, '');
    const fis = (line.match(/(^|[;&|\s])fi(?=\s|;|$)/g) ?? []).length;
    const ifs = (line.match(/(^|[;&|!(\s])if\s/g) ?? []).length;
    depth += fis - ifs;
    if (depth < 0 || (depth === 0 && /^\s*elif\s/.test(line))) {
      if (VERSION_TEST.test(line)) return true;
      depth = Math.max(depth, 0);
    }
    end = start - 1;
  }
  return false;
}
