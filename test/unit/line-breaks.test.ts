// Lines as the editor counts them: LF, CRLF and a lone CR (LSP 3.17, "Text Documents"). The engine's positions,
// its suppression comments and its fixes must use the same lines, or a quick fix lands on the wrong text in a file
// with lone-CR breaks (Java properties and XML accept them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, applyEdits } from '../../shared-rules/engine/text';
import { lintText } from '../../shared-rules/engine/lint';

test('LineIndex gives the positions the editor\'s TextDocument gives, for every offset of mixed line breaks', () => {
  const pieces = ['a', 'bc', ' ', '\n', '\r\n', '\r', '\r\r\n', '\n\r', 'é', '😀'];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  for (let t = 0; t < 300; t++) {
    const text = Array.from({ length: rnd(40) }, () => pieces[rnd(pieces.length)]).join('');
    const ours = new LineIndex(text);
    const editor = TextDocument.create('file:///x', 'plaintext', 1, text);
    assert.equal(ours.lineCount, editor.lineCount, JSON.stringify(text));
    for (let o = 0; o <= text.length; o++) {
      if (text[o - 1] === '\r' && text[o] === '\n') continue; // between CR and LF: no position of its own in either
      assert.deepEqual(ours.positionAt(o), editor.positionAt(o), `${JSON.stringify(text)} @${o}`);
      assert.equal(ours.offsetAt(editor.positionAt(o)), o);
    }
  }
});

test('a lone-CR log4j2.properties: findings on the editor\'s lines, a disable-next-line comment applies, fixes land right', () => {
  const file = '/ws/wso2am-4.2.0/repository/conf/log4j2.properties';
  const text = '# audit\rappenders = AUDIT_LOGFILE\rappender.AUDIT_LOGFILE.type = RollingFile\rappender.AUDIT_LOGFILE.layout.pattern = TID: [%tenantId] [%d] %5p {%c} - %mm%ex%n\r';
  const forging = lintText(file, text).findings.filter((f) => f.ruleId === 'log-forging');
  assert.equal(forging.length, 1);
  assert.equal(forging[0].range.start.line, 3, 'the pattern is on the fourth line the editor shows');
  const doc = TextDocument.create('file:///x', 'properties', 1, text);
  assert.equal(doc.getText(forging[0].range), text.slice(forging[0].span.start, forging[0].span.end));
  assert.ok(forging[0].fix, 'the rule offers its fix');
  {
    const viaRanges = TextDocument.applyEdits(doc, forging[0].fix!.edits.map((e) => ({ range: e.range, newText: e.newText })));
    assert.equal(viaRanges, applyEdits(text, forging[0].fix!.edits), 'the editor applying the ranges gets what the offsets say');
  }
  const suppressed = text.replace('appender.AUDIT_LOGFILE.layout.pattern', '# carbonlint-disable-next-line log-forging\rappender.AUDIT_LOGFILE.layout.pattern');
  const r = lintText(file, suppressed);
  assert.ok(!r.findings.some((f) => f.ruleId === 'log-forging' || f.ruleId === 'unused-suppression'), JSON.stringify(r.findings.map((f) => f.ruleId)));
});
