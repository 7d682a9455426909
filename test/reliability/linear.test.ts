// Inputs that made the engine quadratic, each at a size where the old code took several times its bound and the
// current one a fraction of it (bound: 50 ms + 5 µs per byte, as for the fuzzer). Found by hunting for per-item
// scans over the whole file or the whole collection; each names the path it guards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../shared-rules/engine/lint';
import { boundMs } from '../../scripts/fuzz/oracle';

const TOML = '/ws/wso2am-4.2.0/repository/conf/deployment.toml';
const PROPS = '/ws/wso2am-4.2.0/repository/conf/log4j2.properties';
const HSTS = 'org.apache.catalina.filters.HttpHeaderSecurityFilter';
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

const CASES: Array<{ name: string; file: string; text: string; was: string; rule?: string }> = [
  {
    name: 'many comment lines above [secrets] (lineStartAt scanned back to the start of an LF file for every line)',
    file: TOML, text: `[server]\nhostname="a"\n${lines(4000, (i) => `# comment ${i}\n`)}[secrets]\na="x"\n[after]\nk=1\n`,
    was: '5.7 s for 59 KB', rule: 'secrets-table-last',
  },
  {
    name: 'a long run of blanks in a [secrets] value (/\\s+$/ on the moved block)',
    file: TOML, text: `[server]\nhostname="a"\n[secrets]\na = "[${' '.repeat(32_000)}x]"\n[after]\nk=1\n`,
    was: '0.78–2.2 s for 32 KB', rule: 'secrets-table-last',
  },
  {
    name: 'a run of backslashes before the last appender at the end of the file (/\\\\+$/ on the whole text)',
    file: PROPS, text: `# ${'\\'.repeat(80_000)} x\nappender.A0.type = RollingFile\nappender.A0.fileName = logs/a0.log\nappender.A0.filePattern = logs/a0-%d{yyyy}.log\nappender.A0.policies.time.type = TimeBasedTriggeringPolicy`,
    was: '6.7 s for 80 KB', rule: 'log-retention',
  },
  {
    name: 'one disable/enable pair naming thousands of rules (includes over every open region and id)',
    file: TOML, text: `[server]\nhostname="a"\n# carbonlint-disable ${lines(16_000, (i) => `r${i} `)}\n# carbonlint-enable ${lines(16_000, (i) => `r${i} `)}\n`,
    was: '3.1 s for 202 KB',
  },
  {
    name: 'a disable-next-line naming thousands of unknown rules (dead ids checked with includes)',
    file: TOML, text: `# carbonlint-disable-next-line plaintext-password ${lines(32_000, (i) => `r${i} `)}\na.password = "x"\n`,
    was: '5.5 s for 213 KB',
  },
  {
    name: 'array-table passwords whose aliases are all taken (alias probing from 2 for every entry)',
    file: TOML, text: `[server]\nhostname="a"\n${lines(4000, (i) => `[[t]]\npassword = "p${i}"\n`)}[secrets]\n${lines(4000, (i) => `t_password_${i + 1} = "x"\n`)}`,
    was: '4.6 s for 186 KB', rule: 'plaintext-password',
  },
  {
    name: 'thousands of HSTS filters and mappings (every mapping per filter; every table per instance)',
    file: TOML, text: `[server]\nhostname="a"\n${lines(2880, (i) => `[[tomcat.filter]]\nname="${i}"\nclass="${HSTS}"\n`)}${lines(8640, () => '[[tomcat.filter_mapping]]\nname="z"\n')}`,
    was: '4.1 s for 563 KB', rule: 'hsts-disabled',
  },
  {
    name: 'a one-line Carbon 4.4 console web.xml with thousands of HSTS filters (each fix walked back to the line start for its indent)',
    file: '/ws/wso2am-2.6.0/repository/conf/tomcat/carbon/WEB-INF/web.xml',
    text: `<web-app>${lines(8000, (i) => `<filter><filter-name>F${i}</filter-name><filter-class>${HSTS}</filter-class><init-param><param-name>hstsEnabled</param-name><param-value>false</param-value></init-param></filter>`)}</web-app>`,
    was: '2.7 s for 0.96 MB, quadratic', rule: 'hsts-disabled',
  },
];

for (const c of CASES) {
  test(`linear: ${c.name} (was ${c.was})`, () => {
    const t0 = performance.now();
    const r = lintText(c.file, c.text);
    const ms = performance.now() - t0;
    assert.ok(ms < boundMs(Buffer.byteLength(c.text)), `${ms.toFixed(0)} ms for ${c.text.length} bytes (bound ${boundMs(c.text.length).toFixed(0)} ms)`);
    if (c.rule) assert.ok(r.findings.some((f) => f.ruleId === c.rule), `${c.rule} still reports: ${[...new Set(r.findings.map((f) => f.ruleId))]}`);
  });
}
