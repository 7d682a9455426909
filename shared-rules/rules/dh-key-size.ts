import { defineRule } from '../engine/rule';
import { oneLine } from './util/message';
import { checkFlag } from './util/flag-check';

const NAME = 'jdk.tls.ephemeralDHKeySize';
const MIN_BITS = 2048;
const FLAG = `-D${NAME}=${MIN_BITS}`;

export default defineRule({
  meta: {
    id: 'dh-key-size',
    title: 'Ephemeral Diffie-Hellman key size below 2048',
    guideline: 'Increase Ephemeral Diffie-Hellman key size',
    guidelineId: 'G13',
    severity: 'warning',
    kind: 'shell',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds product startup scripts (`.sh` and `.bat`) whose java launch command does not set `-Djdk.tls.ephemeralDHKeySize` to 2048 bits or more — counting the flags that `JAVA_OPTS`, `JVM_MEM_OPTS` or `CMD_LINE_ARGS` assignments in the script put on the command, where the last one wins.',
      why: 'Small ephemeral Diffie-Hellman keys make TLS handshakes vulnerable to attacks such as Logjam. The JVM\'s default for DHE suites is weaker than 2048 bits on older JDKs.',
      example: {
        bad: '    $JAVACMD \\\n    $JAVA_OPTS \\\n    org.wso2.carbon.bootstrap.Bootstrap $*',
        good: '    $JAVACMD \\\n    $JAVA_OPTS \\\n    -Djdk.tls.ephemeralDHKeySize=2048 \\\n    org.wso2.carbon.bootstrap.Bootstrap $*',
      },
      fix: 'The quick fix adds `-Djdk.tls.ephemeralDHKeySize=2048` as its own line in the launch command, just before the Bootstrap class (in a `.bat`, on the launch line after `%CMD_LINE_ARGS%`), or raises a smaller value to 2048 where it is written. `matched` (the key size follows the certificate) is accepted. A value in the `JAVA_OPTS` environment variable cannot be seen from the script.',
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    checkFlag(ctx, {
      name: NAME,
      to: String(MIN_BITS),
      missing: `The java launch command does not set ${FLAG}: ephemeral DH keys use the JVM default.`,
      judge: (v) => {
        if (v === 'matched' || (/^\d+$/.test(v) && Number(v) >= MIN_BITS) || v.includes('$') || v.includes('%')) return undefined;
        return { message: `-D${NAME} is ${/^\d+$/.test(v) ? `${v} bits` : `"${oneLine(v)}"`}; use ${MIN_BITS} or more.` };
      },
      safe: true,
    });
  },
  cases: {
    valid: [
      { code: '#!/bin/sh\n    $JAVACMD \\\n    -Djdk.tls.ephemeralDHKeySize=2048 \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n' },
      { code: '#!/bin/sh\n$JAVACMD -Djdk.tls.ephemeralDHKeySize=4096 org.wso2.micro.integrator.bootstrap.Bootstrap $*\n', fileName: 'micro-integrator.sh' },
      { name: 'not a product script', code: '#!/bin/sh\njava -jar tool.jar\n', fileName: 'other.sh' },
      {
        name: 'only in a JAVA_OPTS assignment, not overridden later',
        code: '#!/bin/sh\nJAVA_OPTS="$JAVA_OPTS -Djdk.tls.ephemeralDHKeySize=2048"\n$JAVACMD $JAVA_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'batch: in CMD_LINE_ARGS, built up over lines',
        fileName: 'api-manager.bat',
        code: 'set CMD_LINE_ARGS=-Xms256m\r\nset CMD_LINE_ARGS=%CMD_LINE_ARGS% -Djdk.tls.ephemeralDHKeySize=3072\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
    ],
    invalid: [
      {
        code: '#!/bin/sh\n    $JAVACMD \\\n    -Xms256m \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [{ range: [1, 4, 1, 12], message: 'does not set -Djdk.tls.ephemeralDHKeySize=2048' }],
        output: '#!/bin/sh\n    $JAVACMD \\\n    -Xms256m \\\n    -Djdk.tls.ephemeralDHKeySize=2048 \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'value too small, quoted',
        code: '#!/bin/sh\n$JAVACMD -Djdk.tls.ephemeralDHKeySize="1024" org.wso2.carbon.bootstrap.Bootstrap\n',
        errors: [{ range: [1, 9, 1, 44], message: '1024 bits' }],
        output: '#!/bin/sh\n$JAVACMD -Djdk.tls.ephemeralDHKeySize="2048" org.wso2.carbon.bootstrap.Bootstrap\n',
      },
      {
        name: 'single-line launch gets the flag inline',
        code: '#!/bin/sh\nexec $JAVACMD $JAVA_OPTS org.wso2.carbon.bootstrap.Bootstrap "$@"\n',
        errors: [{ range: [1, 5, 1, 13] }],
        output: '#!/bin/sh\nexec $JAVACMD $JAVA_OPTS -Djdk.tls.ephemeralDHKeySize=2048 org.wso2.carbon.bootstrap.Bootstrap "$@"\n',
      },
      {
        name: 'a later, smaller value on the launch overrides JAVA_OPTS',
        code: '#!/bin/sh\nJAVA_OPTS="-Djdk.tls.ephemeralDHKeySize=4096"\n$JAVACMD $JAVA_OPTS -Djdk.tls.ephemeralDHKeySize=legacy org.wso2.carbon.bootstrap.Bootstrap\n',
        errors: [{ range: [2, 20, 2, 55], message: /"legacy"; use 2048 or more\. It overrides the 4096 set in JAVA_OPTS \(line 2\)/ }],
        output: '#!/bin/sh\nJAVA_OPTS="-Djdk.tls.ephemeralDHKeySize=4096"\n$JAVACMD $JAVA_OPTS -Djdk.tls.ephemeralDHKeySize=2048 org.wso2.carbon.bootstrap.Bootstrap\n',
      },
      {
        name: 'batch: too small in CMD_LINE_ARGS, fixed where it is written',
        fileName: 'wso2server.bat',
        code: 'set CMD_LINE_ARGS=-Xms256m -Djdk.tls.ephemeralDHKeySize=1024 %JAVA_OPTS%\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
        errors: [{ range: [0, 27, 0, 60], message: '1024 bits' }],
        output: 'set CMD_LINE_ARGS=-Xms256m -Djdk.tls.ephemeralDHKeySize=2048 %JAVA_OPTS%\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
    ],
  },
});
