import type { Span } from '../engine/text';

/** A problem with the file itself (not a guideline): syntax errors, ignored DOCTYPEs, skipped files. */
export interface ParseProblem {
  span: Span;
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** Stable code, e.g. "toml-syntax", "xml-doctype-ignored". */
  code: string;
}
