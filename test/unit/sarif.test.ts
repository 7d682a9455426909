// SARIF output: valid against the official SARIF 2.1.0 schema, in the subset GitHub code scanning reads,
// with fingerprints that survive moved lines and no secret anywhere in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { CORPUS, NO_CORPUS, REPO } from '../helpers/shared';
import { run, layout, rm } from './cli-helpers';
import { fingerprints } from '../../shared-rules/engine/fingerprint';
import { lintText } from '../../shared-rules/engine/lint';
import { holdsSecret } from '../../shared-rules/engine/redact';

// The SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it (sarif-2.1.0-rtm.5, the OASIS 2.1.0 schema on
// SchemaStore; draft-04). Its "language" pattern has a stray "]" that is only valid without the u flag.
const SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
  partialFingerprints: Record<string, string>;
  fixes?: Array<{ artifactChanges: Array<{ replacements: Array<{ insertedContent: { text: string } }> }> }>;
  baselineState?: string;
  suppressions?: unknown[];
}
interface Log {
  version: string;
  runs: Array<{ tool: { driver: { rules: Array<{ id: string; name: string; helpUri?: string; help?: { text: string; markdown: string }; shortDescription: { text: string }; fullDescription: { text: string }; properties: { tags: string[]; 'security-severity'?: string } }> } }; results: Result[] }>;
}

function sarif(args: string[], cwd?: string): Log {
  const r = run([...args, '--format', 'sarif'], { cwd });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const log = JSON.parse(r.stdout) as Log;
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  return log;
}

/** What GitHub code scanning needs beyond the schema. */
function checkCodeScanningSubset(log: Log): void {
  assert.equal(log.version, '2.1.0');
  const run0 = log.runs[0];
  const rules = run0.tool.driver.rules;
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
  for (const r of rules.filter((x) => x.helpUri)) {
    assert.match(r.helpUri!, /^https?:\/\/.+\/docs\/rules\/[a-z0-9-]+\.md$/);
    assert.ok(r.help!.text.length > 20 && r.help!.markdown.includes('## How to fix'));
    assert.ok(r.shortDescription.text && r.fullDescription.text);
    assert.equal(r.properties.tags[0], 'security');
    assert.match(r.properties.tags[1], /^G\d\d$/);
    const sev = Number(r.properties['security-severity']);
    assert.ok(sev > 0 && sev <= 10, `${r.id} security-severity`);
  }
  const seen = new Set<string>();
  for (const x of run0.results) {
    assert.equal(rules[x.ruleIndex].id, x.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(x.level));
    const loc = x.locations[0].physicalLocation;
    assert.ok(!loc.artifactLocation.uri.startsWith('..') && !loc.artifactLocation.uri.startsWith('/'), loc.artifactLocation.uri);
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    const g = loc.region;
    assert.ok(g.startLine >= 1 && g.startColumn >= 1 && g.endLine >= g.startLine && (g.endLine > g.startLine || g.endColumn >= g.startColumn));
    const fp = x.partialFingerprints['carbonlint/v2'];
    assert.match(fp, /^[0-9a-f]{32}$/);
    // GitHub's key, ours (no line text behind it: upload-sarif would hash the line, a secret's value included).
    assert.equal(x.partialFingerprints.primaryLocationLineHash, `${fp.slice(0, 16)}:1`);
    assert.ok(!seen.has(fp), `fingerprint ${fp} is unique`);
    seen.add(fp);
  }
}

test('corpus: SARIF validates against the SARIF 2.1.0 schema and the code-scanning subset', { skip: NO_CORPUS }, () => {
  const log = sarif([CORPUS, '--sarif-root', CORPUS]);
  assert.ok(log.runs[0].results.length > 50);
  checkCodeScanningSubset(log);
  const ids = new Set(log.runs[0].results.map((r) => r.ruleId));
  for (const id of ['default-admin-credentials', 'plaintext-password', 'dh-key-size', 'log-forging', 'short-session-id']) assert.ok(ids.has(id), id);
});

test('examples: rules carry help and tags, results carry fixes, and no secret value appears', () => {
  const log = sarif(['examples']);
  checkCodeScanningSubset(log);
  const rule = log.runs[0].tool.driver.rules.find((r) => r.id === 'default-admin-credentials')!;
  assert.deepEqual(rule.properties.tags.slice(0, 3), ['security', 'G18', 'Change default admin credentials']);
  const results = log.runs[0].results;
  assert.ok(results.some((r) => r.fixes?.length), 'some results have fixes');
  for (const r of results) for (const f of r.fixes ?? []) for (const c of f.artifactChanges) for (const x of c.replacements) assert.ok(!holdsSecret(x.insertedContent.text));
  // The plain-text database password of the example (flagged by plaintext-password) must not leak.
  const toml = fs.readFileSync(path.join(REPO, 'examples/wso2am-4.2.0/repository/conf/deployment.toml'), 'utf8');
  const secret = /password = "(Pr0d[^"]+)"/.exec(toml)![1];
  assert.ok(!JSON.stringify(log).includes(secret));
  const uris = new Set(results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
  assert.ok(uris.has('examples/wso2am-4.2.0/repository/conf/deployment.toml'));
});

test('fingerprints: unchanged when a blank line is inserted above, distinct for repeated lines, blind to secret values', () => {
  const text = '[database.a]\npassword = "s3cret-one"\n\n[database.b]\npassword = "s3cret-one"\n';
  const fp = (t: string) => fingerprints('conf/deployment.toml', t, lintText('conf/deployment.toml', t).findings.filter((f) => f.ruleId === 'plaintext-password'));
  const a = fp(text);
  assert.equal(a.length, 2);
  assert.deepEqual(fp('\n\n' + text), a);
  assert.deepEqual(fp(text.replace('[database.a]', '# a comment\n[database.a]')), a);
  // Same rule, same (masked) line: the occurrence index tells them apart.
  assert.notEqual(a[0], a[1]);
  // Another value in the same place is the same finding (and the hash never sees the value).
  assert.deepEqual(fp(text.replace(/s3cret-one/g, 'other-value')), a);
  assert.notDeepEqual(fingerprints('other/deployment.toml', text, lintText('conf/deployment.toml', text).findings.filter((f) => f.ruleId === 'plaintext-password')), a);
});

test('CLI: SARIF fingerprints survive a blank line inserted above the findings; locations follow --sarif-root', () => {
  const src = path.join(REPO, 'examples/wso2am-4.2.0');
  const dir = layout({
    'wso2am-4.2.0/repository/conf/deployment.toml': { copy: path.join(src, 'repository/conf/deployment.toml') },
    'wso2am-4.2.0/repository/conf/log4j2.properties': { copy: path.join(src, 'repository/conf/log4j2.properties') },
  });
  try {
    const prints = () => {
      const log = sarif(['.'], dir);
      return log.runs[0].results.map((r) => `${r.ruleId} ${r.locations[0].physicalLocation.artifactLocation.uri} ${r.partialFingerprints['carbonlint/v1']}`).sort();
    };
    const before = prints();
    assert.ok(before.length >= 5);
    for (const f of ['wso2am-4.2.0/repository/conf/deployment.toml', 'wso2am-4.2.0/repository/conf/log4j2.properties']) {
      fs.writeFileSync(path.join(dir, f), '\n' + fs.readFileSync(path.join(dir, f), 'utf8'));
    }
    assert.deepEqual(prints(), before);
    const rooted = sarif([path.join(dir, 'wso2am-4.2.0'), '--sarif-root', path.join(dir, 'wso2am-4.2.0')]);
    assert.ok(rooted.runs[0].results.every((r) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('repository/conf/')));
  } finally {
    rm(dir);
  }
});

test('findings hidden by carbonlint-disable comments are listed as suppressed (inSource), with the reason', () => {
  const toml = '[database.a]\n# carbonlint-disable-next-line plaintext-password -- vault migration in JIRA-12\npassword = "s3cret-one"\n';
  const dir = layout({ 'conf/deployment.toml': toml });
  try {
    const log = sarif(['.'], dir);
    const hidden = log.runs[0].results.filter((r) => r.suppressions?.length);
    assert.equal(hidden.length, 1);
    assert.equal(hidden[0].ruleId, 'plaintext-password');
    assert.deepEqual(hidden[0].suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'vault migration in JIRA-12' }]);
    assert.ok(!JSON.stringify(log).includes('s3cret-one'));
    const json = JSON.parse(run(['.', '--format', 'json'], { cwd: dir }).stdout) as Array<{ rule: string }>;
    assert.ok(!json.some((r) => r.rule === 'plaintext-password'), 'not shown in the other formats');
  } finally {
    rm(dir);
  }
});
