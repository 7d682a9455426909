import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Span } from '../../../shared-rules/engine/text';
import { effectiveConfig } from '../../../shared-rules/parsers/toml/effective';
import type { TomlDocument, TomlEntry, TomlValue } from '../../../shared-rules/parsers/toml/model';
import { parseToml } from '../../../shared-rules/parsers/toml/parse';
import { CORPUS } from '../../helpers/shared';

const slice = (text: string, s: Span | undefined): string => {
  assert.ok(s, 'span present');
  return text.slice(s.start, s.end);
};

/** The entry at `path` (effective view), asserted present. */
function entry(doc: TomlDocument, ...path: string[]): TomlEntry {
  const e = effectiveConfig(doc).get(path);
  assert.ok(e, `entry ${path.join('.')}`);
  return e;
}

function value(text: string, key = 'v'): TomlValue {
  const doc = parseToml(text);
  assert.deepEqual(doc.problems, [], `no problems in ${JSON.stringify(text)}`);
  return entry(doc, key).value;
}

const syntax = (doc: TomlDocument) => doc.problems.filter((p) => p.code === 'toml-syntax');

describe('scalars', () => {
  test('strings: basic escapes, \\u and \\U', () => {
    const text = 'v = "a\\tb\\n\\"q\\" \\\\ \\u00e9 \\U0001F600 \\b\\f\\r"';
    const v = value(text);
    assert.equal(v.kind, 'string');
    assert.equal(v.value, 'a\tb\n"q" \\ é 😀 \b\f\r');
    assert.equal(slice(text, v.span), text.slice(4));
    assert.equal(slice(text, v.contentSpan), text.slice(5, -1));
  });

  test('strings: literal', () => {
    const text = "v = 'C:\\Users\\x \"q\"'";
    const v = value(text);
    assert.equal(v.value, 'C:\\Users\\x "q"');
    assert.equal(slice(text, v.contentSpan), 'C:\\Users\\x "q"');
  });

  test('strings: multi-line basic trims the first newline and line-ending backslashes', () => {
    const text = 'v = """\nThe quick \\\n\n    brown fox\n  jumps"""\nw = 1';
    const v = value(text);
    assert.equal(v.value, 'The quick brown fox\n  jumps');
    assert.equal(slice(text, v.span), text.slice(4, text.indexOf('\nw')));
    assert.equal(slice(text, v.contentSpan), '\nThe quick \\\n\n    brown fox\n  jumps');
    assert.equal(value('v = """a""""', 'v').value, 'a"');
    assert.equal(value('v = """a"""""', 'v').value, 'a""');
  });

  test('strings: multi-line literal', () => {
    const text = "v = '''\nraw \\n text\n'''";
    const v = value(text);
    assert.equal(v.value, 'raw \\n text\n');
    assert.equal(slice(text, v.contentSpan), '\nraw \\n text\n');
  });

  test('integers: decimal, signs, underscores, hex/oct/bin', () => {
    const cases: [string, number][] = [
      ['42', 42],
      ['+17', 17],
      ['-5', -5],
      ['0', 0],
      ['1_000_000', 1000000],
      ['0xDEAD_beef', 0xdeadbeef],
      ['0o755', 0o755],
      ['0b1101', 13],
    ];
    for (const [raw, n] of cases) {
      const v = value(`v = ${raw}`);
      assert.equal(v.kind, 'integer', raw);
      assert.equal(v.value, n, raw);
      assert.equal(v.raw, raw);
    }
  });

  test('floats: fractions, exponents, inf, nan', () => {
    const cases: [string, number][] = [
      ['3.1415', 3.1415],
      ['-0.01', -0.01],
      ['5e+22', 5e22],
      ['1e06', 1e6],
      ['-2E-2', -0.02],
      ['6.626e-34', 6.626e-34],
      ['224_617.445_991', 224617.445991],
      ['inf', Infinity],
      ['+inf', Infinity],
      ['-inf', -Infinity],
    ];
    for (const [raw, n] of cases) {
      const v = value(`v = ${raw}`);
      assert.equal(v.kind, 'float', raw);
      assert.equal(v.value, n, raw);
    }
    assert.ok(Number.isNaN(value('v = nan').value));
    assert.ok(Number.isNaN(value('v = -nan').value));
  });

  test('booleans and date-times (value = source text)', () => {
    assert.deepEqual([value('v = true').value, value('v = false').value], [true, false]);
    for (const raw of [
      '1979-05-27T07:32:00Z',
      '1979-05-27T00:32:00-07:00',
      '1979-05-27T00:32:00.999999+05:30',
      '1979-05-27 07:32:00Z',
      '1979-05-27T07:32:00',
      '1979-05-27',
      '07:32:00',
      '00:32:00.999999',
    ]) {
      const text = `v = ${raw} # c`;
      const v = value(text);
      assert.equal(v.kind, 'datetime', raw);
      assert.equal(v.value, raw);
      assert.equal(slice(text, v.span), raw);
    }
  });

  test('invalid scalars are reported', () => {
    for (const raw of ['01', '1__0', '0x', '1.', '.5', '1e', 'tru', '1979-13-01', '+0x10', 'DB_URL']) {
      const doc = parseToml(`v = ${raw}\n`);
      assert.equal(syntax(doc).length, 1, raw);
      assert.equal(entry(doc, 'v').value.kind, 'invalid', raw);
      assert.equal(slice(doc.text, doc.problems[0].span), raw);
    }
  });
});

describe('arrays and inline tables', () => {
  test('multi-line arrays with trailing commas and comments', () => {
    const text = 'v = [\n  "a", # first\n  "b",\n  # only a comment\n  [1, 2],\n]\nw = 1';
    const v = value(text);
    assert.equal(v.kind, 'array');
    assert.deepEqual(
      v.items?.map((i) => i.kind),
      ['string', 'string', 'array'],
    );
    assert.deepEqual(
      v.items?.map((i) => slice(text, i.span)),
      ['"a"', '"b"', '[1, 2]'],
    );
    assert.deepEqual(
      v.items?.[2].items?.map((i) => i.value),
      [1, 2],
    );
    assert.equal(slice(text, v.span), text.slice(4, text.indexOf('\nw')));
    assert.deepEqual(value('v = []').items, []);
  });

  test('inline tables: entries with relative paths, flattened in lookups', () => {
    const text = '[s]\nv = { a = 1, "b.c" = "x", d.e = true, f = { g = 2 } }';
    const doc = parseToml(text);
    assert.deepEqual(doc.problems, []);
    const v = entry(doc, 's', 'v').value;
    assert.equal(v.kind, 'inline-table');
    assert.deepEqual(
      v.entries?.map((e) => e.path),
      [['a'], ['b.c'], ['d', 'e'], ['f']],
    );
    assert.equal(slice(text, v.entries?.[1].keySpan), '"b.c"');
    const cfg = effectiveConfig(doc);
    assert.equal(cfg.get(['s', 'v', 'b.c'])?.value.value, 'x');
    assert.equal(cfg.get(['s', 'v', 'd', 'e'])?.value.value, true);
    assert.equal(cfg.get(['s', 'v', 'f', 'g'])?.value.value, 2);
    assert.equal(doc.tables[1].get(['v', 'a'])?.value.value, 1);
    assert.equal(doc.entries.length, 1, 'inline members are not statements');
    assert.deepEqual(value('v = {}').entries, []);
  });

  test('inline table errors', () => {
    for (const [text, bad] of [
      ['v = { a = 1, }', ','],
      ['v = { a = 1\n}', '{'],
      ['v = { a 1 }', '1'],
      ['v = { a = 1 b = 2 }', 'b'],
    ]) {
      const doc = parseToml(text);
      assert.equal(syntax(doc).length, 1, text);
      assert.equal(slice(text, doc.problems[0].span), bad, text);
    }
  });
});

describe('keys and tables', () => {
  test('bare, quoted and dotted keys with spans', () => {
    const text = "[apim . 'header.X-WSO2-KEY-MANAGER']\nsite . \"google.com\" . x-1 = 1";
    const doc = parseToml(text);
    assert.deepEqual(doc.problems, []);
    const t = doc.tables[1];
    assert.deepEqual(t.path, ['apim', 'header.X-WSO2-KEY-MANAGER']);
    assert.equal(slice(text, t.headerSpan), "[apim . 'header.X-WSO2-KEY-MANAGER']");
    const e = doc.entries[0];
    assert.deepEqual(e.path, ['apim', 'header.X-WSO2-KEY-MANAGER', 'site', 'google.com', 'x-1']);
    assert.deepEqual(
      e.keyParts.map((p) => [p.name, slice(text, p.span), p.quoted]),
      [
        ['site', 'site', false],
        ['google.com', '"google.com"', true],
        ['x-1', 'x-1', false],
      ],
    );
    assert.equal(slice(text, e.keySpan), 'site . "google.com" . x-1');
    assert.equal(slice(text, e.span), 'site . "google.com" . x-1 = 1');
    assert.equal(e.table, t);
  });

  test('quoted key escapes and empty quoted keys', () => {
    const doc = parseToml('"a\\u0041" = 1\n"" = 2\n\'\' = 3');
    assert.equal(doc.entries[0].keyParts[0].name, 'aA');
    assert.equal(doc.entries[1].keyParts[0].name, '');
    assert.equal(doc.problems.filter((p) => p.code === 'toml-duplicate-key').length, 1);
  });

  test('dotted keys flatten the same way in every form', () => {
    for (const text of ['[a.b]\nc = 1', '[a]\nb.c = 1', 'a.b.c = 1', '[a]\nb = { c = 1 }', 'a = { b.c = 1 }']) {
      const doc = parseToml(text);
      assert.deepEqual(doc.problems, [], text);
      const cfg = effectiveConfig(doc);
      assert.equal(cfg.get(['a', 'b', 'c'])?.value.value, 1, text);
      assert.ok(cfg.has(['a']) && cfg.has(['a', 'b']) && cfg.has(['a', 'b', 'c']), text);
      assert.ok(!cfg.has(['a', 'x']), text);
    }
    const doc = parseToml('[a]\nb.c = 1\nb.d = 2');
    assert.equal(doc.tables[1].get(['b', 'd'])?.value.value, 2);
    assert.equal(doc.tables[1].get(['b']), undefined);
  });

  test('root section is always first, even when empty', () => {
    for (const text of ['', '[x]\na = 1', '# only a comment']) {
      const doc = parseToml(text);
      assert.deepEqual(doc.tables[0].path, []);
      assert.equal(doc.tables[0].headerSpan, undefined);
    }
    const doc = parseToml('a = 1\n[x]\nb = 2');
    assert.equal(doc.tables[0].entries.length, 1);
    assert.equal(doc.tables[0].get(['a'])?.value.value, 1);
  });

  test('contentEnd: after the last statement (and its comment), or the header', () => {
    const text = 'a = 1 # one\n\n[x]   # hdr\n\n[y]\nk = "v"  \n\n# trailing\n';
    const doc = parseToml(text);
    assert.equal(text.slice(0, doc.tables[0].contentEnd), 'a = 1 # one');
    assert.ok(text.slice(0, doc.tables[1].contentEnd).endsWith('[x]   # hdr'));
    assert.ok(text.slice(0, doc.tables[2].contentEnd).endsWith('k = "v"'));
    assert.equal(parseToml('').tables[0].contentEnd, 0);
  });

  test('arrays of tables: arrayIndex, sub-tables and arrayOwner', () => {
    const text = '[[datasource]]\nid = "a"\n[datasource.pool]\nmax = 1\n[[datasource]]\nid = "b"\n[[x.y]]\n[[x.y]]\n[other]\nk = 1';
    const doc = parseToml(text);
    assert.deepEqual(doc.problems, []);
    const cfg = effectiveConfig(doc);
    const ds = cfg.arrayTables(['datasource']);
    assert.deepEqual(
      ds.map((t) => [t.arrayIndex, t.get(['id'])?.value.value]),
      [
        [0, 'a'],
        [1, 'b'],
      ],
    );
    assert.equal(slice(text, ds[1].headerSpan), '[[datasource]]');
    const pool = doc.tables.find((t) => t.path.join('.') === 'datasource.pool');
    assert.equal(pool?.arrayOwner, ds[0]);
    assert.deepEqual(
      cfg.arrayTables(['x', 'y']).map((t) => t.arrayIndex),
      [0, 1],
    );
    assert.equal(cfg.get(['datasource', 'id']), undefined, 'array-of-tables keys are not effective keys');
    assert.equal(cfg.get(['datasource', 'pool', 'max']), undefined);
    assert.ok(cfg.has(['datasource', 'pool', 'max']));
    assert.deepEqual(cfg.under(['datasource']), []);
    assert.equal(cfg.get(['other', 'k'])?.value.value, 1);
  });

  test('table(), under() and last-wins lookups', () => {
    const doc = parseToml('[a]\nx = 1\n[a.b]\ny = 2\n[c]\nz = 3');
    const cfg = effectiveConfig(doc);
    assert.equal(cfg.table(['a', 'b']), doc.tables[2]);
    assert.equal(cfg.table(['nope']), undefined);
    assert.equal(cfg.table([]), doc.tables[0]);
    assert.deepEqual(
      cfg.under(['a']).map((e) => e.path.join('.')),
      ['a.x', 'a.b.y'],
    );
    assert.equal(cfg.under([]).length, 3);
  });
});

describe('duplicates', () => {
  test('duplicate key: one error (the product rejects the file), the last value wins', () => {
    const text = '[a]\nk = 1\nk = 2\n';
    const doc = parseToml(text);
    assert.equal(doc.problems.length, 1);
    const [p] = doc.problems;
    assert.equal(p.code, 'toml-duplicate-key');
    assert.equal(p.severity, 'error');
    assert.match(p.message, /line 2/);
    assert.equal(slice(text, p.span), 'k');
    assert.equal(p.span.start, text.lastIndexOf('k'));
    assert.equal(effectiveConfig(doc).get(['a', 'k'])?.value.value, 2);
  });

  test('a key written through dotted and header forms counts too', () => {
    const doc = parseToml('a.b = 1\n[a]\nb = 2');
    // [a] reopens a table made by the dotted key (TOML forbids that), and b is written twice.
    assert.deepEqual(
      doc.problems.map((p) => p.code),
      ['toml-duplicate-table', 'toml-duplicate-key'],
    );
    assert.equal(effectiveConfig(doc).get(['a', 'b'])?.value.value, 2);
  });

  test('table defined twice: one error, keys of both are kept', () => {
    const doc = parseToml('[a]\nx = 1\n[b]\n[a]\ny = 2');
    assert.deepEqual(
      doc.problems.map((p) => [p.code, p.severity]),
      [['toml-duplicate-table', 'error']],
    );
    const cfg = effectiveConfig(doc);
    assert.equal(cfg.get(['a', 'x'])?.value.value, 1);
    assert.equal(cfg.get(['a', 'y'])?.value.value, 2);
    assert.equal(cfg.table(['a']), doc.tables[3]);
  });

  test('a dotted key adding to a table a header defined or implied: an error (toml-test table/append-with-dotted-keys)', () => {
    const text = '[a.b.c]\nz = 9\n\n[a]\nb.c.t = 8\n';
    const doc = parseToml(text);
    assert.deepEqual(doc.problems.map((p) => [p.code, p.severity, slice(text, p.span)]), [['toml-duplicate-table', 'error', 'b.c.t']]);
    assert.match(doc.problems[0].message, /Table \[a\.b\] is already implied by a table header: a dotted key cannot add to it \(line 1\)/);
    const text2 = '[a.b]\nx = 1\n[a]\nb.y = 2\n';
    const d2 = parseToml(text2);
    assert.deepEqual(d2.problems.map((p) => [p.code, slice(text2, p.span)]), [['toml-duplicate-table', 'b.y']]);
    assert.match(d2.problems[0].message, /Table \[a\.b\] is already defined by a table header/);
    // Dotted keys extending a table they made themselves stay valid.
    assert.deepEqual(parseToml('[a]\nb.x = 1\nb.y = 2\n[c]\n').problems, []);
  });

  test('value redefined as a table', () => {
    const doc = parseToml('a = 1\n[a]\nb = 2');
    assert.deepEqual(
      doc.problems.map((p) => p.code),
      ['toml-duplicate-key'],
    );
    assert.equal(effectiveConfig(doc).get(['a', 'b'])?.value.value, 2);
  });

  test('duplicates inside an inline table', () => {
    const doc = parseToml('v = { a = 1, a = 2 }');
    assert.deepEqual(
      doc.problems.map((p) => p.code),
      ['toml-duplicate-key'],
    );
  });

  test('duplicates in separate template branches are not reported', () => {
    const doc = parseToml('[a]\n{{- if .Values.x }}\nk = 1\n{{- else }}\nk = 2\n{{- end }}\n');
    assert.deepEqual(doc.problems, []);
  });
});

describe('insertionPoint', () => {
  const text = '# header comment\n[server]\nhostname = "x" # note\n\n[apim]\ncors.enable = true\n\n# vault\n[secrets]\nk = "v"\n';

  test('existing section: after its last statement', () => {
    const cfg = effectiveConfig(parseToml(text));
    const p = cfg.insertionPoint(['server', 'offset']);
    assert.equal(p.needsHeader, false);
    assert.deepEqual(p.table?.path, ['server']);
    assert.equal(text.slice(0, p.offset), '# header comment\n[server]\nhostname = "x" # note');
    assert.equal(slice(text, p.reportSpan), '[server]');
  });

  test('section written with dotted keys: next to them', () => {
    const cfg = effectiveConfig(parseToml(text));
    const p = cfg.insertionPoint(['apim', 'cors', 'allow_origins']);
    assert.equal(p.needsHeader, false);
    assert.deepEqual(p.table?.path, ['apim']);
    assert.ok(text.slice(0, p.offset).endsWith('cors.enable = true'));
  });

  test('missing section: new header before [secrets] (and its comment)', () => {
    const cfg = effectiveConfig(parseToml(text));
    const p = cfg.insertionPoint(['transport', 'https', 'ssl']);
    assert.equal(p.needsHeader, true);
    assert.equal(p.table, undefined);
    assert.equal(text.slice(p.offset), '# vault\n[secrets]\nk = "v"\n');
    assert.equal(slice(text, p.reportSpan), '# header comment');
  });

  test('missing section without [secrets]: end of file', () => {
    const t = '[server]\nhostname = "x"\n';
    const p = effectiveConfig(parseToml(t)).insertionPoint(['a', 'b']);
    assert.equal(p.needsHeader, true);
    assert.equal(p.offset, t.length);
    assert.equal(slice(t, p.reportSpan), '[server]');
  });

  test('top-level key: root section', () => {
    const t = 'a = 1\n[x]\nb = 2';
    const p = effectiveConfig(parseToml(t)).insertionPoint(['c']);
    assert.equal(p.needsHeader, false);
    assert.equal(p.table?.path.length, 0);
    assert.equal(p.offset, 5);
  });
});

describe('error recovery', () => {
  test('an error on line 3 still yields entries on line 5', () => {
    const text = 'a = 1\nb = 2\nc = [1 2]\nd = 4\ne = 5\n';
    const doc = parseToml(text);
    assert.equal(doc.problems.length, 1);
    assert.equal(slice(text, doc.problems[0].span), '2]');
    assert.equal(effectiveConfig(doc).get(['e'])?.value.value, 5);
    assert.equal(entry(doc, 'c').value.kind, 'invalid');
  });

  test('exactly one problem per broken line, with a useful span and message', () => {
    const cases: [string, string, RegExp][] = [
      ['key value', 'value', /Expected '=' after key/],
      ['key', 'key', /Expected '=' after key/],
      ['k = ', '=', /Expected a value/],
      ['k = "abc', '"abc', /Unterminated string/],
      ['k = "\\x"', '\\x', /Invalid escape/],
      ['k = 1 2 3', '2', /Unexpected text after the value/],
      ['[a', '[a', /Expected '\]'/],
      ['[a] x', 'x', /Unexpected text after the table header/],
      ['[[a]', ']', /Expected '\]\]'/],
      ['a b = 1', 'b', /Expected '=' after key/],
      ['= 1', '=', /Expected a key/],
      ['k = [1, 2', '[', /Unterminated array/],
      ['k = DB_APIMGT_URL', 'DB_APIMGT_URL', /strings must be quoted/],
      ['k = "a\u0001b"', '\u0001', /Control character/],
      ['k = """abc', '"""', /Unterminated multi-line string/],
    ];
    for (const [line, bad, message] of cases) {
      const text = `ok1 = 1\n${line}\nok2 = 2\n`;
      const doc = parseToml(text);
      assert.equal(doc.problems.length, 1, `${line}: ${JSON.stringify(doc.problems)}`);
      const [p] = doc.problems;
      assert.equal(p.code, 'toml-syntax');
      assert.equal(p.severity, 'error');
      assert.match(p.message, message, line);
      assert.equal(slice(text, p.span), bad, line);
      assert.ok(p.span.end > p.span.start, line);
      assert.equal(effectiveConfig(doc).get(['ok1'])?.value.value, 1, line);
      // (after a broken header, ok2 belongs to that header's section)
      assert.equal(doc.entries.find((e) => e.keyParts[0].name === 'ok2')?.value.value, 2, line);
    }
  });

  test('several broken lines give one problem each', () => {
    const doc = parseToml('a = \nb = 1\nc d\ne = "x\n[f\ng = 2\n');
    assert.equal(syntax(doc).length, 4);
    assert.equal(effectiveConfig(doc).get(['f', 'g'])?.value.value, 2, 'a broken header still opens its section');
  });

  test('resumes after a broken multi-line array', () => {
    const text = 'a = [\n  1,\n  2 3,\n  4,\n]\nb = 5\n';
    const doc = parseToml(text);
    assert.equal(doc.problems.length, 1);
    assert.equal(slice(text, entry(doc, 'a').value.span), '[\n  1,\n  2 3,\n  4,\n]');
    assert.equal(effectiveConfig(doc).get(['b'])?.value.value, 5);
  });

  test('an unterminated array stops at the next statement', () => {
    const doc = parseToml('a = [\n  "x",\nb = 5\n[t]\nc = 6\n');
    assert.equal(doc.problems.length, 1);
    assert.match(doc.problems[0].message, /Unterminated array/);
    const cfg = effectiveConfig(doc);
    assert.equal(cfg.get(['b'])?.value.value, 5);
    assert.equal(cfg.get(['t', 'c'])?.value.value, 6);
  });

  test('an unterminated multi-line string costs one line', () => {
    const doc = parseToml('a = """never closed\nb = 5\n');
    assert.equal(doc.problems.length, 1);
    assert.equal(effectiveConfig(doc).get(['b'])?.value.value, 5);
  });

  test('deep nesting is reported, not recursed into', () => {
    const doc = parseToml(`a = ${'['.repeat(10000)}${']'.repeat(10000)}\nb = 1`);
    assert.equal(syntax(doc).length, 1);
    assert.equal(effectiveConfig(doc).get(['b'])?.value.value, 1);
  });
});

describe('templates', () => {
  const helm = [
    '[server]',
    'hostname = {{ .Values.wso2.hostname | quote }}',
    'offset  = {{ .Values.portOffset }}',
    '{{- if .Values.x }}',
    'enabled = true',
    '{{- end }}',
    'password = "{{ .Values.pw }}"',
    'hosts = [{{ .Values.hosts }}]',
    'urls = [{{ range $i, $e := .Values.urls }}"tcp://{{ $e }}:{{ add 5672 $.Values.o }}"{{ if ne $i $len }},{{ end }}{{ end}}]',
    'url = "tcp://{{ template "am.fullname" . }}-svc:5672"',
    '{{ if .Values.y }}flag = 1{{ end }}',
    'appended = "a" {{ .Values.z }}',
    'pool_options.{{ $key }} = {{ $value }}',
    '{{ $key }} = "x"',
    '{{- if and',
    '     .Values.a',
    '     .Values.b }}',
    'multi = [',
    '  {{- range .Values.scopes }}',
    '  "{{ . }}",',
    '  {{- end }}',
    ']',
    '{{- end }}',
    '[{{ .Values.section }}]',
    'inside = 1',
    '{% if jinja %}',
    'j = {{ jinja_var }}',
    '{# comment #}',
    '{% endif %}',
    '# {{ .Values.commented }}',
    '[after]',
    'k = "v"',
    '',
  ].join('\n');

  test('no problems; template values are opaque', () => {
    const doc = parseToml(helm);
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.templated, true);
    const cfg = effectiveConfig(doc);
    const kind = (...p: string[]) => cfg.get(['server', ...p])?.value.kind;
    for (const k of ['hostname', 'offset', 'password', 'hosts', 'urls', 'url', 'appended', 'multi']) assert.equal(kind(k), 'template', k);
    assert.equal(kind('enabled'), 'boolean');
    assert.equal(kind('flag'), 'integer', 'directives around a statement do not change its value');
    assert.equal(cfg.get(['server', 'flag'])?.value.value, 1);
    assert.equal(cfg.get(['server', 'hostname'])?.value.raw, '{{ .Values.wso2.hostname | quote }}');
    assert.equal(cfg.get(['server', 'appended'])?.value.raw, '"a" {{ .Values.z }}');
    assert.equal(cfg.get(['server', 'pool_options']), undefined, 'templated keys are skipped');
    assert.equal(cfg.get(['{{ .Values.section }}', 'inside'])?.value.value, 1, 'templated header: raw part name');
    assert.equal(cfg.get(['{{ .Values.section }}', 'j'])?.value.kind, 'template');
    assert.equal(cfg.get(['after', 'k'])?.value.value, 'v');
  });

  test('template spans are recorded exactly', () => {
    const doc = parseToml(helm);
    const spans = doc.templateSpans.map((s) => slice(helm, s));
    assert.ok(spans.includes('{{- if .Values.x }}'));
    assert.ok(spans.includes('{{- if and\n     .Values.a\n     .Values.b }}'));
    assert.ok(spans.includes('{% if jinja %}'));
    assert.ok(spans.includes('{# comment #}'));
    assert.ok(spans.includes('{{ template "am.fullname" . }}'));
    for (let k = 1; k < doc.templateSpans.length; k++) assert.ok(doc.templateSpans[k].start >= doc.templateSpans[k - 1].end);
    assert.equal(parseToml('a = 1').templated, false);
  });

  test('non-template errors in templated files are still reported', () => {
    const doc = parseToml('{{- if .Values.x }}\na = 1\n{{- end }}\nb = = 2\nc = 3\n');
    assert.equal(syntax(doc).length, 1);
    assert.equal(effectiveConfig(doc).get(['c'])?.value.value, 3);
  });

  test('an unclosed {{ is plain text', () => {
    const doc = parseToml('a = "{{ not a template"\n');
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.templated, false);
    assert.equal(entry(doc, 'a').value.value, '{{ not a template');
  });
});

describe('encodings and line endings', () => {
  test('CRLF', () => {
    const text = 'a = 1\r\n[b]\r\nc = "x" # c\r\nd = """\r\nline\r\n"""\r\ne = [\r\n  1,\r\n]\r\n';
    const doc = parseToml(text);
    assert.deepEqual(doc.problems, []);
    const cfg = effectiveConfig(doc);
    assert.equal(cfg.get(['b', 'c'])?.value.value, 'x');
    assert.equal(cfg.get(['b', 'd'])?.value.value, 'line\r\n');
    assert.deepEqual(
      cfg.get(['b', 'e'])?.value.items?.map((i) => i.value),
      [1],
    );
    assert.equal(slice(text, cfg.get(['b', 'c'])?.span), 'c = "x"');
    assert.ok(text.slice(0, doc.tables[1].contentEnd).endsWith(']'));
  });

  test('a leading BOM is skipped but offsets index the original text', () => {
    const text = '\uFEFFa = "v"\n[t]\nb = 1\n';
    const doc = parseToml(text);
    assert.deepEqual(doc.problems, []);
    const a = entry(doc, 'a');
    assert.equal(a.span.start, 1);
    assert.equal(slice(text, a.value.contentSpan), 'v');
    assert.equal(slice(text, doc.tables[1].headerSpan), '[t]');
    assert.equal(effectiveConfig(doc).insertionPoint(['x']).offset, a.span.end);
    assert.equal(parseToml('\uFEFF').tables[0].contentEnd, 1);
  });

  test('every control character in a comment is reported, tab and line breaks are not', () => {
    // Comments are seen only by the control-character pass (strings report their own): this checks its quick test.
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const text = `a = 1 # x${ch}y\nb = 2\n`;
      const allowed = c === 9 || c === 10 || c === 13 || (c >= 0x20 && c !== 0x7f && c !== 0xfeff);
      // (a lone CR has its own line-ending problem)
      const problems = parseToml(text).problems.filter((p) => /Control character|byte order mark/.test(p.message));
      assert.equal(problems.length, allowed ? 0 : 1, `U+${c.toString(16)}`);
      if (!allowed) assert.equal(problems[0].span.start, 9, `U+${c.toString(16)}`);
    }
  });
});

describe('never throws', () => {
  function check(text: string, label: string): void {
    let doc: TomlDocument | undefined;
    assert.doesNotThrow(() => {
      doc = parseToml(text);
      const cfg = effectiveConfig(doc);
      cfg.has(['a']);
      cfg.under([]);
      cfg.insertionPoint(['a', 'b']);
    }, label);
    assert.ok(doc);
    assert.equal(
      doc.problems.filter((p) => p.code === 'toml-internal').length,
      0,
      `${label}: ${doc.problems.find((p) => p.code === 'toml-internal')?.message}`,
    );
    const inside = (s: Span) => s.start >= 0 && s.end <= text.length && s.start <= s.end;
    for (const p of doc.problems) assert.ok(inside(p.span), label);
    for (const e of doc.entries) assert.ok(inside(e.span) && inside(e.value.span) && inside(e.keySpan), label);
  }

  test('random bytes', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = 'ab=."\'[]{},#\\\n\r\t 01e+-_:{{}}%$\u0000\uFEFF\uD800é';
    for (let n = 0; n < 300; n++) {
      let s = '';
      const len = Math.floor(rnd() * 200);
      for (let k = 0; k < len; k++) s += rnd() < 0.5 ? alphabet[Math.floor(rnd() * alphabet.length)] : String.fromCharCode(Math.floor(rnd() * 0x10000));
      check(s, `random #${n}`);
    }
  });

  test('pathological inputs', () => {
    const cases = [
      '\u0000'.repeat(1000),
      '{'.repeat(5000),
      '['.repeat(5000),
      '"'.repeat(5000),
      "'".repeat(5000),
      'a = ' + '{b = '.repeat(2000),
      'a = """' + '\\'.repeat(5000),
      '{{ x\n'.repeat(1000),
      'a.'.repeat(5000) + 'b = 1',
      '[' + 'a.'.repeat(5000) + 'b]',
      'a = 1\r'.repeat(100),
      '\uD800\uDC00 = 1',
    ];
    cases.forEach((c, k) => check(c, `case ${k}`));
  });

  test('truncated corpus files', () => {
    const dir = CORPUS;
    const file = path.join(dir, 'helm-apim-main/gateway/deployment.toml');
    const other = path.join(dir, 'fs-accelerator-main/fs-apim/wso2am-4.6.0-deployment.toml');
    const texts = [fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', fs.existsSync(other) ? fs.readFileSync(other, 'utf8') : ''];
    texts.push('[a]\nb = "c"\nd = [1, 2]\ne = { f = """g""" }\n{{ .x }}\n');
    for (const t of texts) for (let k = 0; k < t.length; k += 97) check(t.slice(0, k), `cut at ${k}`);
  });
});
