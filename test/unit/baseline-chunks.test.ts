// A baseline is written a finding at a time (the CLI never joins a 100,000-finding baseline into one string): the
// pieces must be serializeBaseline's bytes exactly, and read back as the same baseline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baselineChunks, createBaseline, readBaseline, serializeBaseline, type BaselineEntry } from '../../shared-rules/engine/baseline';

const entry = (i: number, message = `finding ${i}`): BaselineEntry => ({ fingerprint: `${i}`.padStart(64, 'f'), rule: `rule-${i % 3}`, file: `home-${i % 5}/repository/conf/deployment.toml`, message });

test('baseline pieces join to serializeBaseline, for no, one and many findings, with escapes and non-ASCII', () => {
  const cases: BaselineEntry[][] = [
    [],
    [entry(1)],
    Array.from({ length: 500 }, (_, i) => entry(i, i % 7 ? `\`key.${i}\` is a plain-text secret… "quoted" \\ back\nslash ✓` : `m${i}`)),
  ];
  for (const entries of cases) {
    const b = createBaseline(entries);
    const pieces = [...baselineChunks(b)];
    assert.equal(pieces.join(''), serializeBaseline(b));
    assert.equal(readBaseline(pieces.join('')).accepted.size, new Set(entries.map((e) => e.fingerprint)).size);
    if (entries.length > 1) assert.ok(pieces.length >= entries.length, 'one piece per finding at least');
  }
});
