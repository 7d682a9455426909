// Windows startup scripts (wso2server.bat, api-manager.bat, micro-integrator.bat): the same ShellDocument
// model as the sh parser, so the script rules run unchanged. The Carbon .bat files keep their JVM flags in
// `set CMD_LINE_ARGS=…` and launch with `"%JAVA_HOME%\bin\java" %CMD_LINE_ARGS% …Bootstrap %CMD%`.
import type { CommandLine, JavaLaunch, ShellAssignment, ShellDocument, ShellWord } from './model';
import { lexBatch, type BatchCommand } from './batch-lexer';
import { commandLines, findMainClass } from './launch';
import { findBootstrapClass, isProductScriptName } from './product';
import { batchOffPaths, ifPrefix } from './batch-branches';

export function isBatchName(fileName: string | undefined): boolean {
  return fileName !== undefined && /\.(bat|cmd)$/i.test(fileName);
}

/** Index of the first word after `if [/i] [not] <condition>` prefixes and `for … do` heads. */
function skipPrefixes(words: readonly ShellWord[]): number {
  let k = 0;
  for (;;) {
    const w = words[k]?.text.toLowerCase();
    if (w === 'if') k = ifPrefix(words, k).next;
    else if (w === 'for') {
      while (k < words.length && words[k].text.toLowerCase() !== 'do') k++;
      k++;
    } else if (w === 'else' || w === 'do') k++;
    else return k;
  }
}

/** Resolves `^x` escapes and drops `^`+newline continuations outside quotes (the value cmd stores). */
function unescapeValue(raw: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    if (c === '^' && !quoted && i + 1 < raw.length) {
      i++;
      if (raw[i] === '\r' && raw[i + 1] === '\n') i++;
      if (raw[i] === '\n' || raw[i] === '\r') continue;
    }
    out += raw[i];
  }
  return out;
}

/** `set NAME=value` or `set "NAME=value"` (the words after `set`); `set /a` and `set /p` are not assignments here. */
function setAssignment(text: string, cmd: BatchCommand, k: number): ShellAssignment | undefined {
  const first = cmd.words[k];
  if (!first || first.text.startsWith('/')) return undefined;
  const start = first.span.start;
  let end = cmd.end;
  let nameStart = start;
  if (text[start] === '"') {
    // set "NAME=value" — the value ends at the last quote; anything after it is ignored by cmd.
    const close = text.lastIndexOf('"', end - 1);
    if (close <= start) return undefined;
    nameStart = start + 1;
    end = close;
  }
  const eq = text.indexOf('=', nameStart);
  if (eq <= nameStart || eq >= end) return undefined;
  const name = text.slice(nameStart, eq).trim();
  if (!/^[^\s"%!]+$/.test(name)) return undefined;
  while (end > eq + 1 && /[ \t\r]/.test(text[end - 1])) end--; // trailing blanks are kept by cmd, but mean nothing here
  return {
    name,
    value: unescapeValue(text.slice(eq + 1, end)),
    valueSpan: { start: eq + 1, end },
    span: { start: nameStart, end },
    exported: false,
  };
}

/** Variables the batch scripts keep the java executable in. */
const JAVA_VARS = /^[%!](JAVACMD|JAVA_CMD|JAVA_EXE|JAVA_BIN|JAVA_EXEC|_RUNJAVA|RUNJAVA)[%!]$/i;

export function isBatchJavaLauncher(word: ShellWord): boolean {
  const t = word.text;
  return t.length < 512 && (JAVA_VARS.test(t) || /(^|[\\/])javaw?(\.exe)?$/i.test(t));
}

function batchLaunch(text: string, cmd: BatchCommand, k: number, continuations: readonly number[]): JavaLaunch {
  const args = cmd.words.slice(k + 1);
  const lines: CommandLine[] = commandLines(text, cmd.words[k].span.start, cmd.end, continuations);
  return { command: cmd.words[k], args, mainClass: findMainClass(args), lines, span: { start: cmd.words[k].span.start, end: cmd.end } };
}

export function parseBatch(text: string, fileName?: string): ShellDocument {
  const { commands, comments, continuations } = lexBatch(text);
  const assignments: ShellAssignment[] = [];
  const launches: JavaLaunch[] = [];
  const offPaths = batchOffPaths(text, commands, comments);
  for (let ci = 0; ci < commands.length; ci++) {
    const cmd = commands[ci];
    let k = skipPrefixes(cmd.words);
    if (k >= cmd.words.length) continue;
    const head = cmd.words[k].text.toLowerCase();
    if (head === 'set') {
      const a = setAssignment(text, cmd, k + 1);
      const offPath = offPaths[ci];
      if (a) assignments.push(offPath === undefined ? a : { ...a, offPath });
      continue;
    }
    if (head === 'start') {
      // start ["title"] [/b /min …] program …
      k++;
      if (cmd.words[k]?.raw.startsWith('"') && !isBatchJavaLauncher(cmd.words[k])) k++;
      while (k < cmd.words.length && cmd.words[k].text.startsWith('/')) k++;
    }
    if (k < cmd.words.length && isBatchJavaLauncher(cmd.words[k])) launches.push(batchLaunch(text, cmd, k, continuations));
  }
  const bootstrapClass = findBootstrapClass(text, launches);
  return {
    text,
    dialect: 'batch',
    isProductScript: bootstrapClass !== undefined || isProductScriptName(fileName),
    bootstrapClass,
    launches,
    assignments,
    comments,
  };
}
