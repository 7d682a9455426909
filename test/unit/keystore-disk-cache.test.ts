// On the real disk, lintText skips re-reading a key store whose stat signature (size, mtime, ctime, inode, device) is
// unchanged (keystores/store-files.ts) and G01 remembers its home answer (engine/home-cache.ts). Neither may serve a
// stale result: after each change on disk the findings equal those of resources that read everything afresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, type LintFinding } from '../../shared-rules/engine/lint';
import { nodeResources } from '../../shared-rules/engine/resources';
import { NO_KEYSTORES, productHome, storeBytes } from './keystore-fixtures';

const TOML = '[server]\nhostname = "gw.example.com"\n\n[keystore.primary]\nfile_name = "store.jks"\npassword = "changeit-weak"\n';
const brief = (fs: LintFinding[]) => fs.filter((f) => f.ruleId.startsWith('keystore')).map((f) => `${f.severity} ${f.ruleId}: ${f.message}`);

test('a key store written, overwritten in place, replaced by rename, deleted and restored: never a stale finding', { skip: NO_KEYSTORES }, () => {
  const home = productHome('wso2am-4.2.0', { 'repository/conf/deployment.toml': TOML });
  const file = path.join(home, 'repository/conf/deployment.toml');
  const store = path.join(home, 'repository/resources/security/store.jks');
  fs.mkdirSync(path.dirname(store), { recursive: true });
  const states: string[][] = [];
  const check = (what: string) => {
    const cached = brief(lintText(file, TOML).findings);
    const fresh = brief(lintText(file, TOML, { resources: nodeResources() }).findings);
    assert.deepEqual(cached, fresh, what);
    states.push(cached);
  };
  check('no store');
  fs.writeFileSync(store, storeBytes('generated/weak.jks'));
  check('weak store written');
  check('weak store again (remembered)');
  fs.writeFileSync(store, storeBytes('is-7.0.0/wso2carbon.jks')); // same inode, other content and size
  check('overwritten in place by a store the password does not open');
  fs.writeFileSync(`${store}.new`, storeBytes('generated/weak.jks'));
  fs.renameSync(`${store}.new`, store);
  check('replaced by rename');
  fs.rmSync(store);
  check('deleted');
  fs.writeFileSync(store, storeBytes('generated/weak.jks'));
  check('restored');
  assert.ok(states[1].some((s) => s.includes('keystore-weak-key')), states[1].join('\n'));
  assert.notDeepEqual(states[3], states[1]);
  assert.deepEqual(states[4], states[1]);
  assert.deepEqual(states[5], states[0]);
});

test('a security folder created, removed and created again: its stores are looked for in every lint', { skip: NO_KEYSTORES }, () => {
  // inspect.ts skips the candidates of a folder it finds absent; that answer must not outlive the lint.
  const home = productHome('wso2am-4.2.0', { 'repository/conf/deployment.toml': TOML });
  const file = path.join(home, 'repository/conf/deployment.toml');
  const dir = path.join(home, 'repository/resources/security');
  const store = path.join(dir, 'store.jks');
  fs.rmSync(path.join(home, 'repository/resources'), { recursive: true, force: true });
  const check = (what: string) => {
    const cached = brief(lintText(file, TOML).findings);
    assert.deepEqual(cached, brief(lintText(file, TOML, { resources: nodeResources() }).findings), what);
    return cached;
  };
  const none = check('no folder');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(store, storeBytes('generated/weak.jks'));
  const weak = check('folder and store created');
  assert.ok(weak.some((s) => s.includes('keystore-weak-key')), weak.join('\n'));
  fs.rmSync(dir, { recursive: true });
  assert.deepEqual(check('folder removed'), none);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(store, storeBytes('generated/weak.jks'));
  assert.deepEqual(check('folder restored'), weak);
});
