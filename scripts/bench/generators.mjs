// Inputs of a chosen size for the scaling and latency figures. Each shape takes n (its 1× count); 10× and 100×
// are n·10 and n·100. Replicated TOML stays valid: every copy's tables are renamed under a distinct prefix.

/** Copies of a deployment.toml: the original, then copies whose table headers live under [bench_K.…]. */
export function replicateToml(base, copies) {
  const header = /^([ \t]*)\[(\[?)[ \t]*([A-Za-z0-9_.\-"' ]+?)[ \t]*\](\]?)([ \t]*(?:#.*)?)$/;
  const parts = [base.endsWith('\n') ? base : base + '\n'];
  for (let k = 1; k < copies; k++) {
    const renamed = base.split('\n').map((line) => {
      const m = header.exec(line);
      return m && m[2] === m[4] ? `${m[1]}[${m[2]}bench_${k}.${m[3]}${m[4]}]${m[5]}` : line;
    });
    parts.push(`[bench_${k}]\n${renamed.join('\n')}\n`);
  }
  return parts.join('');
}

const CIPHERS = ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_CBC_SHA', 'SSL_RSA_WITH_RC4_128_MD5', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256'];
const SCRIPT_HEAD = '#!/bin/sh\n# generated for the benchmark\nCARBON_HOME="$(cd "$(dirname "$0")/.." && pwd)"\nexport JAVA_OPTS\n';
const BOOTSTRAP = '    org.wso2.carbon.bootstrap.Bootstrap $*\n';

/** name → { file, n, make(count) } — `file` is the name the engine classifies it by. */
export const SHAPES = {
  'toml: many tables': { file: 'deployment.toml', n: 100, make: (n) => Array.from({ length: n }, (_, i) => `[bench.t${i}]\nname = "v${i}"\nenabled = true\n`).join('') },
  'toml: long line (cipher list)': {
    file: 'deployment.toml', n: 100,
    make: (n) => `[transport.https.sslHostConfig.properties]\nciphers = "${Array.from({ length: n }, (_, i) => CIPHERS[i % CIPHERS.length]).join(',')}"\n`,
  },
  'properties: continuation lines': {
    file: 'log4j2.properties', n: 100,
    make: (n) => `appenders = AUDIT\nappender.AUDIT.type = RollingFile\nappender.AUDIT.name = AUDIT\nappender.AUDIT.layout.type = PatternLayout\nappender.AUDIT.layout.pattern = %d \\\n${'    [%t] %m \\\n'.repeat(n)}    %n\n`,
  },
  'properties: many appenders': {
    file: 'log4j2.properties', n: 50,
    make: (n) => {
      const ids = Array.from({ length: n }, (_, i) => `A${i}`);
      return `appenders = ${ids.join(', ')}\n` + ids.map((a) => `appender.${a}.type = RollingFile\nappender.${a}.name = ${a}\nappender.${a}.fileName = logs/${a}.log\nappender.${a}.layout.type = PatternLayout\nappender.${a}.layout.pattern = [%d] %5p {%c} - %m%ex%n\n`).join('');
    },
  },
  'properties: long line': {
    file: 'log4j2.properties', n: 100,
    make: (n) => `appenders = A\nappender.A.type = Console\nappender.A.name = A\nappender.A.layout.type = PatternLayout\nappender.A.layout.pattern = ${'[%d] %5p {%c} %X{id} '.repeat(n)}%m%n\n`,
  },
  'script: continuation lines': {
    file: 'wso2server.sh', n: 100,
    make: (n) => `${SCRIPT_HEAD}"$JAVA_HOME/bin/java" \\\n${Array.from({ length: n }, (_, i) => `    -Dbench.prop${i}="value ${i}" \\\n`).join('')}${BOOTSTRAP}`,
  },
  'script: long line': {
    file: 'wso2server.sh', n: 100,
    make: (n) => `${SCRIPT_HEAD}JAVA_OPTS="$JAVA_OPTS ${Array.from({ length: n }, (_, i) => `-Dbench.prop${i}=v${i}`).join(' ')}"\n"$JAVA_HOME/bin/java" $JAVA_OPTS \\\n${BOOTSTRAP}`,
  },
  'xml: many elements': {
    file: 'context.xml', n: 100,
    make: (n) => `<?xml version="1.0" encoding="UTF-8"?>\n<Context>\n${Array.from({ length: n }, (_, i) => `  <Valve className="org.example.Valve${i}" pattern="%h %l %u"/>\n`).join('')}  <Manager className="org.apache.catalina.session.StandardManager" sessionIdLength="16"/>\n</Context>\n`,
  },
  'xml: long attribute': {
    file: 'context.xml', n: 100,
    make: (n) => `<?xml version="1.0"?>\n<Context>\n  <Manager className="org.apache.catalina.session.StandardManager" sessionIdLength="16" note="${'abcdefghij&amp;'.repeat(n)}"/>\n</Context>\n`,
  },
};

// §8 linear inputs (issue 22): each shape at a size and twice that size; `make(n)` builds n units, `n` is the
// size the issue names for the 2× input (halved for the 1× one). Text only — no file needs to exist.
const LAUNCH = '"$JAVA_HOME/bin/java" $JAVA_OPTS -Xms256m -Djava.io.tmpdir="$CARBON_HOME/tmp" org.wso2.carbon.bootstrap.Bootstrap $*\n';
export const LINEAR_SHAPES = {
  // Launch-flag expansion visits, for each launch, the JAVA_OPTS assignments before it: half the units are
  // `JAVA_OPTS="$JAVA_OPTS -D…"` lines, then half are launch lines (26,000 lines: the 2 MB script).
  'script: JAVA_OPTS assignments, then java launch lines': {
    file: 'wso2server.sh', unit: 'lines', n: 26_000,
    make: (n) => `${SCRIPT_HEAD}${Array.from({ length: n >> 1 }, (_, i) => `JAVA_OPTS="$JAVA_OPTS -Dbench.prop${i}=value${i}"\n`).join('')}${LAUNCH.repeat(n - (n >> 1))}`,
  },
  'toml: keys in one table': {
    file: 'deployment.toml', unit: 'keys', n: 50_000,
    make: (n) => `[server]\nhostname = "localhost"\n\n[bench]\n${Array.from({ length: n }, (_, i) => `key_${i} = "value ${i}"\n`).join('')}`,
  },
  'properties: appenders': {
    file: 'log4j2.properties', unit: 'appenders', n: 50_000,
    make: (n) => SHAPES['properties: many appenders'].make(n),
  },
  'xml: elements': {
    file: 'context.xml', unit: 'elements', n: 100_000,
    make: (n) => SHAPES['xml: many elements'].make(n - 1),
  },
  // Suppressions (round 7): every table with three findings, one suppressed by a region never closed and one by
  // the line above: each finding was tested against every directive (4× the tables: 16.6× the time).
  'toml: suppressions around every finding': {
    file: 'deployment.toml', unit: 'tables', n: 10_000,
    make: (n) => Array.from({ length: n }, (_, i) => `# carbonlint-disable plaintext-password\n[database.db${i}]\nurl = "jdbc:mysql://h/db"\n# carbonlint-disable-next-line privileged-datastore-user\nusername = "root"\npassword = "admin"\n`).join(''),
  },
};
