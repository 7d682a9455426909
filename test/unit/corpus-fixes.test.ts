// Every fix, applied to every corpus file: the file parses no worse, the fixed findings are gone,
// a second application changes nothing, scripts still pass `bash -n`, XML stays well-formed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { XMLValidator } from 'fast-xml-parser';
import { lintText } from '../../shared-rules/engine/lint';
import { fixText } from '../../shared-rules/engine/fixes';
import { classify } from '../../shared-rules/engine/files';
import { CORPUS, NO_CORPUS, corpusFiles } from '../helpers/shared';

const problems = (file: string, text: string) => lintText(file, text).findings.filter((f) => f.guideline === null).length;

for (const rel of corpusFiles()) {
  const file = path.join(CORPUS, rel);
  const text = fs.readFileSync(file, 'utf8');
  const kind = classify(rel, text);
  if (!kind) continue;
  test(`fixes on ${rel}`, { skip: NO_CORPUS }, () => {
    const before = lintText(file, text).findings;
    const fixed = fixText(file, text, { safeOnly: false });
    if (before.every((f) => !f.fix)) {
      assert.equal(fixed.applied, 0);
      return;
    }
    assert.ok(fixed.applied > 0, 'fixable findings were fixed');
    assert.ok(problems(file, fixed.output) <= problems(file, text), 'the file parses no worse');
    const after = lintText(file, fixed.output).findings;
    assert.deepEqual(after.filter((f) => f.fix).map((f) => `${f.ruleId} ${f.range.start.line}`), [], 'no fixable finding left');
    assert.equal(fixText(file, fixed.output, { safeOnly: false }).applied, 0, 'second application changes nothing');
    if (kind === 'shell') {
      const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cl-fix-')), path.basename(rel));
      fs.writeFileSync(tmp, fixed.output);
      const r = spawnSync('bash', ['-n', tmp], { encoding: 'utf8' });
      fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
      const orig = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
      if (orig.status === 0) assert.equal(r.status, 0, `bash -n after fixes: ${r.stderr}`);
    }
    if (kind === 'xml' && XMLValidator.validate(text) === true) assert.equal(XMLValidator.validate(fixed.output), true, 'still well-formed');
  });
}
