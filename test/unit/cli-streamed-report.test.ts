// A plain check prints each file's part of the report as it goes; a run that writes keeps it to the end. The bytes
// must be the same: compared here with --output (which keeps it), for stylish and JSON, with and without findings,
// with a read error among the files, and with --max-warnings notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { layout, rm, run } from './cli-helpers';

const INSECURE = '[super_admin]\nusername = "admin"\npassword = "admin"\n';
const CLEAN = '[server]\nhostname = "gw.example.com"\n';

function both(args: string[], cwd: string): { streamed: ReturnType<typeof run>; kept: string; keptRun: ReturnType<typeof run> } {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-out-')), 'report.txt');
  const streamed = run(args, { cwd });
  const keptRun = run([...args, '--output', out], { cwd });
  const kept = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  rm(path.dirname(out));
  return { streamed, kept, keptRun };
}

test('streamed and kept reports are byte for byte the same (stylish, json; findings, none, notes)', () => {
  const dir = layout({
    'a/repository/conf/deployment.toml': INSECURE,
    'b/repository/conf/deployment.toml': CLEAN,
    'c/repository/conf/deployment.toml': INSECURE,
    'clean/repository/conf/deployment.toml': CLEAN,
  });
  try {
    for (const args of [['.'], ['.', '--format', 'json'], ['.', '--max-warnings', '0'], ['clean/repository/conf/deployment.toml', '--rule', 'default-admin-credentials'], ['clean/repository/conf/deployment.toml', '--rule', 'default-admin-credentials', '--format', 'json']]) {
      const { streamed, kept, keptRun } = both(args, dir);
      assert.equal(streamed.status, keptRun.status, args.join(' '));
      assert.ok(streamed.stdout.length > 0, args.join(' '));
      assert.equal(streamed.stdout, kept, args.join(' '));
    }
    const json = JSON.parse(run(['.', '--format', 'json'], { cwd: dir }).stdout) as Array<{ file: string }>;
    assert.ok(json.length > 2 && json.some((r) => r.file.startsWith('a')) && json.some((r) => r.file.startsWith('c')));
  } finally {
    rm(dir);
  }
});

// Issue 16 item 4: the FIFO used to make the run exit 2; now it is a notice and the exit follows the findings.
test('a plain check with an unreadable entry streams the rest; the entry is a notice, the exit follows the findings', () => {
  const dir = layout({ 'b/repository/conf/deployment.toml': INSECURE });
  try {
    // A FIFO named deployment.toml: never read (it would block), reported as a notice — as an unreadable file is.
    fs.mkdirSync(path.join(dir, 'a/repository/conf'), { recursive: true });
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'a/repository/conf/deployment.toml')]).status, 0);
    const r = run(['.', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    const rows = JSON.parse(r.stdout) as Array<{ file: string }>;
    assert.ok(rows.length > 0 && rows.every((x) => x.file.startsWith('b')));
    assert.match(r.stderr, /skipped .*named pipe \(FIFO\), not a regular file/);
  } finally {
    rm(dir);
  }
});
