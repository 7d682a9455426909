// `<name attr="v" …>` / `<name …/>`, recovering from missing quotes, unquoted values and junk.
import { isNameStart, isXmlSpace, nameEnd, skipSpace } from './chars';
import { XmlElementNode } from './element';
import { decodeAttributeValue } from './entities';
import { bareAmpersands } from './wellformed';

export interface TagSink {
  /** Reports an "xml-syntax" error at [start, end). */
  error(start: number, end: number, message: string): void;
  /** Told about each `&name;` left undecoded in an attribute value. */
  unknownEntity(start: number, end: number, name: string): void;
}

export interface StartTag {
  element: XmlElementNode;
  /** Offset just past the tag (or where recovery stopped it). */
  end: number;
  /** False when the tag had no `>` (already reported; its missing end tag is the same mistake). */
  terminated: boolean;
}

/** Parses the start tag at `start` (a `<` followed by a name start character). */
export function parseStartTag(text: string, start: number, sink: TagSink): StartTag {
  const n = text.length;
  const nEnd = nameEnd(text, start + 1);
  const el = new XmlElementNode(text.slice(start + 1, nEnd), { start: start + 1, end: nEnd }, start);
  const state: AttrState = { seen: new Set<string>(), quoteError: false };
  let j = nEnd;
  let end = -1;
  let terminated = true;
  while (end < 0) {
    const before = j;
    j = skipSpace(text, j);
    const c = text.charCodeAt(j);
    if (j >= n || c === 60 /* < */) {
      // After a missing quote that is the same mistake: report it once.
      if (!state.quoteError) sink.error(start, j, `Start tag <${el.name}> is not closed with '>'`);
      end = j;
      terminated = false;
    } else if (c === 62 /* > */) {
      end = j + 1;
    } else if (c === 47 /* / */ && text.charCodeAt(j + 1) === 62) {
      el.selfClosing = true;
      end = j + 2;
    } else if (isNameStart(c)) {
      if (j === before && el.attributes.length > 0) sink.error(j, j, 'Missing whitespace between attributes');
      j = parseAttribute(text, j, el, state, sink);
    } else {
      // Junk in the tag: report the whole run once, then carry on.
      let k = j + 1;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (isXmlSpace(d) || isNameStart(d) || d === 60 || d === 62 || (d === 47 && text.charCodeAt(k + 1) === 62)) break;
        k++;
      }
      sink.error(j, k, `Unexpected '${text.slice(j, Math.min(k, j + 20))}' in start tag <${el.name}>`);
      j = k;
    }
  }
  el.openTagSpan = { start, end };
  el.span = { start, end };
  return { element: el, end, terminated };
}

/**
 * For a `<` met inside a quoted value: the offset of the closing quote if it is on the same line and
 * followed by what may follow a value (blank, `>`, `/`), so the `<` is just unescaped; else -1.
 */
function strayLessThan(text: string, lt: number, q: number): number {
  let k = lt;
  while (k < text.length && text.charCodeAt(k) !== q && text.charCodeAt(k) !== 10) k++;
  if (text.charCodeAt(k) !== q) return -1;
  const after = text.charCodeAt(k + 1);
  return k + 1 >= text.length || isXmlSpace(after) || after === 62 || after === 47 ? k : -1;
}

interface AttrState {
  seen: Set<string>;
  quoteError: boolean;
}

function parseAttribute(text: string, start: number, el: XmlElementNode, state: AttrState, sink: TagSink): number {
  const n = text.length;
  const nEnd = nameEnd(text, start);
  const name = text.slice(start, nEnd);
  let j = skipSpace(text, nEnd);
  if (text.charCodeAt(j) !== 61 /* = */) {
    sink.error(start, nEnd, `Attribute '${name}' has no value (expected ="…")`);
    return nEnd;
  }
  j = skipSpace(text, j + 1);
  const q = text.charCodeAt(j);
  let valueStart: number;
  let valueEnd: number;
  let next: number;
  if (q === 34 || q === 39) {
    // `<` cannot occur in a value: stopping there keeps a missing quote from swallowing the next tags.
    valueStart = j + 1;
    let k = valueStart;
    while (k < n && text.charCodeAt(k) !== q && text.charCodeAt(k) !== 60) k++;
    const lt = k < n && text.charCodeAt(k) === 60 ? strayLessThan(text, k, q) : -1;
    if (lt >= 0) {
      sink.error(k, k + 1, `'<' is not allowed in the value of attribute '${name}' (write &lt;)`);
      k = lt;
    }
    if (k < n && text.charCodeAt(k) === q) {
      valueEnd = k;
      next = k + 1;
    } else {
      // Guess the value ended at the line end or a `>`, so the rest of the tag still parses.
      let g = valueStart;
      while (g < k && text.charCodeAt(g) !== 62 && text.charCodeAt(g) !== 10 && text.charCodeAt(g) !== 13) g++;
      valueEnd = next = g;
      state.quoteError = true;
      sink.error(j, j + 1, `Missing closing quote for the value of attribute '${name}'`);
    }
  } else if (j < n && !isXmlSpace(q) && q !== 60 && q !== 62 && !(q === 47 && text.charCodeAt(j + 1) === 62)) {
    valueStart = j;
    let k = j;
    while (k < n) {
      const d = text.charCodeAt(k);
      if (isXmlSpace(d) || d === 60 || d === 62 || (d === 47 && text.charCodeAt(k + 1) === 62)) break;
      k++;
    }
    valueEnd = next = k;
    sink.error(j, k, `Value of attribute '${name}' must be quoted`);
  } else {
    sink.error(start, j, `Attribute '${name}' has no value`);
    return j;
  }
  bareAmpersands(text, valueStart, valueEnd, (at) => sink.error(at, at + 1, "Unescaped '&' (write &amp;)"));
  if (state.seen.has(name)) sink.error(start, nEnd, `Duplicate attribute '${name}' on <${el.name}>`);
  state.seen.add(name);
  el.attributes.push({
    name,
    nameSpan: { start, end: nEnd },
    value: decodeAttributeValue(text, valueStart, valueEnd, (s, e, ent) => sink.unknownEntity(s, e, ent)),
    valueSpan: { start: valueStart, end: valueEnd },
    span: { start, end: next },
  });
  return next;
}
