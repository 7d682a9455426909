// A small, error-tolerant XML parser for Tomcat context.xml. Security first: a DOCTYPE is skipped as
// text (never a DTD, never an entity declaration, never a fetch) and only the five predefined entities
// and character references are decoded. Single pass over the text, no recursion (deep nesting is safe).
import type { ParseProblem } from '../diagnostics';
import { isNameStart, isXmlSpace, nameEnd, skipSpace } from './chars';
import { skipDoctype } from './doctype';
import type { XmlElementNode } from './element';
import type { XmlComment, XmlDocument, XmlElement } from './model';
import { parseStartTag, type TagSink } from './start-tag';
import { bareAmpersands, cdataCloseIn, illegalChars, xmlDeclProblem } from './wellformed';

const DOCTYPE_MESSAGE = 'DOCTYPE ignored: CarbonLint never processes DTDs or expands entities';
/** An editor cannot use millions of diagnostics (`<` × 10⁷); past this many, one note stands for the rest. */
const MAX_PROBLEMS = 1000;

class XmlParser implements TagSink {
  readonly problems: ParseProblem[] = [];
  readonly comments: XmlComment[] = [];
  readonly elements: XmlElement[] = [];
  root?: XmlElement;
  doctypeSpan?: { start: number; end: number };
  private readonly stack: XmlElementNode[] = [];
  /** How many open elements have each name: lets a stray close tag be rejected without walking the stack. */
  private readonly openCount = new Map<string, number>();
  /** Elements whose start tag lacked `>`: already reported, so a missing end tag is not reported again. */
  private readonly brokenStartTags = new Set<XmlElementNode>();

  constructor(private readonly text: string) {}

  private report(p: ParseProblem): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
    else if (this.problems.length === MAX_PROBLEMS) {
      this.problems.push({ span: p.span, message: `More than ${MAX_PROBLEMS} problems; the rest are not reported`, severity: 'info', code: 'xml-syntax' });
    }
  }

  error(start: number, end: number, message: string): void {
    this.report({ span: { start, end }, message, severity: 'error', code: 'xml-syntax' });
  }

  bareAmpersand(at: number): void {
    this.error(at, at + 1, "Unescaped '&' (write &amp;)");
  }

  unknownEntity(start: number, end: number, name: string): void {
    this.report({
      span: { start, end },
      message: `Entity reference &${name}; left as written: only the five predefined XML entities and character references are decoded`,
      severity: 'warning',
      code: 'xml-entity-ignored',
    });
  }

  run(): void {
    const { text } = this;
    const n = text.length;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    illegalChars(text, (at, code) => this.error(at, at + 1, `Character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML (not even escaped)`));
    while (i < n) {
      const lt = text.indexOf('<', i);
      const textEnd = lt < 0 ? n : lt;
      if (this.stack.length === 0 && textEnd > i) this.checkOutsideText(i, textEnd);
      else if (textEnd > i) {
        bareAmpersands(text, i, textEnd, (at) => this.bareAmpersand(at));
        const cdataEnd = cdataCloseIn(text, i, textEnd); // ']]>' may not appear in character data
        if (cdataEnd >= 0) this.error(cdataEnd, cdataEnd + 3, "']]>' is not allowed in text (write ]]&gt;)");
      }
      if (lt < 0) break;
      i = this.markup(lt);
    }
    for (let k = this.stack.length - 1; k >= 0; k--) {
      const el = this.stack[k];
      if (!this.brokenStartTags.has(el)) this.error(el.nameSpan.start, el.nameSpan.end, `Element <${el.name}> is never closed`);
      el.span = { start: el.span.start, end: n };
    }
    this.stack.length = 0;
    if (!this.root) this.error(0, 0, 'No root element');
  }

  /** Handles the markup starting at `lt`; returns the offset after it. */
  private markup(lt: number): number {
    const { text } = this;
    const c = text.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) return this.comment(lt);
      if (text.startsWith('<![CDATA[', lt)) {
        if (this.stack.length === 0) this.error(lt, lt + 9, 'CDATA section outside the root element');
        return this.skipTo(lt, ']]>', 'CDATA section');
      }
      if (text.slice(lt + 2, lt + 9).toUpperCase() === 'DOCTYPE') return this.doctype(lt);
      const gt = this.tagEnd(lt + 2);
      this.error(lt, gt, 'Unexpected markup declaration (only allowed inside a DOCTYPE, which is ignored)');
      return gt;
    }
    if (c === 63 /* ? */) {
      const target = text.slice(lt + 2, nameEnd(text, lt + 2));
      if (!target) this.error(lt, lt + 2, 'Processing instruction without a target name');
      const bomOffset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const end = this.skipTo(lt, '?>', 'processing instruction');
      if (target.toLowerCase() === 'xml') {
        if (lt !== bomOffset) this.error(lt, lt + 5, 'The XML declaration must be at the very start of the file');
        else if (target !== 'xml') this.error(lt, lt + 5, `'<?${target}' is reserved: the XML declaration is written '<?xml'`);
        else {
          const problem = xmlDeclProblem(text.slice(lt, end));
          if (problem) this.error(lt, end, problem.replace(/^./, (ch) => ch.toUpperCase()));
        }
      }
      return end;
    }
    if (c === 47 /* / */) return this.closeTag(lt);
    if (isNameStart(c)) return this.openTag(lt);
    this.error(lt, lt + 1, "Unescaped '<' (write &lt;)");
    return lt + 1;
  }

  private comment(lt: number): number {
    const close = this.text.indexOf('-->', lt + 4);
    const end = close < 0 ? this.text.length : close + 3;
    if (close < 0) this.error(lt, lt + 4, 'Comment is never closed (missing -->)');
    // '--' may not occur inside a comment (and so a comment may not end with '--->').
    const body = close < 0 ? end : close;
    const dd = this.text.indexOf('--', lt + 4);
    if (dd >= 0 && dd < body) this.error(dd, dd + 2, "'--' is not allowed inside a comment");
    this.comments.push({ span: { start: lt, end }, text: this.text.slice(lt + 4, close < 0 ? end : close) });
    return end;
  }

  private skipTo(lt: number, terminator: string, what: string): number {
    const close = this.text.indexOf(terminator, lt + 2);
    if (close >= 0) return close + terminator.length;
    this.error(lt, Math.min(lt + 2, this.text.length), `${what} is never closed (missing ${terminator})`);
    return this.text.length;
  }

  private doctype(lt: number): number {
    const { end, terminated } = skipDoctype(this.text, lt);
    this.doctypeSpan ??= { start: lt, end };
    this.report({ span: { start: lt, end }, message: DOCTYPE_MESSAGE, severity: 'warning', code: 'xml-doctype-ignored' });
    if (!terminated) this.error(lt, lt + 9, 'DOCTYPE is never closed');
    return end;
  }

  /** Offset after the next `>`, stopping before a `<` or at EOF (recovery for broken markup). */
  private tagEnd(from: number): number {
    const { text } = this;
    let k = from;
    while (k < text.length && text.charCodeAt(k) !== 62 && text.charCodeAt(k) !== 60) k++;
    return k < text.length && text.charCodeAt(k) === 62 ? k + 1 : k;
  }

  private openTag(lt: number): number {
    const { element: el, end, terminated } = parseStartTag(this.text, lt, this);
    if (!terminated) this.brokenStartTags.add(el);
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      el.parent = parent;
      parent.children.push(el);
    } else if (!this.root) {
      this.root = el;
    } else {
      this.error(el.nameSpan.start, el.nameSpan.end, `Only one root element is allowed; <${el.name}> follows <${this.root.name}>`);
    }
    this.elements.push(el);
    if (!el.selfClosing) {
      this.stack.push(el);
      this.openCount.set(el.name, (this.openCount.get(el.name) ?? 0) + 1);
    }
    return end;
  }

  private closeTag(lt: number): number {
    const { text } = this;
    const nEnd = nameEnd(text, lt + 2);
    const name = text.slice(lt + 2, nEnd);
    const afterName = skipSpace(text, nEnd);
    let end: number;
    if (text.charCodeAt(afterName) === 62) end = afterName + 1;
    else {
      end = this.tagEnd(afterName);
      if (name) this.error(lt, end, `Expected '>' to end the closing tag </${name}>`);
    }
    if (!name) {
      this.error(lt, end, 'Closing tag without a name');
      return end;
    }
    if (!this.openCount.get(name)) {
      const open = this.stack[this.stack.length - 1];
      this.error(lt, end, `Unexpected closing tag </${name}>` + (open ? ` (open element is <${open.name}>)` : ''));
      return end;
    }
    // Close everything opened since the matching element: each such element is one "not closed" problem.
    for (;;) {
      const el = this.stack.pop() as XmlElementNode;
      this.openCount.set(el.name, (this.openCount.get(el.name) ?? 1) - 1);
      if (el.name === name) {
        el.closeTagSpan = { start: lt, end };
        el.span = { start: el.span.start, end };
        return end;
      }
      if (!this.brokenStartTags.has(el)) {
        this.error(el.nameSpan.start, el.nameSpan.end, `Element <${el.name}> is not closed before </${name}>`);
      }
      el.span = { start: el.span.start, end: lt };
    }
  }

  /** Text is not allowed outside the root element; whitespace is. */
  private checkOutsideText(from: number, to: number): void {
    const { text } = this;
    let s = from;
    while (s < to && isXmlSpace(text.charCodeAt(s))) s++;
    if (s === to) return;
    let e = to;
    while (e > s && isXmlSpace(text.charCodeAt(e - 1))) e--;
    this.error(s, e, this.root ? 'Text after the root element' : 'Text before the root element');
  }
}

export function parseXml(text: string): XmlDocument {
  const p = new XmlParser(text);
  p.run();
  return {
    text,
    root: p.root,
    comments: p.comments,
    doctypeSpan: p.doctypeSpan,
    problems: p.problems,
    elements: p.elements,
  };
}
