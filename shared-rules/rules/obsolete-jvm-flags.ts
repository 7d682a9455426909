import { defineRule } from '../engine/rule';
import { productLaunches, removeFlag, whereIs } from './util/jvm';
import { launchFlags } from './util/jvm-flags';
import { dialectOf } from './util/shell-values';
import { underJavaVersionTest } from './util/script-guards';

// PermGen was removed in JDK 8: HotSpot ignores these with a warning. Every deployment.toml-era product
// needs JDK 8 or later, so they only add noise and mislead whoever tunes memory.
const OBSOLETE = /^-XX:(MaxPermSize|PermSize)=/;

export default defineRule({
  meta: {
    id: 'obsolete-jvm-flags',
    title: 'Obsolete PermGen JVM flag',
    guideline: 'Set appropriate JVM parameters',
    guidelineId: 'G22',
    severity: 'warning',
    kind: 'shell',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds `-XX:MaxPermSize` and `-XX:PermSize` on a product\'s java launch command, written there or added by a variable such as `JVM_MEM_OPTS` or `CMD_LINE_ARGS`, unless the line only runs for a Java older than 8 (the shipped `if [ "$java_version" \\< "1.8" ]` branch).',
      why: 'The guideline notes that PermGen settings are not needed from JDK 8 on: the permanent generation is gone, the JVM ignores the flags with a warning, and memory tuning that relies on them does nothing (Metaspace is sized with `-XX:MaxMetaspaceSize`).',
      example: {
        bad: 'set CMD_LINE_ARGS=-Xms256m -Xmx1024m -XX:MaxPermSize=256m -XX:+HeapDumpOnOutOfMemoryError',
        good: 'set CMD_LINE_ARGS=-Xms256m -Xmx1024m -XX:+HeapDumpOnOutOfMemoryError',
      },
      fix: 'The quick fix removes the flag (its whole line when it stands alone on a continuation line). It changes nothing the JVM does.',
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    const { doc } = ctx.model;
    const dialect = dialectOf(doc);
    const done = new Set<number>(); // a flag reached from two launches is reported once
    for (const launch of productLaunches(doc)) {
      for (const f of launchFlags(doc, launch).flags) {
        if (!OBSOLETE.test(f.word.text) || done.has(f.word.span.start)) continue;
        done.add(f.word.span.start);
        if (underJavaVersionTest(ctx.text, f.word.span.start, dialect)) continue;
        const flag = f.word.text.replace(/=.*/, '');
        ctx.report({
          span: f.word.span,
          message: `${flag} ${whereIs(ctx.text, f).replace(/ \(.*/, '')} is obsolete: PermGen was removed in JDK 8 and the JVM ignores it. Remove it (-XX:MaxMetaspaceSize caps class metadata, if that is what it was for).`,
          fix: { title: `Remove ${flag}`, edits: [removeFlag(ctx.text, f.word)], safe: true, preferred: true },
        });
      }
    }
  },
  cases: {
    valid: [
      {
        name: 'shipped: only for Java older than 1.8',
        code: '#!/bin/sh\nif [ -z "$JVM_MEM_OPTS" ]; then\n   JVM_MEM_OPTS="-Xms256m -Xmx1024m"\n   if [ "$java_version" \\< "1.8" ]; then\n      JVM_MEM_OPTS="$JVM_MEM_OPTS -XX:MaxPermSize=256m"\n   fi\nfi\n$JAVACMD $JVM_MEM_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'batch: guarded on the same line',
        fileName: 'wso2server.bat',
        code: 'if %JAVA_VERSION% LSS 18 set MEM=-XX:MaxPermSize=256m\r\n"%JAVA_HOME%\\bin\\java" %MEM% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
      { name: 'after the main class it is a program argument', code: '#!/bin/sh\njava org.wso2.carbon.bootstrap.Bootstrap -XX:MaxPermSize=1m\n' },
    ],
    invalid: [
      {
        name: 'on its own continuation line',
        code: '#!/bin/sh\n    $JAVACMD \\\n    -Xmx1024m \\\n    -XX:MaxPermSize=256m \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [{ range: [3, 4, 3, 24], message: '-XX:MaxPermSize on the java command is obsolete' }],
        output: '#!/bin/sh\n    $JAVACMD \\\n    -Xmx1024m \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'unguarded in JVM_MEM_OPTS',
        code: '#!/bin/sh\nJVM_MEM_OPTS="-Xms256m -Xmx1024m -XX:PermSize=128m"\n$JAVACMD $JVM_MEM_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [{ range: [1, 33, 1, 50], message: '-XX:PermSize in JVM_MEM_OPTS is obsolete' }],
        output: '#!/bin/sh\nJVM_MEM_OPTS="-Xms256m -Xmx1024m"\n$JAVACMD $JVM_MEM_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      {
        name: 'Carbon 4.4 kernel .bat: in CMD_LINE_ARGS',
        fileName: 'wso2server.bat',
        code: '@echo off\r\nset CMD_LINE_ARGS=-Xms256m -Xmx1024m -XX:MaxPermSize=256m -XX:+HeapDumpOnOutOfMemoryError %JAVA_OPTS%\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
        errors: [{ range: [1, 37, 1, 57], message: '-XX:MaxPermSize in CMD_LINE_ARGS is obsolete' }],
        output: '@echo off\r\nset CMD_LINE_ARGS=-Xms256m -Xmx1024m -XX:+HeapDumpOnOutOfMemoryError %JAVA_OPTS%\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
    ],
  },
});
