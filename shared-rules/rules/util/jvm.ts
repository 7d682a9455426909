// Reading and editing the JVM flags of a product script's java launch command.
import type { JavaLaunch, ShellDocument, ShellWord } from '../../parsers/shell/model';
import type { OffsetEdit } from '../../engine/text';
import { eolOf } from '../../engine/text';
import { launchFlags, type JvmFlag } from './jvm-flags';

/** The launches that start the product (main class is a Carbon/MI Bootstrap), or all launches if none names one. */
export function productLaunches(doc: ShellDocument): JavaLaunch[] {
  if (!doc.isProductScript) return [];
  const boot = doc.launches.filter((l) => l.mainClass && /\.bootstrap\.Bootstrap$/.test(l.mainClass.text));
  return boot.length ? boot : doc.launches.filter((l) => l.mainClass);
}

export interface SysProp {
  word: ShellWord;
  value: string;
  /** Span of the value inside the word's source text (quotes excluded where the value is quoted). */
  valueStart: number;
  valueEnd: number;
  /** The flag it is, with the variables it came through. */
  flag: JvmFlag;
  /** Its index in the launch's flags (later wins). */
  index: number;
}

function toSysProp(flag: JvmFlag, index: number, prefix: string): SysProp {
  const w = flag.word;
  const value = w.text.slice(prefix.length);
  // Locate the value in the raw text: after the first '=', skipping an opening quote.
  const eq = w.raw.indexOf('=');
  let vs = eq === -1 ? w.raw.length : eq + 1;
  let ve = w.raw.length;
  if (w.raw[vs] === '"' || w.raw[vs] === "'") {
    vs++;
    if (w.raw[ve - 1] === w.raw[vs - 1]) ve--;
  } else if ((w.raw[0] === '"' || w.raw[0] === "'") && w.raw[ve - 1] === w.raw[0]) {
    ve--;
  }
  return { word: w, value, valueStart: w.span.start + vs, valueEnd: w.span.start + ve, flag, index };
}

/** Every `-Dname=value` for `name` the launch passes, in the order the JVM reads them (the last one wins). */
export function sysProps(doc: ShellDocument, launch: JavaLaunch, name: string): SysProp[] {
  const prefix = `-D${name}=`;
  const out: SysProp[] = [];
  launchFlags(doc, launch).flags.forEach((f, i) => {
    if (f.word.text.startsWith(prefix) || f.word.text === `-D${name}`) out.push(toSysProp(f, i, prefix));
  });
  return out;
}

/** The `-Dname=value` in force: the last one (from the launch itself or a variable it expands). */
export function sysProp(doc: ShellDocument, launch: JavaLaunch, name: string): SysProp | undefined {
  const all = sysProps(doc, launch, name);
  return all[all.length - 1];
}

/**
 * An edit that adds `flag` to the launch right before its main class: as its own continuation line when the
 * command is split over lines (matching indentation and the ` \` — batch ` ^` — style), inline otherwise.
 */
export function insertFlag(text: string, launch: JavaLaunch, flag: string): OffsetEdit | undefined {
  const main = launch.mainClass;
  if (!main) return undefined;
  const line = [...launch.lines].reverse().find((l) => l.start <= main.span.start);
  const continued = launch.lines.find((l) => l.continuation !== undefined);
  if (line && continued && launch.lines.length > 1 && text.slice(line.start, main.span.start).trim() === '') {
    const mark = text[continued.continuation!] === '^' ? '^' : '\\';
    return { start: line.start, end: line.start, newText: `${line.indent}${flag} ${mark}${eolOf(text)}` };
  }
  return { start: main.span.start, end: main.span.start, newText: `${flag} ` };
}

/** An edit that removes a flag: its whole line when it stands alone on a continuation line, else the word and one blank. */
export function removeFlag(text: string, word: ShellWord): OffsetEdit {
  const ls = text.lastIndexOf('\n', word.span.start - 1) + 1;
  let le = text.indexOf('\n', word.span.end);
  if (le === -1) le = text.length;
  const before = text.slice(ls, word.span.start);
  const after = text.slice(word.span.end, le).replace(/\r$/, '');
  if (before.trim() === '' && /^\s*[\\^]$/.test(after) && le < text.length) return { start: ls, end: le + 1, newText: '' };
  if (/[ \t]$/.test(before)) return { start: word.span.start - 1, end: word.span.end, newText: '' };
  if (/^[ \t]/.test(after)) return { start: word.span.start, end: word.span.end + 1, newText: '' };
  return { start: word.span.start, end: word.span.end, newText: '' };
}

// Line starts of the last text asked about: a file's findings all ask about the same text.
let lineStarts: { text: string; starts: number[] } | undefined;

/** 1-based line of an offset, for messages. */
export function lineOf(text: string, offset: number): number {
  if (lineStarts?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts = { text, starts };
  }
  const { starts } = lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Where a flag is written, for messages: "in JAVA_OPTS (line 12)", "on the launch command (line 350)". */
export function whereIs(text: string, flag: JvmFlag): string {
  const line = lineOf(text, flag.word.span.start);
  if (flag.via.length === 0) return `on the java command (line ${line})`;
  return `in ${flag.via[flag.via.length - 1]} (line ${line})`;
}
