import { defineRule } from '../engine/rule';
import { containerLabel, inProductChart, productContainers } from './util/pod';

// G28 in Kubernetes: a product container that is privileged, or may gain privileges (setuid binaries, file
// capabilities), escapes the OS-level user the guideline asks for. Only literal `true` is reported.
const POD = (sc: string) => `kind: Pod
metadata:
  name: wso2is
spec:
  containers:
    - name: wso2is
      image: wso2/wso2is:7.1.0
      securityContext:
${sc}`;

export default defineRule({
  meta: {
    id: 'privileged-container',
    title: 'Privileged product container',
    guideline: 'Run product processes with a specific OS-level user',
    guidelineId: 'G28',
    severity: 'warning',
    kind: 'pod',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'In Kubernetes manifests and Helm templates, finds a container that runs a WSO2/MWARE product (see container-runs-as-root) with `privileged: true` or `allowPrivilegeEscalation: true` in its securityContext. Sidecars and other images are not judged; template output is not a literal and is judged only where values.yaml resolves it (then on the values line).',
      why: 'A privileged container has every capability and the host\'s devices: its processes are root on the node in all but name, whatever user they run as. `allowPrivilegeEscalation: true` lets a process gain more privileges than its parent (setuid binaries), so the OS-level user the guideline asks for no longer bounds what the product process can do. The products need neither.',
      example: {
        bad: POD('        privileged: true\n        allowPrivilegeEscalation: true\n'),
        good: POD('        privileged: false\n        allowPrivilegeEscalation: false\n'),
      },
      fix: 'Remove the setting or set it to `false`. The quick fix writes `false` in place of a literal `true`; it is safe for the products, which need no privilege (`allowPrivilegeEscalation: false` is offered as safe only when `privileged` is not template output: Kubernetes rejects it beside `privileged: true`).',
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    for (const pc of productContainers(ctx.model.doc, () => inProductChart(ctx.fileName, ctx.resources))) {
      const sc = pc.container.securityContext;
      if (!sc) continue;
      const who = containerLabel(pc);
      const priv = sc.privileged;
      if (priv?.known && priv.value === true) {
        ctx.report({
          span: priv.span, message: `The ${who} is privileged (\`privileged: true\`): its processes have every capability and the node's devices, root on the node in all but name.`,
          fix: { title: 'Set privileged: false', edits: [{ ...priv.span, newText: 'false' }], safe: true, preferred: true },
        });
      }
      const ape = sc.allowPrivilegeEscalation;
      if (ape?.known && ape.value === true) {
        ctx.report({
          span: ape.span, message: `The ${who} allows privilege escalation (\`allowPrivilegeEscalation: true\`): a process may gain more privileges than the user it runs as (setuid binaries).`,
          fix: { title: 'Set allowPrivilegeEscalation: false', edits: [{ ...ape.span, newText: 'false' }], safe: !priv || priv.known, preferred: true },
        });
      }
    }
  },
  cases: {
    valid: [
      { code: POD('        privileged: false\n        allowPrivilegeEscalation: false\n') },
      { name: 'template output', code: POD('        privileged: ${______________}\n') },
      { name: 'a privileged sidecar that is not a product', code: 'kind: Pod\nspec:\n  containers:\n    - name: wso2is\n      image: wso2/wso2is:7.1.0\n    - name: istio-init\n      image: docker.io/istio/proxyv2:1.20\n      securityContext:\n        privileged: true\n' },
    ],
    invalid: [
      {
        code: POD('        privileged: true\n        allowPrivilegeEscalation: true\n'),
        errors: [
          { range: [8, 20, 8, 24], message: 'The container `wso2is` of Pod `wso2is` is privileged (`privileged: true`)' },
          { range: [9, 34, 9, 38], message: 'allows privilege escalation (`allowPrivilegeEscalation: true`)' },
        ],
        output: POD('        privileged: false\n        allowPrivilegeEscalation: false\n'),
      },
    ],
  },
});
