// The spool of a report printed at the end: same bytes out as in, copied a chunk at a time with back-pressure,
// and no file left behind (unlinked at once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { openSpool } from '../../cli/src/report-spool';
import { stdoutWriter } from '../../cli/src/stdout-writer';

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-spool-'));

/** A reader that takes one chunk every `ms`, recording how much the stream held at most. */
function slowSink(ms: number) {
  const chunks: Buffer[] = [];
  let most = 0;
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      setTimeout(done, ms);
    },
  });
  const write = stream.write.bind(stream);
  stream.write = ((chunk: never, ...rest: never[]) => {
    const ok = write(chunk, ...rest);
    most = Math.max(most, stream.writableLength);
    return ok;
  }) as typeof stream.write;
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), most: () => most };
}

test('a spooled report comes out byte for byte, multi-byte text included, a chunk at a time', async () => {
  const dir = temp();
  try {
    const spool = openSpool(dir);
    assert.deepEqual(fs.readdirSync(dir), [], 'unlinked as soon as it is opened');
    const parts = Array.from({ length: 3000 }, (_, i) => `{"row": ${i}, "message": "café ✓ ${'x'.repeat(i % 97)}"}\n`);
    for (const p of parts) spool.write(p);
    const sink = slowSink(1);
    await spool.copyTo(stdoutWriter(sink.stream));
    await new Promise<void>((resolve) => sink.stream.end(resolve));
    assert.equal(sink.text(), parts.join(''));
    // Back-pressure: never more than one 64 KB chunk beyond what the stream holds when it asks to wait.
    assert.ok(sink.most() <= 64 * 1024 + 16 * 1024, `the stream held ${sink.most()} bytes`);
    spool.close(); // closing twice is harmless
    assert.deepEqual(fs.readdirSync(dir), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an empty spool copies nothing; a spool closed unprinted leaves nothing; an unwritable folder is a CLI error', async () => {
  const dir = temp();
  try {
    const empty = openSpool(dir);
    const sink = slowSink(0);
    await empty.copyTo(stdoutWriter(sink.stream));
    assert.equal(sink.text(), '');
    const dropped = openSpool(dir);
    dropped.write('never printed');
    dropped.close();
    assert.deepEqual(fs.readdirSync(dir), []);
    assert.throws(() => openSpool(path.join(dir, 'missing')), /cannot write the report's temp file in .*missing \(ENOENT\)/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
