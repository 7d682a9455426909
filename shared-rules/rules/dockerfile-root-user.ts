import { defineRule, type Fix } from '../engine/rule';
import type { DockerfileDocument, DockerInstruction } from '../parsers/dockerfile/model';
import { analyzeImage, shown } from './util/image-user';

/** The non-root id the quick fix writes: the vendor images' own (wso2/docker-apim `ARG USER_ID=10001`). */
const NON_ROOT_ID = '10001';

/** The first ENTRYPOINT or CMD of the final stage: where a USER must come before (undefined: no safe place). */
function startOfRun(doc: DockerfileDocument): DockerInstruction | undefined {
  const final = doc.stages[doc.stages.length - 1];
  return final.instructions.find((i) => i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD');
}

export default defineRule({
  meta: {
    id: 'dockerfile-root-user',
    title: 'Product image runs as root',
    guideline: 'Run product processes with a specific OS-level user',
    guidelineId: 'G28',
    severity: 'warning',
    kind: 'dockerfile',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds Dockerfiles whose final stage runs a product (a vendor product base image, a product pack brought in by `COPY`/`ADD`/`RUN`, or an `ENTRYPOINT`/`CMD` that starts a product script) as root: `USER root`, `USER 0`, `USER 0:0` (also through `ARG`/`ENV` defaults such as `USER ${USER_ID}`), or no `USER` at all on a base image known to run as root (ubuntu, alpine, eclipse-temurin, … — shared-rules/data/container-images.ts). Only the final stage counts; `FROM <stage>` inherits that stage\'s user. A vendor image (wso2/wso2am, registry.wso2.com/…) already runs as the non-root wso2carbon user, so an image derived from it without `USER` is quiet. When the base image\'s user is not known and the image clearly runs a product, an information finding says so: CarbonLint cannot tell.',
      why: 'A product process running as root turns any code-execution flaw in the product into full control of the container, and of the host where the container runtime allows it. The guideline asks for a dedicated OS-level user.',
      example: {
        bad: 'FROM eclipse-temurin:21-jre\nCOPY wso2am-4.2.0 /opt/wso2am-4.2.0\nCMD ["/opt/wso2am-4.2.0/bin/api-manager.sh"]',
        good: 'FROM eclipse-temurin:21-jre\nRUN useradd --system -u 10001 wso2carbon\nCOPY --chown=10001 wso2am-4.2.0 /opt/wso2am-4.2.0\nUSER 10001\nCMD ["/opt/wso2am-4.2.0/bin/api-manager.sh"]',
      },
      fix: 'Create a user for the product, give it the product home (`COPY --chown=…`, `chown -R`) and set `USER <that user>` in the final stage. The quick fix changes `USER root`/`USER 0` in the final stage to `USER 10001`, or adds `USER 10001` before the final stage\'s first `ENTRYPOINT`/`CMD` (at the end of the file when the stage has none); review it: the product home must be writable by that id (the vendor images use 10001 with `--chown`). A `--build-arg` that changes the user at build time cannot be seen from the file.',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    const a = analyzeImage(doc);
    if (!a?.product) return;
    const { user } = a;
    const why = `the image runs a product (${a.product.what})`;
    if (user.verdict === 'root' && user.user) {
      const inFinal = user.user.stage === a.final;
      const fix: Fix | undefined = inFinal
        ? { title: `Run the product as user ${NON_ROOT_ID} (review: the product home must be writable by it)`, safe: false, edits: [{ ...user.user.word.span, newText: NON_ROOT_ID }] }
        : undefined;
      const said = user.user.word.value === user.user.value ? `USER ${shown(user.user.word.raw)}` : `USER ${shown(user.user.word.raw)} (= ${shown(user.user.value)})`;
      ctx.report({
        span: user.user.word.span,
        message: `${said} makes the final stage run as root, and ${why}: set a non-root user.${inFinal ? '' : ' The final stage inherits it from this stage.'}`,
        fix,
      });
      return;
    }
    if (user.verdict === 'unknown' && user.user) return; // a USER CarbonLint cannot resolve: the author chose one
    if (!user.base) return;
    const from = a.final.from;
    const at = a.final.image?.span ?? from.keywordSpan;
    const run = startOfRun(doc);
    if (user.verdict === 'root') {
      const lineStart = run ? ctx.text.lastIndexOf('\n', run.keywordSpan.start - 1) + 1 : -1;
      const indent = run ? ctx.text.slice(lineStart, run.keywordSpan.start) : '';
      const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
      // Before the final stage's ENTRYPOINT/CMD; without one (the base image's is inherited), at the end of the file.
      const end = ctx.text.length;
      const fix: Fix | undefined = run
        ? /^[ \t]*$/.test(indent)
          ? { title: `Add USER ${NON_ROOT_ID} before ${run.keyword} (review: the product home must be writable by it)`, safe: false, edits: [{ start: lineStart, end: lineStart, newText: `${indent}USER ${NON_ROOT_ID}${eol}` }] }
          : undefined
        : { title: `Add USER ${NON_ROOT_ID} at the end of the final stage (review: the product home must be writable by it)`, safe: false, edits: [{ start: end, end, newText: `${end && !/[\r\n]$/.test(ctx.text) ? eol : ''}USER ${NON_ROOT_ID}${eol}` }] };
      ctx.report({
        span: at,
        message: `No USER in the final stage: ${why} as root, the default user of ${shown(user.base.ref)}. Set a non-root user.`,
        fix,
      });
      return;
    }
    if (user.verdict === 'unknown') {
      ctx.report({
        span: at,
        severity: 'info',
        undecided: true,
        message: `Cannot tell which user runs the product: ${why}, the final stage sets no USER, and the default user of ${shown(user.base.ref) || 'the base image'} is not known to CarbonLint. Set a non-root USER to make it explicit.`,
      });
    }
  },
  cases: {
    valid: [
      { name: 'vendor-style image with ARG-substituted user', code: 'FROM ubuntu:24.04\nARG USER_ID=10001\nCOPY wso2am-4.2.0.zip /tmp/\nUSER ${USER_ID}\nENTRYPOINT ["/home/wso2carbon/docker-entrypoint.sh"]\n' },
      { name: 'derived from a vendor image without USER', code: 'FROM registry.wso2.com/wso2-apim/am:4.7.0.0\nADD --chown=wso2carbon:wso2 https://example.org/x.jar /x/\n' },
      { name: 'derived from wso2/wso2is', code: 'FROM wso2/wso2is:7.0.0\nCOPY deployment.toml /home/wso2carbon/wso2is-7.0.0/repository/conf/\n' },
      { name: 'unrelated image running as root', code: 'FROM ubuntu:24.04\nRUN apt-get install -y nginx\nUSER root\nCMD ["nginx"]\n' },
      { name: 'root only in a build stage', code: 'FROM ubuntu AS build\nUSER root\nRUN unzip wso2mi-4.3.0.zip -d /opt\nFROM eclipse-temurin:21\nCOPY --from=build /opt/wso2mi-4.3.0 /opt/wso2mi-4.3.0\nUSER 10001\nCMD ["/opt/wso2mi-4.3.0/bin/micro-integrator.sh"]\n' },
      { name: 'unresolvable USER', code: 'FROM ubuntu\nCOPY wso2is-7.0.0 /opt/wso2is-7.0.0\nUSER $RUNTIME_USER\n' },
      { name: 'USER in a heredoc is not an instruction', code: 'FROM wso2/wso2am:4.2.0\nRUN <<EOF\nUSER root\nEOF\n' },
      { name: 'root, then a non-root user later', code: 'FROM ubuntu\nUSER root\nCOPY wso2am-4.2.0 /opt/wso2am-4.2.0\nUSER wso2carbon\n' },
    ],
    invalid: [
      {
        name: 'USER root in the final stage',
        code: 'FROM wso2/wso2am:4.2.0\nUSER root\nRUN apt-get update\n',
        errors: [{ range: [1, 5, 1, 9], message: 'USER root makes the final stage run as root' }],
        output: 'FROM wso2/wso2am:4.2.0\nUSER 10001\nRUN apt-get update\n',
      },
      {
        name: 'USER 0:0 through an ARG default, over a continuation',
        code: 'FROM ubuntu:24.04\nARG RUN_AS=0:0\nCOPY wso2is-7.0.0.zip \\\n  /tmp/\nUSER ${RUN_AS}\n',
        errors: [{ range: [4, 5, 4, 14], message: 'USER ${RUN_AS} (= 0:0)' }],
        output: 'FROM ubuntu:24.04\nARG RUN_AS=0:0\nCOPY wso2is-7.0.0.zip \\\n  /tmp/\nUSER 10001\n',
      },
      {
        name: 'no USER on a root base image: USER added before CMD',
        code: 'FROM eclipse-temurin:21-jre\nCOPY wso2am-4.2.0 /opt/wso2am-4.2.0\nCMD ["/opt/wso2am-4.2.0/bin/api-manager.sh"]\n',
        errors: [{ range: [0, 5, 0, 27], message: 'the default user of eclipse-temurin:21-jre' }],
        output: 'FROM eclipse-temurin:21-jre\nCOPY wso2am-4.2.0 /opt/wso2am-4.2.0\nUSER 10001\nCMD ["/opt/wso2am-4.2.0/bin/api-manager.sh"]\n',
      },
      {
        name: 'no ENTRYPOINT/CMD in the final stage: USER added at the end',
        code: 'FROM ubuntu:24.04\nRUN wget https://example.org/wso2is-7.0.0.zip && unzip wso2is-7.0.0.zip',
        errors: [{ range: [0, 5, 0, 17], message: 'RUN brings in the product pack wso2is-7.0.0' }],
        output: 'FROM ubuntu:24.04\nRUN wget https://example.org/wso2is-7.0.0.zip && unzip wso2is-7.0.0.zip\nUSER 10001\n',
      },
      {
        name: 'multi-stage: the final stage inherits root from its parent stage',
        code: 'FROM ubuntu AS base\nUSER 0\nFROM base\nCOPY wso2mi-4.3.0 /opt/wso2mi-4.3.0\n',
        errors: [{ range: [1, 5, 1, 6], message: 'inherits it from this stage' }],
      },
      {
        name: 'entrypoint starts a product script, base image unknown: cannot tell',
        code: 'FROM myorg/java:17\nENTRYPOINT ["/opt/wso2/bin/wso2server.sh"]\n',
        errors: [{ range: [0, 5, 0, 18], message: 'Cannot tell which user runs the product', severity: 'info' }],
      },
    ],
  },
});
