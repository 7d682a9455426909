// Every --format's report for the whole corpus, byte for byte against references captured before the issue 22 work
// (test/fixtures/output-reference/SOURCES.md): to stdout, to --output FILE, and the runs that keep the report to the
// end (--fix, --update-baseline) or apply a baseline. After a deliberate change:
// CARBONLINT_UPDATE=1 node --import tsx --test test/unit/cli-output-reference.test.ts, then read the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CLI, rm } from './cli-helpers';
import { REPO } from '../helpers/shared';
import { version } from '../../package.json';

const CORPUS = path.join(REPO, 'test/fixtures/shared/corpus');
const REF = path.join(REPO, 'test/fixtures/output-reference');
const CLOCK = path.join(REF, 'fixed-clock.cjs');
const CONFIG = path.join(REF, 'empty.carbonlint.json');
const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'checkstyle', 'gitlab', 'github'];
const update = process.env.CARBONLINT_UPDATE === '1';

function cli(args: string[], cwd: string) {
  const env = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'CARBONLINT_DOCS_URL']) delete env[k];
  // An empty project file named explicitly: a .carbonlint.json above the corpus (or its temp copy) changes nothing.
  const r = spawnSync(process.execPath, ['-r', CLOCK, CLI, ...args, '--config', CONFIG], { cwd, encoding: 'utf8', env, maxBuffer: 256 << 20 });
  assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r;
}

/** What depends on where the tests run (the folder's URI in SARIF) or on the release (the tool version) is a placeholder. */
function normalize(text: string, root: string): string {
  const uri = pathToFileURL(root + path.sep).href;
  return text.split(uri).join('file:///ROOT/')
    .split(`"version": "${version}"`).join('"version": "TOOL_VERSION"')
    .split(`"semanticVersion": "${version}"`).join('"semanticVersion": "TOOL_VERSION"');
}

function check(variant: string, actual: string): void {
  const file = path.join(REF, `${variant}.out.gz`);
  if (update) fs.writeFileSync(file, gzipSync(actual, { level: 9 }));
  assert.ok(fs.existsSync(file), `no reference for ${variant}: run with CARBONLINT_UPDATE=1`);
  const expected = gunzipSync(fs.readFileSync(file)).toString('utf8');
  if (actual === expected) return;
  // Name the first differing line rather than printing megabytes.
  const a = actual.split('\n');
  const e = expected.split('\n');
  const i = a.findIndex((l, k) => l !== e[k]);
  assert.fail(`${variant}: differs from the reference at line ${(i < 0 ? e.length : i) + 1}\n  got:      ${a[i]}\n  expected: ${e[i < 0 ? a.length : i]}`);
}

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-ref-'));

for (const format of FORMATS) {
  test(`--format ${format} of the corpus: stdout and --output FILE are the reference bytes`, () => {
    check(format, normalize(cli(['--format', format, '.'], CORPUS).stdout, CORPUS));
    const dir = temp();
    try {
      const out = path.join(dir, `report.${format}`);
      const r = cli(['--format', format, '.', '--output', out], CORPUS);
      assert.equal(r.stdout, '');
      check(format, normalize(fs.readFileSync(out, 'utf8'), CORPUS));
      assert.deepEqual(fs.readdirSync(dir), [`report.${format}`], 'no temp file left beside the output');
    } finally {
      rm(dir);
    }
  });
}

test('kept reports (--update-baseline, --fix) and a baseline applied are the reference bytes', () => {
  const dir = temp();
  try {
    // On a copy (--fix writes); the baseline is named relative to it (SARIF quotes its name).
    const copy = path.join(dir, 'corpus');
    fs.cpSync(CORPUS, copy, { recursive: true });
    const run = (variant: string, args: string[]) => check(variant, normalize(cli(args, copy).stdout, copy));
    // Accept the findings of one product; the report that writes the baseline is kept to the end (exit 2 prints nothing).
    run('sarif-update-baseline', ['--format', 'sarif', 'apim-4.2.0', '--update-baseline', '--baseline', 'baseline.json']);
    run('sarif-baseline', ['--format', 'sarif', '.', '--baseline', 'baseline.json']);
    run('json-baseline-quiet', ['--format', 'json', '.', '--baseline', 'baseline.json', '--quiet']);
    run('junit-fix', ['--format', 'junit', '.', '--fix']);
    run('sarif-after-fix', ['--format', 'sarif', '.']);
  } finally {
    rm(dir);
  }
});
