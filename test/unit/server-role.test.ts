// [server] server_role decides the API-M profile before the tables present are guessed from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distributionFromServerRole } from '../../shared-rules/engine/server-role';
import { detectProduct } from '../../shared-rules/engine/product';

test('server_role: read only under [server] (or as server.server_role at the top)', () => {
  assert.equal(distributionFromServerRole('[server]\nhostname = "x"\nserver_role = "default"\n'), 'all-in-one');
  assert.equal(distributionFromServerRole('[server]\r\nserver_role = "gateway-worker"\r\n'), 'gateway');
  assert.equal(distributionFromServerRole('server.server_role = "traffic-manager"\n[apim]\n'), 'traffic-manager');
  assert.equal(distributionFromServerRole('[apim.x]\nserver_role = "default"\n'), undefined);
  assert.equal(distributionFromServerRole('[server]\nserver_role = "something-else"\n'), undefined);
});

test('detection: server_role = "default" makes an API-M 4.2 file with TM-like tables all-in-one', () => {
  const text = '[server]\nhostname = "apim"\nserver_role = "default"\n\n[database.apim_db]\ntype = "mysql"\n';
  assert.equal(detectProduct('wso2am-4.2.0/repository/conf/deployment.toml', text).distribution, 'all-in-one');
  assert.equal(detectProduct('wso2am-4.2.0/repository/conf/deployment.toml', text.replace('server_role = "default"\n', '')).distribution, 'traffic-manager');
});
