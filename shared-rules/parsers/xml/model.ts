import type { Span } from '../../engine/text';
import type { ParseProblem } from '../diagnostics';

export interface XmlAttribute {
  name: string;
  nameSpan: Span;
  /** Value with the five predefined entities and character references decoded (no other entity is expanded). */
  value: string;
  /** Inside the quotes. */
  valueSpan: Span;
  /** name="value" as written. */
  span: Span;
}

export interface XmlElement {
  name: string;
  nameSpan: Span;
  attributes: XmlAttribute[];
  children: XmlElement[];
  parent?: XmlElement;
  /** `<name …>` or `<name …/>`. */
  openTagSpan: Span;
  selfClosing: boolean;
  /** `</name>` if present. */
  closeTagSpan?: Span;
  /**
   * Open tag start to close tag end, or open tag end when self-closing. An unclosed element (a syntax
   * problem) runs to where recovery closed it: the mismatched close tag of an ancestor, or the end of the text.
   */
  span: Span;
  attr(name: string): XmlAttribute | undefined;
}

export interface XmlComment {
  span: Span;
  text: string;
}

export interface XmlDocument {
  text: string;
  root?: XmlElement;
  comments: XmlComment[];
  /** A DOCTYPE, if any: never processed (no DTD, no entities, no fetches); a problem says it was ignored. */
  doctypeSpan?: Span;
  problems: ParseProblem[];
  /** Depth-first, document order. */
  elements: XmlElement[];
}
