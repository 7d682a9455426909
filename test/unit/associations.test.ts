// `.carbonlint.json` "associations" (issue 15): glob → kind for names CarbonLint would not recognise.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseProjectConfig } from '../../shared-rules/engine/project-config';
import { classify, mayClassify } from '../../shared-rules/engine/files';
import { anchorAssociations } from '../../shared-rules/engine/associations';
import { lintText } from '../../shared-rules/engine/lint';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { layout, rm, run } from './cli-helpers';

const ADMIN = '[super_admin]\nusername = "admin"\npassword = "admin"\ncreate_admin_account = true\n';

test('project file: associations are parsed, friendly kind names accepted, bad ones reported at their key', () => {
  const { config, errors } = parseProjectConfig(JSON.stringify({ associations: { '*.cfg': 'deployment.toml', 'bin/start-*': 'startup-script', 'x.log': 'log4j2.properties', '**/web/*.xml': 'context.xml' } }));
  assert.deepEqual(errors, []);
  assert.deepEqual(config.settings.associations, [
    { glob: '*.cfg', kind: 'toml' }, { glob: 'bin/start-*', kind: 'shell' }, { glob: 'x.log', kind: 'properties' }, { glob: '**/web/*.xml', kind: 'xml' },
  ]);
  assert.deepEqual(parseProjectConfig(JSON.stringify({ associations: { '*.cfg': 'yaml' } })).errors.map((e) => e.key), ['associations.*.cfg']);
  assert.deepEqual(parseProjectConfig(JSON.stringify({ associations: ['*.cfg'] })).errors.map((e) => e.key), ['associations']);
});

test('classify: a name glob matches the file name, a path glob the path below the project file', () => {
  const settings = anchorAssociations(parseProjectConfig(JSON.stringify({ associations: { '*.cfg': 'toml', 'conf/prod/*': 'toml' } })).config.settings, '/proj');
  const a = settings.associations!;
  assert.equal(classify('/proj/any/where/app.cfg', undefined, a), 'toml');
  assert.equal(classify('/proj/conf/prod/server', undefined, a), 'toml');
  assert.equal(classify('/proj/other/conf/prod/server', undefined, a), undefined, 'path globs are anchored at the project folder');
  assert.equal(classify('/elsewhere/conf/prod/server', undefined, a), undefined);
  assert.equal(classify('/proj/conf/prod/server'), undefined, 'without associations');
  assert.ok(mayClassify('/proj/any/app.cfg', a));
  // An association wins over the name: a deployment.toml associated as properties is read as properties.
  assert.equal(classify('/proj/a/deployment.toml', undefined, [{ glob: 'deployment.toml', kind: 'properties' }]), 'properties');
  // lintText honours the settings' associations.
  const r = lintText('/proj/any/app.cfg', ADMIN, { settings: resolveSettings(settings) });
  assert.equal(r.kind, 'toml');
  assert.ok(r.findings.some((f) => f.ruleId === 'default-admin-credentials'));
});

test('CLI: a folder walk picks up associated files; without the association they are left alone', () => {
  const dir = layout({ 'conf/prod.cfg': ADMIN, 'notes.cfg': ADMIN, '.carbonlint.json': JSON.stringify({ associations: { 'conf/*.cfg': 'deployment.toml' } }) });
  try {
    const r = run(['.', '--format', 'json'], { cwd: dir });
    assert.notEqual(r.status, 2, r.stderr);
    const files = new Set((JSON.parse(r.stdout) as Array<{ file: string; rule: string }>).map((f) => `${f.file} ${f.rule}`));
    assert.deepEqual([...files], ['conf/prod.cfg default-admin-credentials', 'conf/prod.cfg plaintext-password']);
    fs.writeFileSync(path.join(dir, '.carbonlint.json'), '{}');
    // Left alone: nothing is read, which on its own is the "no file CarbonLint reads here" error (exit 2)…
    assert.equal(run(['.', '--format', 'json'], { cwd: dir }).status, 2);
    // …and, with that error switched off, an empty report.
    const none = run(['.', '--format', 'json', '--no-error-on-unmatched-pattern'], { cwd: dir });
    assert.deepEqual(JSON.parse(none.stdout), [], none.stderr);
    fs.writeFileSync(path.join(dir, '.carbonlint.json'), JSON.stringify({ associations: { 'conf/*.cfg': 'yml' } }));
    const bad = run([dir], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /associations\.conf\/\*\.cfg: kind must be one of/);
  } finally {
    rm(dir);
  }
});

test('CLI: template twins are found by a folder walk', () => {
  const dir = layout({ 'roles/apim/templates/deployment.toml.j2': '[super_admin]\nusername = "admin"\npassword = "{{ admin_password }}"\n' });
  try {
    const r = run(['.'], { cwd: dir });
    assert.notEqual(r.status, 2, r.stderr);
    assert.match(r.stdout, /deployment\.toml\.j2[\s\S]*2:12\s+warning\s+\[super_admin\] uses the well-known user name "admin"/);
    assert.doesNotMatch(r.stdout, /plaintext-password/);
  } finally {
    rm(dir);
  }
});
