// G08/G09 for one transport's cipher lists: each suite the list enables (names, or what OpenSSL keywords select in
// Tomcat) is judged by the classifier; names nobody knows get a finding of their own. One finding per transport.
// The fix removes broken and weak suites (and CBC ones while an AEAD suite remains), never emptying the list;
// for a Tomcat OpenSSL-syntax string it appends exclusions (":!RC4:!kRSA…") instead.
import type { RuleContext, Severity } from '../../engine/rule';
import type { OffsetEdit, Span } from '../../engine/text';
import type { TlsVersion } from '../../engine/settings';
import { analyzeCipherString, analyzeCiphers, splitCiphers, type CipherAnalysis, type CipherToken, type EnabledSuite } from '../../data/tls/cipher-lists';
import { suiteVerdict, weaknesses, worse, type Verdict } from '../../data/tls/cipher-classify';
import { RECOMMENDED_TLS12_CIPHERS, RECOMMENDED_TLS13_CIPHERS } from '../../data/tls/defaults';
import { insertKey, keyInsertionPoint, replaceValue, writtenKey } from './toml';
import { keyInSection, renderArray, rewriteStringList, sourceList, type SourceList } from './tls-toml';
import { isFullDeployment } from './scope';
import { oneLine } from './message';
import { transportLabel, transportsFor, type ApplicableTransport, type TransportId } from './tls-transports';
import { keyNames, serverKeys, splitByKey, type KeyKind, type ServerKeys } from './cipher-keys';

/** Transports where this server presents its own key (listeners): what it negotiates depends on that key. */
const LISTENERS: ReadonlySet<TransportId> = new Set<TransportId>(['tomcat', 'passthru-listener', 'binary-receiver', 'mi-listener']);
const RSA_ONLY: ReadonlySet<KeyKind> = new Set<KeyKind>(['rsa']);

/**
 * What a listener's list really enables, with its key type: the negotiable suites' weaknesses first; the suites
 * its key cannot negotiate are named as such (known key) or as what a DSA/EC key would add (unknown key, RSA assumed).
 */
function describeForKey(enabled: readonly EnabledSuite[], keys: ServerKeys | undefined, compact: boolean): { text: string; worst: Verdict } {
  const { real, other } = splitByKey(enabled, keys?.kinds ?? RSA_ONLY);
  const mine = describeSuites(real, compact);
  // Only what is worse than the negotiable suites' worst is worth a word (a few more CBC suites are not).
  const worseOther = other.filter((e) => { const v = suiteVerdict(e.suite); return v !== mine.worst && worse(v, mine.worst) === v; });
  const rest = describeSuites(worseOther, compact);
  // Counts are of the suites the key can negotiate: say which key when the list holds others.
  const head = keys || other.length === 0 || !mine.text ? mine.text : `${mine.text} with an RSA key (as shipped)`;
  if (!SEVERITY[rest.worst]) return { text: head, worst: mine.worst };
  const text = keys
    ? `${head}${head ? ' ' : ''}(with the ${keyNames(keys.kinds)} in ${keys.store}, the list's ${rest.text} can never be negotiated)`
    : `${head}${head ? '; ' : ''}if the key were DSA or EC, also ${rest.text}`;
  return { text, worst: mine.worst };
}

const SEVERITY: Partial<Record<Verdict, Severity>> = { broken: 'error', weak: 'warning', discouraged: 'info' };
const REMOVED: ReadonlySet<Verdict> = new Set<Verdict>(['broken', 'weak']);

/** Forward-secret AEAD suites for a list that is missing or would end up empty. */
export function recommendedCiphers(minimum: TlsVersion): string[] {
  return minimum === 'TLSv1.3' ? [...RECOMMENDED_TLS13_CIPHERS] : [...RECOMMENDED_TLS13_CIPHERS, ...RECOMMENDED_TLS12_CIPHERS];
}

interface Analyzed {
  list: SourceList;
  analysis: CipherAnalysis;
}

/**
 * "RC4: A, B; no forward secrecy: C, D, E and 4 more (selected by HIGH); CBC (…): F", worst class first.
 * `compact` gives counts with one example (for shipped defaults, which select dozens of suites).
 */
export function describeSuites(enabled: readonly EnabledSuite[], compact = false): { text: string; worst: Verdict } {
  const groups = new Map<string, { cls: Verdict; names: string[]; via: Set<string> }>();
  let worst: Verdict = 'ok';
  for (const e of enabled) {
    // Each suite is named once, under the first reason of its worst class (RC4+MD5+no-PFS → "RC4").
    const all = weaknesses(e.suite);
    const w = all.find((x) => x.cls === all.reduce<Verdict>((v, y) => worse(v, y.cls), 'ok'));
    if (w) {
      const g = groups.get(w.reason) ?? { cls: w.cls, names: [], via: new Set<string>() };
      g.names.push(e.token.kind === 'suite' ? e.token.body : e.suite.iana);
      if (e.token.kind !== 'suite') g.via.add(e.token.text);
      groups.set(w.reason, g);
      worst = worse(worst, w.cls);
    }
  }
  const order: Verdict[] = ['broken', 'weak', 'discouraged'];
  const text = [...groups.entries()]
    .sort((a, b) => order.indexOf(a[1].cls) - order.indexOf(b[1].cls))
    .map(([reason, g]) => {
      const via = g.via.size > 0 ? ` (selected by ${[...g.via].join(', ')})` : '';
      if (compact) return `${reason}: ${g.names.length === 1 ? g.names[0] : `${g.names.length} suites such as ${g.names[0]}`}${via}`;
      return `${reason}: ${g.names.slice(0, 3).join(', ')}${g.names.length > 3 ? ` and ${g.names.length - 3} more` : ''}${via}`;
    })
    .join('; ');
  return { text, worst };
}

// OpenSSL exclusions that remove a weakness from a Tomcat cipher string.
const EXCLUDE: Record<string, string[]> = {
  'NULL encryption': ['!eNULL'], 'anonymous (no authentication)': ['!aNULL'], 'EXPORT grade': ['!EXPORT'], DES: ['!DES'],
  '3DES': ['!3DES'], RC4: ['!RC4'], RC2: ['!RC2'], 'IDEA (64-bit block)': ['!IDEA'], MD5: ['!MD5'], 'DSS (1024-bit keys)': ['!aDSS'],
};

function exclusionsFor(enabled: readonly EnabledSuite[]): string[] {
  const out = new Set<string>();
  for (const e of enabled) {
    for (const w of weaknesses(e.suite)) {
      if (w.cls === 'discouraged') continue;
      if (w.reason === 'no forward secrecy') out.add(({ RSA: '!kRSA', DH: '!kDH', ECDH: '!kECDH', PSK: '!PSK', RSA_PSK: '!PSK', KRB5: '!KRB5' } as Record<string, string>)[e.suite.kx] ?? '!kRSA');
      else for (const x of EXCLUDE[w.reason] ?? []) out.add(x);
    }
  }
  return [...out];
}

function isReal(t: CipherToken): boolean {
  return t.kind === 'suite' || t.kind === 'keyword';
}

/**
 * The fix for one written list, or undefined when it would leave no usable suite. `decideOnly` (a bare lint, which
 * throws fixes away): true where there is one, its text not built — the finding's message still says which.
 */
function fixList(a: Analyzed, dialect: 'tomcat' | 'jsse', decideOnly = false): OffsetEdit | true | undefined {
  const { list, analysis } = a;
  const { entry } = list;
  const v = entry.value;
  if (analysis.openssl) {
    if (list.kind !== 'string') return undefined;
    const excl = exclusionsFor(analysis.enabled);
    if (excl.length === 0) return undefined;
    const appended = `${list.text.trimEnd()}:${excl.join(':')}`;
    const after = analyzeCipherString(appended, dialect);
    if (after.enabled.length === 0 || after.enabled.some((e) => REMOVED.has(suiteVerdict(e.suite)))) return undefined;
    const end = list.spans[list.spans.length - 1];
    const exact = end.start !== v.span.start || end.end !== v.span.end;
    return exact ? { start: end.end, end: end.end, newText: `:${excl.join(':')}` } : replaceValue(entry, JSON.stringify(appended));
  }
  const verdictOf = (t: CipherToken) => (t.name?.suite ? suiteVerdict(t.name.suite) : t.name?.verdict ?? 'unknown');
  let keep = analysis.tokens.filter((t) => !REMOVED.has(verdictOf(t)));
  if (keep.some((t) => isReal(t) && verdictOf(t) === 'ok')) keep = keep.filter((t) => verdictOf(t) !== 'discouraged');
  if (!keep.some(isReal) || keep.length === analysis.tokens.length) return undefined;
  if (decideOnly) return true;
  const names = keep.map((t) => t.text);
  if (list.kind === 'array') return replaceValue(entry, renderArray(names, v));
  return rewriteStringList(list, names);
}

function reportUnknown(ctx: RuleContext<'toml'>, list: SourceList, analysis: CipherAnalysis): void {
  analysis.tokens.forEach((t, i) => {
    if (t.kind !== 'unknown') return;
    const hint = t.suggestion ? ` (did you mean ${t.suggestion}?)` : '';
    ctx.report({
      span: list.spans[i],
      severity: 'warning',
      message: `"${oneLine(t.body)}" ${t.problem ?? 'is not a cipher suite name'}${hint}: the runtime ignores or rejects it, so it protects nothing. Correct or remove it.`,
    });
  });
}

// A written string list's analysis is remembered per text (cipher-lists.ts), and a template's renderings and every
// keystroke ask about the same lists: what is derived from an analysis alone is remembered with it (weakly: an array
// list's analysis is new every lint and goes with it).
interface Derived {
  /** Per (key kinds, store), '' for no known key: the list described as its finding says. */
  byKey: Map<string, { text: string; worst: Verdict }>;
  /** The related messages, by token index: each token that enables weak suites, with their reasons. */
  related?: ReadonlyArray<readonly [number, string]>;
}

const derivedMemo = new WeakMap<CipherAnalysis, Derived>();

function derived(analysis: CipherAnalysis): Derived {
  let d = derivedMemo.get(analysis);
  if (!d) derivedMemo.set(analysis, (d = { byKey: new Map() }));
  return d;
}

function keyId(keys: ServerKeys | undefined): string {
  return keys ? `${[...keys.kinds].join(',')}\u0000${keys.store}` : '';
}

/** A written list described by the key when it is known (listing DSS suites is then harmless but said so). */
function writtenDescription(analysis: CipherAnalysis, keys: ServerKeys | undefined): { text: string; worst: Verdict } {
  const { byKey } = derived(analysis);
  const id = keyId(keys);
  let r = byKey.get(id);
  if (!r) {
    r = Object.freeze(keys ? describeForKey(analysis.enabled, keys, false) : describeSuites(analysis.enabled));
    if (byKey.size >= 64) byKey.clear(); // store names are paths: bounded all the same
    byKey.set(id, r);
  }
  return r;
}

/** "TOKEN: reason, reason" for each token whose suites have weaknesses, by token index; one pass over the suites. */
function relatedMessages(analysis: CipherAnalysis): ReadonlyArray<readonly [number, string]> {
  const d = derived(analysis);
  if (!d.related) {
    const reasons = new Map<CipherToken, string[]>();
    for (const e of analysis.enabled) {
      const ws = weaknesses(e.suite);
      if (ws.length === 0) continue;
      let l = reasons.get(e.token);
      if (!l) reasons.set(e.token, (l = []));
      for (const w of ws) l.push(w.reason);
    }
    const out: Array<readonly [number, string]> = [];
    analysis.tokens.forEach((tok, i) => {
      const l = reasons.get(tok);
      if (l) out.push(Object.freeze([i, `${tok.text}: ${[...new Set(l)].join(', ')}`] as const));
    });
    d.related = Object.freeze(out);
  }
  return d.related;
}

/** Checks the cipher lists of the product's transports among `ids` (the transports a rule speaks for). */
export function checkCiphersOf(ctx: RuleContext<'toml'>, ids: ReadonlySet<TransportId>): void {
  for (const t of transportsFor(ctx.product, ctx.fileName)) {
    if (ids.has(t.spec.id)) checkTransportCiphers(ctx, t);
  }
}

interface ShippedAnalysis {
  text: string;
  worst: Verdict;
  /** IANA names of the list's suites judged ok, in list order. */
  good: readonly string[];
  enabled: readonly EnabledSuite[];
  /** A listener's description of the list by the key it serves (describeForKey, compact), per key kinds and store. */
  byKey: Map<string, { text: string; worst: Verdict }>;
}

/**
 * describeForKey of a shipped list, remembered with the list's analysis: it depends only on the list, the key kinds
 * (in their order: the message names them so) and the store's name, and every deployment.toml without a cipher list
 * asked for it again (3% of a plain TOML lint). At most a few entries per list: the key kinds are RSA, DSA, EC.
 */
function shippedForKey(info: ShippedAnalysis, keys: ServerKeys | undefined): { text: string; worst: Verdict } {
  const id = keyId(keys);
  let r = info.byKey.get(id);
  if (!r) {
    r = Object.freeze(describeForKey(info.enabled, keys, true));
    if (info.byKey.size >= 64) info.byKey.clear(); // store names are paths: bounded all the same
    info.byKey.set(id, r);
  }
  return r;
}

// Shipped default lists are module constants and their analysis depends only on the list and the dialect (not on
// settings such as tls.minimumVersion, which only choose the recommended replacement): analyse each once.
const shippedMemo = new Map<readonly string[] | string, Map<string, ShippedAnalysis>>();

function shippedAnalysis(shipped: readonly string[] | string, dialect: ApplicableTransport['spec']['cipherDialect']): ShippedAnalysis {
  let byDialect = shippedMemo.get(shipped);
  if (!byDialect) shippedMemo.set(shipped, (byDialect = new Map()));
  let r = byDialect.get(dialect);
  if (!r) {
    const a = typeof shipped === 'string' ? analyzeCipherString(shipped, dialect) : analyzeCiphers(shipped.map((s, i) => ({ text: s, start: i, end: i })), dialect);
    const { text, worst } = describeSuites(a.enabled, true);
    const good = Object.freeze(a.enabled.filter((e) => suiteVerdict(e.suite) === 'ok').map((e) => e.suite.iana));
    r = { text, worst, good, enabled: a.enabled, byKey: new Map() };
    byDialect.set(dialect, r);
  }
  return r;
}

/** One transport's lists; a missing list (its shipped default) is reported when the product runs the transport. */
function checkTransportCiphers(ctx: RuleContext<'toml'>, t: ApplicableTransport): void {
  const { config } = ctx.model;
  const spec = t.spec;
  const dialect = spec.cipherDialect;
  const min = ctx.settings.tls.minimumVersion;
  const analyzed: Analyzed[] = [];
  let written = false;
  for (const path of spec.cipherKeys) {
    const entry = config.get(path);
    if (!entry) continue;
    written = true;
    const list = sourceList(ctx.text, entry, (s) => splitCiphers(s, dialect));
    if (!list) continue;
    const analysis = list.kind === 'string' ? analyzeCipherString(list.text, dialect) : analyzeCiphers(list.items, dialect);
    reportUnknown(ctx, list, analysis);
    analyzed.push({ list, analysis });
  }
  const recommended = recommendedCiphers(min);
  const listener = LISTENERS.has(spec.id);
  const keys = listener ? serverKeys(ctx) : undefined;
  for (const a of analyzed) {
    // A written list is judged by key only when the key is known: listing DSS suites is then harmless but said so.
    const { text, worst } = writtenDescription(a.analysis, keys);
    if (!SEVERITY[worst]) continue;
    const key = writtenKey(a.list.entry);
    const edit = a.list.literal ? fixList(a, dialect, ctx.bare) : undefined;
    const advice = edit ? 'Remove them'
      : worst === 'discouraged' ? `Prefer AEAD suites such as "${recommended.join(',')}"`
      : `Remove them; as no usable suite would remain, write a list such as "${recommended.join(',')}"`;
    const related: Array<{ span: Span; message: string }> | undefined = ctx.bare ? undefined : relatedMessages(a.analysis).map(([i, message]) => ({ span: a.list.spans[i], message }));
    ctx.report({
      span: a.list.entry.value.span,
      severity: SEVERITY[worst],
      message: `${transportLabel(spec, config, ctx.product.product)}: \`${key}\` enables cipher suites the guideline advises against — ${text}. ${advice}.`,
      related,
      fix: edit && edit !== true ? { title: `Remove the weak cipher suites from ${key}`, edits: [edit], safe: false } : undefined,
    });
  }
  const shipped = spec.defaultCiphers;
  if (written || !shipped || !t.runs || !isFullDeployment(ctx)) return;
  const first = spec.cipherKeys[0];
  const section = spec.cipherSection ?? first.slice(0, -1);
  const where = keyInSection(first, section);
  const render = (names: readonly string[]) => (first[first.length - 1] === 'ciphers' && spec.cipherDialect === 'jsse' ? renderArray(names) : JSON.stringify(names.join(',')));
  let message: string;
  let severity: Severity;
  let insert: readonly string[] = recommended;
  if (shipped === 'jvm') {
    severity = 'warning';
    message = `\`${where}\` is not set, so every suite the JVM enables is accepted — on JDK 8–17 that includes suites without forward secrecy (TLS_RSA_WITH_AES_*) and CBC suites`;
  } else {
    const shippedInfo = shippedAnalysis(shipped, dialect);
    const { good } = shippedInfo;
    const { text, worst } = listener ? shippedForKey(shippedInfo, keys) : shippedInfo;
    if (!SEVERITY[worst]) return;
    severity = SEVERITY[worst]!;
    message = `\`${where}\` is not set, so the shipped default${typeof shipped === 'string' ? ` "${shipped}"` : ''} enables ${text}`;
    // Keep the shipped list's good suites when there are some: the server's key type is known to work with them.
    if (typeof shipped !== 'string' && good.length > 0) insert = good;
  }
  const edit = ctx.bare ? undefined : insertKey(ctx.text, config, first, render(insert), section);
  ctx.report({
    span: keyInsertionPoint(config, first, section).reportSpan,
    severity,
    message: `${transportLabel(spec, config, ctx.product.product)}: ${message}. Set it to forward-secret AEAD suites.`,
    fix: edit ? { title: `Set ${where} to forward-secret AEAD suites`, edits: [edit], safe: false } : undefined,
  });
}
