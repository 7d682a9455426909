// Every corpus file's findings, compared with a hand-reviewed expectation file in test/corpus/.
// After a deliberate change: CARBONLINT_UPDATE=1 npm test -- corpus-expectations, then READ the diff before committing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { classify } from '../../shared-rules/engine/files';
import { diskResources } from '../../shared-rules/keystores/store-files';
import { CORPUS, REPO, NO_CORPUS, corpusFiles } from '../helpers/shared';

const EXPECT_DIR = path.join(REPO, 'test/corpus');
const update = process.env.CARBONLINT_UPDATE === '1';
// A fixed clock: the G01 message says whether the bundled advisory data is older than maxDataAgeDays.
const NOW = Date.parse('2026-12-01T00:00:00Z');

function render(rel: string, text: string): string {
  const r = lintText(path.join(CORPUS, rel), text, { resources: { ...diskResources(), now: () => NOW } });
  const head = `# ${rel} — ${r.kind ?? 'not checked'}; product ${r.product.product}${r.product.version ? ' ' + r.product.version : ''} (${r.product.source})`;
  const rows = r.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.severity} ${f.ruleId}${f.fix ? (f.fix.safe ? ' [fix]' : ' [fix?]') : ''} ${f.message}`);
  return [head, ...rows].join('\n') + '\n';
}

for (const rel of corpusFiles()) {
  const text = fs.readFileSync(path.join(CORPUS, rel), 'utf8');
  if (!classify(rel, text)) continue;
  test(`corpus expectation: ${rel}`, { skip: NO_CORPUS }, () => {
    const file = path.join(EXPECT_DIR, rel + '.txt');
    const actual = render(rel, text);
    if (update) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, actual);
    }
    assert.ok(fs.existsSync(file), `no expectation for ${rel}: run with CARBONLINT_UPDATE=1 and review it`);
    assert.equal(actual, fs.readFileSync(file, 'utf8'));
  });
}

test('corpus present', { skip: NO_CORPUS }, () => assert.ok(corpusFiles().length >= 80));
