// Pins the complete lint result (findings, messages, branch/host attribution, related places, fixes, suppressions,
// values findings, placeholder counts) of every template in the test tree's vendor charts, roles and modules and of
// the corpus's Helm templates, and of four synthetic templates whose branches change each other's findings, with values
// resolved from disk and without. Written before the template renderings
// were reorganised for speed (issue 15, §9): any change in what a template lint reports fails here.
// Regenerate (only for an intended change of output): CARBONLINT_UPDATE_GOLDEN=1 node --import tsx --test <this file>
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { classify } from '../../shared-rules/engine/files';
import { templateSyntax } from '../../shared-rules/engine/template-names';

const REPO = path.join(__dirname, '../..');
const GOLDEN = path.join(REPO, 'test/fixtures/template-golden');
const ROOTS = ['test/fixtures/deploy', 'test/fixtures/shared/corpus', 'test/fixtures/template-golden/synthetic'];
const TEMPLATE = /\{\{|\{%|<%/;

function templates(): string[] {
  const out: string[] = [];
  for (const root of ROOTS) {
    for (const rel of fs.readdirSync(path.join(REPO, root), { recursive: true }) as string[]) {
      const abs = path.join(REPO, root, rel);
      if (!fs.statSync(abs).isFile() || /\.(jks|p12|pfx|md)$/.test(rel)) continue;
      const text = fs.readFileSync(abs, 'utf8');
      const kind = TEMPLATE.test(text) ? classify(abs, text) : undefined;
      if (kind && templateSyntax(abs, kind, text)) out.push(path.relative(REPO, abs).split(path.sep).join('/'));
    }
  }
  return out.sort();
}

/** The result as JSON with repository-relative paths (the golden files hold no machine's folder). */
function snapshot(rel: string, values: boolean): unknown {
  const abs = path.join(REPO, rel);
  const r = lintText(abs, fs.readFileSync(abs, 'utf8'), values ? {} : { values: false });
  const json = JSON.stringify(r, (_k, v) => (typeof v === 'string' && v.startsWith(REPO) ? `<repo>${v.slice(REPO.length).split(path.sep).join('/')}` : v), 1);
  return JSON.parse(json);
}

const files = templates();

test('the golden set covers the chart, the Ansible role, the Puppet module and the corpus Helm templates', () => {
  for (const must of ['wso2__kubernetes-is@7.0.x/confs/deployment.toml', 'roles/apim/templates/carbon-home/repository/conf/deployment.toml.j2', 'templates/carbon-home/repository/conf/deployment.toml.erb']) {
    assert.ok(files.some((f) => f.endsWith(must)), must);
  }
  assert.ok(files.length >= 20, `${files.length} templates`);
  assert.ok(files.some((f) => f.endsWith('synthetic/deployment.toml.j2')));
});

for (const rel of files) {
  for (const values of [true, false]) {
    test(`${rel} (${values ? 'values resolved' : 'values: false'}): same result as pinned`, () => {
      const name = `${rel.replace(/[^A-Za-z0-9_.@-]+/g, '__')}${values ? '' : '.novalues'}.json`;
      const file = path.join(GOLDEN, name);
      const got = snapshot(rel, values);
      if (process.env.CARBONLINT_UPDATE_GOLDEN === '1') fs.writeFileSync(file, `${JSON.stringify(got, null, 1)}\n`);
      assert.deepEqual(got, JSON.parse(fs.readFileSync(file, 'utf8')));
    });
  }
}
