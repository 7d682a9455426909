// G42 over real deployment files (test/fixtures/proxies, see its SOURCES.md): nginx proxies and Kubernetes Ingresses
// that forward /carbon and /services to a management port are reported, the ones that block them and unrelated
// proxies are quiet; nginx files are recognised by the CLI walk; the readiness report says what it saw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../helpers/shared';
import { run, layout, rm } from './cli-helpers';
import { lintText } from '../../shared-rules/engine/lint';
import { classify, mayClassify } from '../../shared-rules/engine/files';
import { mayBeNginx } from '../../shared-rules/engine/nginx-files';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { applyEdits } from '../../shared-rules/engine/text';
import { parseProjectConfig } from '../../shared-rules/engine/project-config';
import type { ReadinessReport } from '../../shared-rules/report/model';

const FIX = path.join(REPO, 'test/fixtures/proxies');
const NGINX = path.join(FIX, 'tharindu1st__docker-apim@distributed/docker-compose/distributed/nginx');
const AOB = path.join(FIX, 'aobregonmx__wso2-nginx-proxy@main/nginx/conf.d/nginx.conf');

function g42(file: string, settings = resolveSettings()) {
  const r = lintText(file, fs.readFileSync(file, 'utf8'), { settings });
  return { r, found: r.findings.filter((f) => f.guidelineId === 'G42') };
}
const lines = (fs: Array<{ range: { start: { line: number } } }>) => fs.map((f) => f.range.start.line + 1);

test('nginx: the proxy without a deny block is reported on its `location /`, naming the upstream, port and listener', () => {
  const { r, found } = g42(AOB);
  assert.equal(r.kind, 'nginx');
  assert.deepEqual(lines(found), [40]);
  assert.match(found[0].message, /^`location \/` of server `apim\.localhost` forwards \/carbon and \/services to `wso2_apim:9443` \(upstream `sslapim\.localhost`\) — port 9443, /);
  assert.match(found[0].message, /internet-facing: `listen 443 ssl` binds every address/);
  // The quick fix adds the deny blocks at the location's indentation; after it the file is quiet.
  const text = fs.readFileSync(AOB, 'utf8');
  assert.ok(found[0].fix?.safe);
  const fixed = applyEdits(text, found[0].fix!.edits);
  assert.ok(fixed.includes('    location ^~ /carbon { deny all; }\n    location ^~ /services { deny all; }\n    location / {\n'));
  assert.deepEqual(lintText(AOB, fixed).findings.filter((f) => f.guidelineId === 'G42'), []);
});

test('nginx: the same proxy with `location /carbon { deny all; }` and `location /services { return 403; }` is quiet', () => {
  assert.deepEqual(g42(path.join(FIX, 'own/with-deny/conf.d/apim.conf')).found, []);
});

test('nginx sites-enabled: an explicit `location /carbon` forward and `/` carrying /services are reported; the gateway host is quiet', () => {
  const am = g42(path.join(NGINX, 'sites-enabled/api.am.wso2.com'));
  assert.equal(am.r.kind, 'nginx');
  assert.deepEqual(lines(am.found), [15, 53]);
  assert.match(am.found[0].message, /`location \/` of server `api\.am\.wso2\.com` forwards \/services to `apim:9443`/);
  assert.match(am.found[1].message, /`location \/carbon` of server `api\.am\.wso2\.com` forwards \/carbon to `apim:9443`/);
  // Only /services can get a deny block before `location /`: /carbon has a location of its own.
  assert.match(am.found[0].fix!.edits[0].newText, /^location \^~ \/services \{ deny all; \}\n {4}$/);
  assert.equal(am.found[1].fix, undefined);
  assert.deepEqual(lines(g42(path.join(NGINX, 'sites-enabled/developer.abc.com')).found), [47]);
  assert.deepEqual(g42(path.join(NGINX, 'sites-enabled/api.gateway.wso2.com')).found, []);
  assert.deepEqual(g42(path.join(NGINX, 'nginx.conf')).found, []);
});

test('nginx: an unrelated proxy (no product port) is quiet, and a non-nginx .conf is not read as nginx', () => {
  const app = path.join(FIX, 'own/unrelated/conf.d/app.conf');
  const r = g42(app);
  assert.equal(r.r.kind, 'nginx');
  assert.deepEqual(r.r.findings, []);
  const sup = path.join(FIX, 'own/unrelated/supervisord.conf');
  assert.equal(classify(sup, fs.readFileSync(sup, 'utf8')), undefined);
  assert.equal(classify(path.join(FIX, 'own/include/snippets/deny-admin.conf'), 'location /carbon { deny all; }\n'), undefined);
});

test('nginx template twin (nginx.conf.j2): each branch checked, placeholders not quoted', () => {
  const tpl = 'server {\n    listen {{ nginx_port }};\n    server_name {{ apim_host }};\n{% if block_admin %}\n    location /carbon { deny all; }\n    location /services { deny all; }\n{% endif %}\n    location / {\n        proxy_pass https://{{ apim_host }}:9443;\n    }\n}\n';
  const r = lintText('/ws/roles/nginx/templates/apim.conf.j2', tpl, { values: false });
  assert.equal(r.kind, 'nginx');
  const found = r.findings.filter((f) => f.guidelineId === 'G42');
  assert.deepEqual(lines(found), [8]);
  assert.match(found[0].message, /forwards \/carbon and \/services to `…:9443` .*`listen` takes a template value.*\(template branch: when `block_admin` \(line 4\) does not hold\)$/);
  assert.doesNotMatch(found[0].message, /\$\{_/);
});

test('nginx: classification by name and content; candidates before content', () => {
  assert.equal(classify('/x/nginx.conf'), 'nginx');
  assert.equal(classify('/x/nginx.conf.j2'), 'nginx');
  assert.equal(classify('/x/conf.d/apim.conf', undefined), undefined);
  assert.equal(classify('/x/conf.d/apim.conf', 'server {\n  listen 443;\n}\n'), 'nginx');
  assert.equal(classify('/x/sites-enabled/apim', 'server {\n  listen 443;\n}\n'), 'nginx');
  assert.equal(classify('/x/other/apim', 'server {\n  listen 443;\n}\n'), undefined);
  assert.equal(classify('/x/httpd.conf', '<VirtualHost *:443>\n  ProxyPass / https://am:9443/\n</VirtualHost>\n'), undefined);
  assert.ok(mayClassify('apim.conf'));
  assert.ok(mayBeNginx('/x/sites-available/api.am.wso2.com'));
  assert.ok(!mayBeNginx('/x/docs/api.am.wso2.com'));
});

test('nginx include: a deny block in an included snippet beside the file makes it quiet; without the snippet it is reported', () => {
  const file = path.join(FIX, 'own/include/nginx.conf');
  assert.deepEqual(g42(file).found, []);
  const dir = layout({ 'nginx.conf': fs.readFileSync(file, 'utf8') });
  try {
    assert.deepEqual(lines(g42(path.join(dir, 'nginx.conf')).found), [10]);
  } finally {
    rm(dir);
  }
});

test('nginx include: never through a link out of the folder, never outside it, at most 3 deep', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-outside-'));
  const conf = 'server {\n  listen 443;\n  include snippets/deny.conf;\n  location / { proxy_pass https://am:9443; }\n}\n';
  const dir = layout({ 'nginx/nginx.conf': conf, 'nginx/chain1.conf': 'include chain2.conf;\n', 'nginx/chain2.conf': 'include chain3.conf;\n', 'nginx/chain3.conf': 'include chain4.conf;\n', 'nginx/chain4.conf': 'location /carbon { deny all; }\nlocation /services { deny all; }\n' });
  try {
    fs.writeFileSync(path.join(outside, 'deny.conf'), 'location /carbon { deny all; }\nlocation /services { deny all; }\n');
    fs.mkdirSync(path.join(dir, 'nginx/snippets'));
    fs.symlinkSync(path.join(outside, 'deny.conf'), path.join(dir, 'nginx/snippets/deny.conf'));
    assert.equal(g42(path.join(dir, 'nginx/nginx.conf')).found.length, 1, 'a link out of the folder is not followed');
    const rel = path.relative(path.join(dir, 'nginx'), path.join(outside, 'deny.conf'));
    const up = `server {\n  listen 443;\n  include ${rel};\n  location / { proxy_pass https://am:9443; }\n}\n`;
    fs.writeFileSync(path.join(dir, 'nginx/nginx.conf'), up);
    assert.equal(g42(path.join(dir, 'nginx/nginx.conf')).found.length, 1, 'a path above the folder is not read');
    fs.writeFileSync(path.join(dir, 'nginx/nginx.conf'), conf.replace('snippets/deny.conf', 'chain1.conf'));
    assert.equal(g42(path.join(dir, 'nginx/nginx.conf')).found.length, 1, 'the fourth level is not read');
    fs.writeFileSync(path.join(dir, 'nginx/chain1.conf'), 'include chain4.conf;\n');
    assert.equal(g42(path.join(dir, 'nginx/nginx.conf')).found.length, 0, 'two levels are read');
  } finally {
    rm(dir);
    rm(outside);
  }
});

test('Ingress: the 2.6.x Ingress forwarding `/` to 9443 is reported on its port; the gateway Ingress (8243) is quiet', () => {
  const dir = path.join(FIX, 'wso2__kubernetes-apim@2.6.x/advanced/pattern-1/ingresses');
  const { r, found } = g42(path.join(dir, 'wso2apim-ingress.yaml'));
  assert.equal(r.kind, 'ingress');
  assert.deepEqual(lines(found), [36]);
  assert.match(found[0].message, /Ingress `wso2apim-with-analytics-apim-ingress` for host `wso2apim` routes path `\/` — so \/carbon and \/services — to Service `wso2apim-with-analytics-apim-service` port `9443`: port 9443, .*ingress class `nginx` is not listed/);
  assert.deepEqual(g42(path.join(dir, 'wso2apim-gateway-ingress.yaml')).found, []);
  // An internal ingress class is quiet.
  assert.deepEqual(g42(path.join(dir, 'wso2apim-ingress.yaml'), resolveSettings({ exposure: { internal: ['nginx'] } })).found, []);
});

test('Ingress Helm templates: IS 7.0 and the MI management Ingress are reported through the template machinery, names not guessed', () => {
  const is = g42(path.join(FIX, 'wso2__kubernetes-is@7.0.x/templates/ingress.yaml'));
  assert.deepEqual(lines(is.found), [38]);
  assert.match(is.found[0].message, /^Ingress `…` for host `…` routes path `\/` — so \/carbon and \/services — to Service `…` port `9443`/);
  assert.doesNotMatch(is.found[0].message, /\$\{_/);
  const mi = g42(path.join(FIX, 'wso2__kubernetes-apim@master/advanced/am-pattern-3/templates/mi/instance-1/wso2am-pattern-3-mi-management-ingress.yaml'));
  assert.deepEqual(lines(mi.found), [41]);
  assert.match(mi.found[0].message, /port 9164, Micro Integrator's management API port/);
  assert.deepEqual(mi.r.findings.filter((f) => f.ruleId === 'yaml-syntax'), [], 'an empty template branch is not a syntax error');
  // A templated class while some classes are internal: cannot tell, so quiet.
  assert.deepEqual(g42(path.join(FIX, 'wso2__kubernetes-is@7.0.x/templates/ingress.yaml'), resolveSettings({ exposure: { internal: ['nginx-internal'] } })).found, []);
});

test('Ingress Helm template: a management port from values.yaml is reported on the values line, with the resolved class', () => {
  const tpl = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: am\nspec:\n  ingressClassName: {{ .Values.ingress.className }}\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: am\n            port:\n              number: {{ .Values.ingress.port }}\n';
  const dir = layout({ 'chart/Chart.yaml': 'apiVersion: v2\nname: am\nversion: 1.0.0\n', 'chart/values.yaml': 'ingress:\n  className: nginx\n  port: 9443\n', 'chart/templates/ingress.yaml': tpl });
  try {
    const file = path.join(dir, 'chart/templates/ingress.yaml');
    const r = lintText(file, tpl);
    assert.deepEqual(r.findings, []);
    const v = r.values ?? [];
    assert.equal(v.length, 1);
    assert.equal(v[0].file, path.join(dir, 'chart/values.yaml'));
    assert.equal(v[0].finding.range.start.line, 2);
    assert.match(v[0].finding.message, /port `9443`: port 9443, .*ingress class `nginx` is not listed .*\(value used by ingress\.yaml:16\)/);
    // The same chart with a gateway port: nothing.
    fs.writeFileSync(path.join(dir, 'chart/values.yaml'), 'ingress:\n  className: nginx\n  port: 8243\n');
    assert.deepEqual(lintText(file, tpl).values ?? [], []);
  } finally {
    rm(dir);
  }
});

test('Ingress: a named port resolved through a Service in a manifest beside it (a link to one is not read)', () => {
  const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: am\nspec:\n  ingressClassName: public\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: wso2am\n            port:\n              name: servlet-https\n';
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: wso2am\nspec:\n  ports:\n  - name: servlet-https\n    port: 443\n    targetPort: 9443\n';
  const dir = layout({ 'k8s/ingress.yaml': ingress, 'k8s/service.yaml': service });
  try {
    const found = g42(path.join(dir, 'k8s/ingress.yaml')).found;
    assert.deepEqual(lines(found), [16]);
    assert.match(found[0].message, /port `servlet-https` \(Service `wso2am` targetPort 9443\): port 9443/);
    fs.renameSync(path.join(dir, 'k8s/service.yaml'), path.join(dir, 'service.yaml'));
    fs.symlinkSync(path.join(dir, 'service.yaml'), path.join(dir, 'k8s/service.yaml'));
    assert.deepEqual(g42(path.join(dir, 'k8s/ingress.yaml')).found, [], 'cannot tell without the Service');
  } finally {
    rm(dir);
  }
});

test('suppression comments work in nginx and Ingress files (# comments)', () => {
  const t = 'server {\n    listen 443;\n    # carbonlint-disable-next-line proxy-admin-paths-exposed -- only the VPN reaches this host\n    location / { proxy_pass https://am:9443; }\n}\n';
  const r = lintText('/ws/nginx/nginx.conf', t);
  assert.deepEqual([r.findings.map((f) => f.ruleId), r.suppressed?.map((f) => f.ruleId)], [[], ['proxy-admin-paths-exposed']]);
  const y = 'kind: Ingress\nmetadata:\n  name: m\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        backend:\n          service:\n            name: am\n            port:\n              # carbonlint-disable-next-line ingress-admin-paths-exposed\n              number: 9443\n';
  const r2 = lintText('/ws/k8s/ingress.yaml', y);
  assert.deepEqual([r2.findings.map((f) => f.ruleId), r2.suppressed?.map((f) => f.ruleId)], [[], ['ingress-admin-paths-exposed']]);
});

test('exposure.internal in .carbonlint.json: parsed, and wrong shapes are named', () => {
  const ok = parseProjectConfig(JSON.stringify({ exposure: { internal: ['nginx-internal', '*.corp.example'] } }));
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.config.settings.exposure, { internal: ['nginx-internal', '*.corp.example'] });
  const bad = parseProjectConfig(JSON.stringify({ exposure: { internal: 'nginx', other: 1 } }));
  assert.deepEqual(bad.errors.map((e) => e.key).sort(), ['exposure.internal', 'exposure.other']);
});

test('CLI: the walk finds nginx files (sites-enabled without extension) and Ingresses; the report moves G42 to "partly checked" with what it saw', () => {
  const dir = layout({
    'nginx/sites-enabled/api.am.wso2.com': { copy: path.join(NGINX, 'sites-enabled/api.am.wso2.com') },
    'nginx/conf.d/app.conf': { copy: path.join(FIX, 'own/unrelated/conf.d/app.conf') },
    'k8s/ingress.yaml': { copy: path.join(FIX, 'wso2__kubernetes-apim@2.6.x/advanced/pattern-1/ingresses/wso2apim-gateway-ingress.yaml') },
  });
  try {
    const r = run(['.', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(r.stdout) as Array<{ file: string; rule: string; line: number }>;
    assert.deepEqual(out.filter((f) => f.rule.endsWith('admin-paths-exposed')).map((f) => `${f.file}:${f.line}`), ['nginx/sites-enabled/api.am.wso2.com:15', 'nginx/sites-enabled/api.am.wso2.com:53']);
    const failed = JSON.parse(run(['report', '.', '--format', 'json'], { cwd: dir }).stdout) as ReadinessReport;
    assert.equal(failed.guidelines.find((g) => g.id === 'G42')!.status, 'failed');
    fs.rmSync(path.join(dir, 'nginx/sites-enabled'), { recursive: true });
    const rep = JSON.parse(run(['report', '.', '--format', 'json'], { cwd: dir }).stdout) as ReadinessReport;
    const e = rep.sections.flatMap((s) => s.entries).find((x) => x.guidelineId === 'G42')!;
    assert.equal(e.status, 'manual');
    assert.equal(e.checkable, 'partial');
    assert.match(e.reason, /Checked by proxy-admin-paths-exposed and ingress-admin-paths-exposed in 2 files: nothing found\. Seen: 1 nginx configuration and 1 Ingress\/HTTPRoute manifest\. .*confirm the rest/);
    const md = run(['report', '.', '--format', 'md'], { cwd: dir }).stdout;
    assert.match(md, /### G42 .* — 📋 partly checked \(to confirm\)/);
    assert.match(md, /### G28 .* — 📋 manual/);
  } finally {
    rm(dir);
  }
});
