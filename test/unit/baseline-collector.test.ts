// --update-baseline keeps its entries compact until the end (cli/src/baseline-collector.ts) and writes them again one
// at a time: the file must be byte for byte what createBaseline + serializeBaseline give for the same entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { baselineChunks, createBaseline, serializeBaseline, type BaselineEntry } from '../../shared-rules/engine/baseline';
import { BaselineCollector } from '../../cli/src/baseline-collector';

const hex32 = (i: number) => createHash('sha256').update(String(i)).digest('hex').slice(0, 32);

function entries(): BaselineEntry[] {
  const out: BaselineEntry[] = [];
  for (let i = 0; i < 3000; i++) {
    // Ties on file and rule (several findings of one rule in one file), files and rules in no order, a few
    // fingerprints of another shape (a v1 baseline, upper case, short), messages with escapes and non-ASCII.
    const fingerprint = i % 97 === 0 ? `V1-${i}` : i % 89 === 0 ? hex32(i).toUpperCase() : hex32(i % 1500);
    out.push({
      fingerprint,
      rule: ['weak-ciphers', 'default-admin-credentials', 'Log-Retention', 'ärger'][(i * 7) % 4],
      file: `home-${(i * 31) % 40}/repository/conf/${i % 3 ? 'deployment.toml' : 'Log4j2.properties'}`,
      message: i % 5 ? `\`key.${i % 11}\` is "quoted" \\ back\nslash ✓` : `m${i % 13}`,
    });
  }
  return out;
}

test('compact entries are written as createBaseline + serializeBaseline would: same order, same bytes', () => {
  for (const list of [[], entries().slice(0, 1), entries()]) {
    const c = new BaselineCollector();
    for (const e of list) c.add(e);
    assert.equal(c.length, list.length);
    assert.equal([...baselineChunks(createBaseline([]), c.sorted())].join(''), serializeBaseline(createBaseline(list)));
  }
});

test('baselineChunks of a baseline and of the same entries given apart are the same bytes', () => {
  const b = createBaseline(entries());
  assert.equal([...baselineChunks(createBaseline([]), b.findings)].join(''), [...baselineChunks(b)].join(''));
  assert.equal([...baselineChunks(createBaseline([]), [])].join(''), serializeBaseline(createBaseline([])));
});
