// The keystore-contents rules through the real engine (lintText, as the server and the CLI call it), on product
// layouts built around the corpus stores in temporary folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintText, type LintFinding } from '../../shared-rules/engine/lint';
import { resolveSettings, type Settings } from '../../shared-rules/engine/settings';
import type { RuleResources } from '../../shared-rules/engine/rule';
import { keystoreRules } from '../../shared-rules/rules/registry/keystores';
import { CORPUS, REPO } from '../helpers/shared';
import { NO_KEYSTORES, INVENTORY_DAY, jksWith, productHome, resourcesAt, selfSigned, storeBytes } from './keystore-fixtures';

const SEC = 'repository/resources/security';

function lint(home: string, tomlRel: string, opts: { resources?: RuleResources; settings?: Partial<Settings> } = {}): LintFinding[] {
  const file = path.join(home, tomlRel);
  return lintText(file, fs.readFileSync(file, 'utf8'), { resources: opts.resources ?? resourcesAt(), settings: resolveSettings(opts.settings) })
    .findings.filter((f) => f.ruleId.startsWith('keystore-'));
}
const summary = (fs_: LintFinding[]) => fs_.map((f) => `${f.severity} ${f.ruleId}`).sort();
const textAt = (home: string, rel: string, f: LintFinding) => fs.readFileSync(path.join(home, rel), 'utf8').slice(f.span.start, f.span.end);

test('API Manager 3.2.0 as shipped: the default key (named with its release), expired, and the default certificates it trusts', { skip: NO_KEYSTORES }, () => {
  const home = productHome('wso2am-3.2.0', {
    'repository/conf/deployment.toml': fs.readFileSync(path.join(CORPUS, 'apim-3.2.0/deployment.toml')),
    [`${SEC}/wso2carbon.jks`]: storeBytes('carbon-kernel-4.6.0/wso2carbon.jks'),
    [`${SEC}/client-truststore.jks`]: storeBytes('apim-3.2.0/client-truststore.jks'),
  });
  const found = lint(home, 'repository/conf/deployment.toml');
  assert.deepEqual(summary(found), ['error keystore-certificate-expiry', 'error keystore-default-certificate', 'error keystore-default-certificate', 'error keystore-default-certificate']);
  const key = found.find((f) => f.ruleId === 'keystore-default-certificate' && f.message.startsWith('Keystore'))!;
  assert.equal(textAt(home, 'repository/conf/deployment.toml', key), '"wso2carbon.jks"', 'on the file_name of [keystore.tls]');
  assert.match(key.message, /^Keystore repository\/resources\/security\/wso2carbon\.jks \(\[keystore\.tls\], \[keystore\.primary\], \[keystore\.internal\]\) holds the WSO2 default certificate shipped with API Manager 3\.2\.0 \(carbon-kernel 4\.5\.3, 4\.6\.0–4\.6\.2\) as its key "wso2carbon"/);
  assert.deepEqual(key.related?.map((r) => r.message), ['[keystore.primary] uses the same store.', '[keystore.internal] uses the same store.']);
  const trusted = found.filter((f) => f.message.startsWith('Truststore')).map((f) => f.message);
  assert.match(trusted[0], /trusts the WSO2 default certificate shipped with API Manager 3\.2\.0 .* as "wso2carbon", "mzyx[a-z0-9_]+" and "gateway_certificate_alias"/);
  assert.match(trusted[1], /Micro Integrator 1\.1\.0 monitoring dashboard .* as "apim_analytics3\.0\.0"/);
  assert.match(found.find((f) => f.ruleId === 'keystore-certificate-expiry')!.message, /key "wso2carbon" expired on 2022-01-25/);
});

test('PKCS12 content named .jks (kernel 4.9.27, API Manager 4.4.0): found by content, expiring within 30 days', { skip: NO_KEYSTORES }, () => {
  const home = productHome('wso2am-4.4.0', {
    'repository/conf/deployment.toml': '[keystore.tls]\nfile_name = "wso2carbon.jks"\ntype = "JKS"\npassword = "wso2carbon"\n',
    [`${SEC}/wso2carbon.jks`]: storeBytes('carbon-kernel-4.9.27/wso2carbon.jks'),
  });
  const found = lint(home, 'repository/conf/deployment.toml');
  assert.deepEqual(summary(found), ['error keystore-default-certificate', 'warning keystore-certificate-expiry']);
  assert.match(found.find((f) => f.severity === 'error')!.message, /shipped with API Manager 4\.4\.0 \(carbon-kernel 4\.9\.27\)/);
  assert.match(found.find((f) => f.severity === 'warning')!.message, /expires on 2026-12-14 \(in 22 days\)/);
  // The window is a setting: 0 turns the early warning off.
  assert.deepEqual(summary(lint(home, 'repository/conf/deployment.toml', { settings: { keystore: { expiryWarningDays: 0 } } })), ['error keystore-default-certificate']);
  // After 2026-12-14 it is an error.
  assert.equal(lint(home, 'repository/conf/deployment.toml', { resources: resourcesAt(Date.parse('2027-01-01T00:00:00Z')) }).find((f) => f.ruleId === 'keystore-certificate-expiry')?.severity, 'error');
});

test('the generated strong store reports nothing', { skip: NO_KEYSTORES }, () => {
  const home = productHome('wso2am-4.2.0', {
    'repository/conf/deployment.toml': '[keystore.primary]\nfile_name = "strong.p12"\ntype = "PKCS12"\npassword = "$env{KS_PW}"\nalias = "prod"\n',
    [`${SEC}/strong.p12`]: storeBytes('generated/strong.p12'),
  });
  assert.deepEqual(lint(home, 'repository/conf/deployment.toml', { resources: resourcesAt(INVENTORY_DAY, { KS_PW: 'changeit-strong' }) }), []);
});

test('the generated weak store reports its key size and its signature, nothing else', { skip: NO_KEYSTORES }, () => {
  const home = productHome('wso2am-4.2.0', {
    'repository/conf/deployment.toml': '[server]\nhostname = "h"\n\n[keystore.primary]\nfile_name = "weak.jks"\npassword = "changeit-weak"\n',
    [`${SEC}/weak.jks`]: storeBytes('generated/weak.jks'),
  });
  const found = lint(home, 'repository/conf/deployment.toml');
  assert.deepEqual(summary(found), ['error keystore-weak-key', 'warning keystore-weak-signature']);
  assert.match(found[0].message + found[1].message, /the key "weak" is a 1024-bit RSA key/);
  assert.match(found[0].message + found[1].message, /signed with SHA1withRSA/);
  for (const f of found) assert.equal(textAt(home, 'repository/conf/deployment.toml', f), '"weak.jks"');
});

test('Micro Integrator: repository/resources/security/… relative to <home>, beside <home>/conf/deployment.toml', { skip: NO_KEYSTORES }, () => {
  const home = productHome('wso2mi-4.2.0', {
    'conf/deployment.toml': fs.readFileSync(path.join(CORPUS, 'mi-4.3.0/deployment.toml')),
    [`${SEC}/wso2carbon.jks`]: storeBytes('carbon-kernel-4.8.1/wso2carbon.jks'),
  });
  const found = lint(home, 'conf/deployment.toml');
  assert.deepEqual(summary(found), ['error keystore-certificate-expiry', 'error keystore-default-certificate']);
  const f = found.find((x) => x.ruleId === 'keystore-default-certificate')!;
  assert.equal(textAt(home, 'conf/deployment.toml', f), '"repository/resources/security/wso2carbon.jks"');
  assert.match(f.message, /shipped with Micro Integrator 4\.2\.0 \(carbon-kernel 4\.8\.0–4\.8\.1\)/);
});

test('Identity Server 7.3.0: PKCS12 keystore and truststore with the release\'s default certificate', { skip: NO_KEYSTORES }, () => {
  const home = productHome('wso2is-7.3.0', {
    'repository/conf/deployment.toml': '[keystore.primary]\nfile_name = "wso2carbon.p12"\npassword = "wso2carbon"\ntype = "PKCS12"\n\n[truststore]\nfile_name = "client-truststore.p12"\npassword = "wso2carbon"\ntype = "PKCS12"\n',
    [`${SEC}/wso2carbon.p12`]: storeBytes('is-7.3.0/wso2carbon.p12'),
    [`${SEC}/client-truststore.p12`]: storeBytes('is-7.3.0/client-truststore.p12'),
  });
  const found = lint(home, 'repository/conf/deployment.toml');
  assert.deepEqual(summary(found), ['error keystore-default-certificate', 'error keystore-default-certificate']);
  assert.match(found[0].message, /^Keystore .* holds the WSO2 default certificate shipped with Identity Server 7\.3\.0 as its key "wso2carbon"/);
  assert.match(found[1].message, /^Truststore .*client-truststore\.p12 \(\[truststore\]\) trusts the WSO2 default certificate shipped with Identity Server 7\.3\.0 as "wso2carbon"/);
  // Typing in the editor re-lints: the opened store comes from the cache, not from another key derivation.
  const t = Date.now();
  lint(home, 'repository/conf/deployment.toml');
  assert.ok(Date.now() - t < 300, `re-lint took ${Date.now() - t} ms`);
});

test('stores that cannot be opened: one information finding each, saying why, and nothing else', { skip: NO_KEYSTORES }, () => {
  const weak = storeBytes('generated/weak.jks');
  const cases: Array<[string, string, RegExp, Record<string, string>?]> = [
    ['password = "hunter2-wrong"', 'weak.jks', /Could not open keystore repository\/resources\/security\/weak\.jks \(\[keystore\.primary\].*\): the configured password does not open it/],
    ['', 'weak.jks', /the shipped default password \(no password key is set\) does not open it/],
    ['password = "$secret{keystore_password}"', 'weak.jks', /its password is a Secure Vault alias/],
    ['password = "$env{KS_PW}"', 'weak.jks', /environment variable KS_PW, which is not set where CarbonLint runs/],
    ['password = "$env{KS_PW}"', 'weak.jks', /the password from the environment variable KS_PW does not open it/, { KS_PW: 'env-secret-wrong' }],
    ['password = "changeit-weak"', 'truncated.jks', /Could not read .*truncated\.jks.*: the file is truncated or damaged/],
    ['password = "changeit-weak"', 'pointer.jks', /Git LFS pointer/],
  ];
  for (const [pwLine, file, expected, env] of cases) {
    const home = productHome('wso2am-4.2.0', {
      'repository/conf/deployment.toml': `[keystore.primary]\nfile_name = "${file}"\n${pwLine}\n`,
      [`${SEC}/weak.jks`]: weak,
      [`${SEC}/truncated.jks`]: weak.subarray(0, 700),
      [`${SEC}/pointer.jks`]: 'version https://git-lfs.github.com/spec/v1\noid sha256:e08bc154\nsize 1398\n',
    });
    const found = lint(home, 'repository/conf/deployment.toml', { resources: resourcesAt(INVENTORY_DAY, env) });
    assert.deepEqual(summary(found), ['info keystore-unreadable'], `${pwLine} ${file}`);
    assert.match(found[0].message, expected);
  }
});

test('a store that is not in the workspace is not reported (it may be deployed separately)', () => {
  const home = productHome('wso2am-4.2.0', { 'repository/conf/deployment.toml': '[keystore.primary]\nfile_name = "prod.p12"\npassword = "$secret{ks}"\n' });
  assert.deepEqual(lint(home, 'repository/conf/deployment.toml'), []);
});

test('two tables, two files: each reported on its own file_name', { skip: NO_KEYSTORES }, () => {
  const home = productHome('wso2am-4.2.0', {
    'repository/conf/deployment.toml': '[keystore.primary]\nfile_name = "weak.jks"\npassword = "changeit-weak"\n[keystore.tls]\nfile_name = "default.jks"\npassword = "wso2carbon"\n',
    [`${SEC}/weak.jks`]: storeBytes('generated/weak.jks'),
    [`${SEC}/default.jks`]: storeBytes('carbon-kernel-4.11.18/wso2carbon.jks'),
  });
  const found = lint(home, 'repository/conf/deployment.toml');
  assert.deepEqual(found.map((f) => `${textAt(home, 'repository/conf/deployment.toml', f)} ${f.ruleId}`).sort(), [
    '"default.jks" keystore-default-certificate', '"weak.jks" keystore-weak-key', '"weak.jks" keystore-weak-signature',
  ]);
});

// The passwords the scenarios above and below use, other than the vendor's public default (which is also the alias
// and file name "wso2carbon" and so appears in messages as those).
const SECRETS = ['changeit-weak', 'changeit-strong', 'hunter2-wrong', 'env-secret-wrong', 'plain-secret-pw'];

test('no password appears in any finding, related information or JSON result', { skip: NO_KEYSTORES }, () => {
  const home = productHome('wso2am-4.2.0', {
    'repository/conf/deployment.toml': '[keystore.primary]\nfile_name = "weak.jks"\npassword = "changeit-weak"\n[keystore.tls]\nfile_name = "strong.p12"\npassword = "hunter2-wrong"\n[keystore.internal]\nfile_name = "weak2.jks"\npassword = "$secret{ks}"\n[truststore]\nfile_name = "weak3.jks"\npassword = "$env{TS}"\n[secrets]\nks = "[plain-secret-pw]"\n',
    [`${SEC}/weak.jks`]: storeBytes('generated/weak.jks'),
    [`${SEC}/weak2.jks`]: storeBytes('generated/weak.jks'),
    [`${SEC}/weak3.jks`]: storeBytes('generated/weak.jks'),
    [`${SEC}/strong.p12`]: storeBytes('generated/strong.p12'),
  });
  const file = path.join(home, 'repository/conf/deployment.toml');
  const result = lintText(file, fs.readFileSync(file, 'utf8'), { resources: resourcesAt(INVENTORY_DAY, { TS: 'env-secret-wrong' }) });
  assert.ok(result.findings.some((f) => f.ruleId === 'keystore-unreadable'));
  assert.ok(result.findings.some((f) => f.ruleId === 'keystore-weak-key'));
  const json = JSON.stringify(result.findings.filter((f) => f.ruleId.startsWith('keystore-')));
  for (const s of SECRETS) assert.ok(!json.includes(s), `"${s}" leaked`);
});

test('the CLI (JSON and SARIF) reports keystore contents and never prints the password', { skip: NO_KEYSTORES }, () => {
  const home = productHome('wso2am-4.2.0', {
    'repository/conf/deployment.toml': '[keystore.primary]\nfile_name = "weak.jks"\npassword = "$env{CARBONLINT_TEST_KS}"\n[truststore]\nfile_name = "trust.jks"\n',
    [`${SEC}/weak.jks`]: storeBytes('generated/weak.jks'),
    [`${SEC}/trust.jks`]: storeBytes('carbon-kernel-4.9.27/wso2carbon.jks'), // PKCS12 inside: forge in the CLI's module graph
  });
  const cli = path.join(REPO, 'cli/src/main.ts');
  for (const format of ['json', 'sarif']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', cli, home, '--format', format], {
      cwd: REPO, encoding: 'utf8', env: { ...process.env, CARBONLINT_TEST_KS: 'changeit-weak' }, maxBuffer: 64 << 20,
    });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.match(r.stdout, /keystore-weak-key/, format);
    assert.match(r.stdout, /keystore-weak-signature/, format);
    assert.match(r.stdout, /keystore-default-certificate/, format);
    for (const s of SECRETS) assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), `${format}: "${s}" leaked`);
  }
});

test('the rules are off like any other rule', { skip: NO_KEYSTORES }, () => {
  const home = productHome('wso2am-4.2.0', {
    'repository/conf/deployment.toml': '[keystore.primary]\nfile_name = "weak.jks"\npassword = "changeit-weak"\n',
    [`${SEC}/weak.jks`]: storeBytes('generated/weak.jks'),
  });
  const rules = Object.fromEntries(keystoreRules.map((r) => [r.meta.id, 'off' as const]));
  assert.deepEqual(lint(home, 'repository/conf/deployment.toml', { settings: { rules } }), []);
});

test('a release not in the list: recognised by the CN=localhost, O=WSO2/MWARE pattern; MD5 signatures are errors', () => {
  const mware = selfSigned([['C', 'US'], ['O', 'MWARE'], ['OU', 'MWARE'], ['CN', 'localhost']], 'md5');
  const home = productHome('mware-am-5.0.0', {
    'repository/conf/deployment.toml': '[keystore.primary]\nfile_name = "mwarecarbon.jks"\npassword = "mw-pass"\n',
    [`${SEC}/mwarecarbon.jks`]: jksWith('mw-pass', [['mwarecarbon', mware]]),
  });
  const found = lint(home, 'repository/conf/deployment.toml');
  assert.deepEqual(summary(found), ['error keystore-default-certificate', 'error keystore-weak-signature']);
  assert.match(found.find((f) => f.ruleId === 'keystore-default-certificate')!.message, /holds a self-signed "CN=localhost, OU=MWARE, O=MWARE, C=US" certificate \(the pattern of the vendor's default certificates, from a release CarbonLint has no fingerprint for\) as its key "mwarecarbon"/);
  assert.match(found.find((f) => f.ruleId === 'keystore-weak-signature')!.message, /signed with MD5withRSA; MD5 signatures can be forged/);
});
