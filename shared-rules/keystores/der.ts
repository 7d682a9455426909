// A minimal DER reader: enough to tell PKCS12 from other content and to read a certificate's signature algorithm
// and validity, which Node's X509Certificate does not expose (or not as dates) on Node 20.

export interface Tlv {
  tag: number;
  /** Offset of the content, and its end (exclusive). */
  start: number;
  end: number;
}

/** The TLV at `pos`, or undefined when it does not fit in `b` (truncated) or uses an indefinite length. */
export function readTlv(b: Uint8Array, pos: number, limit = b.length): Tlv | undefined {
  if (pos + 2 > limit) return undefined;
  const tag = b[pos];
  let len = b[pos + 1];
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[start + i];
    start += n;
  }
  const end = start + len;
  return end <= limit ? { tag, start, end } : undefined;
}

/** The children of a constructed TLV, in order; stops at the first one that does not fit. */
export function children(b: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let p = parent.start; p < parent.end; ) {
    const t = readTlv(b, p, parent.end);
    if (!t) break;
    out.push(t);
    p = t.end;
  }
  return out;
}

/** Dotted form of an OBJECT IDENTIFIER's content. */
export function oidText(b: Uint8Array, t: Tlv): string {
  const parts: number[] = [];
  let v = 0;
  for (let i = t.start; i < t.end; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** UTCTime (0x17) or GeneralizedTime (0x18) as a Date; undefined when malformed. */
export function timeValue(b: Uint8Array, t: Tlv): Date | undefined {
  const s = String.fromCharCode(...b.subarray(t.start, t.end));
  const m = (t.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/ : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/).exec(s);
  if (!m) return undefined;
  let year = Number(m[1]);
  // RFC 5280: a UTCTime year below 50 is 20YY.
  if (t.tag === 0x17) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
}
