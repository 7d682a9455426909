// The --jobs pool (cli/src/lint-pool.ts) itself: threads take chunks from a shared counter, workers wait past a
// window of chunks ahead of the consumer. Outcomes must come in file order and equal one thread's whatever the pace
// of the consumer, and a consumer that stops early must not leave a worker waiting (the run would never end).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chunkSize, lintOutcomes } from '../../cli/src/lint-pool';
import type { FileOutcome, LintJob } from '../../cli/src/lint-file';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { REPO } from '../helpers/shared';

const CLI = path.join(REPO, 'dist/cli.js');
const NO_BUNDLE = fs.existsSync(CLI) ? false : 'dist/cli.js is not built (node scripts/build.mjs)';

/** 400 small files with findings in 200 product homes: on 2 threads 100 chunks of 4, far more than the window of 32. */
function workspace(): { dir: string; files: string[] } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-pool-')));
  const files: string[] = [];
  for (let i = 0; i < 200; i++) {
    const conf = path.join(dir, `home-${String(i).padStart(3, '0')}`, 'repository', 'conf');
    fs.mkdirSync(conf, { recursive: true });
    const toml = path.join(conf, 'deployment.toml');
    fs.writeFileSync(toml, `[server]\nhostname = "h${i}"\n\n[super_admin]\nusername = "admin"\npassword = "admin"\n\n[transport.https.properties]\nport = ${9443 + i}\n`);
    const props = path.join(conf, 'log4j2.properties');
    fs.writeFileSync(props, `appenders = CARBON_LOGFILE\nappender.CARBON_LOGFILE.type = RollingFile\nappender.CARBON_LOGFILE.fileName = x${i}.log\nappender.CARBON_LOGFILE.layout.pattern = %m%n\n`);
    files.push(toml, props);
  }
  return { dir, files };
}

const job = (): LintJob => ({ settings: resolveSettings(), rules: [], ignoreRules: [], fix: false, lint: true });

async function collect(files: string[], jobs: number, pace?: (i: number) => Promise<void>): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for await (const r of lintOutcomes(files, job(), jobs, CLI)) {
    out.push(r);
    if (pace) await pace(out.length);
  }
  return out;
}

test('chunks: small for balance, at most 8 files', () => {
  assert.equal(chunkSize(10_200, 2), 8);
  assert.equal(chunkSize(400, 2), 4);
  assert.equal(chunkSize(10, 3), 1);
});

test('--jobs 2 and 3 with a slow consumer: the outcomes of one thread, in file order', { skip: NO_BUNDLE, timeout: 120_000 }, async () => {
  const { dir, files } = workspace();
  try {
    const one = await collect(files, 1);
    assert.ok(one.some((r) => 'findings' in r && r.findings.length > 0), 'the files have findings');
    for (const jobs of [2, 3]) {
      // A pause every few outcomes: the workers run into the window and wait (Atomics.wait) for the consumer.
      const many = await collect(files, jobs, (i) => (i % 7 ? Promise.resolve() : new Promise((r) => setTimeout(r, 5))));
      assert.deepEqual(many.map((r) => r.file), files);
      assert.deepEqual(many, one, `--jobs ${jobs}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a consumer that stops early ends the run: waiting workers are released and stopped', { skip: NO_BUNDLE, timeout: 60_000 }, async () => {
  const { dir, files } = workspace();
  try {
    let seen = 0;
    for await (const r of lintOutcomes(files, job(), 2, CLI)) {
      assert.equal(r.file, files[seen]);
      if (++seen === 5) break;
    }
    assert.equal(seen, 5);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
