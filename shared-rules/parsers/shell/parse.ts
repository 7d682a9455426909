// Carbon startup scripts: finds JVM launches, variable assignments and comments. A tokenizer plus
// simple-command grouping, not a bash interpreter: nothing is expanded or executed.
import { assignmentPrefix, declarationAssignments, toAssignment } from './assignments';
import { CommandAssembler, skipReserved, type SimpleCommand } from './commands';
import { buildLaunch, COMMAND_PREFIXES, isJavaLauncher } from './launch';
import { lexShell } from './lexer';
import type { JavaLaunch, ShellAssignment, ShellDocument } from './model';
import { findBootstrapClass, isProductScriptName } from './product';
import { isBatchName, parseBatch } from './batch';
import { BranchTracker } from './branches';

/** Parses a startup script; `.bat`/`.cmd` files go to the batch parser (same model, `dialect: 'batch'`). */
export function parseShell(text: string, fileName?: string): ShellDocument {
  if (isBatchName(fileName)) return parseBatch(text, fileName);
  const launches: JavaLaunch[] = [];
  const assignments: ShellAssignment[] = [];
  // Launch lines need the continuation offsets, known only once lexing is done: build launches after.
  const launchCommands: [SimpleCommand, number, number][] = [];

  const branches = new BranchTracker();
  const onCommand = (cmd: SimpleCommand): void => {
    const { words } = cmd;
    branches.command(words, cmd.endOp);
    const offPath = branches.offPath();
    // Each assignment is a fresh object: set on it, not copied (a spread per assignment showed in profiles).
    const mark = (a: ShellAssignment): ShellAssignment => {
      if (offPath !== undefined) a.offPath = offPath;
      return a;
    };
    let k = skipReserved(words);
    const start = k < words.length ? words[k].span.start : 0;
    for (let p = 0; k < words.length && (p = assignmentPrefix(words[k])) > 0; k++) {
      assignments.push(mark(toAssignment(words[k], p, false)));
    }
    if (k >= words.length) return;
    const declared = declarationAssignments(words, k);
    if (declared) {
      assignments.push(...declared.map(mark));
      return;
    }
    // `exec $JAVACMD`, `nohup java` (but `command -v java` only looks java up).
    while (k + 1 < words.length && words[k].raw === words[k].text && COMMAND_PREFIXES.has(words[k].text)) {
      if (words[k + 1].text.startsWith('-')) break;
      k++;
    }
    if (isJavaLauncher(words[k])) launchCommands.push([cmd, k, start]);
  };

  const assembler = new CommandAssembler(onCommand, (op) => branches.op(op));
  const { comments, continuations } = lexShell(text, assembler);
  assembler.finish();
  for (const [cmd, k, start] of launchCommands) {
    launches.push(buildLaunch(text, cmd.words, k, start, cmd.end, continuations));
  }

  const bootstrapClass = findBootstrapClass(text, launches);
  return {
    text,
    dialect: 'sh',
    isProductScript: bootstrapClass !== undefined || isProductScriptName(fileName),
    bootstrapClass,
    launches,
    assignments,
    comments,
  };
}
