// Hostile input for the values layouts of issue 15 (inventories, group_vars folders, Puppet class parameters,
// Hiera, a Secret's base64 data): bounded time, no crash, nothing read outside the tree, no secret in output.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emptyInventory, groupsOf, readInventory } from '../../shared-rules/engine/values/inventory';
import { puppetClasses } from '../../shared-rules/engine/values/puppet-class';
import { hieraFiles } from '../../shared-rules/engine/values/hiera';
import { secretDataEntries } from '../../shared-rules/engine/embedded-base64';
import { diskAccess } from '../../shared-rules/engine/values/disk';
import { lintText } from '../../shared-rules/engine/lint';

const fast = (what: string, fn: () => void, ms = 1500) => {
  const t0 = performance.now();
  fn();
  const took = performance.now() - t0;
  assert.ok(took < ms, `${what}: ${Math.round(took)} ms`);
};

test('inventories: a 1 MB line of brackets, an alias bomb, deep nesting, over 1 MB', () => {
  fast('brackets', () => readInventory('hosts', '['.repeat(600_000) + '\n' + '[a]\n' + 'h '.repeat(150_000), emptyInventory()));
  const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nall:\n  children:\n    d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
  fast('alias bomb', () => readInventory('hosts.yml', bomb, emptyInventory()));
  const inv = emptyInventory();
  let yaml = 'all:\n  children:\n';
  let indent = '    ';
  for (let i = 0; i < 300; i++) {
    yaml += `${indent}g${i}:\n${indent}  children:\n`;
    indent += '    ';
  }
  fast('deep YAML', () => readInventory('hosts.yml', yaml, inv));
  assert.ok(groupsOf(inv, 'x').length === 0 && inv.parents.size <= 20, 'read 16 deep at most');
  fast('over 1 MB', () => readInventory('hosts', `[a]\n${'h\n'.repeat(600_000)}`, inv));
  assert.equal(inv.hosts.size, 0);
  const ini = emptyInventory();
  let text = '';
  for (let i = 0; i < 10_000; i++) text += `[g${i}:children]\ng${i + 1}\n`;
  text += '[g10000]\nh\n';
  fast('deep INI', () => {
    readInventory('hosts', text, ini);
    assert.ok(groupsOf(ini, 'h').length <= 500);
  });
});

test('Puppet manifests: unclosed lists, quotes and comments, long defaults stay linear', () => {
  fast('unclosed', () => puppetClasses(`class a (\n  String $x = '${'\\'.repeat(500_000)}`));
  fast('comment runs', () => puppetClasses(`class a (\n${'# ( [ { \' "\n'.repeat(100_000)})`));
  fast('many classes', () => puppetClasses(`class a ( $x = ${'$a::'.repeat(50_000)}b ) {}\n`.repeat(20)));
  fast('blanks', () => puppetClasses('class a (' + ' '.repeat(1_000_000)));
});

test('Hiera: a level leading out of the tree, an absolute path or a link is never read', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-hiera-'));
  try {
    fs.mkdirSync(path.join(dir, 'env/data'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'outside.yaml'), 'is::admin_password: from-outside\n');
    fs.symlinkSync(path.join(dir, 'outside.yaml'), path.join(dir, 'env/data/linked.yaml'));
    fs.writeFileSync(path.join(dir, 'env/hiera.yaml'), `version: 5\nhierarchy:\n  - name: up\n    path: ../../outside.yaml\n  - name: abs\n    path: ${path.join(dir, 'outside.yaml')}\n  - name: linked\n    path: linked.yaml\n`);
    const files = hieraFiles(diskAccess, path.join(dir, 'env'), true);
    assert.deepEqual(files, [path.join(dir, 'env/data/linked.yaml')]);
    assert.equal(diskAccess.read(files[0]), undefined, 'the link is not followed');
    fast('1,500 levels', () => {
      fs.writeFileSync(path.join(dir, 'env/hiera.yaml'), 'version: 5\nhierarchy:\n' + '  - name: x\n    paths: [a.yaml, b.yaml]\n'.repeat(1_500));
      assert.equal(hieraFiles(diskAccess, path.join(dir, 'env'), true).length, 50);
    });
    fast('a 1 MB hiera.yaml', () => {
      fs.writeFileSync(path.join(dir, 'env/hiera.yaml'), 'version: 5\nhierarchy:\n' + '  - name: x\n    paths: [a.yaml, b.yaml]\n'.repeat(25_000));
      assert.deepEqual(hieraFiles(diskAccess, path.join(dir, 'env'), true), []);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('Secret base64 data: blank runs, bad padding, huge values, and nothing decoded in the output', () => {
  const want = () => true;
  fast('blanks then a bad character', () => assert.deepEqual(secretDataEntries(`kind: Secret\ndata:\n  deployment.toml: |\n    QUFB${' '.repeat(500_000)}!\n`, want), []));
  fast('padding in the middle', () => assert.deepEqual(secretDataEntries('kind: Secret\ndata:\n  deployment.toml: QQ==QUFB\n', want), []));
  fast('too large', () => assert.deepEqual(secretDataEntries(`kind: Secret\ndata:\n  deployment.toml: ${'QUFB'.repeat(400_000)}\n`, want), []));
  const secret = 'Zq9-only-here';
  const toml = `[super_admin]\nusername = "admin"\npassword = "${secret}"\n[database.shared_db]\nurl = "jdbc:mysql://db:3306/shared?useSSL=false"\npassword = "${secret}"\n`;
  const manifest = `kind: Secret\ndata:\n  deployment.toml: ${Buffer.from(toml).toString('base64')}\n`;
  const out = JSON.stringify(lintText('/k/s.yaml', manifest));
  assert.ok(out.includes('plaintext-password'));
  assert.ok(!out.includes(secret) && !out.includes('jdbc:mysql'), 'no decoded text in the result');
});
