import type { Span } from '../engine/text';

/** A problem with the file itself (not a guideline): syntax errors, ignored DOCTYPEs, skipped files. */
export interface ParseProblem {
  span: Span;
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** Stable code, e.g. "toml-syntax", "xml-doctype-ignored". */
  code: string;
}

/**
 * Past this many problems in one file, one note stands for the rest. A megabyte of `[` lines is a million syntax
 * errors: hundreds of MB of diagnostics no editor can use, and most of the lint time. (The XML parser has its own.)
 */
export const MAX_PROBLEMS = 1000;

/** Adds `p` to `problems` unless the cap is reached; at the cap, adds the one note (severity info, same code). */
export function addProblem(problems: ParseProblem[], p: ParseProblem): void {
  if (problems.length < MAX_PROBLEMS) problems.push(p);
  else if (problems.length === MAX_PROBLEMS) {
    problems.push({ span: p.span, message: `More than ${MAX_PROBLEMS} problems; the rest are not reported`, severity: 'info', code: p.code });
  }
}
