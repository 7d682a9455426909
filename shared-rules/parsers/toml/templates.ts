// Helm/Go (`{{ … }}`) and Jinja (`{% … %}`, `{# … #}`) template text. deployment.toml files are often rendered from
// charts; the template engine runs before TOML is read, so template text is opaque and must never be a TOML error.
import type { Span } from '../../engine/text';


const OPEN = 123; // {
const PCT = 37; // %
const HASH = 35; // #

/**
 * Finds template spans (in file order, never overlapping) in one linear pass. An opener without a closer later in the file is plain text. Once a
 * closer kind is known to be absent from some offset on, later openers of that kind are not searched again
 * (that search is what would otherwise make many unclosed `{{` quadratic).
 */
export function findTemplates(text: string): Span[] {
  const spans: Span[] = [];
  let noCurly = false;
  let noPct = false;
  let noHash = false;
  let i = text.indexOf('{');
  while (i !== -1) {
    const c = text.charCodeAt(i + 1);
    let close: string | undefined;
    if (c === OPEN && !noCurly) close = '}}';
    else if (c === PCT && !noPct) close = '%}';
    else if (c === HASH && !noHash) close = '#}';
    if (close === undefined) {
      i = text.indexOf('{', i + 1);
      continue;
    }
    const j = text.indexOf(close, i + 2);
    if (j === -1) {
      if (c === OPEN) noCurly = true;
      else if (c === PCT) noPct = true;
      else noHash = true;
      i = text.indexOf('{', i + 1);
      continue;
    }
    const end = j + 2;
    spans.push({ start: i, end });
    i = text.indexOf('{', end);
  }
  return spans;
}

const KEYWORDS = ['if', 'else', 'end', 'range', 'with', 'define', 'block', 'break', 'continue'];

const isIdent = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * True for template text that renders nothing by itself: control flow (`{{- if … }}`, `{{ end }}`, `{% … %}`),
 * comments (`{{/* … *\/}}`, `{# … #}`) and variable assignments (`{{ $x := … }}`). Used to keep
 * `{{ if x }}key = 1{{ end }}` as the value 1, while `key = "a" {{ .x }}` (output appended) makes it a template.
 */
export function isDirective(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start + 1) !== OPEN) return true; // {% … %} and {# … #}
  let i = start + 2;
  if (text.charCodeAt(i) === 45) i++; // {{-
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) i++;
  const c = text.charCodeAt(i);
  if (c === 47 && text.charCodeAt(i + 1) === 42) return true; // /*
  if (c === 36) {
    // $var := … / $var = …
    let j = i + 1;
    while (j < end && isIdent(text.charCodeAt(j))) j++;
    while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (text.charCodeAt(j) === 58) j++;
    return text.charCodeAt(j) === 61 && text.charCodeAt(j + 1) !== 61;
  }
  if (c < 98 || c > 119) return false; // no keyword starts outside b…w: skip the list for `{{ .Values… }}`
  for (const k of KEYWORDS) {
    if (text.startsWith(k, i) && !isIdent(text.charCodeAt(i + k.length))) return true;
  }
  return false;
}
