import { defineRule, type Severity } from '../engine/rule';
import { checkFlag } from './util/flag-check';
import { oneLine } from './util/message';
import { legacyKernelAtLeast } from '../engine/legacy-product';
import { HOSTNAME_VERIFIER_SINCE } from '../data/legacy-products';

const VERIFIER = 'httpclient.hostnameVerifier';
const STRICT_FLAG = `-D${VERIFIER}=Strict`;
/** Flags that switch verification off when `true`: the pre-4.4.17 Carbon switch (error) and OpenSAML's HTTP client. */
const DISABLERS: ReadonlyArray<{ name: string; severity: Severity; what: string }> = [
  { name: 'org.wso2.ignoreHostnameVerification', severity: 'error', what: "turns off hostname verification in Carbon's HTTP clients" },
  { name: 'org.opensaml.httpclient.https.disableHostnameVerification', severity: 'warning', what: "turns off hostname verification in OpenSAML's HTTP client (SAML metadata and artifact resolution)" },
  // Spring Cloud OpenFeign reads system properties: its Apache/OkHttp clients then trust any certificate for any host.
  { name: 'feign.httpclient.disableSslValidation', severity: 'error', what: "turns off certificate and hostname validation in Feign's HTTP client: any certificate is accepted" },
  { name: 'jdk.internal.httpclient.disableHostnameVerification', severity: 'warning', what: "turns off hostname verification in the JDK's java.net.http client" },
];
const REVIEW = 'review: backends with mismatched certificates will fail';

function verifierFinding(v: string): { severity: Severity; message: string } | undefined {
  const lower = v.toLowerCase();
  if (lower === 'strict' || v.includes('$') || v.includes('%')) return undefined;
  const problem = lower === 'allowall' ? 'AllowAll turns hostname verification off: any certificate is accepted for any host'
    : lower === 'defaultandlocalhost' ? 'DefaultAndLocalhost skips verification for localhost, 127.0.0.1 and ::1 and matches wildcards more loosely than Strict'
    : `"${oneLine(v)}" is not a hostname verifier Carbon knows (Strict, DefaultAndLocalhost, AllowAll)`;
  return { severity: lower === 'allowall' ? 'error' : 'warning', message: `-D${VERIFIER}=${oneLine(v)}: ${problem}. Use Strict.` };
}

export default defineRule({
  meta: {
    id: 'jvm-hostname-verification',
    title: 'Hostname verification weakened in the startup script',
    guideline: 'Enable hostname verification',
    guidelineId: 'G15',
    severity: 'warning',
    kind: 'shell',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds product startup scripts (`.sh` and `.bat`) whose java launch command does not end up with `-Dhttpclient.hostnameVerifier=Strict` (AllowAll is an error, DefaultAndLocalhost or no value a warning), or that pass `-Dorg.wso2.ignoreHostnameVerification=true` or `-Dorg.opensaml.httpclient.https.disableHostnameVerification=true`, `-Dfeign.httpclient.disableSslValidation=true` (Feign trusts any certificate), `-Djdk.internal.httpclient.disableHostnameVerification=true`. Flags that `JAVA_OPTS`/`CMD_LINE_ARGS` assignments in the script add count, in order: the last one wins (an assignment in a branch a plain start does not take — the `--debug` or `stop` arm, `if [ -n "$X" ]`; in a `.bat`, an `if "%1"=="--debug" ( … )` block, `if defined X`, or a `:label` section only such arms jump to — does not count), and because every Carbon script expands `$JAVA_OPTS` before its own flags, a `Strict` in JAVA_OPTS is overridden by the script\'s `AllowAll` line (the finding says so and points at both).',
      why: 'Without hostname verification a TLS connection accepts a valid certificate issued for any other host, so anyone who can intercept the traffic to a backend, key manager or identity provider can impersonate it. API Manager ships with `AllowAll`, Identity Server with `DefaultAndLocalhost`, Micro Integrator with nothing.',
      example: {
        bad: '    $JAVA_OPTS \\\n    -Dorg.opensaml.httpclient.https.disableHostnameVerification=true \\\n    -Dhttpclient.hostnameVerifier=AllowAll \\\n    org.wso2.carbon.bootstrap.Bootstrap $*',
        good: '    $JAVA_OPTS \\\n    -Dorg.opensaml.httpclient.https.disableHostnameVerification=false \\\n    -Dhttpclient.hostnameVerifier=Strict \\\n    org.wso2.carbon.bootstrap.Bootstrap $*',
      },
      fix: 'The quick fix rewrites the value where it is written (AllowAll or DefaultAndLocalhost → `Strict`, `true` → `false`), or adds `-Dhttpclient.hostnameVerifier=Strict` before the Bootstrap class. It is marked for review and not applied by `--fix`: with Strict, calls to backends whose certificate does not name the host they are called by (including `127.0.0.1` with a `localhost` certificate, or multi-level wildcards) start failing, so check the endpoints first. Setting Strict in JAVA_OPTS does not help while the script\'s own line comes later.',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    // Carbon kernels before 4.4.17 (API-M 2.1, IS 5.3, EI 6.1.1, ESB 5.0) do not read httpclient.hostnameVerifier:
    // there only ignoreHostnameVerification (below) matters, and asking for Strict would be wrong.
    // A Carbon 4.4 home whose kernel cannot be told (EI 6.1.1's analytics profile calls itself 6.0.0): a value written
    // is still judged, but a missing Strict is not asked for — the kernel may not read the flag at all.
    const readsVerifier = legacyKernelAtLeast(ctx.product.legacy, HOSTNAME_VERIFIER_SINCE);
    if (readsVerifier !== false) checkFlag(ctx, {
      name: VERIFIER,
      to: 'Strict',
      missing: ctx.product.legacy && readsVerifier === undefined ? undefined
        : `The java launch command does not set ${STRICT_FLAG}: Carbon's HTTP clients use their default, non-strict hostname verification.`,
      judge: verifierFinding,
      safe: false,
      review: REVIEW,
    });
    for (const d of DISABLERS) {
      checkFlag(ctx, {
        name: d.name,
        to: 'false',
        judge: (v) => (v.toLowerCase() === 'true' ? { message: `-D${d.name}=true ${d.what}. Set it to false or remove it.`, severity: d.severity } : undefined),
        safe: false,
        review: REVIEW,
      });
    }
  },
  cases: {
    valid: [
      { code: '#!/bin/sh\n$JAVACMD $JAVA_OPTS -Dhttpclient.hostnameVerifier=Strict org.wso2.carbon.bootstrap.Bootstrap $*\n' },
      {
        name: 'Strict only through JAVA_OPTS, nothing later overrides it',
        code: '#!/bin/sh\nJAVA_OPTS="$JAVA_OPTS -Dhttpclient.hostnameVerifier=Strict"\n    $JAVACMD \\\n    $JAVA_OPTS \\\n    org.wso2.micro.integrator.bootstrap.Bootstrap $*\n',
        fileName: 'micro-integrator.sh',
      },
      {
        name: 'AllowAll earlier is overridden by a later Strict',
        code: '#!/bin/sh\nJAVA_OPTS="-Dhttpclient.hostnameVerifier=AllowAll"\n$JAVACMD $JAVA_OPTS -Dhttpclient.hostnameVerifier=Strict -Dorg.wso2.ignoreHostnameVerification=false org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'batch, quoted Strict',
        fileName: 'wso2server.bat',
        code: 'set CMD_LINE_ARGS=%JAVA_OPTS% -Dhttpclient.hostnameVerifier="Strict"\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
      {
        name: 'AllowAll only in the --debug arm: a plain start keeps Strict',
        code: '#!/bin/sh\nJAVA_OPTS="$JAVA_OPTS -Dhttpclient.hostnameVerifier=Strict"\nif [ "$CMD" = "--debug" ]; then\n  JAVA_OPTS="$JAVA_OPTS -Dhttpclient.hostnameVerifier=AllowAll"\nfi\n$JAVACMD $JAVA_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'AllowAll only in a case arm for --stop',
        code: '#!/bin/sh\nJAVA_OPTS="-Dhttpclient.hostnameVerifier=Strict"\ncase "$1" in\n  --stop|stop)\n    JAVA_OPTS="$JAVA_OPTS -Dhttpclient.hostnameVerifier=AllowAll" ;;\n  *) ;;\nesac\n$JAVACMD $JAVA_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'AllowAll only when an opt-in variable is set',
        code: '#!/bin/sh\nJAVA_OPTS="-Dhttpclient.hostnameVerifier=Strict"\nif [ -n "$DEV_MODE" ]; then JAVA_OPTS="$JAVA_OPTS -Dhttpclient.hostnameVerifier=AllowAll"; fi\n$JAVACMD $JAVA_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'batch: AllowAll only in an if "%1"=="--debug" ( … ) block',
        fileName: 'wso2server.bat',
        code: 'set JAVA_OPTS=-Dhttpclient.hostnameVerifier=Strict\r\nif "%1"=="--debug" (\r\n  set JAVA_OPTS=%JAVA_OPTS% -Dhttpclient.hostnameVerifier=AllowAll\r\n)\r\nset CMD_LINE_ARGS=%JAVA_OPTS%\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
      {
        name: 'batch: AllowAll only in the :commandDebug section that only the --debug goto reaches',
        fileName: 'wso2server.bat',
        code: 'set JAVA_OPTS=-Dhttpclient.hostnameVerifier=Strict\r\nif ""%1""==""--debug"" goto commandDebug\r\nif /i "%1" EQU "stop" goto stopServer\r\ngoto runServer\r\n:commandDebug\r\nset JAVA_OPTS=%JAVA_OPTS% -Dhttpclient.hostnameVerifier=AllowAll\r\ngoto runServer\r\n:stopServer\r\nset JAVA_OPTS=-Dhttpclient.hostnameVerifier=AllowAll\r\ngoto end\r\n:runServer\r\nset CMD_LINE_ARGS=%JAVA_OPTS%\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n:end\r\n',
      },
      {
        name: 'batch: AllowAll only when an opt-in variable is defined (one-line if)',
        fileName: 'wso2server.bat',
        code: 'set JAVA_OPTS=-Dhttpclient.hostnameVerifier=Strict\r\nif defined DEV_MODE set JAVA_OPTS=%JAVA_OPTS% -Dhttpclient.hostnameVerifier=AllowAll\r\nset CMD_LINE_ARGS=%JAVA_OPTS%\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
    ],
    invalid: [
      {
        name: 'batch: AllowAll in the else arm of a --debug test, and in a label section the plain start falls into',
        fileName: 'wso2server.bat',
        code: 'if "%1"=="--debug" (\r\n  set JAVA_OPTS=-Dhttpclient.hostnameVerifier=Strict\r\n) else (\r\n  set JAVA_OPTS=-Dhttpclient.hostnameVerifier=AllowAll\r\n)\r\nif ""%1""==""--debug"" goto commandDebug\r\n:commandDebug\r\nset CMD_LINE_ARGS=%JAVA_OPTS%\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
        errors: [{ range: [3, 16, 3, 54], severity: 'error', message: /AllowAll turns hostname verification off/ }],
        output: 'if "%1"=="--debug" (\r\n  set JAVA_OPTS=-Dhttpclient.hostnameVerifier=Strict\r\n) else (\r\n  set JAVA_OPTS=-Dhttpclient.hostnameVerifier=Strict\r\n)\r\nif ""%1""==""--debug"" goto commandDebug\r\n:commandDebug\r\nset CMD_LINE_ARGS=%JAVA_OPTS%\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
      {
        name: 'batch: a goto to a label that is not there: sections are not judged, the debug section counts',
        fileName: 'wso2server.bat',
        code: 'set JAVA_OPTS=-Dhttpclient.hostnameVerifier=Strict\r\nif ""%1""==""--debug"" goto commandDebug\r\ngoto %NEXT%\r\n:commandDebug\r\nset JAVA_OPTS=%JAVA_OPTS% -Dhttpclient.hostnameVerifier=AllowAll\r\nset CMD_LINE_ARGS=%JAVA_OPTS%\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
        errors: [{ range: [4, 26, 4, 64], severity: 'error', message: /AllowAll turns hostname verification off.*overrides the Strict set/ }],
        output: 'set JAVA_OPTS=-Dhttpclient.hostnameVerifier=Strict\r\nif ""%1""==""--debug"" goto commandDebug\r\ngoto %NEXT%\r\n:commandDebug\r\nset JAVA_OPTS=%JAVA_OPTS% -Dhttpclient.hostnameVerifier=Strict\r\nset CMD_LINE_ARGS=%JAVA_OPTS%\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
      {
        name: 'AllowAll in a default-value branch (-z) and in the catch-all case arm: both run on a plain start',
        code: '#!/bin/sh\nif [ -z "$JAVA_OPTS" ]; then\n  JAVA_OPTS="-Dhttpclient.hostnameVerifier=Strict"\nfi\ncase "$1" in\n  --debug) ;;\n  *) JAVA_OPTS="$JAVA_OPTS -Dhttpclient.hostnameVerifier=AllowAll" ;;\nesac\n$JAVACMD $JAVA_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [{ range: [6, 27, 6, 65], severity: 'error', message: /AllowAll turns hostname verification off.*overrides the Strict set/ }],
        output: '#!/bin/sh\nif [ -z "$JAVA_OPTS" ]; then\n  JAVA_OPTS="-Dhttpclient.hostnameVerifier=Strict"\nfi\ncase "$1" in\n  --debug) ;;\n  *) JAVA_OPTS="$JAVA_OPTS -Dhttpclient.hostnameVerifier=Strict" ;;\nesac\n$JAVACMD $JAVA_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'Feign told to skip certificate validation',
        code: '#!/bin/sh\n$JAVACMD -Dhttpclient.hostnameVerifier=Strict -Dfeign.httpclient.disableSslValidation=true org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [{ range: [1, 46, 1, 90], severity: 'error', message: /feign\.httpclient\.disableSslValidation=true turns off certificate and hostname validation/ }],
        output: '#!/bin/sh\n$JAVACMD -Dhttpclient.hostnameVerifier=Strict -Dfeign.httpclient.disableSslValidation=false org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'API Manager as shipped: AllowAll and OpenSAML verification off',
        code: '#!/bin/sh\n    $JAVACMD \\\n    $JAVA_OPTS \\\n    -Dorg.opensaml.httpclient.https.disableHostnameVerification=true \\\n    -Dhttpclient.hostnameVerifier=AllowAll \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [
          { range: [3, 4, 3, 68], severity: 'warning', message: "OpenSAML's HTTP client" },
          { range: [4, 4, 4, 42], severity: 'error', message: /AllowAll turns hostname verification off.*Setting it in JAVA_OPTS would not help/ },
        ],
        output: '#!/bin/sh\n    $JAVACMD \\\n    $JAVA_OPTS \\\n    -Dorg.opensaml.httpclient.https.disableHostnameVerification=false \\\n    -Dhttpclient.hostnameVerifier=Strict \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'Strict in JAVA_OPTS overridden by the script\'s AllowAll line',
        code: '#!/bin/sh\nJAVA_OPTS="$JAVA_OPTS -Dhttpclient.hostnameVerifier=Strict"\n    $JAVACMD \\\n    $JAVA_OPTS \\\n    -Dhttpclient.hostnameVerifier=AllowAll \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [{ range: [4, 4, 4, 42], severity: 'error', message: /overrides the Strict set in JAVA_OPTS \(line 2\): for the same property the later flag wins, and \$JAVA_OPTS is expanded before/ }],
        output: '#!/bin/sh\nJAVA_OPTS="$JAVA_OPTS -Dhttpclient.hostnameVerifier=Strict"\n    $JAVACMD \\\n    $JAVA_OPTS \\\n    -Dhttpclient.hostnameVerifier=Strict \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'Identity Server as shipped: quoted DefaultAndLocalhost',
        code: '#!/bin/sh\n$JAVACMD -Dhttpclient.hostnameVerifier="DefaultAndLocalhost" org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [{ range: [1, 9, 1, 60], severity: 'warning', message: 'DefaultAndLocalhost skips verification' }],
        output: '#!/bin/sh\n$JAVACMD -Dhttpclient.hostnameVerifier="Strict" org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'Micro Integrator as shipped: not set',
        fileName: 'micro-integrator.sh',
        code: '#!/bin/sh\n    $JAVACMD \\\n    $JAVA_OPTS \\\n    org.wso2.micro.integrator.bootstrap.Bootstrap $*\n',
        errors: [{ range: [1, 4, 1, 12], severity: 'warning', message: 'does not set -Dhttpclient.hostnameVerifier=Strict' }],
        output: '#!/bin/sh\n    $JAVACMD \\\n    $JAVA_OPTS \\\n    -Dhttpclient.hostnameVerifier=Strict \\\n    org.wso2.micro.integrator.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'old kernel .bat: ignoreHostnameVerification=true in CMD_LINE_ARGS',
        fileName: 'wso2server.bat',
        code: 'set CMD_LINE_ARGS=-Xms256m %JAVA_OPTS% -DworkerNode=false -Dorg.wso2.ignoreHostnameVerification=true -Dhttpclient.hostnameVerifier=Strict\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
        errors: [{ range: [0, 58, 0, 100], severity: 'error', message: /ignoreHostnameVerification=true turns off.*would not help/ }],
        output: 'set CMD_LINE_ARGS=-Xms256m %JAVA_OPTS% -DworkerNode=false -Dorg.wso2.ignoreHostnameVerification=false -Dhttpclient.hostnameVerifier=Strict\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
    ],
  },
});
