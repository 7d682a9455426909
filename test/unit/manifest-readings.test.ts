// One Kubernetes manifest, several readings (issue 19 merged with issue 15): a multi-document file that holds a
// ConfigMap embedding deployment.toml, an Ingress to 9443 and a product Deployment running as root is checked for
// all three — none of the readings hides another, whichever kind the file is classified as.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintText } from '../../shared-rules/engine/lint';
import { classify } from '../../shared-rules/engine/files';

const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: apim-conf
data:
  deployment.toml: |-
    [super_admin]
    username = "admin"
    password = "admin"
`;
const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: apim
spec:
  rules:
    - host: am.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: apim
                port:
                  number: 9443
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: apim
spec:
  template:
    spec:
      containers:
        - name: apim
          image: wso2/wso2am:4.2.0
          securityContext:
            runAsUser: 0
`;

const rules = (text: string) => new Set(lintText('/ws/k8s/all.yaml', text).findings.map((f) => f.ruleId));

test('a manifest with a ConfigMap, an Ingress and a pod spec gets the findings of each', () => {
  const text = [CONFIGMAP, INGRESS, DEPLOYMENT].join('---\n');
  assert.equal(classify('/ws/k8s/all.yaml', text), 'toml');
  const got = rules(text);
  for (const id of ['default-admin-credentials', 'ingress-admin-paths-exposed', 'container-runs-as-root']) assert.ok(got.has(id), `${id} in ${[...got].join(', ')}`);
});

test('an Ingress file that also holds a product pod spec gets both readings', () => {
  const text = [INGRESS, DEPLOYMENT].join('---\n');
  assert.equal(classify('/ws/k8s/all.yaml', text), 'ingress');
  const got = rules(text);
  assert.ok(got.has('ingress-admin-paths-exposed'));
  assert.ok(got.has('container-runs-as-root'));
});

test('each reading alone still works, and findings are not doubled', () => {
  const ing = lintText('/ws/k8s/ing.yaml', INGRESS).findings.filter((f) => f.ruleId === 'ingress-admin-paths-exposed');
  const both = lintText('/ws/k8s/all.yaml', [CONFIGMAP, INGRESS].join('---\n')).findings.filter((f) => f.ruleId === 'ingress-admin-paths-exposed');
  assert.equal(ing.length, 1);
  assert.equal(both.length, 1);
  const pod = lintText('/ws/k8s/pod.yaml', DEPLOYMENT).findings.filter((f) => f.ruleId === 'container-runs-as-root');
  assert.equal(pod.length, 1);
});
