// Fingerprints v2 hash the rule and the location, never a value; a baseline written with v1 fingerprints (older
// versions, which hashed the masked lines) is still honoured, and --update-baseline rewrites it as v2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/shared';
import { run, layout, rm } from './cli-helpers';
import { fingerprints } from '../../shared-rules/engine/fingerprint';
import { lintText } from '../../shared-rules/engine/lint';

const TOML = 'wso2am-4.2.0/repository/conf/deployment.toml';

test('a v1 baseline still accepts its findings; the note says to rewrite it', () => {
  const dir = layout({ [TOML]: { copy: path.join(REPO, 'examples/wso2am-4.2.0/repository/conf/deployment.toml') } });
  try {
    const file = path.join(dir, TOML);
    const text = fs.readFileSync(file, 'utf8');
    const findings = lintText(file, text).findings;
    const v1 = fingerprints(TOML, text, findings, 1);
    assert.notDeepEqual(v1, fingerprints(TOML, text, findings), 'v2 differs from v1');
    const baseline = { version: 1, tool: 'carbonlint', findings: findings.map((f, i) => ({ fingerprint: v1[i], rule: f.ruleId, file: TOML, message: f.message })) };
    fs.writeFileSync(path.join(dir, 'b.json'), JSON.stringify(baseline));
    const r = run(['.', '--baseline', 'b.json'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /No problems/);
    assert.match(r.stdout, /older version .*--update-baseline rewrites it/);
  } finally {
    rm(dir);
  }
});

test('v2 fingerprints ignore values: a changed secret or value keeps the fingerprint', () => {
  const a = '[server]\nhostname = "h"\n\n[encryption]\nkey = "aaaaaaaaaaaaaaaa"\n\n[super_admin]\nusername = "admin"\npassword = "admin"\n';
  const b = a.replace('password = "admin"', 'password = "0ther-S3cret"').replace('aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb');
  const fp = (t: string) => {
    const fs2 = lintText(TOML, t).findings.filter((f) => f.ruleId === 'plaintext-password');
    return fingerprints(TOML, t, fs2);
  };
  assert.equal(fp(a).length, 1);
  assert.deepEqual(fp(a), fp(b));
});
