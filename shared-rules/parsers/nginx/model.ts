// The position-aware model of an nginx configuration: directives, their arguments and blocks, with spans.
import type { Span } from '../../engine/text';
import type { ParseProblem } from '../diagnostics';

export interface NginxArg {
  /** The argument as nginx reads it (quotes removed, escapes kept as written). */
  text: string;
  span: Span;
}

export interface NginxDirective {
  name: string;
  nameSpan: Span;
  args: NginxArg[];
  /** From the name to the `;` or the closing `}` (inclusive). */
  span: Span;
  /** The directives inside `{ … }`, when the directive has a block. */
  block?: NginxDirective[];
  /** Offset of the `{`, and of the `}` (undefined when the file ends first). */
  open?: number;
  close?: number;
  /** Read from an included file (its spans are in that file). */
  foreign?: boolean;
}

export interface NginxDocument {
  directives: NginxDirective[];
  problems: ParseProblem[];
}
