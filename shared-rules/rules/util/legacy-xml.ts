// Reading the Carbon 4.4 XML files: element paths, leaf text with its exact span, Secure Vault markers. Comments are
// never elements (the XML parser keeps them apart), so commented-out samples are invisible here.
import type { Span } from '../../engine/text';
import type { XmlDocument, XmlElement } from '../../parsers/xml/model';
import { xmlDecode } from './jdbc';

export const SECURE_VAULT_NS = 'http://org.wso2.securevault/configuration';

/** Children of `el` named `name` (local name, any prefix). */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => localName(c.name) === name) : [];
}

export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Every element reached from the root by this path of local names (the first name is the root's). */
export function atPath(doc: XmlDocument, names: readonly string[]): XmlElement[] {
  if (!doc.root || localName(doc.root.name) !== names[0]) return [];
  let level: XmlElement[] = [doc.root];
  for (const n of names.slice(1)) level = level.flatMap((e) => childrenNamed(e, n));
  return level;
}

export interface LeafText {
  /** Decoded, trimmed. */
  value: string;
  /** The trimmed text as written (an empty element: the point between its tags). */
  span: Span;
}

/** The text of an element without child elements or comments inside; undefined otherwise. */
export function leafText(doc: XmlDocument, el: XmlElement | undefined): LeafText | undefined {
  if (!el || el.children.length) return undefined;
  if (el.selfClosing || !el.closeTagSpan) return { value: '', span: { start: el.openTagSpan.end, end: el.openTagSpan.end } };
  let start = el.openTagSpan.end;
  let end = el.closeTagSpan.start;
  const raw = doc.text.slice(start, end);
  if (raw.includes('<') && !raw.startsWith('<![CDATA[')) return undefined;
  while (start < end && /\s/.test(doc.text[start])) start++;
  while (end > start && /\s/.test(doc.text[end - 1])) end--;
  let value = doc.text.slice(start, end);
  if (value.startsWith('<![CDATA[') && value.endsWith(']]>')) value = value.slice(9, -3);
  else value = xmlDecode(value);
  return { value, span: { start, end } };
}

// A found leaf is copied field by field (leafText's two fields, then el), not as { ...t, el }: on Node 20 a spread
// followed by a key its source lacks takes V8's slow path (~1 µs a copy against ~0.02 µs; measured).
const withEl = (t: LeafText, el: XmlElement): LeafText & { el: XmlElement } => ({ value: t.value, span: t.span, el });

/** The leaf text of the first child named `name`. */
export function childText(doc: XmlDocument, el: XmlElement | undefined, name: string): (LeafText & { el: XmlElement }) | undefined {
  const c = childrenNamed(el, name)[0];
  const t = leafText(doc, c);
  return t && c ? withEl(t, c) : undefined;
}

/** `<Property name="X">value</Property>` children of a user store or realm configuration. */
export function property(doc: XmlDocument, el: XmlElement | undefined, name: string): (LeafText & { el: XmlElement }) | undefined {
  const c = childrenNamed(el, 'Property').find((p) => p.attr('name')?.value === name);
  const t = leafText(doc, c);
  return t && c ? withEl(t, c) : undefined;
}

/** The Secure Vault alias on an element (`svns:secretAlias`, any prefix bound to the securevault namespace). */
export function secretAliasOf(el: XmlElement): string | undefined {
  for (const a of el.attributes) {
    const i = a.name.indexOf(':');
    if (i < 0 || a.name.slice(i + 1) !== 'secretAlias') continue;
    const prefix = a.name.slice(0, i);
    for (let p: XmlElement | undefined = el; p; p = p.parent) {
      const decl = p.attr(`xmlns:${prefix}`);
      if (decl) {
        if (decl.value === SECURE_VAULT_NS) return a.value;
        break;
      }
    }
  }
  return undefined;
}

/** Runtime placeholders (`${admin.password}`, `${carbon.home}`) and build placeholders (`@product.version@`). */
export function isPlaceholder(v: string): boolean {
  return v.includes('${') || /^@[\w.]+@$/.test(v);
}
