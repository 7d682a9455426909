// Hostile nginx configurations and Ingress manifests (G42): binary bytes, a file over the size limit, unbalanced and
// deeply nested braces, unterminated strings, YAML that is not YAML, alias bombs — one notice at the spot (or
// none), never a crash, and linear time in the input size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../shared-rules/engine/lint';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { parseNginx } from '../../shared-rules/parsers/nginx/parse';
import { parseIngress } from '../../shared-rules/parsers/ingress/parse';
import { assertLinear } from '../helpers/linear';

const NGINX = '/ws/nginx/nginx.conf';
const INGRESS = '/ws/k8s/ingress.yaml';
const PROXY = 'server {\n  listen 443;\n  location / { proxy_pass https://am:9443; }\n}\n';
const ROUTE = 'kind: Ingress\nmetadata:\n  name: m\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        backend:\n          service:\n            name: am\n            port:\n              number: 9443\n';

const codes = (file: string, text: string, settings = resolveSettings()) => lintText(file, text, { settings }).findings.map((f) => f.ruleId);

test('nginx: binary bytes and a file over the size limit get one notice, no finding', () => {
  assert.deepEqual(codes(NGINX, `${PROXY}\u0000\u0001\u0002`), ['file-binary']);
  assert.deepEqual(codes(NGINX, PROXY.repeat(1000), resolveSettings({ maxFileSize: 10_000 })), ['file-too-large']);
});

test('nginx: unbalanced syntax is one notice at the spot; what was read before it is still checked', () => {
  const extra = lintText(NGINX, `${PROXY}}\n}\n}\n`).findings;
  assert.deepEqual(extra.map((f) => [f.ruleId, f.range.start.line]), [['proxy-admin-paths-exposed', 2], ['nginx-syntax', 4]]);
  const open = lintText(NGINX, 'server {\n  listen 443;\n  location / { proxy_pass https://am:9443;\n').findings;
  assert.deepEqual(open.map((f) => f.ruleId).filter((c) => c === 'nginx-syntax').length, 1);
  const quote = lintText(NGINX, 'server {\n  server_name "unterminated;\n  location / { proxy_pass https://am:9443; }\n}\n').findings;
  assert.deepEqual(quote.map((f) => [f.ruleId, f.range.start.line]), [['nginx-syntax', 1]]);
  assert.deepEqual(codes(NGINX, '# to :9443\n{ { } ; ; }'), ['nginx-syntax']);
  // Another project's file (no product port in it): not even a notice.
  assert.deepEqual(codes(NGINX, 'http {\n  content_by_lua_block { ngx.say("}") }\n'), []);
});

test('nginx: 100 000 nested blocks and a million `;` stay bounded (depth and directive limits)', () => {
  const deep = parseNginx('a {'.repeat(100_000));
  assert.equal(deep.problems.length, 1);
  assert.match(deep.problems[0].message, /nested deeper than 32/);
  const many = parseNginx('x;'.repeat(1_000_000));
  assert.equal(many.problems.length, 1);
  assert.ok(many.directives.length <= 50_001);
});

test('nginx: linear in the input (server blocks, `${` without `}`, long quoted strings, comments)', () => {
  assertLinear('nginx servers', (k) => PROXY.repeat(k), (t) => void lintText(NGINX, t), 200);
  assertLinear('nginx ${', (k) => `x ${'${'.repeat(k * 50)}`, (t) => void parseNginx(t), 200);
  assertLinear('nginx quotes', (k) => `x "${'\\"'.repeat(k * 50)}`, (t) => void parseNginx(t), 200);
  assertLinear('nginx comments', (k) => '#'.repeat(k * 100), (t) => void parseNginx(t), 200);
  assertLinear('nginx locations', (k) => `server {\n listen 443;\n${' location /a { proxy_pass https://am:9443; }\n'.repeat(k)}}\n`, (t) => void lintText(NGINX, t), 100);
});

test('ingress: binary, oversize, unreadable YAML and an alias bomb: a notice or nothing, never a crash', () => {
  assert.deepEqual(codes(INGRESS, `${ROUTE}\u0000`), ['file-binary']);
  assert.deepEqual(codes(INGRESS, ROUTE.repeat(500), resolveSettings({ maxFileSize: 10_000 })), ['file-too-large']);
  // Broken beyond reading: one notice that does not quote the file.
  const broken = lintText(INGRESS, 'kind: Ingress\n# port 9443\n\t- [unclosed: {"secret-value\n').findings;
  assert.deepEqual(broken.map((f) => [f.ruleId, f.range.start.line]), [['yaml-syntax', 2]]);
  for (const f of broken) assert.doesNotMatch(f.message, /secret-value/);
  const bomb = `kind: Ingress\na: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 20 }, (_, i) => `b${i}: &b${i} [${(`*${i ? `b${i - 1}` : 'a'},`).repeat(9)}]`).join('\n')}\nspec: *b19\n`;
  const t0 = performance.now();
  lintText(INGRESS, bomb);
  assert.ok(performance.now() - t0 < 5000);
  assert.equal(parseIngress('').problems.length, 0, 'an empty (template) branch is not a syntax error');
});

test('ingress: linear in the number of documents and paths', () => {
  assertLinear('ingress documents', (k) => `${ROUTE}---\n`.repeat(k), (t) => void lintText(INGRESS, t), 50);
  const paths = (k: number) => `kind: Ingress\nmetadata:\n  name: m\nspec:\n  rules:\n  - http:\n      paths:\n${'      - path: /a\n        backend:\n          service:\n            name: am\n            port:\n              number: 9443\n'.repeat(k)}`;
  assertLinear('ingress paths', paths, (t) => void lintText(INGRESS, t), 50);
});
