// Fatal errors of the product's XML parser that the lenient reader used to accept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../../shared-rules/parsers/xml/parse';

const errors = (t: string) => parseXml(t).problems.filter((p) => p.severity === 'error').map((p) => [p.span.start, p.span.end, p.message]);

test('a bare & in text or in an attribute value', () => {
  assert.deepEqual(errors('<a>x & y</a>'), [[5, 6, "Unescaped '&' (write &amp;)"]]);
  assert.deepEqual(errors('<a v="a&b"/>'), [[7, 8, "Unescaped '&' (write &amp;)"]]);
  assert.deepEqual(errors('<a v="a&amp;b&#10;&#x1F600;">&lt;&unknown;</a>'), []);
});

test("'--' inside a comment", () => {
  assert.deepEqual(errors('<a><!-- x -- y --></a>'), [[10, 12, "'--' is not allowed inside a comment"]]);
  assert.deepEqual(errors('<a><!-- x ---></a>'), [[10, 12, "'--' is not allowed inside a comment"]]);
  assert.deepEqual(errors('<a><!-- x - y --></a>'), []);
});

test('characters XML forbids', () => {
  assert.deepEqual(errors('<a>\u0001</a>'), [[3, 4, 'Character U+0001 is not allowed in XML (not even escaped)']]);
  assert.deepEqual(errors('<a v="\uFFFF"/>'), [[6, 7, 'Character U+FFFF is not allowed in XML (not even escaped)']]);
  assert.deepEqual(errors('<a>\t\r\n\u00e9\u{1F600}</a>'), []);
});

test('a malformed XML declaration', () => {
  assert.deepEqual(errors('<?xml version="1.0" encoding="UTF-8"?><a/>'), []);
  assert.deepEqual(errors("<?xml version='1.0' standalone='yes' ?>\n<a/>"), []);
  assert.equal(errors('<?xml encoding="UTF-8" version="1.0"?><a/>')[0]?.[2], 'The XML declaration must start with version="1.0"');
  assert.match(String(errors('<?xml version="1.0" standalone="maybe"?><a/>')[0]?.[2]), /^Malformed XML declaration/);
  assert.match(String(errors('<?xml version=1.0?><a/>')[0]?.[2]), /^Malformed XML declaration/);
  assert.match(String(errors('<?XML version="1.0"?><a/>')[0]?.[2]), /reserved/);
});

test("']]>' in text, CDATA outside the root, a processing instruction without a target", () => {
  assert.deepEqual(errors('<a>x]]>y</a>'), [[4, 7, "']]>' is not allowed in text (write ]]&gt;)"]]);
  assert.deepEqual(errors('<a/>\n<![CDATA[x]]>'), [[5, 14, 'CDATA section outside the root element']]);
  assert.deepEqual(errors('<a><? ?></a>'), [[3, 5, 'Processing instruction without a target name']]);
  assert.deepEqual(errors('<a><![CDATA[ ]]> ]] > </a>'), []);
});
