// Which branch of a Windows script a command sits in — the batch twin of branches.ts. The normal start path is
// the script run with no argument: an `if "%1"=="--debug" ( … )` block (or a one-line `if … set …`) is not
// taken, nor is `if defined X` / `if not "%X%"==""` (an opt-in, like sh `-n "$X"`); nor is a `:label` section
// reached only by `goto`s on such arms (`:commandDebug`, `:stopServer` behind `if "%1"=="stop" goto …`).
// Sections are judged by reachability from the top over the gotos, calls and fall-throughs of the normal path;
// when a goto's target is unknown (missing label, `goto %X%`) no section is judged (right before loud).
import type { ShellComment, ShellWord } from './model';
import type { BatchCommand } from './batch-lexer';

/** Words a Carbon script takes as its command (`--debug`, `-stop`, `stop`…), as in branches.ts. */
const COMMAND_WORD = /^-{0,2}(debug|stop|start|restart|version|test|optimize|dump|help|status|run)$/i;
const EQUAL_OPS = /^(==|EQU)$/i;
const COMPARE_OPS = /^(==|EQU|NEQ|LSS|LEQ|GTR|GEQ)$/i;
const MAX_FRAMES = 256; // hostile nesting: deeper blocks are not tracked (their commands count as run)

interface IfPrefix {
  /** Index of the first word after the condition. */
  next: number;
  /** The condition as written, when the normal start does not meet it. */
  offPath?: string;
}

const isLiteralOption = (t: string): boolean => !t.includes('%') && !t.includes('!') && (COMMAND_WORD.test(t) || /^--?[A-Za-z]/.test(t));

/** `if [/i] [not] <condition>` starting at words[k] (the `if`): where the condition ends and whether it is off-path. */
export function ifPrefix(words: readonly ShellWord[], k: number): IfPrefix {
  const start = k;
  k++;
  if (words[k]?.text.toLowerCase() === '/i') k++;
  const not = words[k]?.text.toLowerCase() === 'not';
  if (not) k++;
  const head = words[k]?.text.toLowerCase() ?? '';
  let lhs: string | undefined;
  let op = '';
  let rhs: string | undefined;
  let off = false;
  if (/^(exist|defined|errorlevel|cmdextversion)$/.test(head)) {
    off = head === 'defined' && !not; // `if defined X`: an opt-in variable, unset on a plain start
    k += 2;
  } else if (words[k]?.raw.includes('==')) {
    const t = words[k].text;
    const at = t.indexOf('==');
    lhs = t.slice(0, at);
    op = '==';
    if (words[k].raw.endsWith('==')) {
      rhs = words[k + 1]?.text;
      k += 2;
    } else {
      rhs = t.slice(at + 2);
      k += 1;
    }
  } else if (words[k + 1] && (COMPARE_OPS.test(words[k + 1].raw) || words[k + 1].raw.startsWith('=='))) {
    lhs = words[k].text;
    const glued = words[k + 1].raw.length > 2 && words[k + 1].raw.startsWith('==');
    op = glued ? '==' : words[k + 1].raw;
    rhs = glued ? words[k + 1].text.slice(2) : words[k + 2]?.text;
    k += glued ? 2 : 3;
  } else k++;
  if (lhs !== undefined && rhs !== undefined && EQUAL_OPS.test(op)) {
    const argument = (s: string) => s.includes('%') || s.includes('!');
    if (!not) off = (argument(lhs) && isLiteralOption(rhs)) || (argument(rhs) && isLiteralOption(lhs));
    // `if not "%X%"==""`: X set, the twin of sh `-n "$X"`.
    else off = (argument(lhs) && rhs === '') || (argument(rhs) && lhs === '');
  }
  const offPath = off ? words.slice(start + 1, Math.min(k, words.length)).map((w) => w.raw).join(' ') : undefined;
  return { next: k, offPath };
}

interface Section {
  /** The label as written (`:commandDebug`); the entry section (before any label) has none. */
  label?: string;
  /** Normal-path targets (lower-case label names) of its gotos and calls. */
  targets: string[];
  /** Its last command ends the flow (an unconditional `goto`/`exit`): the next section is not fallen into. */
  ends: boolean;
}

/** A `:name` label line (not a `::` comment nor `rem`): the name, lower case. */
function labelName(text: string, c: ShellComment): string | undefined {
  if (text.charCodeAt(c.span.start) !== 58 || text.charCodeAt(c.span.start + 1) === 58) return undefined;
  const m = /^[^\s+=,;:]+/.exec(c.text);
  return m ? m[0].toLowerCase() : undefined;
}

/** The off-path condition (or label) of each command, by index; undefined where a plain start runs it. */
export function batchOffPaths(text: string, commands: readonly BatchCommand[], comments: readonly ShellComment[]): (string | undefined)[] {
  const local: (string | undefined)[] = [];
  const sectionOf: number[] = [];
  const sections: Section[] = [{ targets: [], ends: false }];
  const labels = new Map<string, number>();
  let unknownTarget = false;
  const frames: { depth: number; offPath?: string }[] = [];
  let li = 0;
  const addLabels = (from: number, before: number): number => {
    for (; from < comments.length && comments[from].span.start < before; from++) {
      const name = labelName(text, comments[from]);
      if (name === undefined || labels.has(name)) continue; // cmd jumps to the first of duplicate labels
      labels.set(name, sections.length);
      const at = comments[from].span.start;
      sections.push({ label: text.slice(at, at + 1 + name.length), targets: [], ends: false });
    }
    return from;
  };
  for (let ci = 0; ci < commands.length; ci++) {
    const cmd = commands[ci];
    li = addLabels(li, cmd.start);
    const section = sections[sections.length - 1];
    sectionOf.push(sections.length - 1);
    while (frames.length > 0 && frames[frames.length - 1].depth >= cmd.depth) frames.pop();
    let offPath = frames.find((f) => f.offPath !== undefined)?.offPath;
    const { words } = cmd;
    let k = 0;
    let guarded = cmd.conditional === true || cmd.depth > 0;
    let own: string | undefined;
    for (;;) {
      const w = words[k]?.text.toLowerCase();
      if (w === 'if') {
        const p = ifPrefix(words, k);
        own ??= p.offPath;
        guarded = true;
        k = p.next;
      } else if (w === 'for') {
        while (k < words.length && words[k].text.toLowerCase() !== 'do') k++;
        k++;
        guarded = true;
      } else if (w === 'else' || w === 'do') {
        k++;
        guarded = true;
      } else break;
    }
    offPath ??= own;
    local.push(offPath);
    if (cmd.opensBlock && frames.length < MAX_FRAMES) frames.push({ depth: cmd.depth, offPath: own });
    section.ends = false;
    const head = words[k]?.text.toLowerCase();
    if (head === 'goto' || head === 'call') {
      const raw = words[k + 1]?.text ?? '';
      if (head === 'call' && !raw.startsWith(':')) continue; // another script or program
      const target = raw.replace(/^:/, '').toLowerCase();
      if (target === '' || target.includes('%') || target.includes('!')) unknownTarget = true;
      else if (target !== 'eof' && offPath === undefined) section.targets.push(target);
      if (head === 'goto' && !guarded) section.ends = true;
    } else if (head === 'exit' && !guarded) section.ends = true;
  }
  addLabels(li, Infinity);
  if (unknownTarget || sections.length === 1) return local;
  for (const s of sections) for (const t of s.targets) if (!labels.has(t)) return local;
  // Reachability from the entry section over the normal path: fall-through and on-path gotos/calls.
  const reached = new Array<boolean>(sections.length).fill(false);
  const queue = [0];
  reached[0] = true;
  while (queue.length > 0) {
    const i = queue.pop()!;
    const next = sections[i].targets.map((t) => labels.get(t)!);
    if (!sections[i].ends && i + 1 < sections.length) next.push(i + 1);
    for (const j of next) {
      if (!reached[j]) {
        reached[j] = true;
        queue.push(j);
      }
    }
  }
  return local.map((o, ci) => (reached[sectionOf[ci]] ? o : sections[sectionOf[ci]].label));
}
