// Property tests over hostile input (issue 16, "Done when"): random globs through the glob matcher and random
// keystore DER and bytes through keystore inspection, each input under a time bound; nothing may throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { compileGlob, globMatcher } from '../../shared-rules/engine/glob';
import { parseProjectConfig } from '../../shared-rules/engine/project-config';
import { openStore } from '../../shared-rules/keystores/open';
import { Budget, withBudget } from '../../shared-rules/keystores/budget';

const timed = (f: () => void): number => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

// Glob characters with weight on the special ones, so patterns are dense in `*`, `**/`, braces and classes.
const globChar = fc.constantFrom('*', '*', '**/', '?', '{', '}', ',', '[', ']', '!', '-', '/', 'a', 'b', 'z', '.', '\\', ' ');
const glob = fc.array(globChar, { maxLength: 40 }).map((a) => a.join(''));
const pathStr = fc.oneof(
  fc.array(fc.constantFrom('a', 'b', '/', '.', '-', '[', ']'), { maxLength: 60 }).map((a) => a.join('')),
  fc.nat({ max: 3000 }).map((n) => 'a'.repeat(n)), // long names: where backtracking used to explode
  fc.nat({ max: 1500 }).map((n) => 'a/'.repeat(n)),
);

test('random globs: compile to a matcher or an error value, never throw; each match within 200 ms', () => {
  fc.assert(
    fc.property(glob, pathStr, (g, p) => {
      let c: ReturnType<typeof compileGlob> | undefined;
      assert.doesNotThrow(() => (c = compileGlob(g)));
      if (c && !('error' in c)) {
        const m = c;
        const ms = timed(() => {
          m.matches(p);
          m.matchesPathOrParent(p);
        });
        assert.ok(ms < 200, `${JSON.stringify(g)} over ${p.length} characters: ${ms.toFixed(0)} ms`);
      }
      assert.doesNotThrow(() => globMatcher([g, '**/x'])(p));
      assert.doesNotThrow(() => parseProjectConfig(JSON.stringify({ exclude: [g] })));
    }),
    { numRuns: 400 },
  );
});

// DER trees: SEQUENCE / [0] / constructed OCTET STRING nodes over INTEGER, OCTET STRING, OID and NULL leaves, in
// definite or BER indefinite length, with iteration-count-like integers up to 2^31.
type Node = Buffer;
const len = (n: number) => (n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]));
const tlv = (tag: number, body: Buffer, indefinite: boolean) =>
  indefinite && tag & 0x20 ? Buffer.concat([Buffer.from([tag, 0x80]), body, Buffer.from([0, 0])]) : Buffer.concat([Buffer.from([tag]), len(body.length), body]);
const leaf = fc.oneof(
  fc.integer({ min: 0, max: 0x7fffffff }).map((n) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return tlv(0x02, b, false); }),
  fc.uint8Array({ maxLength: 24 }).map((b) => tlv(0x04, Buffer.from(b), false)),
  fc.constantFrom('2a864886f70d010c0103', '2a864886f70d010706', '2a864886f70d010701', '2a864886f70d01050d').map((h) => tlv(0x06, Buffer.from(h, 'hex'), false)),
  fc.constant(Buffer.from([0x05, 0x00])),
);
const { tree } = fc.letrec<{ tree: Node }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(fc.constantFrom(0x30, 0xa0, 0x24, 0x31), fc.array(tie('tree'), { maxLength: 5 }), fc.boolean())
      .map(([tag, kids, indefinite]) => tlv(tag, Buffer.concat(kids), indefinite)),
  ),
}));
const pfx = fc.tuple(tree, fc.boolean()).map(([t, ind]) => tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([3]), false), t]), ind));

const FIXTURES = path.join(__dirname, '../fixtures/hostile-keystores');
const base = fs.readFileSync(path.join(FIXTURES, 'modest.p12'));
const mutated = fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 })
  .map((edits) => { const b = Buffer.from(base); for (const [i, v] of edits) b[i] = v; return b; });

test('random keystore DER and bytes: inspected under the budget, never a throw, each within the bound', () => {
  // A small budget so the run stays short: the property is that the budget holds, whatever the bytes.
  const limits = { iterations: 60_000, bytes: 1024 * 1024, ms: 1500 };
  fc.assert(
    fc.property(fc.oneof(pfx, mutated, fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.concat([Buffer.from([0x30, 0x80]), Buffer.from(b)]))), (bytes) => {
      let r: ReturnType<typeof openStore> | undefined;
      const ms = timed(() => void (r = withBudget(new Budget(limits), () => openStore(bytes, 'pw'))));
      assert.ok(r, 'a result');
      assert.ok(ms < 4000, `${ms.toFixed(0)} ms for ${bytes.length} bytes`);
    }),
    { numRuns: 150 },
  );
});
