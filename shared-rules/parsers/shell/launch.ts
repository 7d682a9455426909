// Recognizes JVM launches (`$JAVACMD …`, `"$JAVA_HOME/bin/java" …`, `java …`) and describes them.
import type { CommandLine, JavaLaunch, ShellWord } from './model';

/** Variables the Carbon scripts (and common variants) keep the java executable in. */
const JAVA_VARS = /^\$\{?(?:JAVACMD|JAVA_CMD|JAVA_BIN|JAVA_EXE|JAVA_EXEC)\}?$/;

export function isJavaLauncher(word: ShellWord): boolean {
  const t = word.text;
  if (t.length > 512) return false;
  return JAVA_VARS.test(t) || t === 'java' || t.endsWith('/java');
}

/** Words that run the next word as the command (`exec $JAVACMD`, `nohup java`). */
export const COMMAND_PREFIXES = new Set(['exec', 'nohup', 'command', 'builtin']);

/** Java options whose value is the next word (so that word is not the main class). */
const OPTIONS_WITH_VALUE = new Set([
  '-cp', '-classpath', '--class-path', '-p', '--module-path', '--upgrade-module-path', '--add-modules',
  '--add-opens', '--add-exports', '--add-reads', '--patch-module', '--limit-modules', '--enable-native-access',
]);

/** Only an expansion: `$VAR`, `${VAR}`, `"$VAR"`, `$*`, `"$@"` (its value is unknown here). */
const VAR_ONLY = /^\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*|[*@#?!$0-9])$/;

/** `a.b.C`: dotted Java identifiers, the last one capitalized as class names are. */
const CLASS_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\.[A-Z][A-Za-z0-9_$]*$/;

export function findMainClass(args: readonly ShellWord[]): ShellWord | undefined {
  for (let k = 0; k < args.length; k++) {
    const t = args[k].text;
    if (t === '-jar' || t === '-m' || t === '--module') return undefined; // main comes from a jar/module
    if (OPTIONS_WITH_VALUE.has(t)) k++;
    else if (!t.startsWith('-') && !VAR_ONLY.test(t) && t.length < 512 && CLASS_NAME.test(t)) return args[k];
  }
  return undefined;
}

/** Whether the ascending `sorted` contains `x` (binary search). */
function includesSorted(sorted: readonly number[], x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === x) return true;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Line starts of one text and the indent end of each line asked about, built once per parse (see below). */
interface LineTable {
  text: string;
  starts: number[];
  indentEnds: Map<number, number>;
}

// Keyed by the parse's `continuations` array (a new one per parse; the text is checked too): many launches on one
// long line (`java a;java b;…`) then cost a binary search each instead of a rescan of the whole line — that
// rescan made a 1 MB single-line script take minutes (quadratic). A WeakMap keeps nothing after the parse.
const lineTables = new WeakMap<readonly number[], LineTable>();

function lineTable(text: string, key: readonly number[]): LineTable {
  let t = lineTables.get(key);
  if (!t || t.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    t = { text, starts, indentEnds: new Map() };
    lineTables.set(key, t);
  }
  return t;
}

/** The physical lines from the one containing `start` to the one containing `end - 1`. */
export function commandLines(text: string, start: number, end: number, continuations: readonly number[]): CommandLine[] {
  const lines: CommandLine[] = [];
  const { starts, indentEnds } = lineTable(text, continuations);
  // Index of the line containing `start` (binary search over the line starts).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= start) lo = mid;
    else hi = mid - 1;
  }
  const last = Math.max(start, end - 1);
  for (let li = lo; li < starts.length && starts[li] <= last && starts[li] < text.length; li++) {
    const ls = starts[li];
    let ie = indentEnds.get(ls);
    if (ie === undefined) {
      ie = ls;
      while (ie < text.length && (text.charCodeAt(ie) === 32 || text.charCodeAt(ie) === 9)) ie++;
      indentEnds.set(ls, ie);
    }
    const le = li + 1 < starts.length ? starts[li + 1] - 1 : text.length;
    const contentEnd = le > ls && text.charCodeAt(le - 1) === 13 ? le - 1 : le;
    const line: CommandLine = { start: ls, indent: text.slice(ls, ie) };
    if (contentEnd > ls && includesSorted(continuations, contentEnd - 1)) line.continuation = contentEnd - 1;
    lines.push(line);
  }
  return lines;
}

export function buildLaunch(
  text: string,
  words: readonly ShellWord[],
  commandIndex: number,
  spanStart: number,
  end: number,
  continuations: readonly number[],
): JavaLaunch {
  const command = words[commandIndex];
  const args = words.slice(commandIndex + 1);
  return {
    command,
    args,
    mainClass: findMainClass(args),
    lines: commandLines(text, spanStart, end, continuations),
    span: { start: spanStart, end },
  };
}
