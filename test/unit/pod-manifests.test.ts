// Kubernetes pod specs (issue 19, G28): which YAML files are read as a product's pod manifest, the vendor charts
// staying quiet, a root user set in values.yaml reported on the values line, fixes inside Helm templates, and
// hostile input. Fixtures: test/fixtures/pods (see SOURCES.md there).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintText, type LintResult } from '../../shared-rules/engine/lint';
import { classify, mayClassify } from '../../shared-rules/engine/files';
import { applyEdits } from '../../shared-rules/engine/text';
import { layout, rm, run } from './cli-helpers';

const FIX = path.join(__dirname, '../fixtures/pods');
const IS70 = path.join(FIX, 'wso2__kubernetes-is@7.0.x');

function lintFile(file: string): LintResult {
  return lintText(file, fs.readFileSync(file, 'utf8'));
}
const at = (r: LintResult) => r.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`);

const DEPLOY = (image: string, sc = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${image}${sc}
`;

test('classification: a product pod manifest is the pod kind; unrelated YAML is left alone', () => {
  assert.equal(classify('/w/k8s/apim.yaml', DEPLOY('wso2/wso2am:4.2.0')), 'pod');
  assert.equal(classify('/w/k8s/job.yml', DEPLOY('wso2/wso2mi:4.2.0').replace('kind: Deployment', 'kind: "Job"')), 'pod');
  assert.equal(classify('/w/k8s/web.yaml', DEPLOY('nginx:1.27')), undefined, 'no product word: never parsed');
  assert.equal(classify('/w/k8s/svc.yaml', 'kind: Service\nmetadata:\n  name: wso2am\n'), undefined);
  assert.equal(classify('/w/chart/values.yaml', fs.readFileSync(path.join(IS70, 'values.yaml'), 'utf8')), undefined);
  assert.equal(classify('/w/k8s/apim.yaml'), undefined, 'by name alone: content decides');
  assert.ok(mayClassify('/w/k8s/apim.yaml'));
  // A ConfigMap embedding a deployment.toml keeps its kind; its pod specs in the same file are read too (below).
  assert.equal(classify('/w/k8s/cm.yaml', 'kind: ConfigMap\ndata:\n  deployment.toml: |\n    [server]\n    offset = 0\n---\n' + DEPLOY('wso2/wso2am')), 'toml');
});

test('the vendor charts and manifests are quiet (runAsUser 802 from values.yaml, runAsNonRoot: true)', () => {
  for (const rel of [
    'wso2__kubernetes-is@7.0.x/templates/deployment.yaml',
    'wso2__kubernetes-apim@master/simple/am-single/templates/am/instance/wso2am-deployment.yaml',
    'wso2__kubernetes-is@6.1.x/advanced/is-pattern-1/templates/is/wso2is-pattern-1-identity-server-statefulset.yaml',
  ]) {
    const r = lintFile(path.join(FIX, rel));
    assert.equal(r.kind, 'pod', rel);
    assert.deepEqual(at(r), [], rel);
    assert.deepEqual(r.values ?? [], [], rel);
  }
  // The plain IS 6.1 manifest keeps a placeholder its deploy script fills (`"$image.pull.@.wso2"/wso2is`), which is
  // not YAML: one notice there, and the literal `runAsUser: 802` is still read (nothing reported).
  const plain = lintFile(path.join(FIX, 'wso2__kubernetes-is@6.1.x/simple/is-k8s/identity-server-deployment.yaml'));
  assert.deepEqual(at(plain), ['51:36 yaml-syntax']);
  assert.equal(plain.findings[0].severity, 'info');
});

function chartCopy(edit: (values: string, template: string) => [string, string]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-pods-'));
  fs.mkdirSync(path.join(dir, 'templates'));
  const [v, t] = edit(fs.readFileSync(path.join(IS70, 'values.yaml'), 'utf8'), fs.readFileSync(path.join(IS70, 'templates/deployment.yaml'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'Chart.yaml'), fs.readFileSync(path.join(IS70, 'Chart.yaml')));
  fs.writeFileSync(path.join(dir, 'values.yaml'), v);
  fs.writeFileSync(path.join(dir, 'templates/deployment.yaml'), t);
  return dir;
}

test('Helm (IS 7.0.x chart): runAsUser 0 in values.yaml is reported on the values line, with the template line related', (t) => {
  const dir = chartCopy((v, tpl) => [v.replace('    runAsUser: 802', '    runAsUser: 0'), tpl]);
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const r = lintFile(path.join(dir, 'templates/deployment.yaml'));
  assert.deepEqual(at(r), [], 'the template itself holds no literal root user');
  assert.equal(r.values?.length, 1);
  const v = r.values![0];
  assert.equal(v.file, path.join(dir, 'values.yaml'));
  assert.equal(v.finding.ruleId, 'container-runs-as-root');
  assert.deepEqual([v.finding.range.start.line + 1, v.finding.range.start.character + 1, v.finding.range.end.character + 1], [90, 16, 17]);
  assert.match(v.finding.message, /^The container `wso2is` of Deployment runs the product as root: `runAsUser: 0` in the pod securityContext, not overridden by the container\. With `runAsNonRoot: true` as well, the kubelet refuses to start it\..*\(value used by deployment\.yaml:50\)$/);
  assert.equal(v.finding.related?.[0].file, path.join(dir, 'templates/deployment.yaml'));
  assert.equal(v.finding.related?.[0].range.start.line + 1, 50);
  assert.equal(v.template.range.start.character + 1, 20);
});

test('Helm: a literal in the template is reported and fixed in the template; a branch is named', (t) => {
  const dir = chartCopy((v, tpl) => [v, tpl
    .replace('            allowPrivilegeEscalation: false', '            allowPrivilegeEscalation: true')
    .replace('            runAsNonRoot: true\n', '')
    .replace('        runAsUser: {{ .Values.deployment.securityContext.runAsUser }}', '        runAsGroup: 802')]);
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'templates/deployment.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const r = lintText(file, text);
  assert.deepEqual(at(r), ['122:11 container-runs-as-root', '123:39 privileged-container']);
  const [root, ape] = r.findings;
  assert.equal(root.severity, 'info', 'the image is docker.wso2.com/wso2is only with values; unresolved, it is not known here');
  assert.match(root.message, /does not enforce a non-root user .*cannot tell whether that is root \(its image is not known here\)/);
  const fixed = applyEdits(text, [...root.fix!.edits, ...ape.fix!.edits]);
  assert.match(fixed, /\n {10}securityContext:\n {12}runAsNonRoot: true\n {12}allowPrivilegeEscalation: false\n/);
  assert.deepEqual(at(lintText(file, fixed)), []);
});

test('Helm: a root user inside an if branch names the branch', () => {
  const tpl = `kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: wso2am
          image: "{{ .Values.image }}"
          securityContext:
            {{- if .Values.debug }}
            runAsUser: 0
            {{- else }}
            runAsUser: 802
            {{- end }}
`;
  const r = lintText('/nowhere/chart/templates/d.yaml', tpl, { values: false });
  assert.deepEqual(at(r), ['10:24 container-runs-as-root']);
  assert.match(r.findings[0].message, /\(template branch: when `\.Values\.debug` \(line 9\) holds\)$/);
});

test('only product containers: an nginx sidecar and an unrelated Deployment get nothing', () => {
  const sidecar = `${DEPLOY('wso2/wso2is:7.1.0', '\n          securityContext:\n            runAsUser: 802')}        - name: nginx
          image: nginx:1.27
          securityContext:
            runAsUser: 0
            privileged: true
`;
  assert.deepEqual(at(lintText('/w/k8s/is.yaml', sidecar)), []);
  const unrelated = DEPLOY('bitnami/postgresql:16', '\n          securityContext:\n            runAsUser: 0\n            privileged: true');
  assert.deepEqual(at(lintText('/w/k8s/db.yaml', unrelated, { kind: 'pod' })), [], 'even when linted as a pod manifest');
});

test('a multi-document manifest: the embedded deployment.toml and the pod spec are both checked', () => {
  const text = `kind: ConfigMap
data:
  deployment.toml: |
    [super_admin]
    username = "admin"
    password = "admin"
---
${DEPLOY('wso2/wso2am:4.2.0', '\n          securityContext:\n            runAsUser: 0')}`;
  const r = lintText('/w/k8s/apim.yaml', text, { values: false });
  const ids = r.findings.map((f) => f.ruleId);
  assert.ok(ids.includes('default-admin-credentials'), ids.join());
  assert.ok(r.findings.some((f) => f.ruleId === 'container-runs-as-root' && f.range.start.line === 18), at(r).join('\n'));
});

test('hostile input: binary bytes, a huge file, unbalanced and deeply nested YAML, an alias bomb — one notice, no crash', () => {
  const head = 'kind: Deployment\n# wso2am\n';
  const bin = lintText('/w/k8s/a.yaml', `${head}\u0000\u0001\u0002`);
  assert.deepEqual(at(bin), ['1:1 file-binary']);
  const huge = `${head}spec:\n${'  x: y\n'.repeat(400_000)}`;
  let t0 = Date.now();
  const big = lintText('/w/k8s/b.yaml', huge);
  assert.deepEqual(at(big), ['1:1 yaml-syntax'], 'over the pod-spec size limit: not parsed');
  assert.ok(Date.now() - t0 < 2000);
  const unbalanced = lintText('/w/k8s/c.yaml', `${head}spec: {[[ "unterminated\n  containers:\n  - image: wso2/wso2am\n    securityContext: {privileged: true\n`);
  assert.equal(unbalanced.findings.filter((f) => f.ruleId === 'yaml-syntax').length, 1);
  assert.ok(unbalanced.findings.every((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'privileged-container'));
  t0 = Date.now();
  const deep = lintText('/w/k8s/d.yaml', `${head}spec: ${'['.repeat(50_000)}`);
  assert.ok(deep.findings.length <= 1 && deep.findings.every((f) => f.ruleId === 'yaml-syntax'), at(deep).join());
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 0; i < 20; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
  const aliases = lintText('/w/k8s/e.yaml', `${head}${bomb.join('\n')}\nspec:\n  containers:\n  - name: wso2am\n    image: wso2/wso2am\n    securityContext: *u\n`);
  assert.deepEqual(at(aliases), [], 'an alias is not a mapping written here: nothing absent is claimed');
  assert.ok(Date.now() - t0 < 5000);
});

test('Helm: chains no pod rule reads are not explored, so a template with many stays split where it matters', () => {
  const noise = Array.from({ length: 40 }, (_, i) => `        {{- if .Values.a${i} }}\n        note${i}: "x"\n        {{- end }}\n`).join('');
  const tpl = `kind: Deployment
spec:
  template:
    metadata:
      annotations:
${noise}    spec:
      containers:
        - name: wso2am
          image: wso2/wso2am:4.2.0
          securityContext:
            {{- if .Values.debug }}
            runAsUser: 0
            {{- else }}
            runAsUser: 802
            {{- end }}
`;
  const t0 = Date.now();
  const r = lintText('/nowhere/chart/templates/d.yaml', tpl, { values: false });
  assert.deepEqual(at(r), ['132:24 container-runs-as-root']);
  assert.match(r.findings[0].message, /\(template branch: when `\.Values\.debug` \(line 131\) holds\)$/, 'not merged into one text: 41 chains, 2 renderings');
  assert.ok(Date.now() - t0 < 2000);
});

test('suppression comments work in YAML', () => {
  const text = `kind: Pod
spec:
  containers:
    - name: wso2is
      image: wso2/wso2is:7.1.0
      securityContext:
        # carbonlint-disable-next-line privileged-container -- lab cluster
        privileged: true
        runAsUser: 0 # carbonlint-disable-line container-runs-as-root
`;
  const r = lintText('/w/k8s/is.yaml', text);
  assert.deepEqual(at(r), []);
  assert.deepEqual(r.suppressed?.map((f) => f.ruleId).sort(), ['container-runs-as-root', 'privileged-container']);
});

test("Helm: in a product's chart, the one main container whose image is template output is the product's", (t) => {
  const tpl = `kind: Deployment
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: {{ .Values.initImage }}
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image }}"
          volumeMounts:
            - mountPath: /home/wso2carbon/wso2-config-volume
              name: conf
`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-chart-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'templates'));
  const file = path.join(dir, 'templates', 'deployment.yaml');
  assert.equal(classify(file, tpl), 'pod');
  assert.deepEqual(at(lintText(file, tpl, { values: false })), [], 'no Chart.yaml: not known to be a product');
  fs.writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: identity-server\ndescription: A Helm chart for WSO2 Identity server\n');
  const r = lintText(file, tpl, { values: false });
  assert.deepEqual(at(r), ['9:11 container-runs-as-root'], 'on the `name` key: its value is template output');
  assert.match(r.findings[0].message, /^The container of Deployment does not enforce a non-root user .*cannot tell whether that is root \(its image is not known here\)\.$/);
  fs.writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: postgresql\n');
  assert.deepEqual(at(lintText(file, tpl, { values: false })), [], 'another chart');
});

test('CLI: the walk finds product pod manifests, leaves unrelated YAML alone, and --fix applies the safe fix', () => {
  const pod = 'kind: Pod\nspec:\n  containers:\n    - name: wso2am\n      image: wso2/wso2am:4.2.0\n      securityContext:\n        runAsUser: 802\n        privileged: true\n';
  const dir = layout({ 'k8s/apim.yaml': pod, 'k8s/db.yaml': pod.replace(/wso2\/wso2am:4\.2\.0/, 'postgres:16').replace('wso2am', 'db'), 'k8s/values.yaml': 'image: wso2/wso2am\n' });
  try {
    const r = run(['.', '--format', 'json'], { cwd: dir });
    assert.notEqual(r.status, 2, r.stderr);
    const files = (JSON.parse(r.stdout) as Array<{ file: string; rule: string; line: number }>).map((f) => `${f.file}:${f.line} ${f.rule}`);
    assert.deepEqual(files, ['k8s/apim.yaml:8 privileged-container']);
    assert.equal(run(['.', '--fix'], { cwd: dir }).status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'k8s/apim.yaml'), 'utf8'), pod.replace('privileged: true', 'privileged: false'));
    assert.equal(fs.readFileSync(path.join(dir, 'k8s/db.yaml'), 'utf8').includes('privileged: true'), true, 'not a product: untouched');
  } finally {
    rm(dir);
  }
});

test('a pod manifest with template tags outside a chart folder is still read as a template (no YAML notice)', () => {
  const text = 'kind: Pod\nspec:\n  containers:\n    - name: wso2mi\n      image: {{ mi_image }}\n      securityContext:\n        runAsUser: 0\n';
  assert.deepEqual(at(lintText('/w/ansible/roles/mi/files/pod.yaml', text, { values: false })), ['7:20 container-runs-as-root']);
});
