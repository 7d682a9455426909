// Masks secret values in lines of a checked file before they are shown (diffs) or hashed (fingerprints).
// Why hashes too: a SHA-256 of `password = "admin123"` can be confirmed offline by guessing, so a SARIF
// fingerprint or a baseline must never be computed over a secret's value.

export const MASK = '********';

// Names whose values are credentials, in any of the four file kinds (dotted, snake, camel case): `keystorePass`
// too, but not `passthru`. The lookbehind starts a name only where a run of name characters starts, so a long run
// without a keyword is tried once, not from every position (which made this quadratic).
const KW = String.raw`(?:password|passwd|pwd|secret|passphrase|credential|token|private_?key|access_?key|hmac_?key|(?:key|store|[_.-])pass(?![a-z]))`;
const NAME = String.raw`(?<![\w.:-])[\w.:-]*?${KW}[\w.:-]*`;
const HAS_KW = new RegExp(KW, 'i');
// Prefixes only: the value is the rest of the line. A `(.*)$` tail could fail (a CR inside a line) and backtrack.
const KEY_VALUE = new RegExp(String.raw`^\s*(?:export\s+)?["']?${NAME}["']?\s*[=:]\s*`, 'i');
const XML_ATTR = new RegExp(String.raw`(${NAME}\s*=\s*)(["'])(.*?)\2`, 'gi');
const UNQUOTED_ATTR = new RegExp(String.raw`(${NAME}\s*=\s*)([^\s"'>&;]+)`, 'gi');
const XML_ELEMENT = new RegExp(String.raw`(<(${NAME})>)([^<]*)(</\2>)`, 'gi');
const JVM_FLAG = new RegExp(String.raw`(-D${NAME}=)("[^"]*"|'[^']*'|[^\s"'\\]+)`, 'gi');
// <Environment name="db.secret" value="…"/>, <Parameter …>: a secret-ish name attribute makes the value one.
const NAMED_VALUE = new RegExp(String.raw`(\bname\s*=\s*(["'])[^"']*${KW}[^"']*\2[^>]*?\bvalue\s*=\s*)(["'])([^"']*)\3`, 'gi');
const VALUE_NAMED = new RegExp(String.raw`(\bvalue\s*=\s*)(["'])([^"']*)\2(?=[^>]*?\bname\s*=\s*["'][^"']*${KW})`, 'gi');
// Credentials inside URLs whatever the key is called: scheme://user:pass@host, Oracle thin user/pass@host,
// and password parameters (?password=, &amp;password=, ;PASSWORD= in H2/DB2 URLs).
const URL_USERINFO = /(\/\/[^/\s:@"'<>]+:)([^@\s/"'<>]+)(@)/g;
const ORACLE_USERPASS = /(jdbc:oracle:\w+:[^/\s@"'<>]+\/)([^@\s"'<>]+)(@)/gi;
const URL_PARAM = /([?&;]\s*(?:amp;)?(?:password|pwd|passwd|user_?password|secret)\s*=\s*)([^&;"'\s<>]+)/gi;
const TOML_KEY_VALUE = /^\s*[\w."'-]+\s*=\s*/;
// Keys that hold a secret (or a hash of one, which can be confirmed by guessing) under a name without a secret-ish
// word: `[encryption] key` (the internal encryption key), `[account_recovery.endpoint.auth] hash` (SHA-256 of app_password).
const SECRET_KEYS_BY_TABLE = new Map<string, RegExp>([
  ['encryption', /^\s*["']?key["']?\s*=/],
  ['account_recovery.endpoint.auth', /^\s*["']?hash["']?\s*=/],
]);
// A prefix only (the value is the rest of the line): a `(.*)$` tail after `\s*` could backtrack.
const SECRET_DOTTED_KEYS = /^\s*["']?(?:encryption\.key|account_recovery\.endpoint\.auth\.hash)["']?\s*=\s*/;
// An XML internal entity's replacement text can be anything, a password included: <!ENTITY name "value">.
const XML_ENTITY = /(<!ENTITY\s+(?:%\s+)?[^\s"'>]+\s+)("[^"]*"|'[^']*'|["'][^\n]*)/gi;
// Past this, a line that mentions a secret-ish name is hidden whole: no value search runs over megabytes.
const MAX_LINE = 4096;
const QUOTES = ['"""', "'''", '"', "'"];

/** Values that point at a secret rather than hold one: nothing to hide. */
function isReference(v: string): boolean {
  return /^["']?\s*(\$secret\{|\$env\{|\$sys\{|\$\{|secretAlias:|\{\{)/.test(v);
}

function maskValue(v: string): string {
  const t = v.trim();
  if (!t || isReference(t)) return v;
  for (const q of QUOTES) {
    if (!t.startsWith(q)) continue;
    const end = t.indexOf(q, q.length);
    return end >= q.length ? `${q}${MASK}${q}${t.slice(end + q.length)}` : `${q}${MASK}`;
  }
  return MASK;
}

/** One line, without file context. */
export function redactLine(line: string): string {
  let out = line;
  if (out.includes('<!')) out = out.replace(XML_ENTITY, (_m, pre: string, v: string) => `${pre}${v[0]}${MASK}${v[0]}`);
  if (out.includes('@') || /[?&;]/.test(out)) {
    out = out.replace(URL_USERINFO, `$1${MASK}$3`).replace(ORACLE_USERPASS, `$1${MASK}$3`).replace(URL_PARAM, `$1${MASK}`);
  }
  if (!HAS_KW.test(out)) return out;
  if (out.length > MAX_LINE) return MASK;
  const kv = KEY_VALUE.exec(out);
  if (kv) out = kv[0] + maskValue(out.slice(kv[0].length));
  out = out.replace(XML_ATTR, (m, pre: string, q: string, v: string) => (isReference(v) ? m : `${pre}${q}${MASK}${q}`));
  out = out.replace(UNQUOTED_ATTR, (m, pre: string, v: string) => (isReference(v) || v === MASK ? m : pre + MASK));
  out = out.replace(XML_ELEMENT, (m, open: string, _n: string, v: string, close: string) => (v.trim() && !isReference(v) ? `${open}${MASK}${close}` : m));
  out = out.replace(JVM_FLAG, (m, pre: string, v: string) => (isReference(v) ? m : pre + maskValue(v)));
  out = out.replace(NAMED_VALUE, (m, pre: string, _q: string, q: string, v: string) => (isReference(v) ? m : `${pre}${q}${MASK}${q}`));
  out = out.replace(VALUE_NAMED, (m, pre: string, q: string, v: string) => (isReference(v) ? m : `${pre}${q}${MASK}${q}`));
  return out;
}

/** LF, CRLF or a lone CR: the lines LineIndex counts. */
export const EDITOR_LINES = /\r\n|\r|\n/;

/**
 * Every line of a file, masked; values in a TOML `[secrets]` table are all secrets whatever their name. Lines are
 * split at LF by default (what a unified diff and `patch` count); `EDITOR_LINES` splits as LineIndex and editors do.
 */
export function redactLines(text: string, breaks: string | RegExp = '\n'): string[] {
  let inSecrets = false;
  let secretKey: RegExp | undefined;
  return text.split(breaks).map((line) => {
    const t = tomlTableName(line);
    if (t !== undefined) {
      const name = t.replace(/["'\s]/g, '');
      inSecrets = name === 'secrets';
      secretKey = SECRET_KEYS_BY_TABLE.get(name);
    }
    if ((inSecrets || secretKey?.test(line)) && t === undefined) {
      const kv = TOML_KEY_VALUE.exec(line);
      if (kv) return kv[0] + maskValue(line.slice(kv[0].length));
    }
    const dotted = SECRET_DOTTED_KEYS.exec(line);
    if (dotted) return dotted[0] + maskValue(line.slice(dotted[0].length));
    return redactLine(line);
  });
}

/**
 * The name of a TOML table header line (`[a.b]`, `[[a]]`, then an optional comment), else undefined. Written out:
 * the regex it replaces (`\[\[?\s*([^\]]+?)\s*\]…`) was quadratic over a long line of blanks without a `]`.
 */
function tomlTableName(line: string): string | undefined {
  const s = line.trimStart();
  if (s[0] !== '[') return undefined;
  const from = s[1] === '[' ? 2 : 1;
  const close = s.indexOf(']', from);
  if (close < 0) return undefined;
  const name = s.slice(from, close).trim();
  if (!name) return undefined;
  const rest = s.slice(s[close + 1] === ']' ? close + 2 : close + 1).trimStart();
  return rest === '' || rest[0] === '#' ? name : undefined;
}

/** True when masking changes the text: it holds a secret's value and must not be printed. */
export function holdsSecret(text: string): boolean {
  return redactLines(text).join('\n') !== text;
}
