import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertLinear } from '../../helpers/linear';
import type { Span } from '../../../shared-rules/engine/text';
import { parseProperties } from '../../../shared-rules/parsers/properties/parse';

const at = (text: string, s: Span): string => text.slice(s.start, s.end);

/** key, value, and the source text of keySpan / valueSpan / span for every entry. */
function view(text: string) {
  return parseProperties(text).entries.map((e) => ({
    key: e.key,
    value: e.value,
    keyText: at(text, e.keySpan),
    valueText: at(text, e.valueSpan),
    spanText: at(text, e.span),
  }));
}

test('key=value with exact spans', () => {
  const text = 'appender.A.type = RollingFile\nrootLogger.level=INFO\n';
  const d = parseProperties(text);
  assert.equal(d.entries.length, 2);
  const [a, b] = d.entries;
  assert.deepEqual(a.keySpan, { start: 0, end: 15 });
  assert.deepEqual(a.valueSpan, { start: 18, end: 29 });
  assert.deepEqual(a.span, { start: 0, end: 29 });
  assert.equal(a.value, 'RollingFile');
  assert.equal(at(text, b.keySpan), 'rootLogger.level');
  assert.equal(at(text, b.valueSpan), 'INFO');
});

test('separators: =, :, whitespace, with blanks around them', () => {
  assert.deepEqual(
    view('a=1\nb:2\nc 3\nd = 4\ne : 5\nf\t\t6\ng \t=\t 7\nh==8\ni = = 9\nj :=10\n').map((e) => [e.key, e.value, e.valueText]),
    [
      ['a', '1', '1'],
      ['b', '2', '2'],
      ['c', '3', '3'],
      ['d', '4', '4'],
      ['e', '5', '5'],
      ['f', '6', '6'],
      ['g', '7', '7'],
      ['h', '=8', '=8'],
      ['i', '= 9', '= 9'],
      ['j', '=10', '=10'],
    ],
  );
});

test('escaped separators belong to the key', () => {
  assert.deepEqual(
    view('a\\=b=c\nx\\:y:z\np\\ q r\n').map((e) => [e.key, e.keyText, e.value]),
    [
      ['a=b', 'a\\=b', 'c'],
      ['x:y', 'x\\:y', 'z'],
      ['p q', 'p\\ q', 'r'],
    ],
  );
});

test('escapes: \\t \\n \\r \\f \\uXXXX, unknown \\x is x', () => {
  const [e] = parseProperties('k\\u0041=\\t\\n\\r\\f\\u00e9\\x\\\\\\q').entries;
  assert.equal(e.key, 'kA');
  assert.equal(e.value, '\t\n\r\f\u00e9x\\q');
});

test('log4j pattern with a \\n escape becomes a real newline (Java semantics)', () => {
  const [e] = parseProperties('p = %replace{%mm}{\\n}{|}%n').entries;
  assert.equal(e.value, '%replace{%mm}{\n}{|}%n');
});

test('continuation lines: joined, next line indent dropped, spans cover all lines', () => {
  const text = 'loggers = A, \\\n    B, \\\n\t  C\nnext=1\n';
  const [e, n] = parseProperties(text).entries;
  assert.equal(e.key, 'loggers');
  assert.equal(e.value, 'A, B, C');
  assert.equal(at(text, e.valueSpan), 'A, \\\n    B, \\\n\t  C');
  assert.equal(at(text, e.span), 'loggers = A, \\\n    B, \\\n\t  C');
  assert.equal(n.key, 'next');
});

test('an even number of trailing backslashes does not continue', () => {
  const text = 'a=x\\\\\nb=y\\\\\\\nz\n';
  const d = parseProperties(text);
  assert.deepEqual(
    d.entries.map((e) => [e.key, e.value]),
    [
      ['a', 'x\\'],
      ['b', 'y\\z'],
    ],
  );
  assert.equal(at(text, d.entries[0].valueSpan), 'x\\\\');
});

test('key continued across lines', () => {
  const text = 'ke\\\n   y = v';
  const [e] = parseProperties(text).entries;
  assert.equal(e.key, 'key');
  assert.equal(at(text, e.keySpan), 'ke\\\n   y');
  assert.equal(e.value, 'v');
});

test('a blank continuation line ends the value; a backslash at EOF is dropped', () => {
  assert.deepEqual(
    view('a=1\\\n   \nb=2\\').map((e) => [e.key, e.value, e.valueText]),
    [
      ['a', '1', '1'],
      ['b', '2', '2'],
    ],
  );
});

test('comments: # and ! only as first non-blank character; never continued', () => {
  const text = '# one\n  ! two\\\nk = v # not a comment\n\t#three';
  const d = parseProperties(text);
  assert.deepEqual(
    d.comments.map((c) => [c.text, at(text, c.span)]),
    [
      [' one', '# one'],
      [' two\\', '! two\\'],
      ['three', '#three'],
    ],
  );
  assert.deepEqual(
    d.entries.map((e) => [e.key, e.value]),
    [['k', 'v # not a comment']],
  );
});

test('JDK quirk: after an empty continued start, # still starts a comment', () => {
  const d = parseProperties('\\\n#c\nk=v');
  assert.equal(d.comments.length, 1);
  assert.deepEqual(
    d.entries.map((e) => e.key),
    ['k'],
  );
});

test('blank and whitespace-only lines are skipped', () => {
  assert.deepEqual(
    view('\n   \n\t\f\na=1\n\n').map((e) => e.key),
    ['a'],
  );
});

test('trailing whitespace is part of the value', () => {
  const text = 'k = v  \t\nx=1';
  const [e] = parseProperties(text).entries;
  assert.equal(e.value, 'v  \t');
  assert.equal(at(text, e.valueSpan), 'v  \t');
});

test('empty values and keys: empty span right after the separator', () => {
  const text = 'a=\nb = \nc\n=v\n';
  const [a, b, c, d] = parseProperties(text).entries;
  assert.equal(a.value, '');
  assert.deepEqual(a.valueSpan, { start: 2, end: 2 });
  assert.deepEqual(a.span, { start: 0, end: 2 });
  assert.equal(b.value, '');
  assert.equal(b.valueSpan.start, b.valueSpan.end);
  assert.ok(b.valueSpan.start >= text.indexOf('b =') + 3);
  assert.equal(c.key, 'c');
  assert.equal(c.value, '');
  assert.deepEqual(c.valueSpan, { start: c.keySpan.end, end: c.keySpan.end });
  assert.equal(d.key, '');
  assert.equal(d.value, 'v');
  assert.deepEqual(d.keySpan, { start: text.indexOf('=v'), end: text.indexOf('=v') });
});

test('get returns the last definition; withPrefix filters by key prefix', () => {
  const d = parseProperties('a.x=1\nb=2\na.x=3\na.y=4\n');
  assert.equal(d.get('a.x')?.value, '3');
  assert.equal(d.get('a.x')?.keySpan.start, 10);
  assert.equal(d.get('nope'), undefined);
  assert.deepEqual(
    d.withPrefix('a.').map((e) => e.value),
    ['1', '3', '4'],
  );
});

test('CRLF and lone CR line breaks: values and spans exclude the \\r', () => {
  const text = 'a = 1\r\nb = x, \\\r\n   y\r\n# c\r\nc=3\rd=4';
  const d = parseProperties(text);
  assert.deepEqual(
    d.entries.map((e) => [e.key, e.value, at(text, e.valueSpan)]),
    [
      ['a', '1', '1'],
      ['b', 'x, y', 'x, \\\r\n   y'],
      ['c', '3', '3'],
      ['d', '4', '4'],
    ],
  );
  assert.equal(d.comments[0].text, ' c');
});

test('a leading BOM is part of the first key, as java.util.Properties reads it (issue 18), and is reported', () => {
  const text = '\uFEFFa=1\nb=2';
  const d = parseProperties(text);
  assert.equal(d.entries[0].key, '\uFEFFa');
  assert.deepEqual(d.entries[0].keySpan, { start: 0, end: 2 });
  assert.equal(d.get('a'), undefined);
  assert.equal(d.get('b')?.value, '2');
  assert.deepEqual(d.problems?.map((p) => [p.code, p.severity, p.span.start, p.span.end]), [['properties-bom', 'warning', 0, 1]]);
  assert.match(d.problems![0].message, /so a is not set as written/);
  const c = parseProperties('\uFEFF# header\nb=2');
  assert.equal(c.comments.length, 0);
  assert.match(c.problems![0].message, /the first line, a comment, is read as a key instead/);
});

test('malformed \\uXXXX: kept literally and reported, never thrown', () => {
  const text = 'k=ab\\u00zz';
  const d = parseProperties(text);
  assert.equal(d.entries[0].value, 'ab\\u00zz');
  assert.equal(d.problems?.length, 1);
  assert.equal(d.problems?.[0].code, 'properties-syntax');
  assert.equal(at(text, d.problems![0].span), '\\u');
});

function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function assertSpans(text: string): void {
  const d = parseProperties(text);
  for (const e of d.entries) {
    for (const s of [e.keySpan, e.valueSpan, e.span]) {
      assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, JSON.stringify(text));
    }
    assert.ok(e.span.start <= e.keySpan.start && e.valueSpan.end <= e.span.end);
  }
  for (const c of d.comments) assert.ok(0 <= c.span.start && c.span.end <= text.length);
}

test('never throws on random text (NUL, surrogates, escapes); spans stay inside', () => {
  const r = rng(42);
  const pieces = ['a', '=', ':', ' ', '\t', '\\', '\n', '\r', '#', '!', '\0', '\uD800', '\uFEFF', '\\u12', 'é', '\f'];
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const len = Math.floor(r() * 60);
    for (let j = 0; j < len; j++) s += pieces[Math.floor(r() * pieces.length)];
    assertSpans(s);
  }
  for (let i = 0; i < 200; i++) {
    let s = '';
    for (let j = 0; j < 200; j++) s += String.fromCharCode(Math.floor(r() * 0x10000));
    assertSpans(s);
  }
});

test('linear time up to 10 MB inputs', () => {
  const shapes: Array<[string, (k: number) => string]> = [
    ['many entries', (k) => 'appender.x.layout.pattern = [%d] %5p {%c} - %m%ex%n\n'.repeat(20_000 * k)],
    ['one continued value', (k) => 'k = ' + 'abcdefghij \\\n  '.repeat(70_000 * k)],
    ['backslashes', (k) => '\\'.repeat(1_000_000 * k)],
  ];
  for (const [name, make] of shapes) {
    assertLinear(name, make, (text) => assert.ok(parseProperties(text).entries.length >= 1), 1);
  }
});

// Single physical lines are read in place in the file (no joined copy): offsets after earlier lines, keys without
// values, and escapes (a backslash later in the file must not leak into an earlier entry) keep their exact spans.
test('in-place lines: exact spans deep in the file, empty keys and values, escapes bounded to their line', () => {
  const text = '# c\na=1\n  k\n  =\nb\\ c : \\u00e9\\\\\nbad=\\uZZ\\\nx=y\\u12\nlast=\\\\tail';
  const d = parseProperties(text);
  assert.deepEqual(d.entries.map((e) => [e.key, e.value, e.keySpan, e.valueSpan]), [
    ['a', '1', { start: 4, end: 5 }, { start: 6, end: 7 }],
    ['k', '', { start: 10, end: 11 }, { start: 11, end: 11 }],
    ['', '', { start: 14, end: 14 }, { start: 15, end: 15 }],
    ['b c', 'é\\', { start: 16, end: 20 }, { start: 23, end: 31 }],
    ['bad', '\\uZZx=y\\u12', { start: 32, end: 35 }, { start: 36, end: 49 }],
    ['last', '\\tail', { start: 50, end: 54 }, { start: 55, end: 61 }],
  ]);
  assert.deepEqual((d.problems ?? []).filter((p) => p.code === 'properties-syntax').map((p) => p.span), [{ start: 36, end: 38 }]);
});

test('get: the last definition wins, on the first lookups (scanned) and on later ones (a Map)', () => {
  const d = parseProperties('a = 1\nb = 2\na = 3\nc\\\n  = 4\nb = 5\n');
  // Twenty rounds: the first lookups scan back from the end, later ones are answered by a Map built then.
  for (let round = 0; round < 20; round++) {
    assert.equal(d.get('a')?.value, '3', `round ${round}`);
    assert.equal(d.get('a')?.keySpan.start, 12);
    assert.equal(d.get('b')?.value, '5');
    assert.equal(d.get('c')?.value, '4');
    assert.equal(d.get('nope'), undefined);
    assert.equal(d.get(''), undefined);
  }
});
