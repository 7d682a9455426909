// Release folders written x.y, and the Integration Control Plane kept apart from Micro Integrator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectProduct } from '../../shared-rules/engine/product';

const d = (p: string, text = '[server]\nhostname = "h"\n') => detectProduct(p, text);

test('x.y release folders beside the product name', () => {
  assert.deepEqual([d('/srv/wso2am-4.5/repository/conf/deployment.toml').product, d('/srv/wso2am-4.5/repository/conf/deployment.toml').version], ['apim', '4.5']);
  assert.deepEqual([d('/srv/IS-6.2/repository/conf/deployment.toml').product, d('/srv/IS-6.2/repository/conf/deployment.toml').version], ['is', '6.2']);
  assert.equal(d('/srv/wso2mi-4.3/conf/deployment.toml').version, '4.3');
  // Not a version: a number in a folder that names no product, or a longer dotted number.
  assert.equal(d('/srv/ubuntu-22.04/wso2am/repository/conf/deployment.toml').version, undefined);
  assert.equal(d('/srv/wso2am-4.2.0/repository/conf/deployment.toml').version, '4.2.0');
});

test('the Integration Control Plane is not Micro Integrator', () => {
  assert.equal(d('/charts/helm-mi/icp/deployment.toml').product, 'unknown');
  assert.equal(d('/opt/wso2-integration-control-plane-1.1.0/conf/deployment.toml').product, 'unknown');
  assert.equal(d('/opt/x/conf/deployment.toml', '[icp_server.storage]\ntype = "h2"\n[internal_apis.file_user_store]\n').product, 'unknown');
  // MI's own file that only points at an ICP stays MI.
  assert.equal(d('/opt/wso2mi-4.3.0/conf/deployment.toml', '[icp_config]\nenabled = true\n').product, 'mi');
  assert.equal(d('/charts/icp-demo/mi/deployment.toml').product, 'mi');
  // An explicit setting still wins.
  assert.equal(detectProduct('/charts/helm-mi/icp/deployment.toml', '', 'mi').product, 'mi');
});
