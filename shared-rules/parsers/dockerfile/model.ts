import type { Span } from '../../engine/text';
import type { ParseProblem } from '../diagnostics';

/** A word of an instruction's arguments, quotes kept as written (`value` is unquoted; variables are not expanded). */
export interface DockerWord {
  raw: string;
  value: string;
  span: Span;
}

/** One instruction: its keyword and arguments over continued lines; heredoc bodies are kept apart. */
export interface DockerInstruction {
  /** Upper-case keyword (FROM, USER, …). */
  keyword: string;
  keywordSpan: Span;
  /** Arguments joined over continuation lines (escape + newline removed, comment lines inside dropped). */
  args: string;
  /** Words of `args` (split on unquoted whitespace), with file spans. */
  words: DockerWord[];
  /** From the keyword to the end of the last argument (heredoc bodies excluded). */
  span: Span;
  /** Zero-based line of the keyword. */
  line: number;
  /** Heredoc bodies (`RUN <<EOF … EOF`, `COPY <<EOF /x`): text and span. */
  heredocs: Array<{ name: string; body: Span }>;
  /** JSON (exec) form of CMD/ENTRYPOINT/RUN/SHELL/COPY/ADD, when `args` is a JSON array of strings. */
  exec?: string[];
}

/** A build stage: a FROM and the instructions up to the next FROM. */
export interface DockerStage {
  from: DockerInstruction;
  /** The image word (`ubuntu:24.04`, `wso2/wso2am:4.2.0`, a stage name, `${BASE}`). */
  image?: DockerWord;
  /** `AS name`, lower-cased. */
  name?: string;
  instructions: DockerInstruction[];
}

export interface DockerfileDocument {
  /** ARGs before the first FROM (usable in FROM lines). */
  globalArgs: DockerInstruction[];
  stages: DockerStage[];
  instructions: DockerInstruction[];
  escape: string;
  problems: ParseProblem[];
}
