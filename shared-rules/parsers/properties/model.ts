import type { Span } from '../../engine/text';
import type { ParseProblem } from '../diagnostics';

/** One logical property (continuation lines joined). */
export interface PropEntry {
  /** Unescaped key. */
  key: string;
  keySpan: Span;
  /** Unescaped value, continuation lines joined with their leading whitespace dropped (Java semantics). */
  value: string;
  /** From the first value character to the end of the last continuation line (empty span after separator if no value). */
  valueSpan: Span;
  /** The whole logical line(s), key start to value end. */
  span: Span;
}

export interface PropComment {
  span: Span;
  /** Text after the `#` or `!`. */
  text: string;
}

export interface PropertiesDocument {
  text: string;
  entries: PropEntry[];
  comments: PropComment[];
  /**
   * Problems that make Java refuse the file (a malformed `\uXXXX` escape: code "properties-syntax").
   * Optional so hand-built documents stay valid; parseProperties always sets it.
   */
  problems?: ParseProblem[];
  /** Last entry with this key (later definitions win, as java.util.Properties does). */
  get(key: string): PropEntry | undefined;
  /** Entries whose key starts with `prefix`. */
  withPrefix(prefix: string): PropEntry[];
}
