// G08 for one transport: the protocol lists written for it (every alias), or the shipped default when none is,
// judged against settings.tls.minimumVersion. One finding per transport, with one fix covering every list.
import type { RuleContext, Severity } from '../../engine/rule';
import type { OffsetEdit, Span } from '../../engine/text';
import { listNames, meetsMinimum, protocolName, protocolVerdict, recommendedProtocols, sortProtocols, suggestProtocol, type Protocol } from '../../data/tls/protocols';
import { parsePlainProtocols, parseTomcatProtocols, splitList, type ProtocolList } from '../../data/tls/protocol-lists';
import type { TlsVersion } from '../../engine/settings';
import type { TomlEntry } from '../../parsers/toml/model';
import { insertKey, keyInsertionPoint, literalString, replaceValue, writtenKey } from './toml';
import { allEdits, keyInSection, renderArray, rewriteStringList, sourceList, type SourceList } from './tls-toml';
import { isFullDeployment } from './scope';
import { oneLine } from './message';
import { transportLabel, type ApplicableTransport, type ProtocolKey, type ProtocolSyntax } from './tls-transports';

interface Written {
  key: ProtocolKey;
  list: SourceList;
  parsed: ProtocolList;
  bad: Protocol[];
}

function parse(text: string, key: ProtocolKey, entry: TomlEntry): { list: SourceList; parsed: ProtocolList } | undefined {
  const tomcat = key.syntax === 'tomcat-plus' || key.syntax === 'tomcat-comma';
  const list = sourceList(text, entry, (s) => (tomcat ? parseTomcatProtocols(s).tokens : splitList(s)));
  if (!list) return undefined;
  const parsed = tomcat && list.kind === 'string' ? parseTomcatProtocols(list.text) : parsePlainProtocols(list.items);
  return { list, parsed };
}

/** "TLSv1 and TLSv1.1 (deprecated, RFC 8996)"; "SSLv3 (broken)"; "TLSv1.2 (below the minimum TLSv1.3)". */
export function describeProtocols(bad: readonly Protocol[], minimum: TlsVersion): string {
  const groups: Array<[string, Protocol[]]> = [
    ['broken', bad.filter((p) => protocolVerdict(p, minimum) === 'broken')],
    ['deprecated, RFC 8996', bad.filter((p) => protocolVerdict(p, minimum) === 'deprecated')],
    [`below the configured minimum ${minimum}`, bad.filter((p) => protocolVerdict(p, minimum) === 'below-minimum')],
  ];
  return groups.filter(([, ps]) => ps.length > 0).map(([why, ps]) => `${listNames(ps)} (${why})`).join(', ');
}

function severityOf(bad: readonly Protocol[], minimum: TlsVersion): Severity {
  return bad.some((p) => protocolVerdict(p, minimum) === 'broken') ? 'error' : 'warning';
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
const max = (a: Severity, b: Severity): Severity => (RANK[a] <= RANK[b] ? a : b);

/** The list a key should hold, written in that key's syntax. */
export function renderProtocols(names: readonly Protocol[], syntax: ProtocolSyntax): string {
  if (syntax === 'tomcat-plus') return JSON.stringify(names.map((n) => `+${n}`).join(', '));
  if (syntax === 'array') return renderArray(names);
  return JSON.stringify(names.join(','));
}

function rewrite(w: Written, names: Protocol[]): OffsetEdit {
  const { entry } = w.list;
  if (w.list.kind === 'array') return replaceValue(entry, renderArray(names, entry.value));
  // Removal syntax ("all, -TLSv1") cannot keep its shape: write the plain "+A, +B" form.
  // So does a one-name Tomcat list (no separator to copy): it becomes "+A, +B".
  const reshaped = w.parsed.tokens.some((t) => t.op === 'remove' || t.name === 'all') || (w.key.syntax === 'tomcat-plus' && names.length > 1 && w.list.items.length < 2);
  if (reshaped) return replaceValue(entry, renderProtocols(names, w.key.syntax === 'tomcat-plus' ? 'tomcat-plus' : 'comma'));
  return rewriteStringList(w.list, names);
}

function unknownText(list: ProtocolList): string {
  return list.unknown.map((t) => {
    const s = suggestProtocol(t.text);
    return s ? `"${oneLine(t.text)}" (did you mean ${s}?)` : `"${oneLine(t.text)}"`;
  }).join(', ');
}

export function checkTransportProtocols(ctx: RuleContext<'toml'>, t: ApplicableTransport): void {
  const { config } = ctx.model;
  const min = ctx.settings.tls.minimumVersion;
  const spec = t.spec;
  const written: Written[] = [];
  let effectiveWritten = false;
  let ineffectiveEntry: Span | undefined;
  for (const key of spec.protocolKeys) {
    const entry = config.get(key.path);
    if (!entry) continue;
    if (key.ineffective) ineffectiveEntry ??= entry.keySpan;
    else effectiveWritten = true; // even a template or placeholder: its value is not ours to judge
    const p = parse(ctx.text, key, entry);
    if (!p) continue;
    const bad = p.parsed.enabled.filter((x) => !meetsMinimum(x, min));
    written.push({ key, list: p.list, parsed: p.parsed, bad });
  }
  // A list the runtime ignores matters only while nothing effective is written (the user thinks it applies).
  const flagged = written.filter((w) => (w.bad.length > 0 || w.parsed.unknown.length > 0) && !(effectiveWritten && w.key.ineffective));
  const defaults = !effectiveWritten && t.runs && isFullDeployment(ctx) ? spec.defaultProtocols?.(ctx.product) : undefined;
  // Loops, not `(defaults ?? []).map(…).filter(…)` and `keys.map(…).find(…)`: those arrays come empty or not, with
  // other array elements each way, and meeting a new kind late threw this optimised function away ~4 times a run.
  const defaultBad: Protocol[] = [];
  if (defaults) {
    for (const d of defaults) {
      const p = protocolName(d);
      if (p !== undefined && !meetsMinimum(p, min)) defaultBad.push(p);
    }
  }
  let sslProtocol: TomlEntry | undefined;
  for (const k of spec.sslProtocolKeys) {
    const e = config.get(k);
    if (/^SSL/i.test(literalString(e?.value) ?? '')) {
      sslProtocol = e;
      break;
    }
  }
  if (flagged.length === 0 && defaultBad.length === 0 && !sslProtocol) return;

  const recommended = recommendedProtocols(min);
  const parts: string[] = [];
  const related: Array<{ span: Span; message: string }> = [];
  const edits: Array<OffsetEdit | undefined> = [];
  let severity = 'info' as Severity;
  let fixable = true;
  for (const w of flagged) {
    const name = writtenKey(w.list.entry);
    const says = `\`${name} = ${oneLine(w.list.entry.value.raw)}\``;
    if (w.bad.length > 0) {
      const note = w.key.ineffective && defaultBad.length === 0 ? ` (and ${w.key.ineffective})` : '';
      parts.push(`${says} enables ${describeProtocols(w.bad, min)}${note}`);
      severity = max(severity, severityOf(w.bad, min));
    }
    if (w.parsed.unknown.length > 0) {
      parts.push(`${says} names ${unknownText(w.parsed)}, which ${w.key.syntax.startsWith('tomcat') ? 'Tomcat ignores' : 'JSSE rejects'}: use JSSE names (${recommended.join(', ')})`);
      severity = max(severity, 'warning');
      fixable = false;
    }
    // A bare lint keeps only the message and place (its caller throws related places and fixes away).
    if (ctx.bare) continue;
    w.list.items.forEach((it, i) => {
      const p = protocolName(it.text);
      if (p && w.bad.includes(p)) related.push({ span: w.list.spans[i], message: `${p}: ${describeProtocols([p], min)}` });
    });
    const keep = sortProtocols(w.parsed.enabled.filter((x) => meetsMinimum(x, min)));
    if (w.bad.length > 0) edits.push(rewrite(w, keep.length > 0 ? keep : recommended));
  }
  const first = spec.protocolKeys[0];
  const section = first.section ?? first.path.slice(0, -1);
  if (defaultBad.length > 0) {
    const shipped = spec.defaultProtocolsText?.(ctx.product) ?? (defaults ?? []).join(',');
    const where = keyInSection(first.path, section);
    const ignored = written.find((w) => w.key.ineffective);
    parts.push(`\`${where}\` is not set${ignored ? ` (${ignored.key.ineffective})` : ''}, so the shipped default "${shipped}" enables ${describeProtocols(defaultBad, min)}`);
    severity = max(severity, severityOf(defaultBad, min));
    if (!ctx.bare) edits.push(insertKey(ctx.text, config, first.path, renderProtocols(recommended, first.syntax), section));
  }
  if (sslProtocol) {
    parts.push(`\`${writtenKey(sslProtocol)} = ${oneLine(sslProtocol.value.raw)}\` names SSL as the SSLContext protocol; write "TLS"`);
    edits.push(replaceValue(sslProtocol, '"TLS"'));
  }
  const all = fixable && !ctx.bare ? allEdits(edits) : undefined;
  const anchor = flagged[0]?.list.entry.value.span ?? (defaultBad.length > 0 ? ineffectiveEntry ?? keyInsertionPoint(config, first.path, section).reportSpan : sslProtocol!.value.span);
  ctx.report({
    span: anchor,
    severity,
    message: `${transportLabel(spec, config, ctx.product.product)}: ${parts.join('; ')}.${flagged.length > 0 || defaultBad.length > 0 ? ` Allow only ${listNames(recommended)}.` : ''}`,
    related: related.length > 0 ? related : undefined,
    fix: all ? { title: `Allow only ${min} and later on the ${transportLabel(spec, config, ctx.product.product)}`, edits: all, safe: false } : undefined,
  });
}
