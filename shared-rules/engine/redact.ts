// Masks secret values in lines of a checked file before they are shown (diffs) or hashed (fingerprints).
// Why hashes too: a SHA-256 of `password = "admin123"` can be confirmed offline by guessing, so a SARIF
// fingerprint or a baseline must never be computed over a secret's value.

export const MASK = '********';

// Names whose values are credentials, in any of the four file kinds (dotted, snake, camel case).
const NAME = String.raw`[\w.:-]*(?:password|passwd|pwd|secret|passphrase|credential|token|private_?key|access_?key)[\w.:-]*`;
const KEY_VALUE = new RegExp(String.raw`^(\s*(?:export\s+)?["']?${NAME}["']?\s*[=:]\s*)(.*)$`, 'i');
const XML_ATTR = new RegExp(String.raw`(\b${NAME}\s*=\s*)(["'])(.*?)\2`, 'gi');
const XML_ELEMENT = new RegExp(String.raw`(<(${NAME})>)([^<]*)(</\2>)`, 'gi');
const JVM_FLAG = new RegExp(String.raw`(-D${NAME}=)("[^"]*"|'[^']*'|[^\s"'\\]+)`, 'gi');
const TOML_TABLE = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/;
const TOML_KEY_VALUE = /^(\s*[\w."'-]+\s*=\s*)(.*)$/;

/** Values that point at a secret rather than hold one: nothing to hide. */
function isReference(v: string): boolean {
  return /^["']?\s*(\$secret\{|\$env\{|\$sys\{|\$\{|secretAlias:|\{\{)/.test(v);
}

function maskValue(v: string): string {
  const t = v.trim();
  if (!t || isReference(t)) return v;
  const q = t[0];
  if (q === '"' || q === "'") {
    const end = t.indexOf(q, 1);
    return end > 0 ? `${q}${MASK}${q}${t.slice(end + 1)}` : `${q}${MASK}`;
  }
  return MASK;
}

/** One line, without file context. */
export function redactLine(line: string): string {
  let out = line;
  const kv = KEY_VALUE.exec(out);
  if (kv) out = kv[1] + maskValue(kv[2]);
  out = out.replace(XML_ATTR, (m, pre: string, q: string, v: string) => (isReference(v) ? m : `${pre}${q}${MASK}${q}`));
  out = out.replace(XML_ELEMENT, (m, open: string, _n: string, v: string, close: string) => (v.trim() && !isReference(v) ? `${open}${MASK}${close}` : m));
  out = out.replace(JVM_FLAG, (m, pre: string, v: string) => (isReference(v) ? m : pre + maskValue(v)));
  return out;
}

/** Every line of a file, masked; values in a TOML `[secrets]` table are all secrets whatever their name. */
export function redactLines(text: string): string[] {
  let inSecrets = false;
  return text.split('\n').map((line) => {
    const t = TOML_TABLE.exec(line);
    if (t) inSecrets = t[1].replace(/["'\s]/g, '') === 'secrets';
    if (inSecrets && !t) {
      const kv = TOML_KEY_VALUE.exec(line);
      if (kv) return kv[1] + maskValue(kv[2]);
    }
    return redactLine(line);
  });
}

/** True when masking changes the text: it holds a secret's value and must not be printed. */
export function holdsSecret(text: string): boolean {
  return redactLines(text).join('\n') !== text;
}
