// The "Disable <rule> for this line / file" edits: right comment syntax, indentation, placement (never before a
// shebang or an XML declaration, never inside a continued statement), and reuse of an existing suppression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disableFileEdit, disableLineEdit } from '../../shared-rules/engine/suppression-edits';
import { applyEdits, type OffsetEdit } from '../../shared-rules/engine/text';
import type { FileKind } from '../../shared-rules/engine/rule';

function apply(text: string, e: OffsetEdit | undefined): string {
  assert.ok(e, 'an edit');
  return applyEdits(text, [e]);
}

const line = (kind: FileKind, name: string, text: string, at: string) => disableLineEdit(name, kind, text, 'rule-a', text.indexOf(at));

test('for this line: indented like the statement, in each syntax', () => {
  const toml = '[server]\n    password = "x"\n';
  assert.equal(apply(toml, line('toml', 'deployment.toml', toml, '"x"')), '[server]\n    # carbonlint-disable-next-line rule-a\n    password = "x"\n');
  const xml = '<Context>\r\n  <Manager pathname=""/>\r\n</Context>\r\n';
  assert.equal(apply(xml, line('xml', 'context.xml', xml, 'pathname')), '<Context>\r\n  <!-- carbonlint-disable-next-line rule-a -->\r\n  <Manager pathname=""/>\r\n</Context>\r\n');
  const bat = 'set X=1\n';
  assert.equal(apply(bat, line('shell', 'wso2server.bat', bat, 'X')), 'REM carbonlint-disable-next-line rule-a\nset X=1\n');
});

test('for this line: above the start of a continued statement', () => {
  const props = 'a = 1\nlayout.pattern = %d \\\n   %m%n\n';
  assert.equal(apply(props, line('properties', 'log4j2.properties', props, '%m%n')), 'a = 1\n# carbonlint-disable-next-line rule-a\nlayout.pattern = %d \\\n   %m%n\n');
  const toml = 'ciphers = [\n  "TLS_RSA",\n]\n';
  assert.equal(apply(toml, line('toml', 'deployment.toml', toml, 'TLS_RSA')), '# carbonlint-disable-next-line rule-a\nciphers = [\n  "TLS_RSA",\n]\n');
  const sh = '#!/bin/sh\n  $JAVACMD \\\n    -Dx=1 \\\n    Bootstrap\n';
  assert.equal(apply(sh, line('shell', 'wso2server.sh', sh, '-Dx')), '#!/bin/sh\n  # carbonlint-disable-next-line rule-a\n  $JAVACMD \\\n    -Dx=1 \\\n    Bootstrap\n');
  const xml = '<Context>\n  <Manager\n     pathname=""/>\n</Context>';
  assert.equal(apply(xml, line('xml', 'context.xml', xml, 'pathname')), '<Context>\n  <!-- carbonlint-disable-next-line rule-a -->\n  <Manager\n     pathname=""/>\n</Context>');
});

test('for this line: joins a suppression already above; nothing before a shebang', () => {
  const toml = '# carbonlint-disable-next-line rule-b -- why\nkey = "x"\n';
  assert.equal(apply(toml, line('toml', 'deployment.toml', toml, '"x"')), '# carbonlint-disable-next-line rule-b, rule-a -- why\nkey = "x"\n');
  const sh = '#!/bin/sh\necho\n';
  assert.equal(disableLineEdit('wso2server.sh', 'shell', sh, 'rule-a', 2), undefined);
});

test('for this file: at the top, after a shebang or XML declaration, or joining an existing one', () => {
  assert.equal(apply('[a]\n', disableFileEdit('deployment.toml', 'toml', '[a]\n', 'rule-a')), '# carbonlint-disable-file rule-a\n[a]\n');
  assert.equal(apply('#!/bin/sh\necho\n', disableFileEdit('x.sh', 'shell', '#!/bin/sh\necho\n', 'rule-a')), '#!/bin/sh\n# carbonlint-disable-file rule-a\necho\n');
  assert.equal(apply('#!/bin/sh', disableFileEdit('x.sh', 'shell', '#!/bin/sh', 'rule-a')), '#!/bin/sh\n# carbonlint-disable-file rule-a\n');
  const xml = '<?xml version="1.0"?>\n<Context/>\n';
  assert.equal(apply(xml, disableFileEdit('context.xml', 'xml', xml, 'rule-a')), '<?xml version="1.0"?>\n<!-- carbonlint-disable-file rule-a -->\n<Context/>\n');
  const again = '# carbonlint-disable-file rule-b\n[a]\n';
  assert.equal(apply(again, disableFileEdit('deployment.toml', 'toml', again, 'rule-a')), '# carbonlint-disable-file rule-b, rule-a\n[a]\n');
});
