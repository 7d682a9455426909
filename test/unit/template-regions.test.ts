// The branch bodies holding a span (regionOf) and the first chain of a condition enclosing a place
// (firstEnclosing), found through the nesting of a scanned template, against testing every body and every chain
// as before: random templates with nested, repeated and chained conditions, every span over a stretch of offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanTemplate, conditionGroups } from '../../shared-rules/engine/template-scan';
import { firstEnclosing, regionByScan, regionOf } from '../../shared-rules/engine/template-regions';

function randomTemplate(seed: number): string {
  let s = seed;
  const rnd = (n: number) => { s = (s * 1103515245 + 12345) % 2147483648; return s % n; };
  const block = (depth: number): string => {
    let out = '';
    for (let i = 0, n = 1 + rnd(4); i < n; i++) {
      const k = depth > 3 ? 0 : rnd(5);
      if (k === 0) out += ['x = 1\n', 'y\n', '', 'k = "{{ v }}"\n'][rnd(4)];
      else if (k === 1) out += `{% for a in b %}${block(depth + 1)}{% endfor %}`;
      else {
        out += `{% if c${rnd(3)} %}${block(depth + 1)}`;
        for (let e = rnd(3); e > 0; e--) out += `{% elif d${rnd(2)} %}${block(depth + 1)}`;
        if (rnd(2)) out += `{% else %}${block(depth + 1)}`;
        out += '{% endif %}';
      }
    }
    return out;
  };
  return block(0);
}

test('regionOf and firstEnclosing answer as testing every body and every chain', () => {
  let regions = 0;
  let enclosed = 0;
  for (let seed = 1; seed <= 150; seed++) {
    const text = randomTemplate(seed);
    const scan = scanTemplate(text, 'curly');
    assert.equal(scan.problem, undefined, text);
    const groups = conditionGroups(text, scan);
    const step = Math.max(1, Math.floor(text.length / 60));
    for (let a = 0; a <= text.length; a += step) {
      for (const len of [0, 1, 3, 7, 15, 40, 200]) {
        const span = { start: a, end: Math.min(text.length, a + len) };
        const want = regionByScan(scan.chains, span);
        assert.deepEqual(regionOf(scan.chains, span), want, `seed ${seed} ${JSON.stringify(span)}\n${text}`);
        if (want?.length) regions++;
      }
      for (const ci of scan.chains.keys()) {
        const g = groups.group[ci];
        const want = g.find((cj) => { const c = scan.chains[cj]; return scan.tags[c.branches[0].tag].start <= a && a < scan.tags[c.endTag].end; });
        assert.equal(firstEnclosing(scan, g, a), want, `seed ${seed} chain ${ci} at ${a}\n${text}`);
        if (want !== undefined && g.length > 1) enclosed++;
      }
    }
  }
  assert.ok(regions > 5000 && enclosed > 5000, `spans in branches: ${regions}; places in repeated conditions: ${enclosed}`);
});

test('bodies that do not nest as a scan makes them are tested one by one, as before', () => {
  const chains = [
    { branches: [{ bodyStart: 10, bodyEnd: 30 }] },
    { branches: [{ bodyStart: 20, bodyEnd: 40 }] }, // overlaps the first without nesting, and names no parent
  ];
  for (let a = 0; a < 50; a++) for (const len of [0, 1, 5, 15]) {
    const span = { start: a, end: a + len };
    assert.deepEqual(regionOf(chains, span), regionByScan(chains, span), JSON.stringify(span));
  }
});
