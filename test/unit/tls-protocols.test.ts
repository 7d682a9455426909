// Protocol lists in every syntax the transports accept, judged against the minimum version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainProtocols, parseTomcatProtocols, splitList } from '../../shared-rules/data/tls/protocol-lists';
import { protocolVerdict, recommendedProtocols, suggestProtocol } from '../../shared-rules/data/tls/protocols';
import { apimProfile } from '../../shared-rules/rules/util/tls-transports';
import { tomcatDefaultProtocols, passthroughDefaultProtocols, versionAtLeast } from '../../shared-rules/data/tls/defaults';

const TOMCAT: Array<[string, string[]]> = [
  ['+TLSv1,+TLSv1.1,+TLSv1.2', ['TLSv1', 'TLSv1.1', 'TLSv1.2']],
  ['+TLSv1, +TLSv1.1, +TLSv1.2, +TLSv1.3', ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']],
  ['TLSv1+TLSv1.1+TLSv1.2', ['TLSv1', 'TLSv1.1', 'TLSv1.2']],
  ['TLSv1,TLSv1.1,TLSv1.2', ['TLSv1', 'TLSv1.1', 'TLSv1.2']],
  ['TLSv1.2', ['TLSv1.2']],
  ['all', ['SSLv2Hello', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']],
  ['all, -SSLv2Hello, -TLSv1, -TLSv1.1', ['TLSv1.2', 'TLSv1.3']],
  ['+all -TLSv1 -TLSv1.1 -SSLv2Hello', ['TLSv1.2', 'TLSv1.3']],
  ['+TLSv1.2 +TLSv1.3 -TLSv1.3', ['TLSv1.2']],
  ['+SSLv3,+TLSv1.2', ['SSLv3', 'TLSv1.2']],
  ['', []],
];

for (const [input, enabled] of TOMCAT) {
  test(`Tomcat protocols "${input}"`, () => assert.deepEqual(parseTomcatProtocols(input).enabled, enabled));
}

test('Tomcat tokens carry the names\' offsets and flag unknown names', () => {
  const s = '+TLSv1, +TLS1.2';
  const p = parseTomcatProtocols(s);
  assert.deepEqual(p.tokens.map((t) => s.slice(t.start, t.end)), ['TLSv1', 'TLS1.2']);
  assert.deepEqual(p.unknown.map((t) => t.text), ['TLS1.2']);
});

test('Synapse lists: every item enabled, "all" is no keyword there', () => {
  assert.deepEqual(parsePlainProtocols(splitList('TLSv1, TLSv1.1,TLSv1.2')).enabled, ['TLSv1', 'TLSv1.1', 'TLSv1.2']);
  assert.deepEqual(parsePlainProtocols(splitList('all')).unknown.map((t) => t.text), ['all']);
});

test('verdicts against the minimum version', () => {
  assert.equal(protocolVerdict('SSLv3', 'TLSv1.2'), 'broken');
  assert.equal(protocolVerdict('SSLv2Hello', 'TLSv1.2'), 'deprecated');
  assert.equal(protocolVerdict('TLSv1.1', 'TLSv1.2'), 'deprecated');
  assert.equal(protocolVerdict('TLSv1.2', 'TLSv1.2'), 'ok');
  assert.equal(protocolVerdict('TLSv1.2', 'TLSv1.3'), 'below-minimum');
  assert.deepEqual(recommendedProtocols('TLSv1.2'), ['TLSv1.2', 'TLSv1.3']);
  assert.deepEqual(recommendedProtocols('TLSv1.3'), ['TLSv1.3']);
});

test('misspelt protocol names get a suggestion', () => {
  assert.equal(suggestProtocol('TLS1.2'), 'TLSv1.2');
  assert.equal(suggestProtocol('tlsv1.3'), 'TLSv1.3');
  assert.equal(suggestProtocol('TLSv1.0'), 'TLSv1');
  assert.equal(suggestProtocol('TLSv2'), undefined);
});

test('shipped defaults by product and version', () => {
  assert.deepEqual(tomcatDefaultProtocols({ product: 'apim', version: '4.7.0', brand: 'WSO2', source: 'path' }), ['TLSv1', 'TLSv1.1', 'TLSv1.2']);
  assert.deepEqual(tomcatDefaultProtocols({ product: 'is', version: '7.1.0', brand: 'WSO2', source: 'path' }), ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
  assert.deepEqual(passthroughDefaultProtocols({ product: 'apim', version: '4.7.0', brand: 'WSO2', source: 'path' }), ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
  assert.deepEqual(passthroughDefaultProtocols({ product: 'apim', version: '4.6.0', brand: 'WSO2', source: 'path' }), ['TLSv1', 'TLSv1.1', 'TLSv1.2']);
  assert.equal(versionAtLeast('4.10.0', '4.9.0'), true);
  assert.equal(versionAtLeast(undefined, '4.9.0'), undefined);
});

test('API-M profile from the folder that holds the file', () => {
  assert.equal(apimProfile('/opt/wso2am-4.6.0/repository/conf/deployment.toml'), 'all-in-one');
  assert.equal(apimProfile('/opt/wso2am-universal-gw-4.6.0/repository/conf/deployment.toml'), 'gateway');
  assert.equal(apimProfile('corpus/apim-4.6.0/gateway/deployment.toml'), 'gateway');
  assert.equal(apimProfile('corpus/apim-4.6.0/traffic-manager/deployment.toml'), 'traffic-manager');
  assert.equal(apimProfile('/opt/wso2am-tm-4.6.0/repository/conf/deployment.toml'), 'traffic-manager');
  assert.equal(apimProfile('corpus/apim-4.6.0/api-control-plane/deployment.toml'), 'control-plane');
  assert.equal(apimProfile('docker-apim-3.2.x/is-as-km/deployment.toml'), 'key-manager');
  assert.equal(apimProfile('docker-apim-master/apim-is-as-km/apim/deployment.toml'), 'all-in-one');
  assert.equal(apimProfile('C:\\wso2am-acp-4.6.0\\repository\\conf\\deployment.toml'), 'control-plane');
});
