// The JVM flags a launch really passes, in the order the JVM sees them: the launch's own words, with each
// `$VAR` / `%VAR%` replaced, at its position, by the flags its assignments in the script provide. So
// `$JAVA_OPTS` (expanded before the script's hard-coded flags in every Carbon script) contributes the flags
// a `JAVA_OPTS="$JAVA_OPTS -D…"` line adds, and for the same property the later flag wins.
import type { JavaLaunch, ShellAssignment, ShellDocument, ShellWord } from '../../parsers/shell/model';
import { dialectOf, expansionName, sameName, splitValue } from './shell-values';

export interface JvmFlag {
  /** The word as the JVM receives it (`text`), with its source span: on the launch line or inside an assignment. */
  word: ShellWord;
  /** Variables it came through, outermost first (`['CMD_LINE_ARGS', 'JAVA_OPTS']`); empty when written on the launch. */
  via: string[];
}

export interface VariableUse {
  name: string;
  /** Index in `flags` where the variable's value starts (its flags, if any, follow). */
  index: number;
  /** The word that expands it. */
  word: ShellWord;
}

export interface LaunchFlags {
  flags: JvmFlag[];
  /** Every variable expanded among the flags (also those with no assignment here, e.g. JAVA_OPTS from the environment). */
  uses: VariableUse[];
}

const VALUE_OPTIONS = new Set(['-cp', '-classpath', '--class-path']);
const MAX_DEPTH = 8;
const MAX_WORDS = 20000; // hostile input: stop expanding, never hang
/**
 * Expansion steps (words and assignments visited) for all the launches of one script together. Per launch alone,
 * a value of 20,000 words expanded by each of 100,000 `java $OPTS` lines was O(launches × assignments) in time and
 * memory (a 2 MB script exhausted the heap). Real scripts use a few hundred.
 */
export const MAX_EXPANSION_STEPS_PER_SCRIPT = 200_000;

const cache = new WeakMap<JavaLaunch, LaunchFlags>();
const perDoc = new WeakMap<ShellDocument, { byName: Map<string, ShellAssignment[]>; steps: number }>();
const splitCache = new WeakMap<ShellAssignment, ShellWord[]>();

function wordsOf(text: string, a: ShellAssignment, dialect: ReturnType<typeof dialectOf>): ShellWord[] {
  let words = splitCache.get(a);
  if (!words) splitCache.set(a, (words = splitValue(text, a, dialect)));
  return words;
}

function assignmentsByName(doc: ShellDocument): Map<string, ShellAssignment[]> {
  const batch = dialectOf(doc) === 'batch';
  const map = new Map<string, ShellAssignment[]>();
  for (const a of doc.assignments) {
    if (a.offPath !== undefined) continue; // a `--debug` arm or an opt-in branch: not what a plain start runs
    const key = batch ? a.name.toUpperCase() : a.name;
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(a);
  }
  return map;
}

export function launchFlags(doc: ShellDocument, launch: JavaLaunch): LaunchFlags {
  const cached = cache.get(launch);
  if (cached) return cached;
  const dialect = dialectOf(doc);
  let shared = perDoc.get(doc);
  if (!shared) perDoc.set(doc, (shared = { byName: assignmentsByName(doc), steps: MAX_EXPANSION_STEPS_PER_SCRIPT }));
  const { byName } = shared;
  const result: LaunchFlags = { flags: [], uses: [] };
  const seen = new Set<number>();
  const expanded = new Set<ShellAssignment>(); // re-expanding one adds nothing (its words are deduplicated anyway)
  let budget = Math.min(MAX_WORDS, shared.steps);
  const charge = () => {
    shared.steps--;
    return --budget > 0;
  };
  const emit = (word: ShellWord, via: string[]) => {
    if (seen.has(word.span.start)) return; // a value reached twice (`X="$X -D…"` chains) counts once
    seen.add(word.span.start);
    result.flags.push({ word, via });
  };
  const expand = (name: string, before: number, via: string[], word: ShellWord, depth: number): void => {
    result.uses.push({ name, index: result.flags.length, word });
    if (depth > MAX_DEPTH) return;
    const list = byName.get(dialect === 'batch' ? name.toUpperCase() : name) ?? [];
    for (const a of list) {
      if (a.span.start >= before || budget <= 0) break; // only assignments made before the use
      if (!charge()) return;
      if (expanded.has(a)) continue;
      expanded.add(a);
      let classpath = false;
      for (const w of wordsOf(doc.text, a, dialect)) {
        if (!charge()) return;
        if (classpath) {
          classpath = false; // `-classpath %CARBON_CLASSPATH%` inside CMD_LINE_ARGS: not flags
          continue;
        }
        classpath = VALUE_OPTIONS.has(w.text);
        const inner = expansionName(w.text, dialect);
        if (inner === undefined) emit(w, via);
        else if (!sameName(inner, name, dialect)) expand(inner, a.span.start, [...via, inner], w, depth + 1);
        // `X="$X …"`: the earlier values of X are in `list` already
      }
    }
  };
  const main = launch.mainClass;
  for (let k = 0; k < launch.args.length; k++) {
    const arg = launch.args[k];
    if (main && arg.span.start >= main.span.start) break; // what follows the main class is the program's
    const name = expansionName(arg.text, dialect);
    if (name === undefined) emit(arg, []);
    else if (budget > 0) expand(name, launch.span.start, [name], arg, 0);
    else result.uses.push({ name, index: result.flags.length, word: arg }); // budget spent: the use, not its value
    if (VALUE_OPTIONS.has(arg.text)) k++; // the classpath is not a flag
  }
  cache.set(launch, result);
  return result;
}

/** Whether a flag came through JAVA_OPTS (the variable operators set, in the script or the environment). */
export function viaJavaOpts(flag: JvmFlag): boolean {
  return flag.via.some((v) => v.toUpperCase() === 'JAVA_OPTS');
}
