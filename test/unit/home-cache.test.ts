// G01's home detection is remembered per file on the real disk (engine/home-cache.ts). A remembered answer must
// never outlive a change of any file it came from: each step below changes the disk and the next lint must say so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { resolveSettings } from '../../shared-rules/engine/settings';

const TOML = '[server]\nhostname = "localhost"\n';

function release(file: string): string | undefined {
  const f = lintText(file, TOML).findings.find((x) => x.ruleId === 'security-advisories');
  return f ? /^WSO2 API Manager ([\d.]+) \(version from ([^,]+)/.exec(f.message)?.slice(1).join(' / ') ?? f.message.slice(0, 80) : undefined;
}

test('G01 home memo: a Dockerfile edited in place (same size), replaced, removed, and a values.yaml added are all seen on the next lint', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-home-memo-'));
  try {
    const file = path.join(dir, 'deployment.toml');
    fs.writeFileSync(file, TOML);
    const docker = path.join(dir, 'Dockerfile');
    fs.writeFileSync(docker, 'FROM wso2/wso2am:4.2.0\n');
    assert.equal(release(file), '4.2.0 / image tag in Dockerfile');
    assert.equal(release(file), '4.2.0 / image tag in Dockerfile'); // remembered
    // Same size, same inode: only mtime/ctime tell.
    fs.writeFileSync(docker, 'FROM wso2/wso2am:4.1.0\n');
    assert.equal(release(file), '4.1.0 / image tag in Dockerfile');
    // Replaced by another file (rename over it: a new inode).
    fs.writeFileSync(`${docker}.new`, 'FROM wso2/wso2am:4.3.0\n');
    fs.renameSync(`${docker}.new`, docker);
    assert.equal(release(file), '4.3.0 / image tag in Dockerfile');
    // Removed: no release known from the folder any more.
    fs.rmSync(docker);
    assert.equal(release(file), undefined);
    // A chart's values.yaml appears beside it.
    fs.writeFileSync(path.join(dir, 'values.yaml'), 'image:\n  repository: wso2/wso2am\n  tag: 4.0.0\n');
    assert.equal(release(file), '4.0.0 / image tag in values.yaml');
    // Replaced by a link: links are never followed, so the answer goes.
    const target = path.join(dir, 'elsewhere.yaml');
    fs.renameSync(path.join(dir, 'values.yaml'), target);
    fs.symlinkSync(target, path.join(dir, 'values.yaml'));
    assert.equal(release(file), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('G01 home memo: a .git appearing between the file and a Dockerfile above stops the search, as without the memo', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-home-git-'));
  try {
    const dir = path.join(root, 'repo', 'conf-dir');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'deployment.toml');
    fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM wso2/wso2am:4.2.0\n');
    assert.equal(release(file), '4.2.0 / image tag in ../../Dockerfile');
    fs.mkdirSync(path.join(root, 'repo', '.git'));
    assert.equal(release(file), undefined);
    fs.rmSync(path.join(root, 'repo', '.git'), { recursive: true });
    assert.equal(release(file), '4.2.0 / image tag in ../../Dockerfile');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('G01 home memo: a product home edited under the file (updates/product.txt written, then changed) is seen', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-home-pack-'));
  try {
    const home = path.join(root, 'pack');
    const file = path.join(home, 'repository', 'conf', 'deployment.toml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    assert.equal(release(file), undefined);
    fs.mkdirSync(path.join(home, 'updates'));
    fs.writeFileSync(path.join(home, 'updates', 'product.txt'), 'wso2am-4.2.0\n');
    assert.equal(release(file), '4.2.0 / updates/product.txt');
    fs.writeFileSync(path.join(home, 'updates', 'product.txt'), 'wso2am-4.1.0\n');
    assert.equal(release(file), '4.1.0 / updates/product.txt');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('G01 summary memo: the same remembered home gives each advisories setting its own severity and data-age note', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-home-summary-'));
  try {
    const file = path.join(dir, 'deployment.toml');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM wso2/wso2am:4.2.0\n');
    const summary = (advisories: { severity?: 'auto' | 'info' | 'warning'; maxDataAgeDays?: number }) => {
      const settings = resolveSettings({ advisories: { severity: 'auto', maxDataAgeDays: 180, ...advisories } });
      const f = lintText(file, TOML, { settings }).findings.find((x) => x.ruleId === 'security-advisories');
      return f && { severity: f.severity, old: /days old/.test(f.message) };
    };
    const auto = summary({});
    assert.equal(auto?.severity, 'error'); // 4.2.0 has open critical advisories
    assert.deepEqual(summary({ severity: 'info' }), { severity: 'info', old: auto!.old });
    assert.deepEqual(summary({ severity: 'warning' }), { severity: 'warning', old: auto!.old });
    assert.deepEqual(summary({ maxDataAgeDays: 0 }), { severity: 'error', old: true });
    assert.deepEqual(summary({}), auto);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('G01 home memo: a Carbon 4.4 home decided by its layout (api-manager.xml appearing beside a carbon.xml without a name) is seen', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-home-legacy-'));
  try {
    const home = path.join(root, 'pack');
    const conf = path.join(home, 'repository', 'conf');
    fs.mkdirSync(conf, { recursive: true });
    fs.writeFileSync(path.join(conf, 'carbon.xml'), '<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">\n  <Name>${product.name}</Name>\n  <Version>2.6.0</Version>\n</Server>\n');
    const file = path.join(conf, 'deployment.toml');
    const before = release(file);
    fs.writeFileSync(path.join(conf, 'api-manager.xml'), '<APIManager/>\n');
    const after = release(file);
    assert.notEqual(after, before);
    assert.equal(after, '2.6.0 / repository/conf/carbon.xml');
    fs.rmSync(path.join(conf, 'api-manager.xml'));
    assert.equal(release(file), before);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
