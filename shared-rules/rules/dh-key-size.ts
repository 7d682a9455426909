import { defineRule } from '../engine/rule';
import { insertFlag, productLaunches, sysProp } from './util/jvm';

const MIN_BITS = 2048;
const FLAG = `-Djdk.tls.ephemeralDHKeySize=${MIN_BITS}`;

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
      what: 'Finds product startup scripts whose java launch command does not set `-Djdk.tls.ephemeralDHKeySize` to 2048 bits or more.',
      why: 'Small ephemeral Diffie-Hellman keys make TLS handshakes vulnerable to attacks such as Logjam. The JVM\'s default for DHE suites is weaker than 2048 bits on older JDKs.',
      example: {
        bad: '    $JAVACMD \\\n    $JAVA_OPTS \\\n    org.wso2.carbon.bootstrap.Bootstrap $*',
        good: '    $JAVACMD \\\n    $JAVA_OPTS \\\n    -Djdk.tls.ephemeralDHKeySize=2048 \\\n    org.wso2.carbon.bootstrap.Bootstrap $*',
      },
      fix: 'The quick fix adds `-Djdk.tls.ephemeralDHKeySize=2048` as its own line in the launch command, just before the Bootstrap class, or raises a smaller value to 2048.',
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    for (const launch of productLaunches(ctx.model.doc)) {
      const prop = sysProp(launch, 'jdk.tls.ephemeralDHKeySize');
      if (!prop) {
        const edit = insertFlag(ctx.text, launch, FLAG);
        ctx.report({
          span: launch.command.span,
          message: `The java launch command does not set ${FLAG}: ephemeral DH keys use the JVM default.`,
          fix: edit && { title: `Add ${FLAG}`, edits: [edit], safe: true, preferred: true },
        });
        continue;
      }
      const v = prop.value.trim();
      if (v === 'matched' || (/^\d+$/.test(v) && Number(v) >= MIN_BITS)) continue;
      ctx.report({
        span: prop.word.span,
        message: `-Djdk.tls.ephemeralDHKeySize is ${/^\d+$/.test(v) ? `${v} bits` : `"${v}"`}; use ${MIN_BITS} or more.`,
        fix: { title: `Set it to ${MIN_BITS}`, edits: [{ start: prop.valueStart, end: prop.valueEnd, newText: String(MIN_BITS) }], safe: true, preferred: true },
      });
    }
  },
  cases: {
    valid: [
      { code: '#!/bin/sh\n    $JAVACMD \\\n    -Djdk.tls.ephemeralDHKeySize=2048 \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n' },
      { code: '#!/bin/sh\n$JAVACMD -Djdk.tls.ephemeralDHKeySize=4096 org.wso2.micro.integrator.bootstrap.Bootstrap $*\n', fileName: 'micro-integrator.sh' },
      { name: 'not a product script', code: '#!/bin/sh\njava -jar tool.jar\n', fileName: 'other.sh' },
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
    ],
  },
});
