import { defineRule } from '../engine/rule';
import { eolOf } from '../engine/text';
import { addRunAsNonRoot, containerLabel, effective, imageLabel, inProductChart, productContainers } from './util/pod';

// G28 in Kubernetes: which user a product container's process runs as. `runAsUser` and `runAsNonRoot` come from the
// container's securityContext, else the pod's. Without either, the process runs as the image's USER: the vendor
// images set the non-root wso2carbon, so a vendor image is not root today — a hint that Kubernetes does not enforce
// it; for other images CarbonLint cannot tell and says so (information), never "runs as root".
const VENDOR_USER = 'the vendor images set the non-root user wso2carbon';

const DEPLOYMENT = (sc: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: wso2am
spec:
  template:
    spec:
      containers:
        - name: wso2am
          image: wso2/wso2am:4.2.0${sc}
`;

export default defineRule({
  meta: {
    id: 'container-runs-as-root',
    title: 'Product container may run as root',
    guideline: 'Run product processes with a specific OS-level user',
    guidelineId: 'G28',
    severity: 'warning',
    kind: 'pod',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'In Kubernetes manifests and Helm templates (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod), finds a container that runs a WSO2/MWARE product with `runAsUser: 0` (its own securityContext, or the pod\'s when the container does not override it), (a warning), with `runAsNonRoot: false` and no `runAsUser` (information: `false` is the default written out), or with neither set. A container runs a product when its image names one (`wso2/wso2am`, `docker.wso2.com/wso2is`, `mware/…`, `*apim*`), or when the image is template output not resolved here and the container\'s name names one (or it is the pod\'s one such main container in a chart whose Chart.yaml names a product). Sidecars and other images are not judged. Without `runAsUser`/`runAsNonRoot` the process runs as the image\'s USER: the vendor images set the non-root `wso2carbon`, so that case is a hint for vendor images and information (CarbonLint cannot tell) for others; it is not claimed where template output could set the user, or for a container without an image (a Kustomize patch onto a base this file does not show). An init container with a product image is judged only for `runAsUser: 0`, as information: it prepares the pod (often as root on purpose) and does not run the server. A `runAsUser` set in values.yaml is reported on the values line.',
      why: 'The guideline asks that product processes run as a dedicated operating-system user, never root: a process running as root in a container turns any remote code execution in the product into root in the container, one step from the node. `runAsNonRoot: true` makes the kubelet refuse to start a container whose user is root, whatever the image says.',
      example: {
        bad: DEPLOYMENT('\n          securityContext:\n            runAsUser: 0'),
        good: DEPLOYMENT('\n          securityContext:\n            runAsUser: 802\n            runAsNonRoot: true'),
      },
      fix: 'Set `runAsUser` to the product user\'s id (802 for wso2carbon in the vendor images; the API-M 4.7 images use 10001) and `runAsNonRoot: true` in the container\'s securityContext. The quick fix adds `runAsNonRoot: true` to the container\'s securityContext (creating it with the container\'s indentation), or turns `runAsNonRoot: false` into `true`; review it: the kubelet then refuses an image whose USER is root, or a user name it cannot verify as non-root (a non-numeric USER needs `runAsUser` too).',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    const { doc } = ctx.model;
    const eol = eolOf(ctx.text);
    for (const pc of productContainers(doc, () => inProductChart(ctx.fileName, ctx.resources))) {
      const who = containerLabel(pc);
      const user = effective(pc, 'runAsUser');
      const nonRoot = effective(pc, 'runAsNonRoot');
      const where = (level: string) => (level === 'pod' ? 'the pod securityContext, not overridden by the container' : 'its securityContext');
      if (user) {
        if (!user.field.known || user.field.value !== 0) continue;
        const refused = nonRoot?.field.known && nonRoot.field.value === true ? ' With `runAsNonRoot: true` as well, the kubelet refuses to start it.' : '';
        // An init container runs before the server (often as root on purpose, to prepare volumes): information.
        const init = pc.container.init ? ' It runs before the product server, not as it, but with the product image.' : '';
        ctx.report({ span: user.field.span, ...(init ? { severity: 'info' as const } : {}), message: `The ${who} runs ${init ? 'as root' : 'the product as root'}: \`runAsUser: 0\` in ${where(user.level)}.${refused}${init} Set runAsUser to the product user's id (802 for wso2carbon in the vendor images).` });
        continue;
      }
      const vendor = pc.image === 'vendor';
      if (nonRoot) {
        if (!nonRoot.field.known || nonRoot.field.value !== false) continue;
        const fix = nonRoot.level === 'container' ? { title: 'Set runAsNonRoot: true', edits: [{ ...nonRoot.field.span, newText: 'true' }], safe: false, preferred: true } : undefined;
        const known = vendor ? `it runs as its image's USER (${VENDOR_USER}), but nothing stops a root user` : `it runs as its image's USER, which CarbonLint cannot see (${imageLabel(pc)}), and nothing stops that from being root`;
        ctx.report({
          // `false` is Kubernetes' default, written out: what it allows is no worse than leaving it out, so information.
          span: nonRoot.field.span, severity: 'info',
          message: `The ${who} has \`runAsNonRoot: false\` in ${where(nonRoot.level)} and no runAsUser: ${known}. Set runAsNonRoot: true and runAsUser to the product user's id.`,
          ...(fix ? { fix } : {}),
        });
        continue;
      }
      // Neither is set: only when nothing unseen (template output, a securityContext from values) could set them, and
      // the container is whole — one without an image is a patch (Kustomize) merged onto a base this file does not show.
      const c = pc.container;
      if (doc.broken || c.init || !c.image || c.unknown || pc.workload.podUnknown || c.securityContext?.unknown || pc.workload.pod?.unknown) continue;
      const edit = addRunAsNonRoot(ctx.text, c, eol);
      const known = vendor
        ? `it runs as its image's USER, and ${VENDOR_USER}, so it is not root today; runAsNonRoot: true makes Kubernetes refuse a root user should the image change`
        : `it runs as its image's USER, and CarbonLint cannot tell whether that is root (${imageLabel(pc)})`;
      ctx.report({
        span: c.securityContext?.keySpan ?? c.anchor, severity: vendor ? 'hint' : 'info', undecided: !vendor,
        message: `The ${who} does not enforce a non-root user (no runAsNonRoot or runAsUser): ${known}.`,
        ...(edit ? { fix: { title: 'Add runAsNonRoot: true to the container securityContext', edits: [edit], safe: false, preferred: true } } : {}),
      });
    }
  },
  cases: {
    valid: [
      { name: 'vendor chart: runAsUser 802', code: DEPLOYMENT('\n          securityContext:\n            runAsUser: 802') },
      { name: 'runAsNonRoot true', code: DEPLOYMENT('\n          securityContext:\n            runAsNonRoot: true') },
      { name: 'pod-level runAsUser', code: DEPLOYMENT('').replace('      containers:', '      securityContext:\n        runAsUser: 802\n      containers:') },
      { name: 'container overrides a root pod user', code: DEPLOYMENT('\n          securityContext:\n            runAsUser: 10001').replace('      containers:', '      securityContext:\n        runAsUser: 0\n      containers:') },
      { name: 'an nginx sidecar runs as root: not a product', code: `${DEPLOYMENT('\n          securityContext:\n            runAsUser: 802')}        - name: proxy\n          image: nginx:1.27\n          securityContext:\n            runAsUser: 0\n` },
      { name: 'an unrelated Deployment', code: 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          securityContext:\n            runAsUser: 0\n' },
      { name: 'template output for the user is not a literal', code: DEPLOYMENT('\n          securityContext:\n            runAsUser: ${___________}') },
      { name: 'template output lines inside the container may hold a securityContext', code: DEPLOYMENT('\n${______________________________}') },
      { name: 'a container securityContext from template output may override a root pod user', code: DEPLOYMENT('\n          securityContext: ${__________}').replace('      containers:', '      securityContext:\n        runAsUser: 0\n      containers:') },
      { name: 'a Kustomize patch (no image) says nothing about what the base sets', code: 'kind: Deployment\nmetadata:\n  name: wso2am\nspec:\n  template:\n    spec:\n      containers:\n        - name: wso2am\n          resources:\n            limits:\n              memory: 4Gi\n' },
      { name: 'an init container with the product image and no user is not judged for what it leaves out', code: DEPLOYMENT('\n          securityContext:\n            runAsUser: 802').replace('      containers:', '      initContainers:\n        - name: init-wso2am\n          image: wso2/wso2am:4.2.0\n      containers:') },
      { name: 'a ConfigMap is not a pod spec', code: 'kind: ConfigMap\ndata:\n  image: wso2/wso2am\n  runAsUser: 0\n' },
    ],
    invalid: [
      {
        name: 'runAsUser 0 in the container',
        code: DEPLOYMENT('\n          securityContext:\n            runAsUser: 0'),
        errors: [{ range: [11, 23, 11, 24], severity: 'warning', message: 'The container `wso2am` of Deployment `wso2am` runs the product as root: `runAsUser: 0` in its securityContext.' }],
      },
      {
        name: 'runAsUser 0 in the pod, not overridden; runAsNonRoot true makes it fail to start',
        code: DEPLOYMENT('\n          securityContext:\n            runAsNonRoot: true').replace('      containers:', '      securityContext:\n        runAsUser: 0\n      containers:'),
        errors: [{ range: [8, 19, 8, 20], message: /the pod securityContext, not overridden by the container\. With `runAsNonRoot: true` as well, the kubelet refuses to start it/ }],
      },
      {
        name: 'runAsNonRoot false on a custom product image',
        code: DEPLOYMENT('\n          securityContext:\n            runAsNonRoot: false').replace('wso2/wso2am:4.2.0', 'acme/apim-custom:1'),
        errors: [{ range: [11, 26, 11, 31], severity: 'info', message: 'which CarbonLint cannot see (its image `acme/apim-custom`)' }],
        output: DEPLOYMENT('\n          securityContext:\n            runAsNonRoot: true').replace('wso2/wso2am:4.2.0', 'acme/apim-custom:1'),
      },
      {
        name: 'vendor image without runAsNonRoot or runAsUser: a hint, the securityContext is created',
        code: DEPLOYMENT(''),
        errors: [{ range: [8, 16, 8, 22], severity: 'hint', message: 'the vendor images set the non-root user wso2carbon, so it is not root today' }],
        output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: wso2am\nspec:\n  template:\n    spec:\n      containers:\n        - name: wso2am\n          securityContext:\n            runAsNonRoot: true\n          image: wso2/wso2am:4.2.0\n',
      },
      {
        name: 'template output at the container level does not repeat a literal securityContext',
        code: DEPLOYMENT('\n          securityContext:\n            readOnlyRootFilesystem: true\n          ${________________}'),
        errors: [{ range: [10, 10, 10, 25], severity: 'hint' }],
        output: DEPLOYMENT('\n          securityContext:\n            runAsNonRoot: true\n            readOnlyRootFilesystem: true\n          ${________________}'),
      },
      {
        name: 'unknown image, product container name, existing securityContext gets the key',
        code: 'kind: StatefulSet\nspec:\n  template:\n    spec:\n      containers:\n      - name: wso2is\n        image: ${____________}\n        securityContext:\n          readOnlyRootFilesystem: false\n',
        errors: [{ range: [7, 8, 7, 23], severity: 'info', message: 'CarbonLint cannot tell whether that is root (its image is not known here)' }],
        output: 'kind: StatefulSet\nspec:\n  template:\n    spec:\n      containers:\n      - name: wso2is\n        image: ${____________}\n        securityContext:\n          runAsNonRoot: true\n          readOnlyRootFilesystem: false\n',
      },
      {
        name: 'CronJob jobTemplate, CRLF, empty flow securityContext',
        code: 'kind: CronJob\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          containers:\r\n          - name: job\r\n            image: docker.wso2.com/wso2mi:4.2.0\r\n            securityContext: {}\r\n',
        errors: [{ range: [9, 12, 9, 27], severity: 'hint', message: 'The container `job` of CronJob' }],
        output: 'kind: CronJob\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          containers:\r\n          - name: job\r\n            image: docker.wso2.com/wso2mi:4.2.0\r\n            securityContext: {runAsNonRoot: true}\r\n',
      },
      {
        name: 'an init container running the product image as root: information',
        code: DEPLOYMENT('\n          securityContext:\n            runAsUser: 802').replace('      containers:', '      initContainers:\n        - name: chown\n          image: wso2/wso2am:4.2.0\n          securityContext:\n            runAsUser: 0\n      containers:'),
        errors: [{ range: [11, 23, 11, 24], severity: 'info', message: 'The init container `chown` of Deployment `wso2am` runs as root: `runAsUser: 0` in its securityContext. It runs before the product server' }],
      },
      {
        name: 'Pod, second document',
        code: 'kind: Service\nmetadata:\n  name: x\n---\nkind: Pod\nmetadata:\n  name: mi\nspec:\n  containers:\n  - name: mi\n    image: mware/mwaremi:4.4.0\n    securityContext:\n      runAsUser: 0\n',
        errors: [{ range: [12, 17, 12, 18], message: 'The container `mi` of Pod `mi` runs the product as root' }],
      },
    ],
  },
});
