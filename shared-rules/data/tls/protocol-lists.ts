// The protocol-list syntaxes of the transports, parsed the way each runtime parses them, with each name's offsets.
//  - Tomcat `protocols` / `sslEnabledProtocols` (SSLHostConfig.setProtocols): tokens split before every ",", "+"
//    or "-"; "+X" adds, "-X" removes, ",X" and a bare "X" add; "all" is SSLv2Hello+TLSv1+TLSv1.1+TLSv1.2+TLSv1.3.
//  - Synapse `HttpsProtocols` (PassThrough, MI, internal API) and the binary receiver: a comma list or a TOML array
//    of names, each trimmed, all enabled.
import { protocolName, type Protocol } from './protocols';

/** Tomcat 9's SSL_PROTO_ALL_SET ("all"). */
export const TOMCAT_ALL: readonly Protocol[] = ['SSLv2Hello', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

export interface ListItem {
  /** The name as written (trimmed, without its +/- prefix). */
  text: string;
  /** Offsets of `text` inside the string that was parsed. */
  start: number;
  end: number;
}

export interface ProtocolToken extends ListItem {
  op: 'add' | 'remove';
  /** The protocol, 'all', or undefined for a name JSSE does not know. */
  name: Protocol | 'all' | undefined;
}

export interface ProtocolList {
  tokens: ProtocolToken[];
  /** The protocols the runtime ends up enabling, in the order they were added. */
  enabled: Protocol[];
  /** Tokens naming no known protocol (ignored by Tomcat, rejected by JSSE elsewhere). */
  unknown: ProtocolToken[];
}

function nameOf(text: string): Protocol | 'all' | undefined {
  return text.toLowerCase() === 'all' ? 'all' : protocolName(text);
}

function evaluate(tokens: ProtocolToken[]): ProtocolList {
  const set = new Set<Protocol>();
  for (const t of tokens) {
    const names = t.name === 'all' ? TOMCAT_ALL : t.name ? [t.name] : [];
    for (const n of names) {
      if (t.op === 'add') set.add(n);
      else set.delete(n);
    }
  }
  return { tokens, enabled: [...set], unknown: tokens.filter((t) => t.name === undefined) };
}

/** Tomcat's SSLHostConfig.setProtocols() grammar. */
export function parseTomcatProtocols(s: string): ProtocolList {
  const tokens: ProtocolToken[] = [];
  let pieceStart = 0;
  for (let i = 1; i <= s.length; i++) {
    if (i < s.length && !',+-'.includes(s[i])) continue;
    const piece = s.slice(pieceStart, i);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed.length > 1) {
      const prefix = ',+-'.includes(trimmed[0]) ? trimmed[0] : '';
      const body = trimmed.slice(prefix.length);
      const text = body.trim();
      const start = pieceStart + lead + prefix.length + (body.length - body.trimStart().length);
      tokens.push({ text, start, end: start + text.length, op: prefix === '-' ? 'remove' : 'add', name: nameOf(text) });
    }
    pieceStart = i;
  }
  return evaluate(tokens);
}

/** Splits a comma list into trimmed items with offsets (empty items dropped). */
export function splitList(s: string, separators = ','): ListItem[] {
  const out: ListItem[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && !separators.includes(s[i])) continue;
    const raw = s.slice(start, i);
    const text = raw.trim();
    if (text) {
      const at = start + (raw.length - raw.trimStart().length);
      out.push({ text, start: at, end: at + text.length });
    }
    start = i + 1;
  }
  return out;
}

/** Synapse/binary-receiver lists: every item is enabled ("all" is not a keyword there). */
export function parsePlainProtocols(items: readonly ListItem[]): ProtocolList {
  // Object.assign (an item's keys are fixed), not { ...it, op, name }: Node 20's slow path for a spread followed by new keys.
  return evaluate(items.map((it) => Object.assign({}, it, { op: 'add' as const, name: protocolName(it.text) })));
}
