// Baselines: accept today's findings, fail only on new ones; keyed by the SARIF fingerprints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/shared';
import { run, layout, rm } from './cli-helpers';
import { createBaseline, parseBaseline, serializeBaseline } from '../../shared-rules/engine/baseline';

const EX = path.join(REPO, 'examples/wso2am-4.2.0');
const TOML = 'wso2am-4.2.0/repository/conf/deployment.toml';

function product(): string {
  return layout({
    [TOML]: { copy: path.join(EX, 'repository/conf/deployment.toml') },
    'wso2am-4.2.0/repository/conf/log4j2.properties': { copy: path.join(EX, 'repository/conf/log4j2.properties') },
  });
}

test('round trip: the baseline accepts old findings (also after lines move), a new one fails', () => {
  const dir = product();
  try {
    assert.equal(run(['.'], { cwd: dir }).status, 1, 'errors before the baseline');
    const up = run(['.', '--baseline', 'carbonlint-baseline.json', '--update-baseline'], { cwd: dir });
    assert.equal(up.status, 0, up.stderr);
    assert.match(up.stderr, /baseline carbonlint-baseline\.json: \d+ findings accepted/);
    const text = fs.readFileSync(path.join(dir, 'carbonlint-baseline.json'), 'utf8');
    const b = JSON.parse(text) as { version: number; findings: Array<{ fingerprint: string; rule: string; file: string; message: string }> };
    assert.equal(b.version, 2); // fingerprints v2 (rule and location, never a value)
    assert.ok(b.findings.length >= 5);
    assert.deepEqual(Object.keys(b.findings[0]), ['fingerprint', 'rule', 'file', 'message']);
    assert.ok(!text.includes('Pr0d-Db-Passw0rd'), 'no secret in the baseline');

    const old = run(['.', '--baseline', 'carbonlint-baseline.json', '--max-warnings', '0'], { cwd: dir });
    assert.equal(old.status, 0, old.stdout);
    assert.match(old.stdout, /No problems/);
    assert.match(old.stdout, /accepted by the baseline/);

    // Unrelated lines move: still accepted.
    const file = path.join(dir, TOML);
    fs.writeFileSync(file, '# moved\n\n' + fs.readFileSync(file, 'utf8').replace('[user_store]', '\n\n[user_store]'));
    assert.equal(run(['.', '--baseline', 'carbonlint-baseline.json', '--max-warnings', '0'], { cwd: dir }).status, 0);

    // A new finding fails, and only it is reported.
    fs.appendFileSync(file, '\n[database.new_db]\nurl = "jdbc:mysql://db:3306/x?useSSL=true"\npassword = "n3w-secret!"\n');
    const fresh = run(['.', '--baseline', 'carbonlint-baseline.json', '--max-warnings', '0', '--format', 'json'], { cwd: dir });
    assert.equal(fresh.status, 1);
    const rows = JSON.parse(fresh.stdout) as Array<{ rule: string; message: string }>;
    assert.deepEqual(rows.map((r) => r.rule), ['plaintext-password']);
    assert.match(rows[0].message, /database\.new_db\.password/);

    // SARIF keeps every result, marking the accepted ones.
    const sarif = JSON.parse(run(['.', '--baseline', 'carbonlint-baseline.json', '--format', 'sarif'], { cwd: dir }).stdout) as {
      runs: Array<{ results: Array<{ baselineState: string; suppressions?: unknown[]; message: { text: string } }> }>;
    };
    const results = sarif.runs[0].results;
    assert.deepEqual(results.filter((r) => r.baselineState === 'new').map((r) => r.message.text.slice(0, 28)), ['`database.new_db.password` i']);
    assert.ok(results.filter((r) => r.baselineState === 'unchanged').every((r) => r.suppressions?.length === 1));
  } finally {
    rm(dir);
  }
});

test('a missing or malformed baseline exits 2 and writes nothing', () => {
  const dir = product();
  try {
    const missing = run(['.', '--baseline', 'nope.json', '--output', 'out.txt'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.json: cannot read \(ENOENT\); create it with --update-baseline/);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"findings": 3}');
    const bad = run(['.', '--baseline', 'bad.json', '--output', 'out.txt'], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /not a CarbonLint baseline/);
    assert.ok(!fs.existsSync(path.join(dir, 'out.txt')));
    assert.equal(run(['.', '--update-baseline'], { cwd: dir }).status, 2, '--update-baseline needs --baseline');
  } finally {
    rm(dir);
  }
});

test('baseline module: sorted, serialised, parsed back', () => {
  const b = createBaseline([
    { fingerprint: 'b', rule: 'r2', file: 'z.toml', message: 'm' },
    { fingerprint: 'a', rule: 'r1', file: 'a.toml', message: 'm' },
  ]);
  assert.deepEqual(b.findings.map((f) => f.fingerprint), ['a', 'b']);
  assert.deepEqual([...parseBaseline(serializeBaseline(b))], ['a', 'b']);
  assert.throws(() => parseBaseline('nope'), /not valid JSON/);
  assert.throws(() => parseBaseline('{"version":1,"findings":[{}]}'), /findings\[0\]\.fingerprint/);
});
