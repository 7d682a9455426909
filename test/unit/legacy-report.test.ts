// The readiness report on Carbon 4.4 homes: the product line names the release and kernel level, each guideline
// lists the legacy variant that checked it and the legacy files it read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { workspaceReport } from '../../shared-rules/report/workspace';
import { productsLine } from '../../shared-rules/report/labels';
import { renderMarkdown } from '../../shared-rules/report/render-md';

const ROOT = path.resolve(__dirname, '../fixtures/legacy');
const report = (home: string) => workspaceReport(path.join(ROOT, home), { toolVersion: 'test', now: new Date('2026-12-06T00:00:00Z') }).report;
const entry = (r: ReturnType<typeof report>, section: string, id: string) => r.sections.find((s) => s.id === section)!.entries.find((e) => e.guidelineId === id)!;

test('product line: release and Carbon kernel level, one entry per home (scripts and context.xml counted with it)', () => {
  const r = report('apim-2.6.0');
  assert.equal(productsLine(r), 'API Manager 2.6.0 on Carbon kernel 4.4.35 (WSO2)');
  assert.equal(r.products[0].files, r.files.length);
  assert.equal(productsLine(report('esb-5.0.0')), 'Enterprise Service Bus 5.0.0 on Carbon kernel 4.4.8 (WSO2)');
  assert.match(renderMarkdown(report('ei-6.6.0')), /Products: Enterprise Integrator 6\.6\.0 on Carbon kernel 4\.5\.3 \(WSO2\)/);
});

test('each guideline names the Carbon 4.4 variant that checked it and the legacy files it read', () => {
  const r = report('apim-2.6.0');
  const g20 = entry(r, 'apim-runtime', 'G20');
  assert.equal(g20.status, 'failed');
  assert.deepEqual(g20.checked.map((c) => [c.rule, c.title, c.files]), [
    ['log-rotation', 'Log file not rotated, or rollovers overwrite each other (Carbon 4.4)', ['repository/conf/log4j.properties']],
    ['log-retention', 'Rolled log files are never deleted (Carbon 4.4)', ['repository/conf/log4j.properties']],
  ]);
  assert.match(g20.checked[0].what, /^Carbon 4\.4 \(log4j 1\.x/);
  const g08 = entry(r, 'apim-runtime', 'G08');
  assert.deepEqual(g08.checked.find((c) => c.rule === 'weak-tls-protocols')?.files, ['repository/conf/axis2/axis2.xml', 'repository/conf/tomcat/catalina-server.xml']);
  // G07 read the datasources and user-mgt.xml and found nothing in the shipped home: a partial check, still manual.
  const g07 = entry(r, 'apim-runtime', 'G07');
  assert.equal(g07.status, 'manual');
  assert.match(g07.reason, /^Checked by privileged-datastore-user in 2 files: nothing found/);
  // A rule whose own check ran on no file is not evidence: short-session-id read the two context.xml files (not legacy files).
  assert.deepEqual(entry(r, 'apim-runtime', 'G17').checked.map((c) => c.title), ['Short JSESSIONID']);
});

test('G42: the carbon.xml exposure switches are evidence; a deployment that shows the admin WSDLs fails it', () => {
  const shipped = entry(report('ei-6.5.0'), 'network', 'G42');
  assert.equal(shipped.status, 'manual');
  assert.deepEqual(shipped.checked.map((c) => [c.title, c.files]), [['Admin services or console exposed (Carbon 4.4)', ['conf/carbon.xml']]]);
  assert.match(shipped.reason, /confirm the rest/);
  const deployed = entry(report('docker-ei-6.5.x'), 'network', 'G42');
  assert.equal(deployed.status, 'failed');
  assert.equal(deployed.findings[0].line, 292);
});

test('G12 fails on ESB 5.0 (no cache-prevention filter in the console); G24 on API-M is a note that does not fail', () => {
  const esb = report('esb-5.0.0').sections.flatMap((s) => s.entries).filter((e) => e.guidelineId === 'G12' && e.status !== 'not-applicable');
  assert.equal(esb.length, 1);
  assert.equal(esb[0].status, 'failed');
  assert.deepEqual(esb[0].findings.map((x) => [x.rule, x.line]), [['cache-prevention-missing', 21]]);
  const shipped = entry(report('apim-2.6.0'), 'apim-runtime', 'G12');
  assert.equal(shipped.status, 'manual');
  assert.match(shipped.reason, /^Checked by cache-prevention-missing in 1 file: nothing found/);
  const g24 = entry(report('apim-2.6.0'), 'apim-runtime', 'G24');
  assert.equal(g24.status, 'manual');
  assert.deepEqual(g24.findings, []);
  assert.deepEqual(g24.notes.map((x) => [x.rule, x.line]), [['super-admin-system-user', 21]]);
  assert.match(g24.reason, /^Checked by super-admin-system-user in 1 file: nothing failing, 1 note\. .*confirm the rest/);
});
