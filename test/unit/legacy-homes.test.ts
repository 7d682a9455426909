// Every vendored Carbon 4.4 home (test/fixtures/legacy/, see SOURCES.md there), all files linted as a user would:
// the findings per guideline and rule that the research table (shared/research/legacy-carbon.md §5) predicts for the
// shipped homes, and the real problems of the deployment copies (docker-*). A change in any count is a change in
// what CarbonLint tells a user about such a home: update the table only with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';

const ROOT = path.resolve(__dirname, '../fixtures/legacy');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function homeCounts(home: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of walk(path.join(ROOT, home))) {
    for (const x of lintText(f, fs.readFileSync(f, 'utf8')).findings) {
      if (!x.guidelineId) continue;
      const k = `${x.guidelineId} ${x.ruleId}`;
      out[k] = (out[k] ?? 0) + 1;
    }
  }
  return Object.fromEntries(Object.entries(out).sort());
}

const at = (rel: string, ruleId: string) =>
  lintText(path.join(ROOT, rel), fs.readFileSync(path.join(ROOT, rel), 'utf8')).findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.character}`);

// G01 advisory-config: WSO2-2021-1738 (CVE-2022-29464) says to remove the <FileUploadConfig> mappings from carbon.xml
// of every listed release (info while the update level is unknown), and WSO2-2021-1482 asks API-M 2.x for
// <EnableBindingFederatedUserClaims>false in api-manager.xml; the IS homes' identity.xml lacks the first <ResourceAccessControl>
// entry of WSO2-2022-2177 group 2. ESB 5.0.0, EI 6.1.1 and API-M 2.1.0 are not listed by 1738.
const EXPECTED: Record<string, Record<string, number>> = {
  "apim-2.1.0": {"G01 security-advisories":1,"G02 default-keystore":8,"G03 log4j-plaintext-password":3,"G03 plaintext-password":17,"G03 secret-not-encrypted":6,"G04 default-port-offset":1,"G08 weak-tls-protocols":1,"G09 passthrough-weak-ciphers":1,"G10 server-header-disclosure":2,"G11 hsts-disabled":1,"G13 dh-key-size":1,"G14 client-renegotiation":1,"G15 jvm-hostname-verification":2,"G16 xss-valve-missing":1,"G18 default-admin-credentials":2,"G20 log-retention":5,"G20 log-rotation":1,"G21 log-forging":2,"G24 super-admin-system-user":1,"G26 default-app-password":1},
  "apim-2.6.0": {"G01 advisory-config":2,"G01 security-advisories":1,"G02 default-keystore":9,"G03 log4j-plaintext-password":3,"G03 plaintext-password":21,"G03 secret-not-encrypted":6,"G04 default-port-offset":1,"G08 weak-tls-protocols":1,"G09 passthrough-weak-ciphers":1,"G10 server-header-disclosure":2,"G11 hsts-disabled":1,"G13 dh-key-size":1,"G14 client-renegotiation":1,"G15 jvm-hostname-verification":2,"G16 xss-valve-missing":1,"G18 default-admin-credentials":2,"G20 log-retention":5,"G20 log-rotation":1,"G21 log-forging":2,"G24 super-admin-system-user":1,"G26 default-app-password":1,"G35 session-data-cleanup":1},
  "docker-apim-2.6.x": {"G01 advisory-config":2,"G01 security-advisories":1,"G02 default-keystore":3,"G03 plaintext-password":11,"G04 default-port-offset":1,"G06 database-without-tls":2,"G07 privileged-datastore-user":2,"G13 dh-key-size":1,"G14 client-renegotiation":1,"G15 jvm-hostname-verification":3,"G24 super-admin-system-user":1},
  "docker-ei-6.5.x": {"G01 advisory-config":1,"G01 security-advisories":1,"G02 default-keystore":7,"G03 plaintext-password":16,"G04 default-port-offset":1,"G06 database-without-tls":2,"G07 privileged-datastore-user":2,"G08 weak-tls-protocols":1,"G09 passthrough-weak-ciphers":1,"G18 default-admin-credentials":2,"G42 admin-services-exposed":1},
  "docker-is-5.7.x": {"G01 advisory-config":2,"G01 security-advisories":1,"G02 default-keystore":4,"G03 plaintext-password":11,"G04 default-port-offset":1,"G06 database-without-tls":2,"G07 privileged-datastore-user":2,"G18 default-admin-credentials":2,"G26 default-app-password":1,"G35 session-data-cleanup":1},
  "ei-6.1.1": {"G01 security-advisories":1,"G02 default-keystore":11,"G03 log4j-plaintext-password":1,"G03 plaintext-password":19,"G03 secret-not-encrypted":14,"G04 default-port-offset":1,"G08 weak-tls-protocols":3,"G09 passthrough-weak-ciphers":1,"G10 server-header-disclosure":4,"G11 hsts-disabled":2,"G13 dh-key-size":2,"G14 client-renegotiation":2,"G15 jvm-hostname-verification":1,"G16 xss-valve-missing":2,"G18 default-admin-credentials":2,"G20 log-retention":7,"G20 log-rotation":1,"G21 log-forging":4},
  "ei-6.5.0": {"G01 advisory-config":1,"G01 security-advisories":1,"G02 default-keystore":9,"G03 log4j-plaintext-password":1,"G03 plaintext-password":18,"G03 secret-not-encrypted":6,"G04 default-port-offset":1,"G08 weak-tls-protocols":2,"G09 passthrough-weak-ciphers":1,"G10 server-header-disclosure":2,"G11 hsts-disabled":1,"G13 dh-key-size":1,"G14 client-renegotiation":1,"G15 jvm-hostname-verification":2,"G16 xss-valve-missing":1,"G18 default-admin-credentials":2,"G20 log-retention":4,"G21 log-forging":2,"G35 session-data-cleanup":1},
  "ei-6.6.0": {"G01 advisory-config":1,"G01 security-advisories":1,"G02 default-keystore":10,"G03 plaintext-password":19,"G03 secret-not-encrypted":6,"G04 default-port-offset":1,"G08 weak-tls-protocols":2,"G09 passthrough-weak-ciphers":1,"G10 server-header-disclosure":2,"G11 hsts-disabled":1,"G13 dh-key-size":1,"G14 client-renegotiation":1,"G15 jvm-hostname-verification":2,"G16 xss-valve-missing":1,"G18 default-admin-credentials":2,"G20 log-retention":7,"G20 log-rotation":7,"G21 log-forging":2,"G35 session-data-cleanup":1},
  "esb-5.0.0": {"G01 security-advisories":1,"G02 default-keystore":8,"G03 log4j-plaintext-password":1,"G03 plaintext-password":14,"G03 secret-not-encrypted":6,"G04 default-port-offset":1,"G08 weak-tls-protocols":2,"G09 passthrough-weak-ciphers":1,"G10 server-header-disclosure":2,"G11 hsts-disabled":1,"G12 cache-prevention-missing":1,"G13 dh-key-size":1,"G14 client-renegotiation":1,"G16 xss-valve-missing":1,"G18 default-admin-credentials":2,"G20 log-retention":3,"G20 log-rotation":1,"G21 log-forging":2},
  "is-5.3.0": {"G01 advisory-config":2,"G01 security-advisories":1,"G02 default-keystore":4,"G03 log4j-plaintext-password":1,"G03 plaintext-password":8,"G03 secret-not-encrypted":6,"G04 default-port-offset":1,"G08 weak-tls-protocols":1,"G10 server-header-disclosure":2,"G11 hsts-disabled":1,"G13 dh-key-size":1,"G14 client-renegotiation":1,"G15 jvm-hostname-verification":1,"G16 xss-valve-missing":1,"G18 default-admin-credentials":2,"G20 log-retention":3,"G21 log-forging":2,"G26 default-app-password":1},
  "is-5.7.0": {"G01 advisory-config":2,"G01 security-advisories":1,"G02 default-keystore":5,"G03 log4j-plaintext-password":1,"G03 plaintext-password":11,"G03 secret-not-encrypted":6,"G04 default-port-offset":1,"G08 weak-tls-protocols":1,"G10 server-header-disclosure":2,"G11 hsts-disabled":1,"G13 dh-key-size":1,"G14 client-renegotiation":1,"G15 jvm-hostname-verification":1,"G16 xss-valve-missing":1,"G18 default-admin-credentials":2,"G20 log-retention":3,"G21 log-forging":2,"G26 default-app-password":1,"G35 session-data-cleanup":1},
  "is-5.8.0": {"G01 advisory-config":2,"G01 security-advisories":1,"G02 default-keystore":5,"G03 log4j-plaintext-password":1,"G03 plaintext-password":11,"G03 secret-not-encrypted":6,"G04 default-port-offset":1,"G08 weak-tls-protocols":1,"G10 server-header-disclosure":2,"G11 hsts-disabled":1,"G13 dh-key-size":1,"G14 client-renegotiation":1,"G15 jvm-hostname-verification":1,"G16 xss-valve-missing":1,"G18 default-admin-credentials":2,"G20 log-retention":3,"G21 log-forging":2,"G25 recovery-callback-regex":1,"G26 default-app-password":1,"G35 session-data-cleanup":1},
};

for (const [home, expected] of Object.entries(EXPECTED)) {
  test(`${home}: findings per guideline`, () => assert.deepEqual(homeCounts(home), expected));
}

test('every home in the fixtures has a row', () => {
  assert.deepEqual(fs.readdirSync(ROOT).filter((h) => fs.statSync(path.join(ROOT, h)).isDirectory()).sort(), Object.keys(EXPECTED).sort());
});

test('positions: startup scripts (G13, G14, G15 by kernel), console context.xml (G17), log4j LOGEVENT passwords (G03)', () => {
  assert.deepEqual(at('apim-2.6.0/bin/wso2server.sh', 'dh-key-size'), ['295:4-12']);
  assert.deepEqual(at('apim-2.6.0/bin/wso2server.sh', 'client-renegotiation'), ['295:4-12']);
  assert.deepEqual(at('apim-2.6.0/bin/wso2server.sh', 'jvm-hostname-verification'), ['326:4-68', '327:4-42']);
  // EI 6.5.0 runs kernel 4.4.40: Strict is asked for, and ignoreHostnameVerification=true is reported.
  assert.deepEqual(at('ei-6.5.0/bin/integrator.sh', 'jvm-hostname-verification'), ['281:4-12', '322:4-46']);
  assert.deepEqual(at('esb-5.0.0/bin/wso2server.sh', 'dh-key-size'), ['284:4-12']);
  // EI 6.1.1's analytics profile (carbon.xml says 6.0.0, kernel unknown): a missing Strict is not asked for.
  assert.deepEqual(at('ei-6.1.1/wso2/analytics/bin/wso2server.sh', 'jvm-hostname-verification'), []);
  // G17: the console's `<Manager pathname=""/>` takes Tomcat's 16 bytes, which meet the Carbon 4.4 guideline (research G17).
  for (const rel of ['apim-2.6.0/repository/conf/tomcat/carbon/META-INF/context.xml', 'ei-6.6.0/conf/tomcat/carbon/META-INF/context.xml', 'esb-5.0.0/repository/conf/tomcat/carbon/META-INF/context.xml']) {
    assert.deepEqual(at(rel, 'short-session-id'), [], rel);
  }
  assert.deepEqual(at('apim-2.6.0/repository/conf/log4j.properties', 'log4j-plaintext-password'), ['130:33-38', '148:33-38', '189:34-39']);
});

test('switches named like passwords are not passwords', () => {
  // user-mgt.xml `<Property name="StoreSaltedPassword">true</Property>` (a JDBC store switch) is no secret.
  assert.deepEqual(at('docker-is-5.7.x/is-with-analytics/identity-server/repository/conf/user-mgt.xml', 'plaintext-password'), []);
});

test('commented samples stay quiet', () => {
  // log4j.properties: `#log4j.appender.XMPP_APPENDER.password=wso2esb` (API-M 2.6.0 :160) and the vault form (IS 5.7.0 :145).
  assert.ok(!at('apim-2.6.0/repository/conf/log4j.properties', 'log4j-plaintext-password').some((p) => p.startsWith('160:')));
  assert.deepEqual(at('is-5.7.0/repository/conf/log4j.properties', 'log4j-plaintext-password'), ['144:33-38']);
  // carbon.xml: `<!--HttpAdminServices>*</HttpAdminServices-->` and `<!-- EnableHTTPAdminConsole>true… -->` ship commented.
  for (const rel of ['apim-2.6.0/repository/conf/carbon.xml', 'is-5.8.0/repository/conf/carbon.xml', 'esb-5.0.0/repository/conf/carbon.xml']) assert.deepEqual(at(rel, 'admin-services-exposed'), [], rel);
  // user-mgt.xml: the commented LDAP/AD samples (bind DNs, ldap:// URLs, passwords) are not read.
  for (const rule of ['privileged-datastore-user', 'user-store-without-tls', 'read-write-user-store']) assert.deepEqual(at('apim-2.6.0/repository/conf/user-mgt.xml', rule), [], rule);
  // catalina-server.xml: the connector samples in comments carry no protocol list of their own.
  assert.deepEqual(at('apim-2.6.0/repository/conf/tomcat/catalina-server.xml', 'weak-tls-protocols'), ['57:40-61']);
});

test('G12 console cache prevention and G24 super admin as system user: positions, commented samples quiet', () => {
  // ESB 5.0 ships the console web.xml without URLBasedCachePreventionFilter (legacy-carbon.md §5 G12): the root element.
  assert.deepEqual(at('esb-5.0.0/repository/conf/tomcat/carbon/WEB-INF/web.xml', 'cache-prevention-missing'), ['21:1-8']);
  // Every other console (and EI 6.1.1's analytics console) maps the filter to *.jsp.
  for (const rel of ['apim-2.6.0/repository/conf/tomcat/carbon/WEB-INF/web.xml', 'ei-6.5.0/conf/tomcat/carbon/WEB-INF/web.xml', 'ei-6.1.1/wso2/analytics/conf/tomcat/carbon/WEB-INF/web.xml']) assert.deepEqual(at(rel, 'cache-prevention-missing'), [], rel);
  // API-M: one hint (a report note) per api-manager.xml, at AuthManager/Username; the other slots are related places,
  // and the commented APIKeyManager sample (API-M 2.6.0 :252) is not one of them.
  for (const rel of ['apim-2.6.0/repository/conf/api-manager.xml', 'apim-2.1.0/repository/conf/api-manager.xml']) assert.deepEqual(at(rel, 'super-admin-system-user'), ['21:18-35'], rel);
  const rel = 'apim-2.6.0/repository/conf/api-manager.xml';
  const f = lintText(path.join(ROOT, rel), fs.readFileSync(path.join(ROOT, rel), 'utf8')).findings.find((x) => x.ruleId === 'super-admin-system-user')!;
  assert.equal(f.severity, 'hint');
  assert.match(f.message, /in 10 places \(AuthManager\/Username, APIGateway\/Environments\/Environment\/Username,/);
  assert.deepEqual(f.related?.map((r) => r.range.start.line + 1), [90, 157, 166, 218, 309, 563, 581, 628, 633]);
});
