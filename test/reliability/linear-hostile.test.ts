// Crafted text that made the engine quadratic or worse (issue 16, item 5), each with the figure of the old code:
// the product-version hint regex, launch-flag expansion in large scripts. (The project-file ranges are in
// test/lsp/hostile-config.test.ts; the glob matcher in test/unit/glob.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectProduct } from '../../shared-rules/engine/product';
import { lintText } from '../../shared-rules/engine/lint';
import { parseShell } from '../../shared-rules/parsers/shell/parse';
import { launchFlags, MAX_EXPANSION_STEPS_PER_SCRIPT } from '../../shared-rules/rules/util/jvm-flags';
import { assertLinear } from '../helpers/linear';

const IS_TOML = '/ws/is/repository/conf/deployment.toml';

test('IS version hint: 1 MB of read_write_ldap_unique_id lines without EmbeddedLDAP (was ~57 s)', () => {
  const make = (k: number) => `[database.identity_db]\ntype = "h2"\n${'type = "read_write_ldap_unique_id"\n'.repeat(k)}`;
  const text = make(Math.ceil(1_000_000 / 35));
  const t0 = performance.now();
  const info = detectProduct(IS_TOML, text);
  const ms = performance.now() - t0;
  assert.equal(info.product, 'is');
  assert.equal(info.versionHint, undefined);
  assert.ok(ms < 2000, `${ms.toFixed(0)} ms for 1 MB`);
  assertLinear('IS version hint', make, (t) => void detectProduct(IS_TOML, t), 3000);
});

test('IS version hint: still given when EmbeddedLDAP follows the user store type, not when it only precedes it', () => {
  const hint = (t: string) => detectProduct(IS_TOML, `[database.identity_db]\ntype = "h2"\n${t}`).versionHint;
  assert.equal(hint('[user_store]\ntype = "read_write_ldap_unique_id"\nconnection_url = "ldap://localhost:${Ports.EmbeddedLDAP.LDAPServerPort}"\n'), '5.10–5.11');
  assert.equal(hint('# ${Ports.EmbeddedLDAP.LDAPServerPort}\n[user_store]\ntype = "read_write_ldap_unique_id"\n'), undefined);
});

const SH = '/ws/wso2am-4.2.0/bin/api-manager.sh';
const OPTS = `JAVA_OPTS="${Array.from({ length: 2000 }, (_, i) => `-Dp${i}=1`).join(' ')}"\n`;
const LAUNCH = '"$JAVACMD" $JAVA_OPTS -Xms256m org.wso2.carbon.bootstrap.Bootstrap\n';

test('launch flags: thousands of launches of one 2,000-word JAVA_OPTS stay linear (4,000 took 9.5 s and 459 MB)', () => {
  const make = (k: number) => `#!/bin/sh\n${OPTS}${LAUNCH.repeat(k)}`;
  const flagsOfAll = (text: string) => {
    const doc = parseShell(text, SH);
    let n = 0;
    for (const l of doc.launches) n += launchFlags(doc, l).flags.length;
    assert.ok(n <= MAX_EXPANSION_STEPS_PER_SCRIPT + doc.launches.length * 3, `${n} flags kept`);
  };
  assertLinear('launch flags', make, flagsOfAll, 500);
  const text = make(25_000); // ~1.7 MB
  const t0 = performance.now();
  const r = lintText(SH, text);
  const ms = performance.now() - t0;
  assert.ok(ms < 20_000, `${ms.toFixed(0)} ms for ${(text.length / 1e6).toFixed(1)} MB`);
  assert.ok(r.findings.length > 0);
});

test('launch flags: a normal script still sees every flag its JAVA_OPTS lines add', () => {
  const text = '#!/bin/sh\nJAVA_OPTS="$JAVA_OPTS -Da=1"\nJAVA_OPTS="$JAVA_OPTS -Db=2"\n"$JAVACMD" $JAVA_OPTS -Dc=3 org.wso2.carbon.bootstrap.Bootstrap\n';
  const doc = parseShell(text, SH);
  assert.deepEqual(launchFlags(doc, doc.launches[0]).flags.map((f) => f.word.text), ['-Da=1', '-Db=2', '-Dc=3']);
});

// The regexes the regex audit (npm run lint: eslint-plugin-regexp) flagged, each on the input that made it slow.
import { redactLines } from '../../shared-rules/engine/redact';
import { oneLine } from '../../shared-rules/rules/util/message';

const within = (name: string, ms: number, f: () => void) => {
  const t0 = performance.now();
  f();
  const took = performance.now() - t0;
  assert.ok(took < ms, `${name}: ${took.toFixed(0)} ms`);
};
const MB = 1_000_000;

test('redaction: a 1 MB "[" line of blanks (was cubic: 2.4 s for 2 KB), key lines ending in CR; masking unchanged', () => {
  within('TOML table header', 2000, () => void redactLines(`[${' '.repeat(MB)}x`));
  within('[secrets] key with CR', 2000, () => void redactLines(`[secrets]\n${'a'.repeat(MB)}${' '.repeat(MB)}x\r`));
  // Lines naming a secret-ish key are searched only up to 4,096 characters (MAX_LINE): ~1 µs per byte at worst.
  within('secret-ish key with colons and CR', 8000, () => void redactLines(`${'password:'.repeat(450)}\r\n`.repeat(200)));
  assert.deepEqual(redactLines('[secrets] # vault\r\nk = "v1"\npassword: "p1"\n[ a ]\nx = 1\n'), ['[secrets] # vault\r', 'k = "********"', 'password: "********"', '[ a ]', 'x = 1', '']);
  assert.deepEqual(redactLines('[[ secrets ]]\nk = v\n'), ['[[ secrets ]]', 'k = ********', '']);
});

test('finding messages and rules: long blank runs without the expected separator (quadratic regex moves before)', () => {
  within('oneLine', 2000, () => void oneLine(`a${' \t'.repeat(MB / 2)}b`));
  assert.equal(oneLine('a  \r\n   b\nc'), 'a b c');
  const TOML = '/ws/wso2am-4.2.0/repository/conf/deployment.toml';
  within('privileged-datastore-user', 5000, () => void lintText(TOML, `[database.apim_db]\nusername = "a${' '.repeat(MB)}b"\n`));
  within('server-header-disclosure', 5000, () => void lintText(TOML, `[transport.https.properties]\nserver = "${'1'.repeat(MB)}x"\n`));
  const codes = (t: string) => lintText(TOML, t).findings.map((f) => f.ruleId);
  assert.ok(codes('[database.apim_db]\nusername = "root"\n').includes('privileged-datastore-user'));
  assert.ok(codes('[database.apim_db]\nusername = "root  as  sysdba"\n').includes('privileged-datastore-user'));
  assert.ok(codes('[transport.https.properties]\nserver = "v 12.5"\n').includes('server-header-disclosure'));
});
