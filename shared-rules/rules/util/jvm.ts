// Reading and editing the JVM flags of a product script's java launch command.
import type { JavaLaunch, ShellDocument, ShellWord } from '../../parsers/shell/model';
import type { OffsetEdit } from '../../engine/text';
import { eolOf } from '../../engine/text';

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
}

/** The last `-Dname=value` for `name` on the launch (the JVM keeps the last one). */
export function sysProp(launch: JavaLaunch, name: string): SysProp | undefined {
  const prefix = `-D${name}=`;
  let found: SysProp | undefined;
  for (const w of launch.args) {
    if (!w.text.startsWith(prefix) && w.text !== `-D${name}`) continue;
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
    found = { word: w, value, valueStart: w.span.start + vs, valueEnd: w.span.start + ve };
  }
  return found;
}

/**
 * An edit that adds `flag` to the launch right before its main class: as its own continuation line when the
 * command is split over lines (matching indentation and the ` \` style), inline otherwise.
 */
export function insertFlag(text: string, launch: JavaLaunch, flag: string): OffsetEdit | undefined {
  const main = launch.mainClass;
  if (!main) return undefined;
  const line = [...launch.lines].reverse().find((l) => l.start <= main.span.start);
  if (line && launch.lines.length > 1 && text.slice(line.start, main.span.start).trim() === '') {
    const eol = eolOf(text);
    return { start: line.start, end: line.start, newText: `${line.indent}${flag} \\${eol}` };
  }
  return { start: main.span.start, end: main.span.start, newText: `${flag} ` };
}
