import { defineRule } from '../engine/rule';
import { productLaunches, whereIs } from './util/jvm';
import { launchFlags, type JvmFlag } from './util/jvm-flags';

// A maximum heap is set by -Xmx (or its long form) or, in containers, relative to the RAM limit.
const MAX_HEAP = /^(-Xmx|-XX:MaxHeapSize=|-XX:MaxRAMPercentage=|-XX:MaxRAMFraction=|-XX:MaxRAM=)/;
const UNITS: Record<string, number> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/** Bytes of `-Xmx1024m`-style sizes; undefined when not a plain size (e.g. `$HEAP`). */
function bytes(size: string): number | undefined {
  const m = /^(\d+)([kmgt]?)$/i.exec(size);
  return m ? Number(m[1]) * UNITS[m[2].toLowerCase()] : undefined;
}

/** The last flag with this prefix (the JVM keeps the last). */
function last(flags: readonly JvmFlag[], prefix: string): JvmFlag | undefined {
  for (let i = flags.length - 1; i >= 0; i--) if (flags[i].word.text.startsWith(prefix)) return flags[i];
  return undefined;
}

export default defineRule({
  meta: {
    id: 'jvm-heap-settings',
    title: 'JVM heap not set, or set inconsistently',
    guideline: 'Set appropriate JVM parameters',
    guidelineId: 'G22',
    severity: 'info',
    kind: 'shell',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds product startup scripts (`.sh` and `.bat`) whose java launch command sets no maximum heap (`-Xmx`, `-XX:MaxHeapSize`, `-XX:MaxRAMPercentage`…), neither directly nor through a variable assigned in the script such as `JVM_MEM_OPTS` or `CMD_LINE_ARGS` (info), and those whose `-Xms` is larger than `-Xmx` (error: the JVM refuses to start).',
      why: 'The guideline asks for JVM parameters that fit the machine (its example: `-Xmx2048m` needs about 4 GB of physical memory). Without a heap setting the JVM picks a quarter of the RAM it sees, which on a shared host or in a container is rarely what the node was sized for. Whether a given size is right cannot be read from the file, so a present setting is not judged.',
      example: {
        bad: '    $JAVACMD \\\n    $JAVA_OPTS \\\n    org.wso2.carbon.bootstrap.Bootstrap $*',
        good: 'JVM_MEM_OPTS="-Xms256m -Xmx2048m"\n    $JAVACMD \\\n    $JVM_MEM_OPTS \\\n    $JAVA_OPTS \\\n    org.wso2.carbon.bootstrap.Bootstrap $*',
      },
      fix: 'No quick fix: choose sizes for the node (the shipped default is `JVM_MEM_OPTS="-Xms256m -Xmx1024m"`) and set them in `JVM_MEM_OPTS` (sh) or `CMD_LINE_ARGS` (.bat). A value given only in the `JAVA_OPTS` environment variable is invisible to the script, so this finding may be a reminder to check it.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    const { doc } = ctx.model;
    for (const launch of productLaunches(doc)) {
      const { flags } = launchFlags(doc, launch);
      if (!flags.some((f) => MAX_HEAP.test(f.word.text))) {
        ctx.report({
          span: launch.command.span,
          message: 'The java launch command sets no maximum heap (-Xmx), directly or through a variable set in this script: unless JAVA_OPTS from the environment does, the JVM takes a quarter of the machine\'s memory. Size it for the node.',
        });
        continue;
      }
      const xms = last(flags, '-Xms');
      const xmx = last(flags, '-Xmx');
      const min = xms && bytes(xms.word.text.slice(4));
      const max = xmx && bytes(xmx.word.text.slice(4));
      if (xms && xmx && min !== undefined && max !== undefined && min > max) {
        ctx.report({
          span: xms.word.span,
          severity: 'error',
          message: `${xms.word.text} is larger than ${xmx.word.text} ${whereIs(ctx.text, xmx)}: the JVM refuses to start ("Initial heap size set to a larger value than the maximum heap size").`,
          related: [{ span: xmx.word.span, message: `The maximum heap: ${xmx.word.text}.` }],
        });
      }
    }
  },
  cases: {
    valid: [
      {
        name: 'shipped: JVM_MEM_OPTS default in the script',
        code: '#!/bin/sh\nif [ -z "$JVM_MEM_OPTS" ]; then\n   JVM_MEM_OPTS="-Xms256m -Xmx1024m"\nfi\n    $JAVACMD \\\n    $JVM_MEM_OPTS \\\n    $JAVA_OPTS \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
      },
      { name: 'container sizing', code: '#!/bin/sh\njava -XX:MaxRAMPercentage=75.0 org.wso2.micro.integrator.bootstrap.Bootstrap\n', fileName: 'micro-integrator.sh' },
      {
        name: 'batch: in CMD_LINE_ARGS, built up over several lines',
        fileName: 'api-manager.bat',
        code: 'set CMD_LINE_ARGS=-Xbootclasspath/a:%CARBON_XBOOTCLASSPATH% -Xms256m -Xmx1024m\r\nset CMD_LINE_ARGS=%CMD_LINE_ARGS% -Dcarbon.home="%CARBON_HOME%"\r\n"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%\r\n',
      },
    ],
    invalid: [
      {
        name: 'no heap anywhere',
        code: '#!/bin/sh\n    $JAVACMD \\\n    $JAVA_OPTS \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [{ range: [1, 4, 1, 12], severity: 'info', message: 'sets no maximum heap' }],
      },
      {
        name: 'JVM_MEM_OPTS used but only set by the environment',
        code: '#!/bin/sh\n$JAVACMD $JVM_MEM_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [{ range: [1, 0, 1, 8], severity: 'info' }],
      },
      {
        name: '-Xms above -Xmx',
        code: '#!/bin/sh\nJVM_MEM_OPTS="-Xms4g -Xmx2048m"\n$JAVACMD $JVM_MEM_OPTS org.wso2.carbon.bootstrap.Bootstrap $*\n',
        errors: [{ range: [1, 14, 1, 20], severity: 'error', message: '-Xms4g is larger than -Xmx2048m in JVM_MEM_OPTS (line 2)' }],
      },
    ],
  },
});
