// Product, version and distribution detection: every deployment.toml of the shared corpus, plus the rules of
// evidence (setting > content > install layout > path) on synthetic cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectProduct, productLabel } from '../../shared-rules/engine/product';
import { CORPUS, NO_CORPUS } from '../helpers/shared';

// [product, version (undefined where the path gives none), distribution for API-M, versionHint]
type Expect = [string, string | undefined, string?, string?];

const CORPUS_TOML: Record<string, Expect> = {
  'apim-3.2.0/deployment.toml': ['apim', '3.2.0', 'all-in-one'],
  'apim-4.0.0/deployment.toml': ['apim', '4.0.0', 'all-in-one'],
  'apim-4.2.0/deployment.toml': ['apim', '4.2.0', 'all-in-one'],
  'apim-4.4.0/deployment.toml': ['apim', '4.4.0', 'all-in-one'],
  'apim-4.6.0/all-in-one-apim/deployment.toml': ['apim', '4.6.0', 'all-in-one'],
  'apim-4.6.0/api-control-plane/deployment.toml': ['apim', '4.6.0', 'control-plane'],
  'apim-4.6.0/gateway/deployment.toml': ['apim', '4.6.0', 'gateway'],
  'apim-4.6.0/traffic-manager/deployment.toml': ['apim', '4.6.0', 'traffic-manager'],
  'apim-4.7.0/deployment.toml': ['apim', '4.7.0', 'all-in-one'],
  'community-1akshitha-apim-handler-opa/deployment.toml': ['apim', undefined],
  'community-NC5002-Utpl.Wso2Docker/deployment.toml': ['apim', undefined, 'all-in-one'],
  'community-aobregonmx-wso2-nginx-proxy/deployment.toml': ['apim', undefined, 'all-in-one'],
  'community-athiththan11-API-RePublish/deployment.toml': ['unknown', undefined],
  'docker-apim-3.2.x/apim-with-analytics/deployment.toml': ['apim', '3.2', 'all-in-one'],
  // An Identity Server used as API-M key manager: the folder names API-M, the content and the nearest folder say IS.
  'docker-apim-3.2.x/is-as-km/deployment.toml': ['is', undefined, undefined, '5.10–5.11'],
  'docker-apim-master/apim-is-as-km/apim/deployment.toml': ['apim', undefined, 'all-in-one'],
  'docker-apim-master/apim-is-as-km/is-as-km/deployment.toml': ['is', undefined],
  'docker-apim-master/apim-with-analytics/deployment.toml': ['apim', undefined, 'all-in-one'],
  'docker-apim-master/apim-with-mi/mi/deployment.toml': ['mi', undefined],
  'docker-is-5.11.x/compose-is/deployment.toml': ['is', '5.11'],
  'docker-is-master/compose-is/deployment.toml': ['is', undefined, undefined, '7.2+'],
  'fs-accelerator-main/fs-apim/wso2am-4.6.0-deployment.toml': ['apim', '4.6.0', 'all-in-one'],
  'fs-accelerator-main/fs-is/wso2is-7.2.0-deployment.toml': ['is', '7.2.0'],
  'helm-apim-3.2.x/all-in-one/deployment.toml': ['apim', '3.2', 'all-in-one'],
  'helm-apim-4.2.x/all-in-one/deployment.toml': ['apim', '4.2', 'all-in-one'],
  'helm-apim-main/all-in-one/deployment.toml': ['apim', undefined, 'all-in-one'],
  'helm-apim-main/control-plane/deployment.toml': ['apim', undefined, 'control-plane'],
  'helm-apim-main/gateway/deployment.toml': ['apim', undefined, 'gateway'],
  'helm-apim-main/key-manager/deployment.toml': ['apim', undefined, 'key-manager'],
  'helm-apim-main/traffic-manager/deployment.toml': ['apim', undefined, 'traffic-manager'],
  'helm-mi-main/icp/deployment.toml': ['unknown', undefined], // the Integration Control Plane, not MI (issue 18)
  'helm-mi-main/mi/deployment.toml': ['mi', undefined],
  'is-5.10.0/deployment.toml': ['is', '5.10.0'],
  'is-5.11.0/deployment.toml': ['is', '5.11.0'],
  'is-6.1.0/deployment.toml': ['is', '6.1.0'],
  'is-7.0.0/deployment.toml': ['is', '7.0.0'],
  'is-7.1.0/deployment.toml': ['is', '7.1.0'],
  'is-7.2.0/deployment.toml': ['is', '7.2.0'],
  'is-master-fapi-conformance/deployment-fapi-config.toml': ['is', undefined, undefined, '7.2+'],
  'kubernetes-is-master/deployment.toml': ['is', undefined],
  'mi-1.2.0/deployment.toml': ['mi', '1.2.0'],
  'mi-4.0.0/deployment.toml': ['mi', '4.0.0'],
  'mi-4.2.0/deployment.toml': ['mi', '4.2.0'],
  'mi-4.3.0/deployment.toml': ['mi', '4.3.0'],
  'mi-4.4.0-SNAPSHOT-reference/deployment-full.toml': ['mi', '4.4.0'],
  'mi-integration-tests/securevault/deployment.toml': ['mi', undefined],
};

test('every corpus deployment.toml has a detection expectation', { skip: NO_CORPUS }, () => {
  const found = (fs.readdirSync(CORPUS, { recursive: true }) as string[]).filter((f) => f.endsWith('.toml')).sort();
  assert.deepEqual(found, Object.keys(CORPUS_TOML).sort());
});

for (const [rel, [product, version, distribution, hint]] of Object.entries(CORPUS_TOML)) {
  test(`detects ${rel}`, { skip: NO_CORPUS }, () => {
    const file = path.join(CORPUS, rel);
    const info = detectProduct(file, fs.readFileSync(file, 'utf8'));
    assert.equal(info.product, product);
    assert.equal(info.version, version);
    assert.equal(info.distribution, distribution);
    if (hint) assert.equal(info.versionHint, hint);
    assert.equal(info.brand, 'WSO2');
  });
}

// Content alone (no product in the path), as a file opened from an unnamed folder.
const CONTENT_ONLY: Array<[string, string]> = [
  ['[apim.cors]\nallow_origins = "*"\n', 'apim'],
  ['[database.identity_db]\ntype = "h2"\n[account_recovery.endpoint.auth]\nhash = "x"\n', 'is'],
  ['[[internal_apis.users]]\nuser.name = "a"\n', 'mi'],
  ['[server]\nhostname = "localhost"\n[truststore]\nalias = "symmetric.key.value"\nalgorithm = "AES"\n', 'mi'],
  ['[server]\nhostname = "localhost"\n', 'unknown'],
];

for (const [text, product] of CONTENT_ONLY) {
  test(`content: ${JSON.stringify(text.split('\n')[0])} → ${product}`, () => {
    assert.equal(detectProduct('/tmp/x/deployment.toml', text).product, product);
  });
}

test('the setting overrides path and content', () => {
  const info = detectProduct('/opt/wso2is-7.0.0/repository/conf/deployment.toml', '[apim.cors]\n', 'mi-4.3.0');
  assert.deepEqual([info.product, info.version, info.source], ['mi', '4.3.0', 'setting']);
  const bare = detectProduct('/opt/wso2am-4.2.0/repository/conf/deployment.toml', '', 'apim');
  assert.deepEqual([bare.product, bare.version, bare.source, bare.kernel], ['apim', '4.2.0', 'setting', '4.8']);
});

test('content that names one product beats a misleading path', () => {
  const info = detectProduct('/deploy/wso2am-4.2.0/is-km/deployment.toml', '[database.identity_db]\n[identity.auth_framework.endpoint]\napp_password = "x"\n');
  assert.equal(info.product, 'is');
  assert.equal(info.version, undefined, 'the version in the path belongs to another product');
});

test('install layout: split API-M distributions and MI by their startup scripts', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-layout-'));
  try {
    const home = (name: string, scripts: string[], conf: string[]) => {
      fs.mkdirSync(path.join(root, name, 'bin'), { recursive: true });
      for (const s of scripts) fs.writeFileSync(path.join(root, name, 'bin', s), '#!/bin/sh\n');
      const dir = path.join(root, name, ...conf);
      fs.mkdirSync(dir, { recursive: true });
      return path.join(dir, 'deployment.toml');
    };
    const cp = detectProduct(home('node-a', ['api-cp.sh', 'key-manager.sh'], ['repository', 'conf']), '[server]\n');
    assert.deepEqual([cp.product, cp.distribution, cp.source], ['apim', 'control-plane', 'layout']);
    const gw = detectProduct(home('node-b', ['gateway.sh'], ['repository', 'conf']), '[server]\n');
    assert.deepEqual([gw.product, gw.distribution], ['apim', 'gateway']);
    const mi = detectProduct(home('node-c', ['micro-integrator.sh'], ['conf']), '[server]\n');
    assert.equal(mi.product, 'mi');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('paths: release folders, branch folders, split distribution names', () => {
  const d = (p: string) => detectProduct(p, '');
  assert.deepEqual([d('/opt/wso2am-acp-4.5.0/repository/conf/deployment.toml').distribution, d('/opt/wso2am-universal-gw-4.5.0/repository/conf/deployment.toml').distribution, d('/opt/wso2am-tm-4.5.0/repository/conf/deployment.toml').distribution], ['control-plane', 'gateway', 'traffic-manager']);
  assert.equal(d('C:\\wso2mi-4.3.0\\conf\\deployment.toml').version, '4.3.0');
  assert.equal(d('/srv/identity-server/7.1.0/repository/conf/deployment.toml').version, '7.1.0');
  assert.equal(d('/srv/helm-apim-4.2.x/all-in-one/confs/deployment.toml').version, '4.2');
  assert.equal(d('/opt/wso2is-7.1.0/repository/conf/deployment.toml').kernel, '4.10');
});

test('paths: version and distribution from the deciding folder and those below it, then its ancestors', () => {
  const d = (p: string) => { const i = detectProduct(p, ''); return [i.product, i.version, i.distribution]; };
  // The version one folder up; the distribution from the deciding folder itself.
  assert.deepEqual(d('/srv/apim-4.6.0/all-in-one-apim/repository/conf/deployment.toml'), ['apim', '4.6.0', 'all-in-one']);
  // A version below the deciding folder comes before an ancestor's.
  assert.deepEqual(d('/srv/wso2am-4.5.0/wso2am-gw/conf-4.6.0/deployment.toml'), ['apim', '4.6.0', 'gateway']);
  // The deepest distribution word below the deciding folder wins.
  assert.deepEqual(d('/srv/wso2am-4.5.0/gateway/tm/deployment.toml'), ['apim', '4.5.0', 'traffic-manager']);
  // None below: the nearest ancestor naming the same product gives both.
  assert.deepEqual(d('/srv/wso2am-km-4.5.0/wso2am/repository/conf/deployment.toml'), ['apim', '4.5.0', 'key-manager']);
  // An ancestor naming another product gives nothing.
  assert.deepEqual(d('/srv/wso2is-7.0.0/wso2am/repository/conf/deployment.toml'), ['apim', undefined, undefined]);
});

test('never throws, and names the brand', () => {
  assert.equal(detectProduct('', '\u0000\u0000').product, 'unknown');
  const m = detectProduct('/opt/mware-am-4.2.0/repository/conf/deployment.toml', '# MWARE API Manager\n[server]\n');
  assert.deepEqual([m.product, m.version, m.brand], ['apim', '4.2.0', 'MWARE']);
  assert.equal(productLabel(m), 'MWARE API Manager 4.2.0');
});
