// Issue 19 (c19): Dockerfiles, docker-compose files and systemd units over the vendor's own examples
// (test/fixtures/containers, see its SOURCES.md): vendor images quiet, compose services reported only where the
// user is known to be root ("cannot tell" otherwise), unrelated files quiet, exact positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintText, type LintFinding } from '../../shared-rules/engine/lint';
import { classify, mayClassify } from '../../shared-rules/engine/files';
import { parseDockerfile } from '../../shared-rules/parsers/dockerfile/parse';
import { analyzeImage } from '../../shared-rules/rules/util/image-user';
import { applyEdits } from '../../shared-rules/engine/text';
import { layout, rm, run } from './cli-helpers';

const FIX = path.join(__dirname, '..', 'fixtures', 'containers');
const APIM = path.join(FIX, 'wso2__docker-apim@master');
const IS = path.join(FIX, 'wso2__docker-is@master');
const read = (f: string) => fs.readFileSync(f, 'utf8');
const at = (f: LintFinding) => [f.ruleId, f.severity, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character];
const ours = (fs: readonly LintFinding[]) => fs.filter((f) => f.guidelineId === 'G28' || f.guidelineId === 'G02' || f.guideline === null);

const VENDOR_DOCKERFILES = [
  ...['ubuntu/apim', 'alpine/apim', 'rocky/apim', 'ubuntu/apim-acp', 'alpine/apim-tm', 'rocky/apim-universal-gw'].map((d) => path.join(APIM, 'dockerfiles', d, 'Dockerfile')),
  ...['ubuntu/is', 'alpine/is', 'rocky/is', 'pqc/is'].map((d) => path.join(IS, 'dockerfiles', d, 'Dockerfile')),
];

test('vendor Dockerfiles: a product image that ends with USER ${USER_ID} is quiet (and is seen as a product running as non-root)', () => {
  for (const f of VENDOR_DOCKERFILES) {
    const text = read(f);
    const r = lintText(f, text);
    assert.equal(r.kind, 'dockerfile', f);
    assert.deepEqual(ours(r.findings).map(at), [], f);
    const a = analyzeImage(parseDockerfile(text))!;
    assert.ok(a.product, `${f}: the product pack is recognised`);
    assert.equal(a.user.verdict, 'non-root', f);
    assert.match(a.user.user!.value, /^(10001|802)$/, f);
  }
});

test('vendor Dockerfile without its USER line: reported at the final FROM, quick fix adds USER before ENTRYPOINT', () => {
  const f = path.join(APIM, 'dockerfiles', 'ubuntu', 'apim', 'Dockerfile');
  const text = read(f).replace('USER ${USER_ID}\n', '');
  const r = lintText(f, text);
  const g28 = r.findings.filter((x) => x.ruleId === 'dockerfile-root-user');
  assert.deepEqual(g28.map(at), [['dockerfile-root-user', 'warning', 19, 5, 19, 17]]);
  assert.match(g28[0].message, /No USER in the final stage: the image runs a product \(RUN brings in the product pack wso2am-4\.7\.0\) as root, the default user of ubuntu:24\.04/);
  assert.equal(g28[0].fix?.safe, false);
  const fixed = applyEdits(text, g28[0].fix!.edits);
  assert.match(fixed, /\nUSER 10001\nENTRYPOINT \["\/home\/wso2carbon\/docker-entrypoint\.sh"\]\n$/);
  assert.deepEqual(lintText(f, fixed).findings.filter((x) => x.ruleId === 'dockerfile-root-user'), []);
});

test('compose setups of the vendor: images built FROM the vendor images without user: are quiet', () => {
  for (const f of [path.join(APIM, 'docker-compose', 'apim-with-mi', 'docker-compose.yml'), path.join(IS, 'docker-compose', 'is', 'docker-compose.yml'),
    path.join(FIX, 'aobregonmx__wso2-nginx-proxy@main', 'compose.yml')]) {
    const r = lintText(f, read(f));
    assert.equal(r.kind, 'compose', f);
    assert.deepEqual(ours(r.findings).map(at), [], f);
  }
  // Their Dockerfiles (FROM registry.wso2.com/…, no USER) inherit wso2carbon.
  for (const d of ['apim', 'mi']) {
    const f = path.join(APIM, 'docker-compose', 'apim-with-mi', 'dockerfiles', d, 'Dockerfile');
    assert.deepEqual(ours(lintText(f, read(f)).findings).map(at), [], f);
  }
});

test('compose: a locally built product image of unknown user gets "cannot tell" (info), never a guess', () => {
  const f = path.join(FIX, 'tharindu1st__docker-apim@distributed', 'docker-compose', 'distributed', 'docker-compose.yml');
  const r = lintText(f, read(f));
  assert.deepEqual(ours(r.findings).map(at), [
    ['compose-root-user', 'info', 37, 11, 37, 32],
    ['compose-root-user', 'info', 57, 11, 57, 32],
    ['compose-root-user', 'info', 79, 11, 79, 32],
  ]);
  assert.ok(r.findings.every((x) => /^Cannot tell which user service (traffic-manager|gateway|apim) runs the product as/.test(x.message)));
});

test('compose: user: root on the vendor compose service, and a built image whose Dockerfile runs as root', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'c19-compose-'));
  try {
    const src = path.join(APIM, 'docker-compose', 'apim-with-mi');
    fs.mkdirSync(path.join(dir, 'dockerfiles', 'apim'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'dockerfiles', 'mi'), { recursive: true });
    fs.copyFileSync(path.join(src, 'dockerfiles', 'apim', 'Dockerfile'), path.join(dir, 'dockerfiles', 'apim', 'Dockerfile'));
    // MI built on a root base image with no USER.
    fs.writeFileSync(path.join(dir, 'dockerfiles', 'mi', 'Dockerfile'), 'FROM eclipse-temurin:21-jre\nCOPY wso2mi-4.5.0 /opt/wso2mi-4.5.0\nCMD ["/opt/wso2mi-4.5.0/bin/micro-integrator.sh"]\n');
    const text = read(path.join(src, 'docker-compose.yml')).replace('    build: ./dockerfiles/apim\n', '    build: ./dockerfiles/apim\n    user: "0:0"\n');
    const f = path.join(dir, 'docker-compose.yml');
    fs.writeFileSync(f, text);
    const r = lintText(f, text);
    assert.deepEqual(ours(r.findings).map(at), [
      ['compose-root-user', 'warning', 37, 10, 37, 15],
      ['compose-root-user', 'warning', 53, 11, 53, 27],
    ]);
    assert.match(r.findings[0].message, /Service api-manager runs a product \(built from dockerfiles\/apim\/Dockerfile: the base image registry\.wso2\.com\/wso2-apim\/am:4\.7\.0\.0 runs the product\) as root \(user: 0:0\)/);
    assert.match(r.findings[1].message, /Service micro-integrator runs a product \(built from dockerfiles\/mi\/Dockerfile: COPY brings in the product pack wso2mi-4\.5\.0\) as root: no user: here, and the image runs as root \(no USER in its final stage\)/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('systemd units of the vendor (Ansible, Puppet templates): User= from the inventory is quiet; root in group_vars is reported on the values line', () => {
  const ans = path.join(FIX, 'wso2__ansible-apim@master');
  for (const f of [path.join(ans, 'roles', 'apim', 'templates', 'wso2apim.service.j2'), path.join(ans, 'roles', 'micro-integrator', 'templates', 'wso2mi.service.j2'),
    path.join(FIX, 'wso2__puppet-is@master', 'modules', 'is_common', 'templates', 'carbon.service.erb')]) {
    const r = lintText(f, read(f));
    assert.equal(r.kind, 'systemd', f);
    assert.deepEqual(ours(r.findings).map(at), [], f);
    assert.deepEqual(r.values ?? [], [], f);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'c19-ansible-'));
  try {
    fs.cpSync(ans, dir, { recursive: true });
    const gv = path.join(dir, 'dev', 'group_vars', 'apim.yml');
    fs.writeFileSync(gv, read(gv).replace('wso2_user: wso2carbon', 'wso2_user: root'));
    const f = path.join(dir, 'roles', 'apim', 'templates', 'wso2apim.service.j2');
    const r = lintText(f, read(f));
    assert.deepEqual(ours(r.findings).map(at), []);
    assert.deepEqual(r.values!.map((v) => [v.file, ...at(v.finding)]), [[gv, 'systemd-root-user', 'warning', 17, 11, 17, 15]]);
    assert.match(r.values![0].finding.message, /^User=root runs the product \(api-manager\.sh\) as root.*wso2apim\.service\.j2:10 for host apim_1/);
    // Without User= at all, the unit itself is reported at ExecStart.
    const bare = read(f).replace(/^User=.*\n/m, '');
    assert.deepEqual(ours(lintText(f, bare).findings).map(at), [['systemd-root-user', 'warning', 5, 0, 5, 9]]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('unrelated Dockerfiles, compose files and units are not ours: not classified, no finding', () => {
  const nginx = path.join(FIX, 'tharindu1st__docker-apim@distributed', 'docker-compose', 'distributed', 'nginx', 'Dockerfile');
  assert.equal(classify(nginx, read(nginx)), undefined);
  const cases: Array<[string, string]> = [
    ['/w/app/Dockerfile', 'FROM node:20\nCOPY . /app\nUSER root\nCMD ["node", "server.js"]\n'],
    ['/w/app/docker-compose.yml', 'services:\n  db:\n    image: postgres:16\n    user: root\n  web:\n    image: nginx\n'],
    ['/w/units/nginx.service', '[Service]\nExecStart=/usr/sbin/nginx\n'],
  ];
  for (const [f, t] of cases) {
    assert.equal(classify(f, t), undefined, f);
    assert.deepEqual(lintText(f, t).findings, [], f);
  }
  // A compose file that builds an unrelated image is read (it might build a product) but stays quiet.
  const built = 'services:\n  web:\n    build: ./web\n    user: root\n';
  assert.equal(classify('/w/x/compose.yaml', built), 'compose');
  assert.deepEqual(lintText('/w/x/compose.yaml', built, { resources: { env: {}, readFile: () => Buffer.from('FROM node:20\nUSER root\n') } }).findings, []);
});

test('file names: Dockerfile variants, compose names, units and their template twins', () => {
  const product = 'FROM wso2/wso2am:4.2.0\n';
  for (const n of ['Dockerfile', 'dockerfile', 'Dockerfile.prod', 'apim.Dockerfile', 'Containerfile', 'Dockerfile.j2']) {
    assert.ok(mayClassify(n), n);
    assert.equal(classify(`/w/${n}`, product), 'dockerfile', n);
  }
  for (const n of ['docker-compose.yml', 'docker-compose.yaml', 'docker-compose.override.yml', 'compose.yaml', 'compose.prod.yml', 'docker-compose-dev.yml']) {
    assert.ok(mayClassify(n), n);
    assert.equal(classify(`/w/${n}`, 'services:\n  apim:\n    image: wso2/wso2am:4.2.0\n'), 'compose', n);
  }
  for (const n of ['wso2am.service', 'wso2apim.service.j2', 'carbon.service.erb']) {
    assert.ok(mayClassify(n), n);
    assert.equal(classify(`/w/${n}`, '[Service]\nExecStart=/opt/wso2am/bin/api-manager.sh\n'), 'systemd', n);
  }
  assert.equal(classify('/w/values.yml', 'services:\n  apim:\n    image: wso2/wso2am\n'), undefined);
});

test('Dockerfile scanner: continuations, comment lines inside them, heredocs, escape directive, exact spans', () => {
  const text = '# escape=`\nFROM ubuntu AS base\nRUN echo a `\n# dropped\n  b\nCOPY <<EOF /etc/x\nUSER root\nEOF\nUSER `\n  0\n';
  const d = parseDockerfile(text);
  assert.equal(d.escape, '`');
  assert.deepEqual(d.instructions.map((i) => [i.keyword, i.args]), [['FROM', 'ubuntu AS base'], ['RUN', 'echo a   b'], ['COPY', '<<EOF /etc/x'], ['USER', '0']]);
  const user = d.instructions[3].words[0];
  assert.equal(text.slice(user.span.start, user.span.end), '0');
  assert.equal(d.stages[0].name, 'base');
  assert.equal(d.instructions[2].heredocs[0].name, 'EOF');
  assert.equal(text.slice(d.instructions[2].heredocs[0].body.start, d.instructions[2].heredocs[0].body.end), 'USER root\n');
  assert.deepEqual(d.problems, []);
});

test('suppression comments work in all three kinds (their own # comments)', () => {
  const df = lintText('/w/Dockerfile', 'FROM wso2/wso2am:4.2.0\n# carbonlint-disable-next-line dockerfile-root-user -- build image, never deployed\nUSER root\n');
  assert.deepEqual(df.findings.map((f) => f.ruleId), []);
  assert.deepEqual(df.suppressed?.map((s) => [s.ruleId, s.suppression.reason]), [['dockerfile-root-user', 'build image, never deployed']]);
  const yml = lintText('/w/docker-compose.yml', 'services:\n  apim:\n    image: wso2/wso2am:4.2.0\n    user: root # carbonlint-disable-line compose-root-user\n');
  assert.deepEqual(yml.findings.map((f) => f.ruleId), []);
  const unit = lintText('/w/wso2am.service', '# carbonlint-disable-file systemd-root-user\n[Service]\nExecStart=/opt/wso2am/bin/api-manager.sh\n');
  assert.deepEqual(unit.findings.map((f) => f.ruleId), []);
});

test('CLI: the walk finds product Dockerfiles, compose files and units (not unrelated ones); --fix leaves the reviewable USER fix alone', () => {
  const dir = layout({
    'apim/Dockerfile': 'FROM wso2/wso2am:4.2.0\nUSER root\n',
    'apim/docker-compose.yml': 'services:\n  apim:\n    build: .\n',
    'units/wso2is.service': '[Service]\nExecStart=/opt/wso2is/bin/wso2server.sh\nUser=0\n',
    'web/Dockerfile': 'FROM node:20\nUSER root\n',
  });
  try {
    const r = run([dir, '--format', 'json']);
    assert.equal(r.status, 0, r.stderr); // warnings only
    const found = (JSON.parse(r.stdout) as Array<{ file: string; rule: string; line: number; column: number }>).map((f) => [path.relative(dir, f.file).split(path.sep).join('/'), f.rule, f.line, f.column]);
    assert.deepEqual(found.sort(), [
      ['apim/Dockerfile', 'dockerfile-root-user', 2, 6],
      ['apim/docker-compose.yml', 'compose-root-user', 3, 12],
      ['units/wso2is.service', 'systemd-root-user', 3, 6],
    ]);
    run([dir, '--fix']);
    assert.equal(fs.readFileSync(path.join(dir, 'apim', 'Dockerfile'), 'utf8'), 'FROM wso2/wso2am:4.2.0\nUSER root\n');
  } finally {
    rm(dir);
  }
});

test('compose: a build context that leads out of the repository is never read', () => {
  const reads: string[] = [];
  const resources = { env: {}, readFile: (p: string) => { reads.push(p); return Buffer.from('FROM ubuntu\nCOPY wso2am-4.2.0 /x\n'); } };
  const text = 'services:\n  a:\n    build: { context: ../../.., dockerfile: etc/shadow }\n  b:\n    build: /etc\n  c:\n    build: ./inside\n';
  lintText('/nonexistent-c19/repo/compose/docker-compose.yml', text, { resources });
  assert.deepEqual(reads, [path.resolve('/nonexistent-c19/repo/compose/inside/Dockerfile')]);
});

test('readiness report: a Dockerfile alone never passes G02 (image-default-keystore is supplementary), a baked keystore fails it', () => {
  const statuses = (files: Record<string, string>) => {
    const dir = layout(files);
    try {
      const r = run(['report', dir, '--format', 'json']);
      const rep = JSON.parse(r.stdout) as { sections: Array<{ entries: Array<{ guidelineId: string; status: string }> }> };
      return [...new Set(rep.sections.flatMap((s) => s.entries.filter((e) => e.guidelineId === 'G02').map((e) => e.status)))];
    } finally {
      rm(dir);
    }
  };
  assert.ok(!statuses({ 'apim/Dockerfile': 'FROM wso2/wso2am:4.2.0\nUSER 10001\n' }).includes('passed'));
  assert.ok(statuses({ 'apim/Dockerfile': 'FROM wso2/wso2am:4.2.0\nCOPY wso2carbon.jks /home/wso2carbon/\n' }).includes('failed'));
});
