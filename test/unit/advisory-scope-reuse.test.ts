// The G01 advisory scope is computed once per template lint (rules/util/advisories.ts): later renderings of the same
// lint reuse it only for the same file, product object and Carbon 4.4 match. Each test fails when the reuse ignores
// one of these (the lint, the product, the match).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { lintTemplate } from '../../shared-rules/engine/template-lint';
import { asOneLint } from '../../shared-rules/engine/lint-epoch';
import { detectProduct } from '../../shared-rules/engine/product';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { diskResources } from '../../shared-rules/keystores/store-files';
import { advisoryScope } from '../../shared-rules/rules/util/advisories';
import type { RuleContext } from '../../shared-rules/engine/rule';

// Two branches: two renderings per lint, each asking G01 for the home's release.
const TEMPLATE = '[server]\nhostname = "{{ .Values.host }}"\n{{- if .Values.tls }}\n[transport.https.properties]\nsslProtocol = "TLS"\n{{- end }}\n';

const releaseOf = (findings: ReturnType<typeof lintText>['findings']): string | undefined => {
  const f = findings.find((x) => x.ruleId === 'security-advisories');
  return f ? /^WSO2 API Manager ([\d.]+)/.exec(f.message)?.[1] : undefined;
};

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cl-scope-reuse-'));
}

test('the same product object in two template lints: the second sees its home changed (reuse is per lint)', () => {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'deployment.toml');
    const docker = path.join(dir, 'Dockerfile');
    fs.writeFileSync(docker, 'FROM wso2/wso2am:4.2.0\n');
    const settings = resolveSettings();
    const product = detectProduct(file, TEMPLATE); // one object for both lints
    const lint = () => releaseOf(lintTemplate(file, TEMPLATE, 'toml', 'curly', { settings, product, values: false }, lintText).findings);
    assert.equal(lint(), '4.2.0');
    fs.writeFileSync(docker, 'FROM wso2/wso2am:4.1.0\n');
    assert.equal(lint(), '4.1.0');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('two lints of one file inside one lint call, with different products: each its own release', () => {
  const file = path.join(os.tmpdir(), 'cl-scope-reuse-none', 'deployment.toml');
  const [a, b] = asOneLint(() => ['apim-4.2.0', 'apim-4.1.0'].map((p) => releaseOf(lintText(file, TEMPLATE, { settings: resolveSettings({ product: p }), values: false }).findings)));
  assert.deepEqual([a, b], ['4.2.0', '4.1.0']);
});

test('one lint, one file and product, with and without its Carbon 4.4 match: each its own home', () => {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'wso2is-5.11.0', 'repository', 'conf', 'identity', 'identity.xml');
    const product = detectProduct(file, '<Server/>');
    const ctx = (legacyFile: RuleContext['legacyFile']): RuleContext => ({
      fileName: file, text: '<Server/>', model: {} as RuleContext['model'], settings: resolveSettings(), product, resources: diskResources(), legacyFile, report: () => undefined,
    });
    const [withMatch, without] = asOneLint(() => [advisoryScope(ctx('identity.xml')).info.home, advisoryScope(ctx(undefined)).info.home]);
    assert.equal(withMatch, path.join(dir, 'wso2is-5.11.0'));
    assert.notEqual(without, withMatch);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('one lint, one product object, two files in different homes: each its own release', () => {
  const dir = tempDir();
  try {
    const files = ['4.2.0', '4.1.0'].map((v) => {
      fs.mkdirSync(path.join(dir, v));
      fs.writeFileSync(path.join(dir, v, 'Dockerfile'), `FROM wso2/wso2am:${v}\n`);
      return path.join(dir, v, 'deployment.toml');
    });
    const settings = resolveSettings();
    const product = detectProduct(files[0], TEMPLATE);
    const got = asOneLint(() => files.map((f) => releaseOf(lintTemplate(f, TEMPLATE, 'toml', 'curly', { settings, product, values: false }, lintText).findings)));
    assert.deepEqual(got, ['4.2.0', '4.1.0']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
