// Every CLI format parses and reports as many findings as JSON; streamed (stdout) and kept (--output) bytes are
// the same; GitHub workflow commands are escaped; SARIF meets GitHub code scanning's limits; the stream waits for
// stdout to drain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { REPO } from '../helpers/shared';
import { run, layout, rm } from './cli-helpers';
import { escapeGithubData, escapeGithubProperty, escapeXml } from '../../cli/src/formats';
import { stdoutWriter } from '../../cli/src/stdout-writer';

const SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));

// A tricky file name for every format: XML and workflow-command metacharacters.
const ODD = 'we%ird,na:me&<x>';
function workspace(): string {
  const ex = path.join(REPO, 'examples/wso2am-4.2.0');
  return layout({
    'wso2am-4.2.0/repository/conf/deployment.toml': { copy: path.join(ex, 'repository/conf/deployment.toml') },
    'wso2am-4.2.0/repository/conf/log4j2.properties': { copy: path.join(ex, 'repository/conf/log4j2.properties') },
    [`${ODD}/repository/conf/deployment.toml`]: '[super_admin]\nusername = "admin"\npassword = "admin"\n',
  });
}

function cli(dir: string, format: string): string {
  const r = run(['.', '--format', format], { cwd: dir });
  assert.ok(r.status === 1, `${format}: exit ${r.status} ${r.stderr}`);
  return r.stdout;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['file', 'error', 'testsuite', 'testcase'].includes(name) });

test('every format parses and counts as many findings as JSON; streamed = written to --output', () => {
  const dir = workspace();
  try {
    const json = JSON.parse(cli(dir, 'json')) as Array<{ file: string; line: number; column: number; severity: string; guidelineId: string | null; docsUrl: string | null }>;
    assert.ok(json.length > 10);
    assert.ok(json.some((x) => x.file.startsWith(ODD)));
    for (const x of json) {
      if (x.guidelineId) assert.match(x.guidelineId, /^G\d\d$/);
      if (x.docsUrl) assert.ok(fs.existsSync(path.join(REPO, 'docs/rules', path.basename(x.docsUrl))), x.docsUrl);
    }
    const counts: Record<string, number> = {};

    const gitlab = JSON.parse(cli(dir, 'gitlab')) as Array<{ description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }>;
    counts.gitlab = gitlab.length;
    assert.equal(new Set(gitlab.map((x) => x.fingerprint)).size, gitlab.length, 'fingerprints unique');
    for (const x of gitlab) {
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(x.severity));
      assert.ok(x.description && x.check_name && x.location.path && x.location.lines.begin >= 1);
      assert.match(x.fingerprint, /^[0-9a-f]{32}$/);
    }
    assert.deepEqual(gitlab.map((x) => [x.location.path, x.location.lines.begin]), json.map((x) => [x.file, x.line]));

    const github = cli(dir, 'github').split('\n').filter(Boolean);
    counts.github = github.length;
    for (const l of github) assert.match(l, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::[^\r\n]+$/);
    assert.ok(github.some((l) => l.includes(`file=${escapeGithubProperty(ODD)}/`)));

    const cs = cli(dir, 'checkstyle');
    assert.equal(XMLValidator.validate(cs), true);
    const csDoc = xml.parse(cs) as { checkstyle: { file: Array<{ name: string; error?: Array<{ line: string; severity: string }> }> } };
    counts.checkstyle = csDoc.checkstyle.file.reduce((n, f) => n + (f.error?.length ?? 0), 0);
    assert.ok(csDoc.checkstyle.file.some((f) => f.name.startsWith(ODD)), 'the file name survives escaping');

    const ju = cli(dir, 'junit');
    assert.equal(XMLValidator.validate(ju), true);
    const juDoc = xml.parse(ju) as { testsuites: { testsuite: Array<{ failures: string; testcase: Array<{ failure?: unknown }> }> } };
    counts.junit = juDoc.testsuites.testsuite.reduce((n, s) => n + s.testcase.filter((c) => c.failure).length, 0);
    assert.equal(juDoc.testsuites.testsuite.reduce((n, s) => n + Number(s.failures), 0), counts.junit);

    const sarifText = cli(dir, 'sarif');
    const sarif = JSON.parse(sarifText) as { runs: Array<{ results: unknown[] }> };
    assert.ok(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3)));
    counts.sarif = sarif.runs[0].results.length;

    for (const [format, n] of Object.entries(counts)) assert.equal(n, json.length, `${format} has as many findings as json`);

    // Kept (--output) and streamed (stdout) reports are byte-identical.
    for (const format of ['json', 'sarif', 'gitlab', 'github', 'checkstyle', 'junit']) {
      const out = path.join(dir, `..`, `${path.basename(dir)}.${format}.out`);
      const r = run(['.', '--format', format, '--output', out], { cwd: dir });
      assert.equal(r.status, 1, r.stderr);
      assert.equal(fs.readFileSync(out, 'utf8'), cli(dir, format), format);
      fs.rmSync(out);
    }
  } finally {
    rm(dir);
  }
});

test('empty reports are valid in every format', () => {
  const dir = layout({ 'notes.txt': 'nothing to check\n' });
  // A folder with nothing CarbonLint reads is an error by default (exit 2); this flag asks for the empty report.
  const empty = ['.', '--no-error-on-unmatched-pattern', '-f'];
  try {
    for (const format of ['json', 'gitlab']) assert.deepEqual(JSON.parse(run([...empty, format], { cwd: dir }).stdout), []);
    assert.equal(run([...empty, 'github'], { cwd: dir }).stdout, '');
    for (const format of ['checkstyle', 'junit']) assert.equal(XMLValidator.validate(run([...empty, format], { cwd: dir }).stdout), true, format);
    const sarif = JSON.parse(run([...empty, 'sarif'], { cwd: dir }).stdout) as { runs: Array<{ results: unknown[] }> };
    assert.ok(validateSarif(sarif));
    assert.deepEqual(sarif.runs[0].results, []);
  } finally {
    rm(dir);
  }
});

test('workflow command and XML escaping', () => {
  assert.equal(escapeGithubData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.equal(escapeGithubProperty('a:b,c%d\ne'), 'a%3Ab%2Cc%25d%0Ae');
  assert.equal(escapeXml(`<a b="c" d='e'>&\u0001\n`), '&lt;a b=&quot;c&quot; d=&apos;e&apos;&gt;&amp;\uFFFD&#10;');
  assert.equal(escapeXml('\uD800x'), '\uFFFDx', 'a lone surrogate cannot be written in XML');
});

test('SARIF for code scanning: fullDescription ≤ 1024, help for every rule and notice, helpUri to an existing page, security-severity follows the level', () => {
  const dir = layout({
    'wso2am-4.2.0/repository/conf/deployment.toml': { copy: path.join(REPO, 'examples/wso2am-4.2.0/repository/conf/deployment.toml') },
    'wso2am-4.2.0/repository/conf/broken-deployment.toml': '[server\nhostname = \n',
    '.carbonlint.json': JSON.stringify({ rules: { 'default-port-offset': 'error' } }),
  });
  try {
    const r = run(['.', '-f', 'sarif'], { cwd: dir });
    const log = JSON.parse(r.stdout) as { runs: Array<{ tool: { driver: { informationUri: string; rules: Array<{ id: string; helpUri?: string; help?: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string }; properties: { 'security-severity'?: string } }> } }; results: Array<{ ruleId: string }> }> };
    assert.ok(validateSarif(log));
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.informationUri, 'https://github.com/carbonlint/carbonlint');
    assert.ok(log.runs[0].results.some((x) => x.ruleId === 'toml-syntax'), 'a notice is reported');
    for (const rule of driver.rules) {
      assert.ok(rule.fullDescription.text.length <= 1024, `${rule.id}: ${rule.fullDescription.text.length}`);
      assert.ok(rule.help && rule.help.text.length > 20, `${rule.id} has help`);
      if (rule.helpUri) {
        assert.match(rule.helpUri, /^https:\/\/github\.com\/carbonlint\/carbonlint\/blob\/main\/docs\/rules\/[a-z0-9-]+\.md$/);
        assert.ok(fs.existsSync(path.join(REPO, 'docs/rules', path.basename(rule.helpUri))), rule.helpUri);
      }
      const sev = rule.properties['security-severity'];
      if (sev === undefined) continue;
      const level = rule.defaultConfiguration.level;
      const n = Number(sev);
      assert.ok(level === 'error' ? n >= 7 : level === 'warning' ? n >= 4 && n < 7 : n < 4, `${rule.id}: ${level} with ${sev}`);
    }
    const raised = driver.rules.find((x) => x.id === 'default-port-offset')!;
    assert.equal(raised.defaultConfiguration.level, 'error');
    assert.ok(Number(raised.properties['security-severity']) >= 7, 'a rule raised to error is high');
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { repository: { url: string } };
    assert.equal(pkg.repository.url, 'https://github.com/carbonlint/carbonlint.git');
  } finally {
    rm(dir);
  }
});

test('the streamed report waits for stdout to drain', async () => {
  const chunks: string[] = [];
  let release: () => void = () => {};
  const slow = new Writable({
    highWaterMark: 4,
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      release = cb; // completes only when the test says so
    },
  });
  const out = stdoutWriter(slow);
  out.write('0123456789');
  let done = false;
  const waiting = out.drained().then(() => (done = true));
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(done, false, 'still waiting while the reader is behind');
  release();
  await waiting;
  assert.equal(done, true);
  await out.drained(); // nothing pending: returns at once
});

test('--output streams into a temp file: a failed run (exit 2) leaves the old file and no temp behind', () => {
  const dir = layout({ 'wso2am-4.2.0/repository/conf/deployment.toml': '[super_admin]\nusername = "admin"\npassword = "admin"\n' });
  try {
    fs.writeFileSync(path.join(dir, 'report.json'), 'old\n');
    // A run that fails (exit 2: a baseline that is not JSON) leaves the old report and no temp file.
    fs.writeFileSync(path.join(dir, 'bad-baseline.json'), '{ not json');
    const r = run(['.', '-f', 'json', '--output', 'report.json', '--baseline', 'bad-baseline.json'], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'), 'old\n');
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('carbonlint')), [], 'no temp file left');
    // A FIFO named like a config file is a notice, not a failure: the report is written, the exit follows the findings.
    const fifo = path.join(dir, 'wso2am-4.2.0/repository/conf/log4j2.properties');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      const n = run(['.', '-f', 'json', '--output', 'report.json'], { cwd: dir });
      assert.equal(n.status, 1, n.stderr);
      assert.match(n.stderr, /skipped .*log4j2\.properties: a named pipe/);
      fs.rmSync(fifo);
    }
    assert.equal(run(['.', '-f', 'json', '--output', 'report.json'], { cwd: dir }).status, 1);
    // admin/admin (2), plain-text password, and the G01 summary of the advisories for API-M 4.2.0.
    assert.equal((JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as unknown[]).length, 4);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('carbonlint')), []);
  } finally {
    rm(dir);
  }
});
