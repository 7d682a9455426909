// Hostile input for the container and unit kinds (issue 19): binary bytes, files over the size limit, unbalanced
// syntax (one notice, never a crash), and crafted text that must stay linear in the Dockerfile scanner, the
// variable expansion, the compose reader and the unit parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../shared-rules/engine/lint';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { parseDockerfile } from '../../shared-rules/parsers/dockerfile/parse';
import { parseUnit } from '../../shared-rules/parsers/systemd/parse';
import { analyzeImage } from '../../shared-rules/rules/util/image-user';
import { assertLinear } from '../helpers/linear';

const NAMES = { dockerfile: '/ws/apim/Dockerfile', compose: '/ws/apim/docker-compose.yml', systemd: '/ws/units/wso2am.service' } as const;

test('binary bytes: one file-binary notice per kind, no rule runs', () => {
  const bin = `wso2 api-manager.sh \u0000\u0001\u00ff${'\u0000x'.repeat(500)}`;
  for (const [kind, f] of Object.entries(NAMES)) {
    const r = lintText(f, bin);
    assert.equal(r.kind, kind);
    assert.deepEqual(r.findings.map((x) => x.ruleId), ['file-binary'], kind);
  }
});

test('over the size limit: one file-too-large notice per kind', () => {
  const settings = resolveSettings({ maxFileSize: 1000 });
  for (const [kind, f] of Object.entries(NAMES)) {
    const r = lintText(f, `# wso2 api-manager.sh\n${'#'.repeat(2000)}\n`, { settings });
    assert.equal(r.kind, kind);
    assert.deepEqual(r.findings.map((x) => x.ruleId), ['file-too-large'], kind);
  }
});

test('unbalanced syntax: an unclosed heredoc and broken YAML give one notice at the spot; a broken unit is read as far as it goes', () => {
  const df = lintText(NAMES.dockerfile, 'FROM wso2/wso2am:4.2.0\nRUN <<EOF\nUSER root\n');
  assert.deepEqual(df.findings.map((x) => [x.ruleId, x.range.start.line, x.range.start.character, x.range.end.character]), [['dockerfile-syntax', 1, 0, 3]]);
  const junk = lintText(NAMES.dockerfile, 'FROM wso2/wso2am:4.2.0\n{{ if x }}\nUSER root\n');
  assert.deepEqual(junk.findings.map((x) => [x.ruleId, x.range.start.line]), [['dockerfile-syntax', 1], ['dockerfile-root-user', 2]]);
  const yml = lintText(NAMES.compose, 'services:\n  apim:\n    image: "wso2/wso2am:4.2.0\n    user: root\n  [unclosed\n');
  assert.equal(yml.findings.filter((x) => x.ruleId === 'compose-syntax').length, 1);
  assert.doesNotThrow(() => lintText(NAMES.systemd, '[Service\nExecStart=/opt/wso2am/bin/api-manager.sh \\'));
  assert.doesNotThrow(() => lintText(NAMES.compose, 'services: &a\n  x: *a\n  y: [*a, *a, *a]\n'));
});

test('Dockerfile scanner and analysis stay linear on crafted input', () => {
  const run = (t: string) => void analyzeImage(parseDockerfile(t));
  assertLinear('continuations', (k) => `FROM ubuntu\nCOPY wso2am-4.2.0 /x\nRUN a \\\n${'  b \\\n'.repeat(k)}  c\n`, run, 20_000);
  assertLinear('one continued word per line', (k) => `FROM ubuntu\nRUN ${'x\\\n'.repeat(k)}y\n`, run, 20_000);
  assertLinear('variables', (k) => `FROM ubuntu\n${'ENV A${i}=${B:-x}\n'.repeat(k)}USER $A\n`, run, 5_000);
  assertLinear('unclosed braces', (k) => `FROM ubuntu\nUSER ${'${'.repeat(k)}\n`, run, 20_000);
  assertLinear('unclosed heredocs', (k) => `FROM ubuntu\nRUN ${'<<A'.repeat(k)}\n${'x\n'.repeat(k)}`, run, 2_000);
  assertLinear('many stages', (k) => 'FROM ubuntu AS s0\n'.concat(Array.from({ length: k }, (_, i) => `FROM s${i} AS s${i + 1}\n`).join('')), run, 2_000);
  assertLinear('quotes', (k) => `FROM ubuntu\nCOPY ${'"\''.repeat(k)}\n`, run, 20_000);
  assertLinear('pack names', (k) => `FROM ubuntu\nRUN ${'wso2am-a-b-c-'.repeat(k)}\n`, run, 10_000);
});

test('unit parser and the compose rule stay linear', () => {
  assertLinear('unit continuations', (k) => `[Service]\nExecStart=/opt/wso2am/bin/api-manager.sh \\\n${'  x \\\n'.repeat(k)}\n`, (t) => void parseUnit(t), 20_000);
  assertLinear('compose services', (k) => `services:\n${Array.from({ length: k }, (_, i) => `  s${i}:\n    image: wso2am:4.2.0\n    user: "0"\n`).join('')}`,
    (t) => void lintText(NAMES.compose, t), 200);
});

test('compose: thousands of services building the same or different Dockerfiles read each at most once, at most 50', () => {
  const reads: string[] = [];
  const resources = { env: {}, readFile: (p: string) => { reads.push(p); return Buffer.from('FROM ubuntu\nCOPY wso2am-4.2.0 /x\n'); } };
  const same = `services:\n${Array.from({ length: 1500 }, (_, i) => `  s${i}:\n    build: .\n`).join('')}`;
  const r = lintText('/nonexistent-c19/c/docker-compose.yml', same, { resources });
  assert.equal(reads.length, 1);
  assert.equal(r.findings.filter((f) => f.ruleId === 'compose-root-user').length, 1000); // capped per file (maxFindingsPerFile)
  reads.length = 0;
  const many = `services:\n${Array.from({ length: 1500 }, (_, i) => `  s${i}:\n    build: ./d${i}\n`).join('')}`;
  lintText('/nonexistent-c19/c/docker-compose.yml', many, { resources });
  assert.equal(reads.length, 50);
});

test('file text quoted in a message is one line of at most 100 characters', () => {
  const long = 'x'.repeat(100_000);
  const msgs = [
    ...lintText(NAMES.dockerfile, `FROM wso2/wso2am:4.2.0\nARG U=0:${long}\nUSER \${U}\n`).findings,
    ...lintText(NAMES.compose, `services:\n  s${long}:\n    image: wso2/wso2am:4.2.0\n    user: "0:${long}"\n`).findings,
    ...lintText(NAMES.systemd, `[Service]\nExecStart=/opt/wso2am/bin/api-manager.sh\nUser=${'0'.repeat(100_000)}\n`).findings,
  ].map((f) => f.message);
  assert.equal(msgs.length, 3, msgs.join('\n').slice(0, 500));
  for (const m of msgs) assert.ok(m.length < 600, `${m.length} characters`);
});
