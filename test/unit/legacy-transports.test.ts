// Carbon 4.4 transports and exposure (catalina-server.xml, axis2.xml, console web.xml, carbon.xml, identity.xml):
// the findings the research table (shared/research/legacy-carbon.md §5) predicts for the shipped homes vendored in
// test/fixtures/legacy/, with positions, and that commented samples stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { applyEdits } from '../../shared-rules/engine/text';

const ROOT = path.resolve(__dirname, '../fixtures/legacy');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const lint = (rel: string) => lintText(path.join(ROOT, rel), read(rel)).findings;

/** Findings per rule for the given guidelines. */
function counts(rel: string, guidelines: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of lint(rel)) if (f.guidelineId && guidelines.includes(f.guidelineId)) out[`${f.guidelineId} ${f.ruleId}`] = (out[`${f.guidelineId} ${f.ruleId}`] ?? 0) + 1;
  return out;
}
const at = (rel: string, ruleId: string) => lint(rel).filter((f) => f.ruleId === ruleId).map((f) => `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.character}`);

const HOMES: Record<string, string> = {
  'apim-2.1.0': 'apim-2.1.0/repository/conf', 'apim-2.6.0': 'apim-2.6.0/repository/conf',
  'is-5.3.0': 'is-5.3.0/repository/conf', 'is-5.7.0': 'is-5.7.0/repository/conf', 'is-5.8.0': 'is-5.8.0/repository/conf',
  'ei-6.1.1': 'ei-6.1.1/conf', 'ei-6.5.0': 'ei-6.5.0/conf', 'ei-6.6.0': 'ei-6.6.0/conf', 'esb-5.0.0': 'esb-5.0.0/repository/conf',
};

test('G08/G10 catalina-server.xml: TLSv1,TLSv1.1 on 9443 and "WSO2 Carbon Server" on both connectors, every home', () => {
  for (const [home, conf] of Object.entries(HOMES)) {
    assert.deepEqual(counts(`${conf}/tomcat/catalina-server.xml`, ['G08', 'G10']), { 'G08 weak-tls-protocols': 1, 'G10 server-header-disclosure': 2 }, home);
  }
  assert.deepEqual(at('apim-2.6.0/repository/conf/tomcat/catalina-server.xml', 'weak-tls-protocols'), ['57:40-61']);
  assert.deepEqual(at('apim-2.6.0/repository/conf/tomcat/catalina-server.xml', 'server-header-disclosure'), ['40:27-45', '67:27-45']);
  assert.deepEqual(at('esb-5.0.0/repository/conf/tomcat/catalina-server.xml', 'weak-tls-protocols'), ['55:37-58']);
  // EI 6.6.0 (Tomcat 9): the SSLHostConfig protocols attribute.
  assert.deepEqual(at('ei-6.6.0/conf/tomcat/catalina-server.xml', 'weak-tls-protocols'), ['75:31-55']);
});

test('G08/G09 axis2.xml: PassThrough listener lists TLSv1 (EI/ESB; API-M leaves it to the JVM), no PreferredCiphers; IS has no PassThrough', () => {
  const expected: Record<string, Record<string, number>> = {
    'apim-2.1.0': { 'G09 passthrough-weak-ciphers': 1 }, 'apim-2.6.0': { 'G09 passthrough-weak-ciphers': 1 },
    'is-5.3.0': {}, 'is-5.7.0': {}, 'is-5.8.0': {},
    'ei-6.1.1': { 'G08 weak-tls-protocols': 1, 'G09 passthrough-weak-ciphers': 1 }, 'ei-6.5.0': { 'G08 weak-tls-protocols': 1, 'G09 passthrough-weak-ciphers': 1 },
    'ei-6.6.0': { 'G08 weak-tls-protocols': 1, 'G09 passthrough-weak-ciphers': 1 }, 'esb-5.0.0': { 'G08 weak-tls-protocols': 1, 'G09 passthrough-weak-ciphers': 1 },
  };
  for (const [home, c] of Object.entries(expected)) assert.deepEqual(counts(`${HOMES[home]}/axis2/axis2.xml`, ['G08', 'G09']), c, home);
  assert.deepEqual(at('ei-6.5.0/conf/axis2/axis2.xml', 'weak-tls-protocols'), ['257:41-62']);
  assert.deepEqual(at('ei-6.5.0/conf/axis2/axis2.xml', 'passthrough-weak-ciphers'), ['254:6-23']);
  // API-M 2.6.0: the https sender at :500 sits inside the comment opened at :497 — only the listener is reported.
  assert.deepEqual(at('apim-2.6.0/repository/conf/axis2/axis2.xml', 'passthrough-weak-ciphers'), ['309:4-21']);
});

test('G08 quick fix keeps each attribute\'s syntax and leaves nothing to report', () => {
  for (const rel of ['apim-2.6.0/repository/conf/tomcat/catalina-server.xml', 'ei-6.6.0/conf/tomcat/catalina-server.xml', 'ei-6.5.0/conf/axis2/axis2.xml']) {
    const found = lint(rel).filter((f) => f.ruleId === 'weak-tls-protocols');
    const fixed = applyEdits(read(rel), found.flatMap((f) => f.fix?.edits ?? []));
    assert.equal(lintText(path.join(ROOT, rel), fixed).findings.filter((f) => f.ruleId === 'weak-tls-protocols').length, 0, rel);
    assert.match(fixed, /sslEnabledProtocols="TLSv1\.2"|protocols="\+TLSv1\.2"|>TLSv1\.2</, rel);
  }
});

test('G11 console web.xml: hstsEnabled=false in every home, one finding (the filter mapped to *); the fix enables a one-year max-age', () => {
  for (const [home, conf] of Object.entries(HOMES)) {
    assert.deepEqual(counts(`${conf}/tomcat/carbon/WEB-INF/web.xml`, ['G11']), { 'G11 hsts-disabled': 1 }, home);
  }
  const rel = 'apim-2.6.0/repository/conf/tomcat/carbon/WEB-INF/web.xml';
  assert.deepEqual(at(rel, 'hsts-disabled'), ['83:25-30']);
  assert.deepEqual(at('ei-6.5.0/conf/tomcat/carbon/WEB-INF/web.xml', 'hsts-disabled'), ['96:25-30']);
  const f = lint(rel).find((x) => x.ruleId === 'hsts-disabled')!;
  assert.equal(f.fix?.safe, false); // browsers then refuse plain HTTP for a year: review
  const fixed = applyEdits(read(rel), f.fix!.edits);
  assert.match(fixed, /<param-value>true<\/param-value>\s*<\/init-param>\s*<init-param>\s*<param-name>hstsMaxAgeSeconds<\/param-name>\s*<param-value>31536000<\/param-value>/);
  assert.equal(lintText(path.join(ROOT, rel), fixed).findings.filter((x) => x.ruleId === 'hsts-disabled').length, 0);
});

test('G42 carbon.xml: shipped homes hide the admin WSDLs; the EI 6.5 deployment copy shows them (safe fix back to true)', () => {
  for (const [home, conf] of Object.entries(HOMES)) assert.deepEqual(counts(`${conf}/carbon.xml`, ['G42']), {}, home);
  const rel = 'docker-ei-6.5.x/integrator-bps-analytics/integrator/conf/carbon.xml';
  assert.deepEqual(at(rel, 'admin-services-exposed'), ['292:27-32']);
  const f = lint(rel).find((x) => x.ruleId === 'admin-services-exposed')!;
  assert.equal(f.fix?.safe, true);
  assert.match(applyEdits(read(rel), f.fix!.edits), /<HideAdminServiceWSDLs>true<\/HideAdminServiceWSDLs>/);
});

test('G15 axis2.xml: the shipped HostnameVerifier samples are comments (quiet); a written AllowAll is an error', () => {
  for (const conf of ['apim-2.6.0/repository/conf', 'ei-6.5.0/conf', 'esb-5.0.0/repository/conf']) assert.deepEqual(at(`${conf}/axis2/axis2.xml`, 'sender-hostname-verification'), [], conf);
  const rel = 'ei-6.5.0/conf/axis2/axis2.xml';
  const text = read(rel).replace(/<transportSender name="https"([^>]*)>/, '<transportSender name="https"$1><parameter name="HostnameVerifier">AllowAll</parameter>');
  const f = lintText(path.join(ROOT, rel), text).findings.filter((x) => x.ruleId === 'sender-hostname-verification');
  assert.deepEqual(f.map((x) => [x.range.start.line + 1, x.severity]), [[405, 'error']]);
});

test('G16 catalina-server.xml: no XSSValve on the Host in any shipped home (information, as in the TOML era)', () => {
  for (const [home, conf] of Object.entries(HOMES)) assert.deepEqual(counts(`${conf}/tomcat/catalina-server.xml`, ['G16']), { 'G16 xss-valve-missing': 1 }, home);
  assert.deepEqual(at('apim-2.6.0/repository/conf/tomcat/catalina-server.xml', 'xss-valve-missing'), ['87:13-17']);
  assert.ok(lint('apim-2.6.0/repository/conf/tomcat/catalina-server.xml').filter((f) => f.ruleId === 'xss-valve-missing').every((f) => f.severity === 'info'));
});
