// The hover on a finding in a Carbon 4.4 file describes the rule's legacy variant (what it reads there), not the
// deployment.toml check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver/node';
import { lintText } from '../../shared-rules/engine/lint';
import { legacyFileOf } from '../../shared-rules/engine/legacy-files';
import { hoverFor } from '../../server/src/hover';

const ROOT = path.resolve(__dirname, '../fixtures/legacy');

test('hover in log4j.properties of an API-M 2.6.0 home explains the log4j 1.x variant', () => {
  const file = path.join(ROOT, 'apim-2.6.0/repository/conf/log4j.properties');
  const text = fs.readFileSync(file, 'utf8');
  const f = lintText(file, text).findings.filter((x) => x.ruleId === 'log-forging');
  const md = (hoverFor(f, false, undefined, legacyFileOf(file, text)?.file)!.contents as MarkupContent).value;
  assert.match(md, /#### What it does \(Carbon 4\.4 products\)\nCarbon 4\.4 \(log4j 1\.x `log4j\.properties`\)/);
  assert.doesNotMatch(md, /appenders =/);
  // Outside a legacy file the rule's own description stays.
  const plain = (hoverFor(f, false)!.contents as MarkupContent).value;
  assert.match(plain, /#### What it does\nFinds active audit appenders/);
});
