// The readiness report's advisories section: data, Markdown table, HTML table sortable without scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceReport } from '../../shared-rules/report/workspace';
import { renderMarkdown } from '../../shared-rules/report/render-md';
import { renderHtml } from '../../shared-rules/report/render-html';
import { layout, rm } from './cli-helpers';

test('report: advisories per product home with sources and statuses; md table; html sortable by CSS only', () => {
  const dir = layout({
    'wso2am-4.2.0/updates/product.txt': 'wso2am-4.2.0\n',
    'wso2am-4.2.0/updates/config.json': '{"update-level": 197}',
    'wso2am-4.2.0/repository/conf/deployment.toml': '[server]\nhostname = "am.example.com"\n',
  });
  try {
    const { report } = workspaceReport(dir, { toolVersion: 'test', now: new Date('2026-07-01T00:00:00Z') });
    assert.equal(report.advisories?.length, 1);
    const a = report.advisories![0];
    assert.deepEqual([a.product, a.version, a.updateLevel, a.home], ['apim', '4.2.0', 197, 'wso2am-4.2.0']);
    assert.deepEqual(a.sources.map((s) => `${s.what}:${s.file}`), ['product:wso2am-4.2.0/updates/product.txt', 'version:wso2am-4.2.0/updates/product.txt', 'updateLevel:wso2am-4.2.0/updates/config.json']);
    assert.equal(a.advisories.find((x) => x.id === 'WSO2-2026-5328')?.status, 'fixed');
    assert.equal(a.counts.open + a.counts.fixed + a.counts.unknown, a.advisories.length);
    const g01 = report.sections.flatMap((s) => s.entries).find((e) => e.guidelineId === 'G01' && e.findings.length);
    assert.ok(g01?.findings.some((f) => f.rule === 'security-advisories'));
    const md = renderMarkdown(report);
    assert.match(md, /## Security advisories \(G01\)/);
    assert.match(md, /\| \[WSO2-2026-5328\]\(https:\/\/security\.docs\.wso2\.com\/[^)]*\) \| critical \| 10\.0 \| 2026-05-03 \| fixed \| U2 197 \|/);
    const html = renderHtml(report);
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /<input type="radio" class="sortkey s-sev" name="adv0" id="adv0-sev" checked>/);
    assert.match(html, /<label for="adv0-cvss">CVSS<\/label>/);
    assert.match(html, /style="--sev:\d+;--cvss:\d+;--date:\d+;--status:\d+;--id:\d+"><a href="https:\/\/security\.docs\.wso2\.com/);
  } finally {
    rm(dir);
  }
});

test('report: advisories off → no section', () => {
  const dir = layout({ 'wso2is-7.1.0/repository/conf/deployment.toml': '[server]\n', '.carbonlint.json': '{"advisories": {"severity": "off"}}' });
  try {
    const { report } = workspaceReport(dir, { toolVersion: 'test' });
    assert.equal(report.advisories, undefined);
    assert.doesNotMatch(renderMarkdown(report), /Security advisories/);
  } finally {
    rm(dir);
  }
});

test('report: a home without deployment.toml (EI 6.6.0: conf/carbon.xml beside bin/integrator.sh) gets its advisories', () => {
  const dir = layout({
    'ei/conf/carbon.xml': '<Server xmlns="http://wso2.org/projects/carbon/carbon.xml"><Name>WSO2 Enterprise Integrator</Name><Version>6.6.0</Version></Server>\n',
    'ei/bin/integrator.sh': '#!/bin/sh\nexec java -Xms256m -Xmx1024m -classpath x org.wso2.carbon.bootstrap.Bootstrap "$@"\n',
  });
  try {
    const { report } = workspaceReport(dir, { toolVersion: 'test' });
    const ei = report.advisories?.find((a) => a.product === 'ei');
    assert.ok(ei, JSON.stringify(report.advisories?.map((a) => a.product)));
    assert.equal(ei.version, '6.6.0');
    assert.equal(ei.home, 'ei');
    assert.deepEqual(ei.sources.map((s) => s.file), ['ei/conf/carbon.xml', 'ei/conf/carbon.xml']);
    assert.ok(ei.advisories.some((a) => a.id === 'WSO2-2025-4800'));
  } finally {
    rm(dir);
  }
});
