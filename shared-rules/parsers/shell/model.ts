import type { Span } from '../../engine/text';

/** A shell word after quote removal (no expansion), with its source span. */
export interface ShellWord {
  /** Text with quotes removed and escapes resolved (`\x` in sh, `^x` in batch); `$VAR` / `%VAR%` left as written. */
  text: string;
  /** Source text as written. */
  raw: string;
  span: Span;
}

/** One physical line of a (possibly continued) command. */
export interface CommandLine {
  /** Offset of the line's first character. */
  start: number;
  /** Leading whitespace of the line. */
  indent: string;
  /** Offset of the trailing continuation character of this line (`\` in sh, `^` in batch), if the line continues. */
  continuation?: number;
}

/** A command that launches the JVM (`$JAVACMD …`, `"$JAVA_HOME/bin/java" …`, `java …`; batch `"%JAVA_HOME%\bin\java" …`). */
export interface JavaLaunch {
  /** The java executable word. */
  command: ShellWord;
  /** Arguments in order (options, `$JAVA_OPTS`-style expansions, main class, its args). */
  args: ShellWord[];
  /**
   * The main class word, if found: the first argument that is not an option (nor an option's value,
   * as for `-cp x`), not only an expansion (`$VAR`, `"$VAR"`, `$*`), and looks like `a.b.C` (dotted
   * identifiers, the last capitalized). None after `-jar`/`-m`.
   */
  mainClass?: ShellWord;
  /** The physical lines the command spans, in order. */
  lines: CommandLine[];
  /**
   * Whole command span: from the first word after leading reserved words (so `exec`/`nohup` and
   * `VAR=x` prefixes are included, `then`/`do` are not) to the end of the last argument or
   * redirection target (a trailing `&` or `;` is not included).
   */
  span: Span;
}

/** `NAME=value` / `export NAME=value` (batch: `set NAME=value`, `set "NAME=value"`), at any nesting (inside if/while bodies too). */
export interface ShellAssignment {
  name: string;
  /** Value after quote removal (not expanded). */
  value: string;
  /** The value as written, quotes included (empty, right after `=`, for `NAME=`). */
  valueSpan: Span;
  /** The `NAME=value` word (without a leading `export`). */
  span: Span;
  exported: boolean;
  /**
   * The condition or `case` pattern (as written) of an enclosing branch the normal start (no argument)
   * does not take — a `--debug`/`stop` arm, `if [ -n "$X" ]`; batch: `if "%1"=="--debug" ( … )`, `if defined X`, or the
   * `:label` of a section only such arms jump to. Absent when the assignment runs on a plain start.
   */
  offPath?: string;
}

export interface ShellComment {
  span: Span;
  text: string;
}

/** `sh`: a POSIX shell script (`.sh`); `batch`: a Windows cmd script (`.bat`, `.cmd`). */
export type ShellDialect = 'sh' | 'batch';

export interface ShellDocument {
  text: string;
  /** Which language the script is in; absent means `sh` (hand-built documents). */
  dialect?: ShellDialect;
  /** True for a Carbon product startup script (by Bootstrap class or known name). */
  isProductScript: boolean;
  /** `org.wso2.carbon.bootstrap.Bootstrap` or `org.wso2.micro.integrator.bootstrap.Bootstrap`, when launched. */
  bootstrapClass?: string;
  launches: JavaLaunch[];
  assignments: ShellAssignment[];
  comments: ShellComment[];
}
