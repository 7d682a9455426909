// disk-snapshot.ts: a CLI run answers "is there a carbon.xml / bin/ / Dockerfile here?" from the walk's own listings,
// and reads a product home's facts once. The answers must be the disk's: same findings as lintText without a
// snapshot, and a name the walk did not see is never asked of the disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { knownAbsent, listedScripts, setDiskSnapshot, snapshotBuilder, snapshotMemo } from '../../shared-rules/engine/disk-snapshot';
import { lintText } from '../../shared-rules/engine/lint';
import { CORPUS, REPO, NO_CORPUS } from '../helpers/shared';

const CLI = path.join(REPO, 'dist/cli.js');

test('knownAbsent: only a name missing from the nearest listed folder (in any case) is absent; unlisted means ask', () => {
  const root = path.resolve('/ws');
  const b = snapshotBuilder();
  b.add(root, ['home', 'Dockerfile', 'node_modules']);
  b.add(path.join(root, 'home'), ['conf', 'bin']);
  b.add(path.join(root, 'home', 'bin'), ['wso2server.sh', 'README.txt', 'api-manager.sh']);
  setDiskSnapshot(b.data());
  try {
    assert.equal(knownAbsent(path.join(root, 'values.yaml')), true);
    assert.equal(knownAbsent(path.join(root, 'Dockerfile')), false);
    assert.equal(knownAbsent(path.join(root, 'dockerfile')), false, 'a case-insensitive disk would find it');
    assert.equal(knownAbsent(path.join(root, 'home', 'updates', 'product.txt')), true, 'no updates/ in home');
    assert.equal(knownAbsent(path.join(root, 'home', 'conf', 'carbon.xml')), false, 'conf/ was not listed: ask the disk');
    assert.equal(knownAbsent(path.join(root, 'node_modules', 'x')), false, 'a skipped folder was not listed');
    assert.equal(knownAbsent(path.resolve('/elsewhere/carbon.xml')), false);
    assert.equal(knownAbsent('relative/carbon.xml'), false);
    assert.deepEqual(listedScripts(path.join(root, 'home', 'bin')), ['wso2server.sh', 'api-manager.sh']);
    assert.deepEqual(listedScripts(path.join(root, 'home')), []);
    assert.equal(listedScripts(path.join(root, 'home', 'conf')), undefined);
    let n = 0;
    assert.equal(snapshotMemo('t', 'k', () => ++n), 1);
    assert.equal(snapshotMemo('t', 'k', () => ++n), 1);
  } finally {
    setDiskSnapshot(undefined);
  }
  assert.equal(knownAbsent(path.join(root, 'values.yaml')), false, 'no snapshot: ask the disk');
  let n = 0;
  snapshotMemo('t', 'k', () => ++n);
  snapshotMemo('t', 'k', () => ++n);
  assert.equal(n, 2, 'no snapshot: nothing remembered');
});

/** Homes that exercise every probe: product.txt + config.json, a Dockerfile above, a Carbon 4.4 home, bin/ scripts. */
function homes(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-snap-')));
  const put = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const toml = fs.readFileSync(path.join(CORPUS, 'apim-4.2.0', 'deployment.toml'), 'utf8');
  const helm = fs.readFileSync(path.join(CORPUS, 'helm-apim-4.2.x', 'all-in-one', 'deployment.toml'), 'utf8');
  put('a/wso2am-4.2.0/repository/conf/deployment.toml', toml);
  put('a/wso2am-4.2.0/updates/product.txt', 'wso2am-4.2.0\n');
  put('a/wso2am-4.2.0/updates/config.json', '{"update-level": "12"}\n');
  put('b/Dockerfile', 'FROM wso2/wso2am:4.1.0.3\n');
  put('b/home/repository/conf/deployment.toml', toml);
  put('b/home/repository/conf/log4j2.properties', fs.readFileSync(path.join(CORPUS, 'apim-4.2.0', 'log4j2.properties'), 'utf8'));
  put('c/chart/confs/deployment.toml', helm);
  put('d/wso2am-2.6.0/repository/conf/carbon.xml', '<Server><Name>WSO2 API Manager</Name><Version>2.6.0</Version></Server>\n');
  put('d/wso2am-2.6.0/repository/conf/tomcat/context.xml', '<Context crossContext="true"></Context>\n');
  put('d/wso2am-2.6.0/bin/wso2server.sh', '#!/bin/sh\njava -Xms256m -Xmx1024m org.wso2.carbon.bootstrap.Bootstrap\n');
  put('e/mi/conf/deployment.toml', '[server]\nhostname = "localhost"\n');
  put('e/mi/bin/micro-integrator.sh', '#!/bin/sh\njava -Xms256m org.wso2.micro.integrator.bootstrap.Bootstrap\n');
  return dir;
}

test('a CLI run with the snapshot finds what lintText finds without one (G01 home facts, layout, Carbon 4.4 homes)', { skip: NO_CORPUS }, () => {
  const dir = homes();
  try {
    const r = spawnSync(process.execPath, [CLI, '.', '--format', 'json', '--jobs', '1'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(r.status, 1, r.stderr);
    const rows = JSON.parse(r.stdout) as Array<{ file: string; rule: string; line: number; message: string }>;
    const got = rows.map((x) => `${x.file}|${x.rule}|${x.line}|${x.message}`).sort();
    const want: string[] = [];
    for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
      const abs = path.join(dir, rel);
      if (!fs.statSync(abs).isFile() || /Dockerfile|product\.txt|config\.json/.test(rel)) continue;
      for (const f of lintText(abs, fs.readFileSync(abs, 'utf8')).findings) want.push(`${rel.split(path.sep).join('/')}|${f.ruleId}|${f.range.start.line + 1}|${f.message}`);
    }
    assert.ok(got.some((x) => x.includes('update level 12')), 'G01 read updates/config.json');
    assert.deepEqual(got, want.sort());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a CLI run never asks the disk about a name its walk did not see, and lists each folder once', { skip: NO_CORPUS }, () => {
  const dir = homes();
  const counter = path.join(dir, 'count.cjs');
  // Counts fs calls by path inside the workspace (a preload: the bundle calls node:fs as any module does).
  fs.writeFileSync(counter, `
const fs = require('fs'); const root = ${JSON.stringify(dir)}; const calls = [];
for (const fn of ['statSync', 'lstatSync', 'openSync', 'existsSync', 'readdirSync', 'readFileSync']) {
  const orig = fs[fn];
  fs[fn] = function (p, ...rest) { if (typeof p === 'string' && p.startsWith(root)) calls.push(fn + ' ' + p.slice(root.length)); return orig.call(this, p, ...rest); };
}
process.on('exit', () => fs.writeFileSync(${JSON.stringify(path.join(dir, 'calls.json'))}, JSON.stringify(calls)));
`);
  try {
    const r = spawnSync(process.execPath, ['-r', counter, CLI, '.', '--format', 'json', '--jobs', '1'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(r.status, 1, r.stderr);
    const calls = JSON.parse(fs.readFileSync(path.join(dir, 'calls.json'), 'utf8')) as string[];
    const exists = (rel: string) => fs.existsSync(path.join(dir, rel));
    // Not yet from the snapshot: the project file (looked for before the walk) and the Helm values reader's Chart.yaml.
    const notYet = (rel: string) => rel.endsWith('/.carbonlint.json') || rel.endsWith('/Chart.yaml');
    const asked = calls.filter((c) => !c.startsWith('readdirSync')).map((c) => c.slice(c.indexOf(' ') + 1)).filter((rel) => !exists(rel) && !notYet(rel));
    assert.deepEqual([...new Set(asked)], [], 'absent names were asked of the disk');
    const listed = calls.filter((c) => c.startsWith('readdirSync'));
    assert.equal(listed.length, new Set(listed).size, `a folder listed twice: ${listed.join(', ')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
