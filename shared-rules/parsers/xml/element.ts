import type { Span } from '../../engine/text';
import type { XmlAttribute, XmlElement } from './model';

export class XmlElementNode implements XmlElement {
  attributes: XmlAttribute[] = [];
  children: XmlElement[] = [];
  parent?: XmlElement;
  selfClosing = false;
  closeTagSpan?: Span;
  openTagSpan: Span;
  span: Span;

  constructor(
    readonly name: string,
    readonly nameSpan: Span,
    start: number,
  ) {
    this.openTagSpan = { start, end: nameSpan.end };
    this.span = { start, end: nameSpan.end };
  }

  /** The first attribute with this name (a duplicate is reported as a syntax error). */
  attr(name: string): XmlAttribute | undefined {
    for (const a of this.attributes) if (a.name === name) return a;
    return undefined;
  }
}
