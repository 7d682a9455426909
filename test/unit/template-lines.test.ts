// A message that names a line of the text the rule saw ("(line 5)": a duplicate table's first definition, the
// assignment a JVM flag comes from) names the template's line, not the rendering's, which dropped branches shift:
// once per finding, with no branch label when every branch gives it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintText } from '../../shared-rules/engine/lint';

const shown = (file: string, text: string, rule: string) =>
  lintText(file, text, { values: false }).findings.filter((f) => f.ruleId === rule).map((f) => `${f.range.start.line + 1}: ${f.message}`);

test('a duplicate table names the line of its first definition in the template', () => {
  const toml = '{% if a %}\n[x]\ny = 1\n{% endif %}\n[server]\nhostname = "h"\n[server]\noffset = 1\n';
  assert.deepEqual(shown('/t/deployment.toml.j2', toml, 'toml-duplicate-table'), [
    "7: Table [server] is already defined (line 5); the product's TOML parser rejects this file — the last definition is used here",
  ]);
});

test('a JVM flag names the template line of its assignment', () => {
  const sh = '#!/bin/sh\n{% if debug %}\necho debug\necho more\n{% endif %}\nJAVA_OPTS="-Xms2g -Xmx1g"\n' +
    '$JAVA_HOME/bin/java $JAVA_OPTS -Djdk.tls.ephemeralDHKeySize=2048 -Djdk.tls.rejectClientInitiatedRenegotiation=true -Dhttpclient.hostnameVerifier=Strict org.wso2.carbon.bootstrap.Bootstrap\n';
  assert.deepEqual(shown('/t/wso2server.sh.j2', sh, 'jvm-heap-settings'), [
    '6: -Xms2g is larger than -Xmx1g in JAVA_OPTS (line 6): the JVM refuses to start ("Initial heap size set to a larger value than the maximum heap size").',
  ]);
});

test('a line inside a kept branch, after a dropped one on the same chain, maps to its own template line', () => {
  // The else branch's [server] is the first definition in the rendering that keeps it.
  const toml = '{% if a %}\n[server]\nhostname = "a"\n{% else %}\n[server]\nhostname = "b"\n{% endif %}\n[server]\noffset = 1\n';
  const got = shown('/t/deployment.toml.j2', toml, 'toml-duplicate-table');
  assert.equal(got.length, 2, got.join('\n'));
  assert.match(got[0], /^8: .*\(line 2\).*`a` \(line 1\) holds/);
  assert.match(got[1], /^8: .*\(line 5\).*the `else` at line 4 of `a` \(line 1\)/);
});
