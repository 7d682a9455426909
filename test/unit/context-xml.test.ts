// Tomcat context.xml (G17) on the shipped files: which ones set a long enough session id, and the
// decisions that are not in the rule's case table (webapp META-INF files, Tomcat 9 products).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { CORPUS, NO_CORPUS } from '../helpers/shared';

const findings = (rel: string) => {
  const file = path.join(CORPUS, rel);
  return lintText(file, fs.readFileSync(file, 'utf8')).findings.filter((f) => f.ruleId === 'short-session-id').map((f) => `${f.severity}: ${f.message}`);
};

test('shipped context files', { skip: NO_CORPUS }, () => {
  // Global conf/tomcat/context.xml: 128 bytes, in the Tomcat 9 and in the Tomcat 7/8 form.
  assert.deepEqual(findings('carbon-deployment-4.11.x-context-tomcat9/context.xml'), []);
  assert.deepEqual(findings('carbon-deployment-4.7.x-context-tomcat7/context.xml'), []);
  // Management console (tomcat/carbon/META-INF): its own <Manager pathname=""/> replaces the global one → 16 bytes.
  assert.deepEqual(findings('carbon-kernel-4.10.x/tomcat-carbon-META-INF/context.xml'), [
    "warning: Session ids are 16 bytes (Tomcat's default, no sessionIdLength set); use at least 32.",
  ]);
  // A web application's META-INF/context.xml without <Manager> inherits the global one: nothing to report.
  assert.deepEqual(findings('is-7.0.0/webapp-api-resources-META-INF/context.xml'), []);
});

test('the Tomcat 7/8 attribute form in an API-M 4.x product home is ignored by its Tomcat 9', { skip: NO_CORPUS }, () => {
  const text = fs.readFileSync(path.join(CORPUS, 'carbon-deployment-4.7.x-context-tomcat7/context.xml'), 'utf8');
  const f = lintText('/opt/wso2am-4.2.0/repository/conf/tomcat/context.xml', text).findings.filter((x) => x.ruleId === 'short-session-id');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /ignored by Tomcat 9 .* 16 bytes/);
  assert.ok(f[0].fix?.safe);
  const unknown = lintText('/tmp/somewhere/context.xml', text).findings.filter((x) => x.ruleId === 'short-session-id');
  assert.deepEqual(unknown, [], 'product unknown: the attribute is trusted (Tomcat 7/8)');
});
