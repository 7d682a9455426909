// Which files and passwords deployment.toml makes the product use: layouts, shipped defaults, inheritance,
// references and placeholders. Pure: no disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseToml } from '../../shared-rules/parsers/toml/parse';
import { effectiveConfig } from '../../shared-rules/parsers/toml/effective';
import { productLayout, storeRefs, type Layout, type StoreRef } from '../../shared-rules/keystores/resolve';
import type { ProductInfo } from '../../shared-rules/engine/product';
import type { RuleResources } from '../../shared-rules/engine/rule';

const APIM: ProductInfo = { product: 'apim', version: '4.2.0', brand: 'WSO2', source: 'path' };
const res = (env: Record<string, string> = {}, productHome?: string): RuleResources => ({ readFile: () => undefined, env, productHome });
const home = path.resolve('/opt/p');
const carbon: Layout = { home, kind: 'carbon' };
const mi: Layout = { home, kind: 'mi' };
const sec = (...p: string[]) => path.join(home, 'repository', 'resources', 'security', ...p);

function refs(text: string, layout = carbon, env: Record<string, string> = {}, product: ProductInfo = APIM): Record<string, StoreRef> {
  const config = effectiveConfig(parseToml(text));
  return Object.fromEntries(storeRefs(config, layout, res(env), product).map((r) => [r.role, r]));
}
const pw = (r: StoreRef) => (r.password.known ? `${r.password.origin}:${r.password.value}` : `unknown:${r.password.reason}`);

test('layouts: <home>/repository/conf (API-M, IS), <home>/conf (MI), a caller-given home, anything else: none', () => {
  assert.deepEqual(productLayout('/x/wso2am-4.2.0/repository/conf/deployment.toml', res(), APIM), { home: path.resolve('/x/wso2am-4.2.0'), kind: 'carbon' });
  assert.deepEqual(productLayout('/x/wso2mi-4.3.0/conf/deployment.toml', res(), APIM), { home: path.resolve('/x/wso2mi-4.3.0'), kind: 'mi' });
  assert.equal(productLayout('/x/docker/apim/deployment.toml', res(), APIM), undefined);
  assert.deepEqual(productLayout('/x/docker/apim/deployment.toml', res({}, '/srv/apim'), APIM), { home: path.resolve('/srv/apim'), kind: 'carbon' });
  assert.deepEqual(productLayout('/x/mi.toml', res({}, '/srv/mi'), { ...APIM, product: 'mi' }), { home: path.resolve('/srv/mi'), kind: 'mi' });
});

test('all tables absent: the shipped stores and password; tls and internal are the primary keystore', () => {
  const r = refs('[server]\nhostname = "h"\n');
  assert.deepEqual(r.primary.candidates, [sec('wso2carbon.jks'), sec('wso2carbon.p12')]);
  assert.deepEqual(r.tls.candidates, r.primary.candidates);
  assert.deepEqual(r.internal.candidates, r.primary.candidates);
  assert.deepEqual(r.truststore.candidates, [sec('client-truststore.jks'), sec('client-truststore.p12')]);
  for (const k of ['primary', 'tls', 'internal', 'truststore']) assert.equal(pw(r[k]), 'default:wso2carbon');
  assert.equal(r.primary.ownFile, false);
  assert.deepEqual(r.primary.span, { start: 0, end: 8 }, 'absent table: where it belongs (first line)');
});

test('kernel 4.10+ (IS 7) tries .p12 first', () => {
  const r = refs('', carbon, {}, { product: 'is', version: '7.2.0', brand: 'WSO2', source: 'path' });
  assert.deepEqual(r.primary.candidates, [sec('wso2carbon.p12'), sec('wso2carbon.jks')]);
});

test('API-M as shipped: [keystore.tls] names the file; primary falls back to its default', () => {
  const text = '[keystore.tls]\nfile_name =  "wso2carbon.jks"\npassword =  "wso2carbon"\n';
  const r = refs(text);
  assert.equal(r.tls.ownFile, true);
  assert.deepEqual(r.tls.candidates, [sec('wso2carbon.jks')]);
  assert.equal(text.slice(r.tls.span.start, r.tls.span.end), '"wso2carbon.jks"');
  assert.equal(pw(r.tls), 'literal:wso2carbon');
  assert.equal(pw(r.primary), 'default:wso2carbon');
});

test('tls without file_name inherits the primary file and password; $ref{} is followed', () => {
  const text = '[keystore.primary]\nfile_name = "acme.p12"\npassword = "s3cret"\n[keystore.tls]\nalias = "tls"\n[keystore.internal]\nfile_name = "$ref{keystore.primary.file_name}"\npassword = "$ref{keystore.primary.password}"\n';
  const r = refs(text);
  assert.deepEqual(r.tls.candidates, [sec('acme.p12')]);
  assert.equal(pw(r.tls), 'literal:s3cret');
  assert.equal(text.slice(r.tls.span.start, r.tls.span.end), '[keystore.tls]', 'a written table without file_name: its header');
  assert.deepEqual(r.internal.candidates, [sec('acme.p12')]);
  assert.equal(pw(r.internal), 'literal:s3cret');
});

test('MI: file_name relative to <home>; a bare name is looked for in the security folder first', () => {
  const r = refs('[keystore.primary]\nfile_name = "repository/resources/security/wso2carbon.jks"\n[truststore]\nfile_name = "client-truststore.jks"\n', mi);
  assert.deepEqual(r.primary.candidates, [path.join(home, 'repository/resources/security/wso2carbon.jks'), sec('repository/resources/security/wso2carbon.jks')]);
  assert.deepEqual(r.truststore.candidates, [sec('client-truststore.jks'), path.join(home, 'client-truststore.jks')]);
  assert.deepEqual(refs('', mi).primary.candidates, [path.join(home, 'repository/resources/security/wso2carbon.jks'), sec('repository/resources/security/wso2carbon.jks')]);
});

test('absolute paths, ${carbon.home} and set $env{} in file_name; unresolvable names are skipped', () => {
  assert.deepEqual(refs('[keystore.primary]\nfile_name = "/etc/pki/acme.p12"\n').primary.candidates, [path.normalize('/etc/pki/acme.p12')]);
  assert.deepEqual(refs('[keystore.primary]\nfile_name = "${carbon.home}/keys/acme.p12"\n', mi).primary.candidates[0], path.join(home, 'keys/acme.p12'));
  assert.deepEqual(refs('[keystore.primary]\nfile_name = "$env{KS_FILE}"\n', carbon, { KS_FILE: 'acme.p12' }).primary.candidates, [sec('acme.p12')]);
  assert.deepEqual(refs('[keystore.primary]\nfile_name = "$env{KS_FILE}"\n').primary.candidates, []);
  assert.deepEqual(refs('[keystore.primary]\nfile_name = "{{ .Values.ks }}"\n').primary.candidates, []);
});

test('passwords: literal, set $env{}, still-plain [secrets]; unknown without guessing otherwise', () => {
  const p = (v: string, env: Record<string, string> = {}, extra = '') => pw(refs(`[keystore.primary]\nfile_name = "a.jks"\npassword = ${v}\n${extra}`, carbon, env).primary);
  assert.equal(p('"$env{KS_PW}"', { KS_PW: 'from-env' }), 'env:from-env');
  assert.match(p('"$env{KS_PW}"'), /^unknown:its password comes from the environment variable KS_PW, which is not set/);
  assert.match(p('"$secret{ks}"'), /^unknown:its password is a Secure Vault alias/);
  assert.equal(p('"$secret{ks}"', {}, '[secrets]\nks = "[plain-text]"\n'), 'plain-secret:plain-text');
  assert.match(p('"$secret{ks}"', {}, '[secrets]\nks = "c2VjcmV0Y2lwaGVy"\n'), /^unknown:its password is a Secure Vault alias/);
  assert.match(p('"$sys{ks.pw}"'), /^unknown:.*system property/);
  assert.match(p('"{{ .Values.pw }}"'), /^unknown:.*template/);
  assert.equal(p('12345'), 'literal:12345');
});
