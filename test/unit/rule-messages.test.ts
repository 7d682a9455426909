// What every finding says, whatever the rule: one line (the CLI prints messages in a table; SARIF and LSP clients show
// them as one line), and never a secret's value (rule.ts: name keys and aliases, not what they hold).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../shared-rules/rules';
import { lintText, type LintFinding } from '../../shared-rules/engine/lint';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { classify } from '../../shared-rules/engine/files';
import { SAMPLE_DEPLOYMENT_TOML, sampleResources } from '../../shared-rules/keystores/sample';
import { CORPUS, REPO, corpusFiles } from '../helpers/shared';

const DEFAULT_NAME = { toml: 'deployment.toml', properties: 'log4j2.properties', xml: 'context.xml', shell: 'wso2server.sh', nginx: 'nginx.conf', ingress: 'ingress.yaml', dockerfile: 'Dockerfile', compose: 'docker-compose.yml', systemd: 'wso2am.service', pod: 'deployment.yaml' } as const;

/** Every text a finding shows: its message, its related messages and its fix's title. */
function texts(f: LintFinding): string[] {
  return [f.message, ...(f.related ?? []).map((r) => r.message), ...(f.fix ? [f.fix.title] : [])];
}

function assertOneLine(findings: readonly LintFinding[], where: string): void {
  for (const f of findings) {
    for (const t of texts(f)) assert.doesNotMatch(t, /[\r\n]/, `${where}: ${f.ruleId} says something over several lines: ${JSON.stringify(t)}`);
  }
}

test('messages are one line: every rule case, the corpus and the examples', () => {
  for (const rule of allRules) {
    for (const c of [...rule.cases.valid, ...rule.cases.invalid]) {
      const r = lintText(c.fileName ?? DEFAULT_NAME[rule.meta.kind], c.code, { settings: resolveSettings(c.settings), kind: rule.meta.kind, resources: c.resources });
      assertOneLine(r.findings, `${rule.meta.id} case ${c.name ?? c.code.slice(0, 40)}`);
    }
  }
  const examples = path.join(REPO, 'examples');
  const files = [
    ...corpusFiles().map((rel) => path.join(CORPUS, rel)),
    ...(fs.readdirSync(examples, { recursive: true }) as string[]).map((f) => path.join(examples, f)).filter((f) => fs.statSync(f).isFile()),
  ];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (classify(file, text)) assertOneLine(lintText(file, text).findings, file);
  }
});

// Values written over several lines (multi-line strings and arrays, escaped line breaks, quoted shell words) where
// messages quote them, with the rules that quote them.
const MULTI_LINE: Array<[string, string, string[]]> = [
  ['/opt/wso2am-4.2.0/repository/conf/deployment.toml', [
    '[server]',
    'hostname = "apim"',
    '[transport.passthru_https.listener.parameters]',
    'HttpsProtocols = """',
    'TLSv1,',
    'TLSv1.2"""',
    'PreferredCiphers = """TLS_RSA_WITH_AES_128_CBC_SHA',
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"""',
    '[transport.receiver]',
    'ssl_enabled_protocols = [',
    '  "TLSv1",',
    '  "TLSv1.2",',
    ']',
    '[transport.passthru_https.sender.parameters]',
    'HttpsProtocols = "TLSv1.2,TLS1.3\\nx"',
    '[[tomcat.filter]]',
    'name = "hsts\\nfilter"',
    'class = "org.apache.catalina.filters.HttpHeaderSecurityFilter"',
    '[[datasource]]',
    'id = "CARBON\\nDB"',
    'url = "jdbc:mysql://db.example.com/carbon"',
    'username = "root"',
  ].join('\n'), ['weak-tls-protocols', 'passthrough-weak-ciphers', 'hsts-disabled', 'database-without-tls', 'privileged-datastore-user']],
  ['/opt/wso2am-4.2.0/bin/api-manager.sh', [
    '#!/bin/sh',
    'JAVA_OPTS="-Djdk.tls.ephemeralDHKeySize=4096 -Dhttpclient.hostnameVerifier=Str',
    'ict"',
    '$JAVACMD $JAVA_OPTS -Djdk.tls.ephemeralDHKeySize="10',
    '24" -Djdk.tls.rejectClientInitiatedRenegotiation="fal',
    'se" -Dhttpclient.hostnameVerifier="Allow',
    'All" org.wso2.carbon.bootstrap.Bootstrap $*',
  ].join('\n'), ['dh-key-size', 'client-renegotiation', 'jvm-hostname-verification']],
  ['/opt/wso2am-4.2.0/repository/conf/log4j2.properties', [
    'appender.T.type = RollingFile',
    'appender.T.filePattern = logs/t-%d{MM-dd-yyyy}.log',
    'appender.T.policies.time.type = TimeBasedTriggeringPolicy',
    'appender.T.strategy.max = 20\\nmore',
  ].join('\n'), ['log-retention']],
];

test('messages are one line: values written over several lines are quoted on one', () => {
  for (const [file, text, rules] of MULTI_LINE) {
    const findings = lintText(file, text).findings;
    for (const id of rules) assert.ok(findings.some((f) => f.ruleId === id), `${file}: ${id} should report`);
    assertOneLine(findings, file);
  }
});

// Secrets in every place the rules look at, each a canary that must not appear in what a finding shows. Each one
// triggers a finding about the key that holds it (or about the store it opens).
const CANARY = 'Canary9Qx';
const SECRETS_TOML = [
  '[server]',
  'hostname = "apim"',
  '[super_admin]',
  'username = "admin"',
  `password = "${CANARY}-admin"`,
  '[keystore.primary]',
  'file_name = "wso2carbon.jks"',
  `password = "${CANARY}-keystore"`,
  'key_password = "$secret{kp}"',
  '[database.apim_db]',
  `url = "jdbc:mysql://db.example.com/apim?user=apim&password=${CANARY}-url&useSSL=false"`,
  'username = "root"',
  `password = "${CANARY}-db"`,
  '[user_store]',
  'type = "read_write_ldap_unique_id"',
  'connection_url = "ldap://ldap.example.com:389"',
  `connection_password = "${CANARY}-ldap"`,
  '[identity.auth_framework.endpoint]',
  'app_password = "$secret{app}"',
  '[account_recovery.endpoint.auth]',
  'hash = "0000000000000000000000000000000000000000000000000000000000000000"',
  '[[internal_apis.users]]',
  'user.name = "admin"',
  `user.password = "${CANARY}-mi"`,
  '[secrets]',
  `kp = "[${CANARY}-kp]"`,
  `app = "[${CANARY}-app]"`,
  `plain = "${CANARY}-plain!"`,
  '[apim.cors]',
  'allow_origins = "*"',
].join('\n');

test('messages never contain a secret value', () => {
  const cases: Array<[string, string, ReturnType<typeof sampleResources> | undefined, string[]]> = [
    [SAMPLE_DEPLOYMENT_TOML, SECRETS_TOML, sampleResources(), ['plaintext-password', 'secret-not-encrypted', 'keystore-unreadable', 'default-app-password', 'database-without-tls']],
    ['/opt/wso2mi-4.3.0/conf/deployment.toml', SECRETS_TOML, undefined, ['plaintext-password', 'secret-not-encrypted', 'mi-admin-credentials']],
    ['/opt/wso2am-4.2.0/repository/conf/log4j2.properties', `appender.LOGEVENT.type = LogEvent\nappender.LOGEVENT.password = ${CANARY}-log4j\nappender.DB.connectionSource.password = ${CANARY}-jdbc\n`, undefined, ['log4j-plaintext-password']],
  ];
  for (const [file, text, resources, rules] of cases) {
    const findings = lintText(file, text, { resources }).findings;
    for (const id of rules) assert.ok(findings.some((f) => f.ruleId === id), `${file}: ${id} should report (${findings.map((f) => f.ruleId).join(', ')})`);
    for (const f of findings) {
      for (const t of texts(f)) assert.ok(!t.includes(CANARY), `${file}: ${f.ruleId} shows a secret: ${t}`);
    }
  }
});
