// The hand-written decimal integer test in scalars.ts against the grammar it replaces (TOML 1.0 dec-int, as the
// regex below), on every token of up to five characters over the characters that matter, and on longer ones (the
// value is summed by hand up to 15 digits, left to Number past them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanScalar } from '../../../shared-rules/parsers/toml/scalars';
import { Source } from '../../../shared-rules/parsers/toml/source';

const DEC_INT = /^[+-]?(?:0|[1-9](?:_?[0-9])*)$/;

function scan(token: string): { kind: string; value: unknown } | 'fault' {
  try {
    const v = scanScalar(new Source(token, []), 0);
    return { kind: v.kind, value: v.value };
  } catch {
    return 'fault';
  }
}

function check(token: string): void {
  const got = scan(token);
  if (DEC_INT.test(token)) {
    assert.ok(got !== 'fault' && got.kind === 'integer', `${token}: an integer`);
    assert.ok(Object.is(got.value, Number(token.replace(/_/g, ''))), `${token}: its value (${String(got.value)})`);
  } else {
    // No x, o, b nor letters: nothing else can read it as an integer.
    assert.ok(got === 'fault' || got.kind !== 'integer', `${token}: not an integer`);
  }
}

test('decimal integers: every token of 1–5 characters over + - 0 1 9 _ . e is read as the dec-int grammar reads it', () => {
  const chars = ['+', '-', '0', '1', '9', '_', '.', 'e'];
  let tokens = [''];
  for (let len = 1; len <= 5; len++) {
    tokens = tokens.flatMap((t) => chars.map((c) => t + c));
    for (const t of tokens) check(t);
  }
});

test('decimal integers: long, signed, underscored and malformed tokens', () => {
  for (const t of ['999999999999999', '-999_999_999_999_999', '1000000000000000', '9007199254740993', '9_007_199_254_740_993', '123456789012345678901234', '-9_223_372_036_854_775_808', '+1_000', '-0', '+0', '00', '1__0', '_1', '1_', '-_1', '1_0_0', '0_1', '12a', '1:2']) check(t);
  assert.ok(Object.is((scan('-0') as { value: unknown }).value, -0));
  assert.deepEqual(scan('1_000'), { kind: 'integer', value: 1000 });
});

test('decimal integers: random digit strings of 1–24 digits, signed and underscored, read with Number\'s value', () => {
  let seed = 7;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 20000; k++) {
    let t = ['', '+', '-'][rnd(3)] + String(1 + rnd(9));
    const digits = rnd(24);
    for (let d = 0; d < digits; d++) t += (rnd(5) === 0 ? '_' : '') + String(rnd(10));
    check(t);
  }
});
