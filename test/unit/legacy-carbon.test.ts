// Carbon 4.4 homes (API-M 2.x, IS 5.x, EI 6.x, ESB 5.0): detection, file kinds and the findings the research table
// (shared/research/legacy-carbon.md §5) predicts for the shipped files vendored in test/fixtures/legacy/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { classify, mayClassify } from '../../shared-rules/engine/files';
import { detectProduct, productLabel } from '../../shared-rules/engine/product';

const ROOT = path.resolve(__dirname, '../fixtures/legacy');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

function counts(rel: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of lintText(path.join(ROOT, rel), read(rel)).findings) {
    if (!f.guidelineId) continue;
    const k = `${f.guidelineId} ${f.ruleId}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function at(rel: string, ruleId: string): string[] {
  return lintText(path.join(ROOT, rel), read(rel)).findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.character}`);
}

test('product, release and kernel of each home', () => {
  const label = (rel: string) => productLabel(detectProduct(path.join(ROOT, rel), read(rel)));
  assert.equal(label('apim-2.6.0/repository/conf/user-mgt.xml'), 'WSO2 API Manager 2.6.0 (Carbon kernel 4.4.35)');
  assert.equal(label('apim-2.1.0/bin/wso2server.sh'), 'WSO2 API Manager 2.1.0 (Carbon kernel 4.4.11)');
  assert.equal(label('is-5.8.0/repository/conf/carbon.xml'), 'WSO2 Identity Server 5.8.0 (Carbon kernel 4.4.40)');
  assert.equal(label('ei-6.6.0/conf/tomcat/catalina-server.xml'), 'WSO2 Enterprise Integrator 6.6.0 (Carbon kernel 4.5.3)');
  assert.equal(label('esb-5.0.0/repository/conf/carbon.xml'), 'WSO2 Enterprise Service Bus 5.0.0 (Carbon kernel 4.4.8)');
  // Built pack: name and version from carbon.xml itself.
  const ei = detectProduct(path.join(ROOT, 'docker-ei-6.5.x/integrator-bps-analytics/integrator/conf/carbon.xml'), read('docker-ei-6.5.x/integrator-bps-analytics/integrator/conf/carbon.xml'));
  assert.equal(ei.legacy?.source, 'content');
  assert.equal(ei.legacy?.kernel, '4.4.40');
  // EI 6.1.1 analytics says 6.0.0 (DAS): no kernel is guessed for it.
  const das = detectProduct(path.join(ROOT, 'ei-6.1.1/wso2/analytics/conf/carbon.xml'), read('ei-6.1.1/wso2/analytics/conf/carbon.xml'));
  assert.equal(das.legacy?.kernel, undefined);
  assert.equal(productLabel(das), 'WSO2 Enterprise Integrator Analytics 6.0.0');
});

test('kernel lower bound from content only: InternalKeyStore means 4.4.34 or later', () => {
  const text = '<Server xmlns="http://wso2.org/projects/carbon/carbon.xml"><Name>${product.name}</Name><Security><InternalKeyStore/></Security></Server>';
  const info = detectProduct('/nowhere/home/repository/conf/carbon.xml', text);
  assert.equal(info.product, 'unknown');
  assert.equal(productLabel(info), 'WSO2 Carbon 4.4 product (Carbon kernel 4.4.34 or later)');
});

test('legacy files are recognised only in a Carbon home, by path and root element', () => {
  assert.equal(classify('/opt/wso2am-2.6.0/repository/conf/tomcat/carbon/WEB-INF/web.xml', '<web-app>'), 'xml');
  assert.equal(classify('/srv/app/WEB-INF/web.xml', '<web-app>'), undefined);
  assert.equal(classify('/opt/x/conf/carbon.xml', '<project/>'), undefined);
  assert.equal(classify('/opt/wso2ei-6.5.0/conf/datasources/master-datasources.xml', '<datasources-configuration>'), 'xml');
  assert.equal(classify('/opt/wso2ei-6.5.0/conf/log4j.properties', 'log4j.rootLogger=INFO'), 'properties');
  assert.equal(classify('/opt/wso2ei-6.5.0/conf/security/cipher-text.properties', ''), 'properties');
  assert.ok(mayClassify('user-mgt.xml') && mayClassify('carbon.xml') && mayClassify('web.xml'));
});

test('a TOML-era home (deployment.toml beside carbon.xml) is not legacy: its XML is generated', (t) => {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'cl-legacy-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const conf = path.join(dir, 'repository', 'conf');
  fs.mkdirSync(conf, { recursive: true });
  fs.writeFileSync(path.join(conf, 'deployment.toml'), '[server]\n');
  assert.equal(classify(path.join(conf, 'user-mgt.xml'), '<UserManager/>'), undefined);
});

test('shipped API-M 2.6.0: findings per guideline', () => {
  assert.deepEqual(counts('apim-2.6.0/repository/conf/carbon.xml'), { 'G02 default-keystore': 3, 'G03 plaintext-password': 6, 'G04 default-port-offset': 1, 'G01 security-advisories': 1, 'G01 advisory-config': 1 }); // advisory-config: WSO2-2021-1738's <FileUploadConfig> mappings
  assert.deepEqual(at('apim-2.6.0/repository/conf/carbon.xml', 'default-port-offset'), ['127:16-17']);
  // The admin password is G18's; `<Property name="StoreSaltedPassword">true</Property>` is a switch, not a G03 secret.
  assert.deepEqual(counts('apim-2.6.0/repository/conf/user-mgt.xml'), { 'G18 default-admin-credentials': 2 });
  assert.deepEqual(at('apim-2.6.0/repository/conf/user-mgt.xml', 'default-admin-credentials'), ['23:26-31', '24:26-31']);
  assert.deepEqual(counts('apim-2.6.0/repository/conf/tomcat/catalina-server.xml'), { 'G02 default-keystore': 1, 'G03 plaintext-password': 1, 'G08 weak-tls-protocols': 1, 'G10 server-header-disclosure': 2, 'G16 xss-valve-missing': 1 });
  assert.deepEqual(counts('apim-2.6.0/repository/conf/axis2/axis2.xml'), { 'G02 default-keystore': 4, 'G03 plaintext-password': 7, 'G09 passthrough-weak-ciphers': 1 });
  assert.deepEqual(counts('apim-2.6.0/repository/conf/security/cipher-text.properties'), { 'G03 secret-not-encrypted': 6 });
  assert.deepEqual(counts('apim-2.6.0/repository/conf/datasources/master-datasources.xml'), { 'G03 plaintext-password': 4 });
});

test('kernel < 4.4.34 homes have no InternalKeyStore: two G02 findings in carbon.xml', () => {
  for (const rel of ['apim-2.1.0/repository/conf/carbon.xml', 'is-5.3.0/repository/conf/carbon.xml', 'ei-6.1.1/conf/carbon.xml', 'esb-5.0.0/repository/conf/carbon.xml']) {
    assert.equal(counts(rel)['G02 default-keystore'], 2, rel);
  }
  for (const rel of ['is-5.7.0/repository/conf/carbon.xml', 'is-5.8.0/repository/conf/carbon.xml', 'ei-6.5.0/conf/carbon.xml', 'ei-6.6.0/conf/carbon.xml']) {
    assert.equal(counts(rel)['G02 default-keystore'], 3, rel);
  }
});

test('every shipped home: admin/admin in user-mgt.xml, offset 0 (EI 6.1.1 analytics ships offset 1)', () => {
  for (const home of ['apim-2.1.0/repository', 'is-5.3.0/repository', 'is-5.7.0/repository', 'is-5.8.0/repository', 'ei-6.1.1', 'ei-6.5.0', 'ei-6.6.0', 'esb-5.0.0/repository']) {
    assert.equal(counts(`${home}/conf/user-mgt.xml`)['G18 default-admin-credentials'], 2, home);
    assert.equal(counts(`${home}/conf/carbon.xml`)['G04 default-port-offset'], 1, home);
  }
  assert.equal(counts('ei-6.1.1/wso2/analytics/conf/carbon.xml')['G04 default-port-offset'], undefined);
});

test('commented samples stay quiet: IS axis2.xml has its PassThrough stores only inside comments', () => {
  for (const v of ['5.3.0', '5.7.0', '5.8.0']) assert.deepEqual(counts(`is-${v}/repository/conf/axis2/axis2.xml`), {}, v);
});

test('deployment copies: MySQL useSSL=false, root, admin WSDLs', () => {
  assert.deepEqual(at('docker-apim-2.6.x/apim-with-analytics/apim/repository/conf/datasources/master-datasources.xml', 'database-without-tls'), ['17:25-94', '39:25-94']);
  assert.equal(counts('docker-is-5.7.x/is-with-analytics/identity-server/repository/conf/datasources/master-datasources.xml')['G06 database-without-tls'], 2);
  assert.equal(counts('docker-ei-6.5.x/integrator-bps-analytics/integrator/conf/datasources/master-datasources.xml')['G06 database-without-tls'], 2);
  assert.equal(counts('docker-apim-2.6.x/apim-with-analytics/apim/repository/conf/api-manager.xml')['G03 plaintext-password'], 2);
});

test('Secure Vault: a protected password is quiet; an alias missing from cipher-text.properties is reported', (t) => {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'cl-vault-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const conf = path.join(dir, 'repository', 'conf');
  fs.mkdirSync(path.join(conf, 'security'), { recursive: true });
  fs.writeFileSync(path.join(conf, 'security', 'cipher-text.properties'), 'Carbon.Security.KeyStore.Password=cGFzc3dvcmQ=\n');
  const xml = '<Server xmlns:sv="http://org.wso2.securevault/configuration"><Security><KeyStore>\n<Password sv:secretAlias="Carbon.Security.KeyStore.Password">password</Password>\n<KeyPassword sv:secretAlias="Carbon.Security.KeyStore.KeyPassword">password</KeyPassword>\n</KeyStore></Security></Server>';
  const r = lintText(path.join(conf, 'carbon.xml'), xml).findings.filter((f) => f.guidelineId === 'G03');
  assert.deepEqual(r.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]), [['secret-alias-missing', 2, 29]]);
});

test('G15 by kernel: before 4.4.17 only ignoreHostnameVerification counts, from 4.4.17 Strict is asked for', () => {
  assert.deepEqual(counts('apim-2.1.0/bin/wso2server.sh')['G15 jvm-hostname-verification'], 2); // disable…=true, ignore…=true
  assert.equal(counts('esb-5.0.0/bin/wso2server.sh')['G15 jvm-hostname-verification'], undefined); // 4.4.8: no flag, verification on
  assert.equal(counts('apim-2.6.0/bin/wso2server.sh')['G15 jvm-hostname-verification'], 2); // AllowAll + OpenSAML off
  assert.equal(counts('is-5.7.0/bin/wso2server.sh')['G15 jvm-hostname-verification'], 1); // DefaultAndLocalhost
});
