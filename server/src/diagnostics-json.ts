// The JSON of an open document's diagnostics, kept from one publication to the next (stdio only, see frame-writer.ts).
// A keystroke changes one or two of a file's diagnostics, yet each publication stringified the whole message again:
// for the §2 file (27 diagnostics, 18 KB) ~75 µs of JSON.stringify and UTF-8 encoding and 74 KB of garbage per
// keystroke — one dash in one message makes the whole JSON a two-byte string. Here a diagnostic equal to one of the
// document's previous publication (same keys in the same order, same values: what makes JSON.stringify write the
// same bytes) is replaced by that earlier copy, whose UTF-8 JSON was kept; the frame is those bytes copied.
// The copies are this module's own (parsed from the JSON they were written as), frozen, and only ever published:
// the bytes cannot go stale, and nothing has to be invalidated — a changed diagnostic is simply not equal.
import type { Diagnostic, Message } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';
/** A kept copy → its JSON in UTF-8. */
const bytesOf = new WeakMap<object, Buffer>();

export class DiagnosticsJson {
  /** uri → the kept copies of its last publication, in order. */
  private last = new Map<string, Diagnostic[]>();

  /** The list to publish for `uri`: each diagnostic, or an equal kept copy of it (with its bytes). */
  reuse(uri: string, next: readonly Diagnostic[]): Diagnostic[] {
    const before = this.last.get(uri) ?? [];
    // Mostly in the same order as before; a line added above shifts every range (nothing is equal then anyway).
    let byMessage: Map<unknown, Diagnostic[]> | undefined;
    const out = next.map((d, i) => {
      if (i < before.length && sameJson(before[i], d)) return before[i];
      byMessage ??= group(before);
      return byMessage.get(d.message)?.find((k) => sameJson(k, d)) ?? keep(d);
    });
    this.last.set(uri, out);
    return out;
  }

  /** The document was closed: its copies go. */
  forget(uri: string): void {
    this.last.delete(uri);
  }

  get size(): number {
    return this.last.size;
  }
}

/** By message (a MarkupContent message never matches a new object: kept anew). */
function group(list: readonly Diagnostic[]): Map<unknown, Diagnostic[]> {
  const m = new Map<unknown, Diagnostic[]>();
  for (const d of list) {
    const same = m.get(d.message);
    if (same) same.push(d);
    else m.set(d.message, [d]);
  }
  return m;
}

function keep(d: Diagnostic): Diagnostic {
  const json = JSON.stringify(d);
  const copy = deepFreeze(JSON.parse(json) as Diagnostic);
  bytesOf.set(copy, Buffer.from(json, 'utf8'));
  return copy;
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** The keys of a kept copy (frozen: they never change), in order. */
const keysOf = new WeakMap<object, string[]>();

/** True when JSON.stringify writes `a` (a kept copy) and `b` the same: plain JSON data, keys compared in order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || Number.isFinite(a); // ±Infinity and NaN would write null: never kept
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  // A kept copy has no toJSON, no undefined values and only plain prototypes: anything else is simply not equal.
  if (Array.isArray(b) || Object.getPrototypeOf(b) !== Object.prototype) return false;
  let ka = keysOf.get(a);
  if (!ka) keysOf.set(a, (ka = Object.keys(a)));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let i = 0;
  // for…in: b's own keys in Object.keys order (and an inherited enumerable one, if any, is a difference too).
  for (const k in y) if (k !== ka[i++] || !sameJson(x[k], y[k])) return false;
  return i === ka.length;
}

/**
 * The frame (`header(bodyBytes)` and the UTF-8 body) of a publishDiagnostics message whose diagnostics are all kept
 * copies, from their bytes; undefined for any other message (then it is stringified as usual). Only the exact shape
 * vscode-jsonrpc sends is taken — the keys of the message and of its params in that order — so the body is the
 * bytes JSON.stringify(msg) would write.
 */
export function publishFrame(msg: Message, header: (bodyBytes: number) => string): Buffer | undefined {
  const m = msg as unknown as { method?: unknown; params?: { uri?: unknown; version?: unknown; diagnostics?: unknown } };
  if (m.method !== PUBLISH || !m.params || !Array.isArray(m.params.diagnostics)) return undefined;
  const keys = Object.keys(m).join();
  const pkeys = Object.keys(m.params).join();
  if (keys !== 'jsonrpc,method,params' || (pkeys !== 'uri,version,diagnostics' && pkeys !== 'uri,diagnostics')) return undefined;
  if (typeof m.params.uri !== 'string' || (pkeys.includes('version') && !Number.isSafeInteger(m.params.version))) return undefined;
  const parts: Buffer[] = [];
  for (const d of m.params.diagnostics as unknown[]) {
    const b = typeof d === 'object' && d !== null ? bytesOf.get(d) : undefined;
    if (!b) return undefined;
    parts.push(b);
  }
  // The same message with no diagnostics ends in `[]}}`: the kept bytes go between the brackets, comma-separated.
  const empty = JSON.stringify({ ...m, params: { ...m.params, diagnostics: [] } });
  const open = Buffer.from(empty.slice(0, -3), 'utf8');
  let length = open.length + 3 + Math.max(0, parts.length - 1);
  for (const p of parts) length += p.length;
  const head = header(length);
  const frame = Buffer.allocUnsafe(head.length + length);
  let at = frame.write(head, 0, 'ascii');
  at += open.copy(frame, at);
  parts.forEach((p, i) => {
    if (i > 0) frame[at++] = 0x2c; // ,
    at += p.copy(frame, at);
  });
  frame.write(']}}', at, 'ascii');
  return frame;
}
