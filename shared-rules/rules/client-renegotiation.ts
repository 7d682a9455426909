import { defineRule } from '../engine/rule';
import { checkFlag } from './util/flag-check';
import { oneLine } from './util/message';

const NAME = 'jdk.tls.rejectClientInitiatedRenegotiation';
const FLAG = `-D${NAME}=true`;

export default defineRule({
  meta: {
    id: 'client-renegotiation',
    title: 'Client-initiated TLS renegotiation allowed',
    guideline: 'Disable client-initiated renegotiation',
    guidelineId: 'G14',
    severity: 'warning',
    kind: 'shell',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds product startup scripts (`.sh` and `.bat`) whose java launch command does not set `-Djdk.tls.rejectClientInitiatedRenegotiation=true` (absent, or another value), counting flags that `JAVA_OPTS`/`CMD_LINE_ARGS` assignments in the script add; the last one wins.',
      why: 'A client that may renegotiate a TLS 1.2 session at will can make the server redo the expensive handshake over and over on one connection (a denial of service), and renegotiation has a history of injection bugs. No shipped Carbon script sets the flag.',
      example: {
        bad: '    $JAVACMD \\\n    $JAVA_OPTS \\\n    org.wso2.carbon.bootstrap.Bootstrap $*',
        good: '    $JAVACMD \\\n    $JAVA_OPTS \\\n    -Djdk.tls.rejectClientInitiatedRenegotiation=true \\\n    org.wso2.carbon.bootstrap.Bootstrap $*',
      },
      fix: 'The quick fix adds `-Djdk.tls.rejectClientInitiatedRenegotiation=true` as its own line just before the Bootstrap class (in a `.bat`, on the launch line), or sets an existing flag to `true`. Server-initiated renegotiation and TLS 1.3 are unaffected. A value in the `JAVA_OPTS` environment variable cannot be seen from the script.',
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    checkFlag(ctx, {
      name: NAME,
      to: 'true',
      missing: `The java launch command does not set ${FLAG}: clients may renegotiate TLS sessions at will.`,
      judge: (v) => {
        if (v.toLowerCase() === 'true' || v.includes('$') || v.includes('%')) return undefined; // Boolean.parseBoolean; unknown expansions are not judged
        return { message: `-D${NAME} is "${oneLine(v)}"; set it to true so clients cannot renegotiate TLS sessions.` };
      },
      safe: true,
    });
  },
  cases: {
    valid: [
      { code: '#!/bin/sh\n    $JAVACMD \\\n    -Djdk.tls.rejectClientInitiatedRenegotiation=true \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n' },
      {
        name: 'set only through a JAVA_OPTS assignment in the script',
        code: '#!/bin/sh\nJAVA_OPTS="$JAVA_OPTS -Djdk.tls.rejectClientInitiatedRenegotiation=TRUE"\n$JAVACMD $JAVA_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'batch: in CMD_LINE_ARGS',
        fileName: 'wso2server.bat',
        code: '@echo off\r\nset CMD_LINE_ARGS=-Xms256m -Djdk.tls.rejectClientInitiatedRenegotiation=true\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
      { name: 'not a product script', code: '#!/bin/sh\njava -cp x.jar com.example.Tool\n', fileName: 'tool.sh' },
    ],
    invalid: [
      {
        code: '#!/bin/sh\n    $JAVACMD \\\n    $JAVA_OPTS \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [{ range: [1, 4, 1, 12], message: 'does not set -Djdk.tls.rejectClientInitiatedRenegotiation=true' }],
        output: '#!/bin/sh\n    $JAVACMD \\\n    $JAVA_OPTS \\\n    -Djdk.tls.rejectClientInitiatedRenegotiation=true \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'false, overriding true set in JAVA_OPTS',
        code: '#!/bin/sh\nJAVA_OPTS="$JAVA_OPTS -Djdk.tls.rejectClientInitiatedRenegotiation=true"\n$JAVACMD \\\n  $JAVA_OPTS \\\n  -Djdk.tls.rejectClientInitiatedRenegotiation=false \\\n  org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [{ range: [4, 2, 4, 52], message: /overrides the true set in JAVA_OPTS \(line 2\)/ }],
        output: '#!/bin/sh\nJAVA_OPTS="$JAVA_OPTS -Djdk.tls.rejectClientInitiatedRenegotiation=true"\n$JAVACMD \\\n  $JAVA_OPTS \\\n  -Djdk.tls.rejectClientInitiatedRenegotiation=true \\\n  org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'batch: inserted on the launch line, CRLF kept',
        fileName: 'api-manager.bat',
        code: '@echo off\r\nset CMD_LINE_ARGS=-Xms256m -Xmx1024m %JAVA_OPTS%\r\n:runJava\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
        errors: [{ range: [3, 0, 3, 22] }],
        output: '@echo off\r\nset CMD_LINE_ARGS=-Xms256m -Xmx1024m %JAVA_OPTS%\r\n:runJava\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% -Djdk.tls.rejectClientInitiatedRenegotiation=true org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
    ],
  },
});
