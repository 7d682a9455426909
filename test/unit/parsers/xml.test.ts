import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertLinear } from '../../helpers/linear';
import type { Span } from '../../../shared-rules/engine/text';
import type { XmlDocument } from '../../../shared-rules/parsers/xml/model';
import { parseXml } from '../../../shared-rules/parsers/xml/parse';

const at = (text: string, s: Span): string => text.slice(s.start, s.end);
const problems = (d: XmlDocument) => d.problems.map((p) => [p.code, p.severity, at(d.text, p.span)]);
const syntaxMessages = (d: XmlDocument) => d.problems.filter((p) => p.code === 'xml-syntax').map((p) => p.message);

test('elements, attributes (both quotes, blanks around =), exact spans', () => {
  const text = `<Context a="1" b = '2'\n   c\t=\t"x y"><Manager pathname=""/></Context>`;
  const d = parseXml(text);
  assert.deepEqual(d.problems, []);
  const ctx = d.root!;
  assert.equal(ctx.name, 'Context');
  assert.equal(at(text, ctx.nameSpan), 'Context');
  assert.equal(at(text, ctx.openTagSpan), `<Context a="1" b = '2'\n   c\t=\t"x y">`);
  assert.equal(at(text, ctx.closeTagSpan!), '</Context>');
  assert.equal(at(text, ctx.span), text);
  assert.equal(ctx.selfClosing, false);
  assert.deepEqual(
    ctx.attributes.map((a) => [a.name, a.value, at(text, a.nameSpan), at(text, a.valueSpan), at(text, a.span)]),
    [
      ['a', '1', 'a', '1', 'a="1"'],
      ['b', '2', 'b', '2', "b = '2'"],
      ['c', 'x y', 'c', 'x y', 'c\t=\t"x y"'],
    ],
  );
  assert.equal(ctx.attr('b')?.value, '2');
  assert.equal(ctx.attr('zz'), undefined);
  const mgr = ctx.children[0];
  assert.equal(mgr.selfClosing, true);
  assert.equal(mgr.closeTagSpan, undefined);
  assert.equal(at(text, mgr.span), '<Manager pathname=""/>');
  assert.equal(mgr.attr('pathname')?.value, '');
  assert.deepEqual(mgr.attr('pathname')?.valueSpan, { start: text.indexOf('""') + 1, end: text.indexOf('""') + 1 });
  assert.equal(mgr.parent, ctx);
});

test('nesting: children, parents, depth-first element order', () => {
  const d = parseXml('<a><b><c/><d></d></b><e/></a>');
  assert.deepEqual(
    d.elements.map((e) => [e.name, e.parent?.name]),
    [
      ['a', undefined],
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'b'],
      ['e', 'a'],
    ],
  );
  assert.deepEqual(
    d.root!.children.map((c) => c.name),
    ['b', 'e'],
  );
});

test('comments, XML declaration, processing instructions, CDATA and text are skipped', () => {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- top <a x="1"/> -->\n<a>text &amp; more<?pi <b/> ?><![CDATA[ <c d="2"/> ]]><!--in--></a>\n<!-- after -->`;
  const d = parseXml(text);
  assert.deepEqual(d.problems, []);
  assert.deepEqual(
    d.elements.map((e) => e.name),
    ['a'],
  );
  assert.deepEqual(
    d.comments.map((c) => [c.text, at(text, c.span)]),
    [
      [' top <a x="1"/> ', '<!-- top <a x="1"/> -->'],
      ['in', '<!--in-->'],
      [' after ', '<!-- after -->'],
    ],
  );
});

test('attribute values: five predefined entities and character references decoded', () => {
  const d = parseXml(`<a v="&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;" w='a & b' x="&#0;"/>`);
  assert.equal(d.root!.attr('v')?.value, `<>&"'AB\u{1F600}`);
  assert.equal(d.root!.attr('w')?.value, 'a & b'); // a bare & is kept
  assert.equal(d.root!.attr('x')?.value, '&#0;'); // not a legal XML character: left as written
});

test('attribute-value normalization: tab, LF, CRLF become one space each', () => {
  const d = parseXml('<a v="x\ty\r\nz\nw"/>');
  assert.equal(d.root!.attr('v')?.value, 'x y z w');
});

test('undefined entity references stay literally in the value, with a warning', () => {
  const text = '<a v="x&lol9;y"/>';
  const d = parseXml(text);
  assert.equal(d.root!.attr('v')?.value, 'x&lol9;y');
  assert.deepEqual(problems(d), [['xml-entity-ignored', 'warning', '&lol9;']]);
});

test('DOCTYPE with an internal subset is skipped, never processed, and reported once', () => {
  const text = `<?xml version="1.0"?>\n<!DOCTYPE Context [\n  <!ENTITY x "]>"> <!-- ] > -->\n]>\n<Context path="&x;"/>`;
  const d = parseXml(text);
  assert.equal(at(text, d.doctypeSpan!), text.slice(text.indexOf('<!DOCTYPE'), text.indexOf('\n<Context')));
  assert.deepEqual(d.problems[0], {
    span: d.doctypeSpan,
    code: 'xml-doctype-ignored',
    severity: 'warning',
    message: 'DOCTYPE ignored: CarbonLint never processes DTDs or expands entities',
  });
  assert.equal(d.root!.attr('path')?.value, '&x;');
  assert.deepEqual(syntaxMessages(d), []);
});

test('billion laughs: fast, no expansion, problem reported', () => {
  let subset = '<!ENTITY lol "lol">';
  for (let i = 1; i <= 9; i++) subset += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`;
  const text = `<?xml version="1.0"?>\n<!DOCTYPE lolz [${subset}]>\n<lolz a="&lol9;">&lol9;</lolz>`;
  const t0 = performance.now();
  const d = parseXml(text);
  assert.ok(performance.now() - t0 < 1000, 'an expanded billion laughs would take far longer (and gigabytes)');
  assert.equal(d.root!.attr('a')?.value, '&lol9;');
  assert.equal(d.problems.filter((p) => p.code === 'xml-doctype-ignored').length, 1);
  assert.deepEqual(syntaxMessages(d), []);
});

test('external entities are never resolved (no file or network access)', () => {
  const text = `<!DOCTYPE c [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % r SYSTEM "http://127.0.0.1:1/x">%r;]><c a="&xxe;"/>`;
  const d = parseXml(text);
  assert.equal(d.root!.attr('a')?.value, '&xxe;');
  assert.ok(d.doctypeSpan);
});

test('unclosed element: reported, ends at EOF', () => {
  const text = '<a><b/>';
  const d = parseXml(text);
  assert.deepEqual(problems(d), [['xml-syntax', 'error', 'a']]);
  assert.deepEqual(d.root!.span, { start: 0, end: text.length });
  assert.equal(d.root!.children.length, 1);
});

test('mismatched close tag closes up to the matching open element', () => {
  const text = '<a><b><c></a><d/>';
  const d = parseXml(text);
  assert.deepEqual(problems(d), [
    ['xml-syntax', 'error', 'c'],
    ['xml-syntax', 'error', 'b'],
    ['xml-syntax', 'error', 'd'],
  ]);
  assert.match(d.problems[0].message, /<c> is not closed before <\/a>/);
  assert.match(d.problems[2].message, /one root element/);
  const [a, b, c, dd] = d.elements;
  assert.equal(at(text, a.span), '<a><b><c></a>');
  assert.equal(at(text, a.closeTagSpan!), '</a>');
  assert.equal(at(text, b.span), '<b><c>');
  assert.equal(at(text, c.span), '<c>');
  assert.equal(dd.parent, undefined);
});

test('a stray close tag is reported and ignored', () => {
  const d = parseXml('<a></b><c/></a>');
  assert.deepEqual(problems(d), [['xml-syntax', 'error', '</b>']]);
  assert.deepEqual(
    d.root!.children.map((c) => c.name),
    ['c'],
  );
});

test('missing closing quote: one problem, value guessed up to the line end, tree continues', () => {
  const text = '<Context path="/foo>\n  <Valve className="x"/>\n</Context>';
  const d = parseXml(text);
  assert.deepEqual(problems(d), [['xml-syntax', 'error', '"']]);
  assert.equal(d.root!.attr('path')?.value, '/foo');
  assert.equal(d.root!.children[0].attr('className')?.value, 'x');
});

test("an unescaped '<' inside a quoted value is one problem; the value and tag stay intact", () => {
  const text = '<Valve pattern="%h <b> %l" x="1"/>';
  const d = parseXml(text);
  assert.deepEqual(problems(d), [['xml-syntax', 'error', '<']]);
  assert.equal(d.root!.attr('pattern')?.value, '%h <b> %l');
  assert.equal(d.root!.attr('x')?.value, '1');
  assert.equal(d.root!.selfClosing, true);
});

test('unquoted values, valueless attributes, junk and missing whitespace are reported', () => {
  const text = '<a x=1 y z="2"w="3" @# q="4"/>';
  const d = parseXml(text);
  assert.deepEqual(problems(d), [
    ['xml-syntax', 'error', '1'],
    ['xml-syntax', 'error', 'y'],
    ['xml-syntax', 'error', ''],
    ['xml-syntax', 'error', '@#'],
  ]);
  assert.deepEqual(
    d.root!.attributes.map((a) => [a.name, a.value]),
    [
      ['x', '1'],
      ['z', '2'],
      ['w', '3'],
      ['q', '4'],
    ],
  );
  assert.equal(d.root!.selfClosing, true);
});

test('duplicate attribute is a syntax error; attr() returns the first', () => {
  const d = parseXml('<a x="1" x="2"/>');
  assert.deepEqual(syntaxMessages(d), ["Duplicate attribute 'x' on <a>"]);
  assert.equal(d.root!.attr('x')?.value, '1');
});

test('unclosed start tag, unclosed comment, unescaped <, text outside the root', () => {
  assert.deepEqual(problems(parseXml('<a><b x="1" <c/></a>')), [['xml-syntax', 'error', '<b x="1" ']]);
  const c = parseXml('<a/><!-- never');
  assert.deepEqual(problems(c), [['xml-syntax', 'error', '<!--']]);
  assert.equal(c.comments[0].text, ' never');
  assert.deepEqual(problems(parseXml('<a>1 < 2</a>')), [['xml-syntax', 'error', '<']]);
  assert.deepEqual(problems(parseXml('junk<a/>more')), [
    ['xml-syntax', 'error', 'junk'],
    ['xml-syntax', 'error', 'more'],
  ]);
  assert.deepEqual(problems(parseXml('')), [['xml-syntax', 'error', '']]);
  assert.deepEqual(problems(parseXml('  <?xml version="1.0"?><a/>')), [['xml-syntax', 'error', '<?xml']]);
});

test('truncated document: every element is still in the tree', () => {
  const text = '<Context a="1"><Manager className="x';
  const d = parseXml(text);
  assert.deepEqual(
    d.elements.map((e) => e.name),
    ['Context', 'Manager'],
  );
  assert.equal(d.elements[1].attr('className')?.value, 'x');
  assert.ok(d.problems.length >= 2);
});

test('CRLF and a leading BOM', () => {
  const text = '\uFEFF<?xml version="1.0"?>\r\n<Context\r\n  a="1">\r\n  <Loader b="2"/>\r\n</Context>\r\n';
  const d = parseXml(text);
  assert.deepEqual(d.problems, []);
  assert.equal(at(text, d.root!.attr('a')!.span), 'a="1"');
  assert.equal(d.root!.children[0].attr('b')?.value, '2');
});

function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

/** Every Span reachable from the document lies inside the text. */
function assertSpans(d: XmlDocument): void {
  const n = d.text.length;
  const check = (s: Span | undefined): void => {
    if (s) assert.ok(0 <= s.start && s.start <= s.end && s.end <= n, JSON.stringify([s, d.text.slice(0, 80)]));
  };
  check(d.doctypeSpan);
  d.problems.forEach((p) => check(p.span));
  d.comments.forEach((c) => check(c.span));
  for (const e of d.elements) {
    [e.nameSpan, e.openTagSpan, e.closeTagSpan, e.span].forEach(check);
    for (const a of e.attributes) [a.nameSpan, a.valueSpan, a.span].forEach(check);
    for (const ch of e.children) assert.ok(e.span.start <= ch.span.start && ch.span.end <= e.span.end);
  }
}

test('never throws on random markup and random code units; spans stay inside', () => {
  const r = rng(7);
  const pieces = ['<', '>', '/', 'a', 'b', '="', "'", '"', ' ', '\n', '!--', '-->', '<!DOCTYPE', '[', ']', '&', ';', '&lt;', '?', '\0', '\uD83D', '<![CDATA[', ']]>', '=', '#x41'];
  for (let i = 0; i < 5000; i++) {
    let s = '';
    const len = Math.floor(r() * 50);
    for (let j = 0; j < len; j++) s += pieces[Math.floor(r() * pieces.length)];
    assertSpans(parseXml(s));
  }
  for (let i = 0; i < 200; i++) {
    let s = '';
    for (let j = 0; j < 300; j++) s += String.fromCharCode(Math.floor(r() * 0x10000));
    assertSpans(parseXml(s));
  }
});

test('deep nesting and 10 MB inputs: no recursion limit, linear time', () => {
  const shapes: Array<(k: number) => string> = [
    (k) => '<a>'.repeat(30_000 * k) + '</a>'.repeat(30_000 * k),
    (k) => '<a>'.repeat(30_000 * k) + '</b>'.repeat(30_000 * k), // every close tag is stray
    (k) => '<Context>' + '<Valve className="org.apache.catalina.valves.RemoteAddrValve" allow="127\\.0\\.0\\.1"/>\n'.repeat(12_000 * k) + '</Context>',
    (k) => '<a v="' + 'x'.repeat(1_000_000 * k), // missing quote
    (k) => '<!DOCTYPE [' + '['.repeat(1_000_000 * k),
    (k) => '<'.repeat(1_000_000 * k),
  ];
  shapes.forEach((make, i) => assertLinear(`shape ${i}`, make, (text) => assert.ok(parseXml(text).problems.length <= 1001), 1));
});

test('problems are capped at 1000, with one note standing for the rest', () => {
  const d = parseXml('<a>' + '</b>'.repeat(5000) + '</a>');
  assert.equal(d.problems.length, 1001);
  assert.equal(d.problems[1000].severity, 'info');
  assert.match(d.problems[1000].message, /More than 1000 problems/);
  assert.equal(d.root!.closeTagSpan?.start, 3 + 4 * 5000); // the tree is still built to the end
});
