// Tomcat context.xml helpers: which Tomcat a product runs, webapp context files, and edits that put a
// <SessionIdGenerator> where Tomcat 9 reads it.
import type { ProductInfo } from '../../engine/product';
import type { XmlAttribute, XmlElement } from '../../parsers/xml/model';
import { eolOf, lineStartAt, type OffsetEdit } from '../../engine/text';

// Tomcat's default session id is 16 bytes. Tomcat 9 reads the length only from <SessionIdGenerator> nested in
// <Manager>; the <Manager sessionIdLength> attribute of Tomcat 7/8 is ignored there (with a startup warning).
export const TOMCAT_DEFAULT = 16;

export function lengthOf(attr: XmlAttribute | undefined): number | undefined {
  const v = attr?.value.trim();
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** A webapp's own META-INF/context.xml: without a <Manager> it inherits the global conf/tomcat/context.xml one. */
export function isWebappContext(fileName: string): boolean {
  return /(^|[\\/])[^\\/]*META-INF[\\/]context\.xml$/i.test(fileName);
}

/** Tomcat 9 products: every API-M 3+ and IS 5.10+ (and any API-M/IS of unknown version: CarbonLint targets deployment.toml-era releases). */
export function runsTomcat9(p: ProductInfo): boolean {
  if (p.product !== 'apim' && p.product !== 'is') return false;
  const m = /^(\d+)\.(\d+)/.exec(p.version ?? '');
  if (!m) return true;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return p.product === 'apim' ? major >= 3 : major > 5 || (major === 5 && minor >= 10);
}

/**
 * A Carbon 4.4 home (API-M 2.x, IS 5.0–5.8, EI 6.x, ESB 5.0): detected as such, or an API-M/IS release from before
 * deployment.toml. There the security guideline asks for 16 bytes at least, which Tomcat's default already gives
 * (research legacy-carbon.md, G17).
 */
export function isCarbon44(p: ProductInfo): boolean {
  if (p.legacy) return true;
  const m = /^(\d+)\.(\d+)/.exec(p.version ?? '');
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (p.product === 'apim') return major < 3;
  if (p.product === 'is') return major < 5 || (major === 5 && minor < 9);
  return false;
}

/** The blanks that start the line holding `offset` (XML counts a lone CR as a line break too). */
export const lineIndent = (text: string, offset: number): string => /^[ \t]*/.exec(text.slice(lineStartAt(text, offset)))![0];

/** Removes ` name="value"` (the attribute and the blanks before it). */
export function removeAttr(text: string, attr: XmlAttribute): OffsetEdit {
  let s = attr.span.start;
  while (s > 0 && /\s/.test(text[s - 1])) s--;
  return { start: s, end: attr.span.end, newText: '' };
}

const generatorTag = (n: number) => `<SessionIdGenerator sessionIdLength="${n}"/>`;

/** `<Manager>` holding `<SessionIdGenerator sessionIdLength="n"/>`, its lines indented from `indent`. */
export function managerWithGenerator(eol: string, indent: string, n: number): string {
  return `<Manager>${eol}${indent}    ${generatorTag(n)}${eol}${indent}</Manager>`;
}

/** Puts `<SessionIdGenerator sessionIdLength="n"/>` inside `manager` (opening a self-closing one). */
export function nestGenerator(text: string, manager: XmlElement, n: number): OffsetEdit {
  const eol = eolOf(text);
  const indent = lineIndent(text, manager.openTagSpan.start);
  const generator = generatorTag(n);
  if (manager.selfClosing) {
    const close = manager.openTagSpan.end;
    const slash = text.lastIndexOf('/', close - 1);
    return { start: slash, end: close, newText: `>${eol}${indent}    ${generator}${eol}${indent}</Manager>` };
  }
  const at = manager.openTagSpan.end;
  return { start: at, end: at, newText: `${eol}${indent}    ${generator}` };
}
