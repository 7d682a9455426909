// A cipher list as a runtime reads it, in one of two dialects:
//  - 'tomcat' (`ciphers` of the servlet transport): JSSE or OpenSSL names and OpenSSL keywords with the operators
//    "!X" (delete for good), "-X" (remove), "+X" (reorder), "A+B" (intersection); separated by ":" (or "," / " ")
//    when the value contains a colon, else by "," (Tomcat converts each JSSE name, then parses the OpenSSL string);
//  - 'jsse' (Synapse `PreferredCiphers`, the binary receiver's `ciphers`): JSSE suite names only, every one enabled;
//    an OpenSSL name or keyword there is not understood.
import type { Suite } from './cipher-names';
import { classifyCipher, suggestCipher, type CipherName } from './cipher-classify';
import { jsseSuite } from './cipher-catalog';
import { isDirective, selectKeyword } from './openssl-ciphers';
import { splitList, type ListItem } from './protocol-lists';

export type CipherDialect = 'tomcat' | 'jsse';

export interface CipherToken extends ListItem {
  op: 'add' | 'remove' | 'delete' | 'order';
  /** The name or keyword without its operator. */
  body: string;
  kind: 'suite' | 'scsv' | 'keyword' | 'directive' | 'unknown';
  name?: CipherName;
  /** For an unknown token: what it should probably say, and why it is not understood. */
  suggestion?: string;
  problem?: string;
}

export interface EnabledSuite {
  suite: Suite;
  /** The token that put the suite in the list (a name, or a keyword such as HIGH). */
  token: CipherToken;
}

export interface CipherAnalysis {
  tokens: CipherToken[];
  enabled: EnabledSuite[];
  unknown: CipherToken[];
  /** Tomcat value written in OpenSSL syntax (colons, operators or keywords): fixed by appending exclusions. */
  openssl: boolean;
}

/** Splits a Tomcat/Synapse cipher string into items with offsets. */
export function splitCiphers(s: string, dialect: CipherDialect): ListItem[] {
  return splitList(s, dialect === 'tomcat' && s.includes(':') ? ':, ' : ',');
}

type TokenInfo = Omit<CipherToken, keyof ListItem>;

// What a written name means depends only on its text and the dialect; the suggestion for an unknown one is an edit
// distance against the whole catalog. A template is linted once per branch rendering (17 for the IS 7.0 chart) and a
// deployment.toml on every keystroke, with the same lists: remembered per (dialect, text), bounded.
const TOKEN_MEMO_MAX = 4096;
const tokenMemo = new Map<string, TokenInfo>();

function token(item: ListItem, dialect: CipherDialect): CipherToken {
  const key = `${dialect}\u0000${item.text}`;
  let info = tokenMemo.get(key);
  if (!info) {
    info = Object.freeze(classifyToken(item.text, dialect));
    if (tokenMemo.size >= TOKEN_MEMO_MAX) tokenMemo.clear();
    tokenMemo.set(key, info);
  }
  // Object.assign (both have fixed, known keys), not { ...item, ...info }: a second spread onto a copy takes Node 20's
  // slow path, 2–4 µs a token against ~0.2 µs (measured); one per cipher in every lint of a list.
  return Object.assign({}, item, info);
}

function classifyToken(text: string, dialect: CipherDialect): TokenInfo {
  const op = dialect === 'tomcat' ? ({ '!': 'delete', '-': 'remove', '+': 'order' } as const)[text[0] as '!' | '-' | '+'] : undefined;
  const body = op ? text.slice(1) : text;
  const t: TokenInfo = { op: op ?? 'add', body, kind: 'unknown' };
  const name = classifyCipher(body);
  if (name.syntax === 'scsv') return { ...t, kind: 'scsv', name };
  if (name.syntax === 'iana') return { ...t, kind: 'suite', name };
  if (name.syntax === 'keyword' && dialect === 'tomcat') return { ...t, kind: 'keyword', name };
  if (name.syntax === 'openssl') {
    if (dialect === 'tomcat') return { ...t, kind: 'suite', name };
    return { ...t, name, suggestion: name.suite?.iana, problem: 'is an OpenSSL name; JSSE expects the IANA name' };
  }
  if (dialect === 'tomcat' && isDirective(body)) return { ...t, kind: 'directive' };
  if (dialect === 'jsse' && (name.syntax === 'keyword' || /^[!+-]/.test(body))) {
    return { ...t, problem: 'is OpenSSL cipher-string syntax; JSSE expects suite names' };
  }
  return { ...t, suggestion: suggestCipher(body), problem: 'is not a cipher suite name' };
}

export function analyzeCiphers(items: readonly ListItem[], dialect: CipherDialect, colonSeparated = false): CipherAnalysis {
  const tokens = items.map((it) => token(it, dialect));
  const enabled = new Map<string, EnabledSuite>();
  const deleted = new Set<string>();
  for (const t of tokens) {
    let sel: Suite[] = [];
    if (t.kind === 'suite' && t.name?.suite) sel = [jsseSuite(t.name.suite.iana) ?? t.name.suite];
    else if (t.kind === 'keyword') sel = selectKeyword(t.body) ?? [];
    for (const s of sel) {
      if (t.op === 'add' && !deleted.has(s.iana) && !enabled.has(s.iana)) enabled.set(s.iana, { suite: s, token: t });
      else if (t.op === 'remove') enabled.delete(s.iana);
      else if (t.op === 'delete') { enabled.delete(s.iana); deleted.add(s.iana); }
    }
  }
  const openssl = dialect === 'tomcat' && tokens.some((t) => t.kind === 'keyword' || t.kind === 'directive' || t.op !== 'add') || (dialect === 'tomcat' && colonSeparated);
  return { tokens, enabled: [...enabled.values()], unknown: tokens.filter((t) => t.kind === 'unknown'), openssl };
}

// A written cipher string's analysis depends only on the string and the dialect (offsets are inside the string):
// remembered, bounded in count and size, and frozen so that no caller can change what the next one gets.
const ANALYSIS_MEMO_MAX = 256;
const ANALYSIS_MEMO_MAX_CHARS = 16 * 1024;
const analysisMemo = new Map<string, CipherAnalysis>();

/** Splits and analyses a cipher string. */
export function analyzeCipherString(s: string, dialect: CipherDialect): CipherAnalysis {
  if (s.length > ANALYSIS_MEMO_MAX_CHARS) return analyzeCiphers(splitCiphers(s, dialect), dialect, s.includes(':'));
  const key = `${dialect}\u0000${s}`;
  let a = analysisMemo.get(key);
  if (!a) {
    const fresh = analyzeCiphers(splitCiphers(s, dialect), dialect, s.includes(':'));
    for (const t of fresh.tokens) Object.freeze(t);
    for (const e of fresh.enabled) Object.freeze(e);
    a = Object.freeze({ tokens: Object.freeze(fresh.tokens), enabled: Object.freeze(fresh.enabled), unknown: Object.freeze(fresh.unknown), openssl: fresh.openssl }) as unknown as CipherAnalysis;
    if (analysisMemo.size >= ANALYSIS_MEMO_MAX) analysisMemo.clear();
    analysisMemo.set(key, a);
  }
  return a;
}
