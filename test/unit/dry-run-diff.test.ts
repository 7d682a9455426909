// --fix-dry-run's diff always applies with the real `git apply`: masked secret lines never enter the patch (masked
// context is trimmed; a change touching a secret is shown as # comments, both sides masked alike), and no secret value
// ([encryption] key, hmac_key, the SHA-256 of app_password) is printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, layout, rm } from './cli-helpers';
import { fixText } from '../../shared-rules/engine/fixes';
import { fileDiff } from '../../cli/src/diff';
import { redactLines } from '../../shared-rules/engine/redact';

const HAS_GIT = spawnSync('git', ['--version']).status === 0;

/** Applies `patch` with git apply in a fresh repository holding `files`; returns the files afterwards. */
function gitApply(files: Record<string, string>, patch: string): { status: number | null; stderr: string; files: Record<string, string> } {
  const dir = layout(files);
  try {
    spawnSync('git', ['init', '-q'], { cwd: dir });
    fs.writeFileSync(path.join(dir, 'fix.diff'), patch);
    const r = spawnSync('git', ['apply', '-v', 'fix.diff'], { cwd: dir, encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr, files: Object.fromEntries(Object.keys(files).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')])) };
  } finally {
    rm(dir);
  }
}

function masked(a: string, b: string, name = 'f.toml') {
  const oldShown = redactLines(a);
  const newShown = redactLines(b);
  return fileDiff(a, b, name, { showOld: (i) => oldShown[i], showNew: (i) => newShown[i] });
}

test('masked context next to a change is trimmed: the patch applies and shows no secret', { skip: !HAS_GIT }, () => {
  const a = '[a]\nx = 1\n[encryption]\nkey = "K3y-Secret-Value-001"\n[b]\ny = 2\nz = 3\n';
  const b = '[a]\nx = 1\n[encryption]\nkey = "K3y-Secret-Value-001"\n[b]\ny = 20\nz = 3\n';
  const d = masked(a, b);
  assert.equal(d.withheld, 0);
  assert.ok(!d.text.includes('K3y-Secret'), d.text);
  assert.ok(!d.text.includes('********'), 'the masked line is not in the patch');
  const r = gitApply({ 'f.toml': a }, d.text);
  assert.equal(r.status, 0, r.stderr + d.text);
  assert.equal(r.files['f.toml'], b);
});

test('a change to a line holding a secret is withheld as comments (same mask both sides); the rest applies', { skip: !HAS_GIT }, () => {
  const filler = Array.from({ length: 12 }, (_x, i) => `k${i} = ${i}`).join('\n');
  const a = `[apim.gateway]\nhmac_key = "Hm4c-Secret-Value-77"\n${filler}\n[c]\nv = "old"\n`;
  const b = `[apim.gateway]\nhmac_key = "Hm4c-Secret-Value-77" # rotated\n${filler}\n[c]\nv = "new"\n`;
  const d = masked(a, b);
  assert.equal(d.withheld, 1);
  assert.ok(!d.text.includes('Hm4c'), d.text);
  assert.match(d.text, /^# -hmac_key = "\*{8}"$/m);
  assert.match(d.text, /^# \+hmac_key = "\*{8}" # rotated$/m);
  const r = gitApply({ 'f.toml': a }, d.text);
  assert.equal(r.status, 0, r.stderr + d.text);
  assert.equal(r.files['f.toml'], a.replace('"old"', '"new"'), 'the applicable change is applied, the withheld one is not');
});

test('CLI --fix-dry-run: git apply accepts the printed diff; [encryption] key, hmac_key and the app_password hash never appear', { skip: !HAS_GIT }, () => {
  const appPassword = 'Wq7-app-pw-9931';
  const hash = createHash('sha256').update(appPassword).digest('hex');
  const toml = [
    '[server]', 'hostname = "localhost"', '',
    '[encryption]', 'key = "3a6f1c2b9d8e7f60aabbccddeeff0011"', '',
    '[apim.gateway]', 'hmac_key = "S3cretHmacKeyValue42"', '',
    '[identity.auth_framework.endpoint]', `app_password = "${appPassword}"`, '',
    '[super_admin]', 'username = "ops"', 'password = "$secret{admin_pw}"', '',
  ].join('\n');
  const rel = 'wso2is-7.0.0/repository/conf/deployment.toml';
  const xmlRel = 'wso2is-7.0.0/repository/conf/tomcat/context.xml';
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Context [\n<!ENTITY dbpw "EntSecretValue123">\n]>\n<Context>\n' +
    '  <Manager className="org.apache.catalina.session.StandardManager" sessionIdLength="16"/>\n</Context>\n';
  const dir = layout({ [rel]: toml, [xmlRel]: xml });
  try {
    const r = run(['.', '--fix-dry-run'], { cwd: dir });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const out = r.stdout + r.stderr;
    for (const secret of ['EntSecretValue123', '3a6f1c2b9d8e7f60aabbccddeeff0011', 'S3cretHmacKeyValue42', appPassword, hash, hash.toUpperCase()]) {
      for (let i = 0; i + 8 <= secret.length; i++) assert.ok(!out.includes(secret.slice(i, i + 8)), `"${secret.slice(i, i + 8)}" of a secret in:\n${out}`);
    }
    assert.match(r.stdout, /^# carbonlint: .*git apply/m, 'the header says the patch applies as printed');
    const applied = gitApply({ [rel]: toml, [xmlRel]: xml }, r.stdout);
    assert.equal(applied.status, 0, applied.stderr + r.stdout);
    // context.xml's fix sits next to the entity (trimmed from its context) and applies in full; deployment.toml's
    // fixes insert the SHA-256 of app_password, so that hunk is withheld.
    assert.equal(applied.files[xmlRel], fixText(path.join(dir, xmlRel), xml, { safeOnly: true }).output);
    assert.match(r.stdout, /^# carbonlint: 1 change touching/m);
    assert.equal(applied.files[rel], toml);
  } finally {
    rm(dir);
  }
});
