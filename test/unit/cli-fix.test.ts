// --fix writes exactly what the engine's fixText (the editor's fix-all) produces; --fix-dry-run changes nothing
// and prints a unified diff that git can apply, with secret values masked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS, NO_CORPUS } from '../helpers/shared';
import { run, layout, rm, snapshot } from './cli-helpers';
import { fixText } from '../../shared-rules/engine/fixes';
import { unifiedDiff } from '../../cli/src/diff';

// Corpus files in a product layout (names decide the file kind; paths the product).
const FILES: Record<string, string> = {
  'wso2am-4.2.0/repository/conf/deployment.toml': 'apim-4.2.0/deployment.toml',
  'wso2am-4.2.0/repository/conf/log4j2.properties': 'apim-4.2.0/log4j2.properties',
  'wso2am-4.2.0/bin/api-manager.sh': 'apim-4.2.0/api-manager.sh',
  'wso2am-4.2.0/repository/conf/tomcat/context.xml': 'carbon-deployment-4.11.x-context-tomcat9/context.xml',
  'wso2mi-4.3.0/conf/deployment.toml': 'mi-4.3.0/deployment.toml',
  'wso2mi-4.3.0/bin/micro-integrator.sh': 'mi-4.3.0/micro-integrator.sh',
};

function corpusProduct(): string {
  const dir = layout(Object.fromEntries(Object.entries(FILES).map(([to, from]) => [to, { copy: path.join(CORPUS, from) }])));
  fs.chmodSync(path.join(dir, 'wso2am-4.2.0/bin/api-manager.sh'), 0o755);
  return dir;
}

test('--fix on copies of corpus files equals fixText, keeps modes, reports what changed', { skip: NO_CORPUS }, () => {
  const dir = corpusProduct();
  try {
    const expected = new Map(Object.keys(FILES).map((rel) => {
      const file = path.join(dir, rel);
      return [rel, fixText(file, fs.readFileSync(file, 'utf8'), { safeOnly: true }).output];
    }));
    const r = run(['.', '--fix'], { cwd: dir });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    let changed = 0;
    for (const [rel, want] of expected) {
      const got = fs.readFileSync(path.join(dir, rel), 'utf8');
      assert.equal(got, want, rel);
      if (got !== fs.readFileSync(path.join(CORPUS, FILES[rel]), 'utf8')) {
        changed++;
        assert.match(r.stderr, new RegExp(`fixed ${rel.replace(/[.]/g, '\\.')} \\(`));
      }
    }
    assert.ok(changed >= 3, `${changed} files fixed`);
    assert.match(r.stderr, /fixed wso2am-4\.2\.0\/bin\/api-manager\.sh \(.*dh-key-size/);
    assert.equal(fs.statSync(path.join(dir, 'wso2am-4.2.0/bin/api-manager.sh')).mode & 0o777, 0o755);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'wso2am-4.2.0/bin')), ['api-manager.sh'], 'no temp files left');
    // Idempotent: a second run changes nothing.
    const again = snapshot(dir);
    run(['.', '--fix'], { cwd: dir });
    assert.deepEqual(snapshot(dir), again);
  } finally {
    rm(dir);
  }
});

test('--fix-dry-run leaves files byte-identical and prints a diff git applies to the same result', { skip: NO_CORPUS }, () => {
  const dir = corpusProduct();
  try {
    const before = snapshot(dir);
    const r = run(['.', '--fix-dry-run'], { cwd: dir });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.deepEqual(snapshot(dir), before, 'nothing written');
    assert.match(r.stdout, /^--- a\/wso2am-4\.2\.0\/bin\/api-manager\.sh\n\+\+\+ b\/wso2am-4\.2\.0\/bin\/api-manager\.sh\n@@ -\d+,\d+ \+\d+,\d+ @@/m);
    assert.match(r.stdout, /^\+\s+-Djdk\.tls\.ephemeralDHKeySize=2048 \\$/m);
    assert.match(r.stderr, /would change; none was written/);
    assert.ok(!/\u001b\[/.test(r.stdout), 'no colour in a pipe');
    const git = spawnSync('git', ['--version']);
    if (git.status !== 0 || r.stdout.includes('********')) return;
    fs.writeFileSync(path.join(dir, 'fix.diff'), r.stdout);
    const applied = spawnSync('git', ['apply', '--unsafe-paths', 'fix.diff'], { cwd: dir, encoding: 'utf8' });
    assert.equal(applied.status, 0, applied.stderr);
    for (const rel of Object.keys(FILES)) {
      const file = path.join(dir, rel);
      const original = Buffer.from(before.get(rel)!, 'base64').toString('utf8');
      assert.equal(fs.readFileSync(file, 'utf8'), fixText(file, original, { safeOnly: true }).output, rel);
    }
  } finally {
    rm(dir);
  }
});

test('--fix-dry-run masks secret values in the diff', () => {
  // [secrets] not last: the safe fix moves it to the end, so its (secret) lines appear in the diff.
  const toml = '[server]\nhostname = "h"\n\n[secrets]\ndb_password = "[S3cr3t-Value]"\n\n[super_admin]\nusername = "ops"\npassword = "$secret{admin_pw}"\n';
  const dir = layout({ 'wso2am-4.2.0/repository/conf/deployment.toml': toml });
  try {
    const r = run(['.', '--fix-dry-run', '--rule', 'secrets-table-last'], { cwd: dir });
    assert.ok(r.stdout.includes('db_password = "********"'), r.stdout);
    assert.match(r.stdout, /^# carbonlint: secret values are shown as \*{8}$/m);
    assert.ok(!r.stdout.includes('S3cr3t') && !r.stderr.includes('S3cr3t'));
    assert.equal(fs.readFileSync(path.join(dir, 'wso2am-4.2.0/repository/conf/deployment.toml'), 'utf8'), toml);
  } finally {
    rm(dir);
  }
});

test('unifiedDiff: hunks, context, missing final newline', () => {
  const a = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
  const b = 'a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk';
  assert.equal(unifiedDiff(a, a, 'x'), '');
  assert.equal(
    unifiedDiff(a, b, 'x'),
    '--- a/x\n+++ b/x\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -8,3 +8,4 @@\n h\n i\n j\n+k\n\\ No newline at end of file\n',
  );
  assert.equal(unifiedDiff('', 'x\n', 'n'), '--- a/n\n+++ b/n\n@@ -0,0 +1,1 @@\n+x\n');
});
