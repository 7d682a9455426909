// Unquoted scalars: booleans, integers, floats, dates/times. The token is cut out with charCodeAt first; the anchored,
// non-nested patterns below then only ever see that one short token (never the file), so they cannot blow up.
import type { TomlValue } from './model';
import type { Source } from './source';
import * as source from './source';
import { Fault } from './source';

// Module-local copies: tsx/CommonJS interop turns imported bindings into getter calls, too slow per character.
const { COLON, SP, isDigit, isToken } = source;

const HEX_INT = /^0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*$/;
const OCT_INT = /^0o[0-7](?:_?[0-7])*$/;
const BIN_INT = /^0b[01](?:_?[01])*$/;
const FLOAT = /^[+-]?(?:0|[1-9](?:_?[0-9])*)(?:\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?$/;
const SPECIAL_FLOAT = /^[+-]?(?:inf|nan)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))?$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;

/**
 * The value of a decimal integer token (`^[+-]?(?:0|[1-9](?:_?[0-9])*)$`), or undefined when it is not one; by hand:
 * the regex run, the underscore replace and Number's conversion of each fresh token (ports, timeouts, pool sizes)
 * cost ~130 ns of an integer statement's ~450. Up to 15 digits the sum is exact (below 2^53), as Number's is;
 * longer tokens are left to Number, whose rounding this does not copy.
 */
function decimalInt(raw: string): number | undefined {
  const n = raw.length;
  let i = 0;
  let c = raw.charCodeAt(0);
  const negative = c === 45;
  if (c === 43 || c === 45) c = raw.charCodeAt(++i); // + -
  if (c === 48) return i + 1 === n ? (negative ? -0 : 0) : undefined; // 0 alone
  if (!(c >= 49 && c <= 57)) return undefined;
  let v = c - 48;
  let underscored = false;
  for (i++; i < n; i++) {
    c = raw.charCodeAt(i);
    if (c === 95) {
      // `_` only between two digits
      c = raw.charCodeAt(++i);
      underscored = true;
    }
    if (!(c >= 48 && c <= 57)) return undefined;
    v = v * 10 + (c - 48);
  }
  if (v > MAX_EXACT) return Number(underscored ? raw.replace(/_/g, '') : raw);
  return negative ? -v : v;
}

/** Largest sum of up to 15 digits: every step below it was exact. */
const MAX_EXACT = 999_999_999_999_999;

/** Longest token the patterns are run on; longer ones are never valid numbers or dates anyway. */
const MAX_TOKEN = 256;

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: string, m: string, d: string): boolean {
  const month = +m;
  const day = +d;
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]) return false;
  if (month === 2 && day === 29) {
    const year = +y;
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  }
  return true;
}

function validTime(h: string, m: string, s: string): boolean {
  return +h <= 23 && +m <= 59 && +s <= 60;
}

function isDateTime(tok: string): boolean {
  let m = DATE_TIME.exec(tok);
  if (m) {
    return validDate(m[1], m[2], m[3]) && validTime(m[4], m[5], m[6]) && (m[7] === undefined || (+m[7] <= 23 && +m[8] <= 59));
  }
  m = DATE.exec(tok);
  if (m) return validDate(m[1], m[2], m[3]);
  m = TIME.exec(tok);
  return m !== null && validTime(m[1], m[2], m[3]);
}

/** Scans the unquoted scalar at `i`. Throws a Fault for anything that is not one. */
export function scanScalar(s: Source, i: number): TomlValue {
  const t = s.text;
  let j = i;
  while (j < s.len && isToken(t.charCodeAt(j))) j++;
  // A date followed by a space and a time is one offset/local date-time (`1979-05-27 07:32:00Z`).
  if (
    j - i === 10 &&
    t.charCodeAt(j) === SP &&
    isDigit(t.charCodeAt(j + 1)) &&
    isDigit(t.charCodeAt(j + 2)) &&
    t.charCodeAt(j + 3) === COLON &&
    DATE.test(t.slice(i, j))
  ) {
    j++;
    while (j < s.len && isToken(t.charCodeAt(j))) j++;
  }
  if (j === i) {
    const what = s.describe(i);
    throw new Fault(s.at(i).start, s.at(i).end, what === 'end of line' || what === 'end of file' ? 'Expected a value' : `Expected a value, found ${what}`);
  }
  const raw = t.slice(i, j);
  const span = { start: i, end: j };
  if (raw === 'true' || raw === 'false') return { kind: 'boolean', span, raw, value: raw === 'true' };
  const c0 = raw.charCodeAt(0);
  if (raw.length <= MAX_TOKEN && (isDigit(c0) || c0 === 43 || c0 === 45 || c0 === 105 || c0 === 110)) {
    const dec = decimalInt(raw);
    if (dec !== undefined) return { kind: 'integer', span, raw, value: dec };
    if (HEX_INT.test(raw)) return { kind: 'integer', span, raw, value: parseInt(raw.slice(2).replace(/_/g, ''), 16) };
    if (OCT_INT.test(raw)) return { kind: 'integer', span, raw, value: parseInt(raw.slice(2).replace(/_/g, ''), 8) };
    if (BIN_INT.test(raw)) return { kind: 'integer', span, raw, value: parseInt(raw.slice(2).replace(/_/g, ''), 2) };
    if (SPECIAL_FLOAT.test(raw)) {
      const v = raw.endsWith('nan') ? NaN : raw.startsWith('-') ? -Infinity : Infinity;
      return { kind: 'float', span, raw, value: v };
    }
    if (FLOAT.test(raw)) return { kind: 'float', span, raw, value: Number(raw.replace(/_/g, '')) };
    if (isDigit(c0) && isDateTime(raw)) return { kind: 'datetime', span, raw, value: raw };
  }
  // The messages do not quote the token: it is often an unquoted password (`password = s3cret`), and messages are
  // printed, logged and uploaded (SARIF). The range already points at it.
  if ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 95) {
    throw new Fault(i, j, 'Invalid value: strings must be quoted ("…")');
  }
  throw new Fault(i, j, 'Invalid number or date');
}
