import { defineRule } from '../engine/rule';
import { describePort } from './util/management-ports';
import { ingressExposures, type IngressExposure } from './util/ingress-exposure';
import { siblingServices } from './util/ingress-services';

// G42 in Kubernetes: an Ingress or HTTPRoute that sends /carbon or /services to a product's management port.
// An ingress is reachable from outside unless its class (or Gateway) is listed as internal: that is what it is for.

function message(e: IngressExposure): string {
  const host = e.host ? ` for host \`${e.host}\`` : '';
  const via = e.via ? ` (${e.via})` : '';
  return `${e.kind} \`${e.name}\`${host} routes path \`${e.path}\` — so ${e.paths.join(' and ')} — to Service \`${e.service}\` port \`${e.written}\`${via}: ` +
    `port ${describePort(e.port)}. It is internet-facing: ${e.facing}. Block these contexts from the DMZ (route only the portal and API paths, or ` +
    'deny /carbon and /services in the controller), or list the ingress class, Gateway or host in `carbonlint.exposure.internal`.';
}

export default defineRule({
  meta: {
    id: 'ingress-admin-paths-exposed',
    title: 'Ingress routes /carbon or /services to a management port',
    guideline: 'Block the /services and /carbon contexts from the DMZ',
    guidelineId: 'G42',
    severity: 'warning',
    kind: 'ingress',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds Kubernetes Ingress rules (`networking.k8s.io/v1` `service.port.number`/`name`, and the older `serviceName`/`servicePort`) and Gateway API HTTPRoute rules whose route for /carbon or /services — `/`, or a path of their own, the longest match winning — goes to a Service port that is a product\'s management port: 9443 or 9763 (plus an offset up to 10), or Micro Integrator\'s 9164. A named port, or a Service port mapped to another targetPort, is resolved through a Service in the same file or a plain manifest beside it. Quiet: an ingress class, Gateway or host listed in `exposure.internal`; an ingress-nginx `server-snippet`/`configuration-snippet` that denies or returns 403/404 for those paths; a `whitelist-source-range`/`allowlist-source-range` annotation. Helm templates are read branch by branch, with values resolved.',
      why: 'The management console (/carbon) and the SOAP admin services (/services) control the whole server. An Ingress is the cluster\'s door to the outside: routing `/` of the servlet port through it publishes them with the portals, which the guideline asks to keep out of the DMZ.',
      example: {
        bad: 'kind: Ingress\nspec:\n  rules:\n  - host: am.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: wso2am\n            port:\n              number: 9443',
        good: 'kind: Ingress\nmetadata:\n  annotations:\n    nginx.ingress.kubernetes.io/server-snippet: |\n      location ~ ^/(carbon|services) { deny all; }\nspec:\n  rules:\n  - host: am.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: wso2am\n            port:\n              number: 9443',
      },
      fix: 'Route only the paths the outside needs (`/publisher`, `/devportal`, `/oauth2`, `/api/…`) instead of `/`, deny /carbon and /services in the controller (an ingress-nginx `server-snippet`, where snippets are allowed; a Gateway filter), or serve the management host through an internal ingress class listed in `exposure.internal`. No quick fix: which of these fits depends on the controller.',
      fixSafety: 'none',
      options: [{
        setting: 'exposure.internal', default: '[]', values: 'ingress classes, Gateway names, host names (`*.corp.example`)',
        description: 'Ingress classes, Gateways and hosts that only an internal network reaches: their routes are not reported.',
      }],
    },
  },
  check(ctx) {
    for (const e of ingressExposures(ctx.model.doc.docs, ctx.settings, siblingServices(ctx.fileName, ctx.resources))) ctx.report({ span: e.span, message: message(e) });
  },
  cases: {
    valid: [
      { name: 'the gateway port', code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: gw\nspec:\n  rules:\n  - host: gw.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: am\n            port:\n              number: 8243\n' },
      { name: 'an internal ingress class', settings: { exposure: { internal: ['nginx-internal'] } }, code: 'kind: Ingress\nmetadata:\n  name: m\nspec:\n  ingressClassName: nginx-internal\n  rules:\n  - http:\n      paths:\n      - path: /\n        backend:\n          service:\n            name: am\n            port:\n              number: 9443\n' },
      { name: 'a server-snippet denies both', code: 'kind: Ingress\nmetadata:\n  name: m\n  annotations:\n    nginx.ingress.kubernetes.io/server-snippet: |\n      location ~ ^/(carbon|services) { deny all; }\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        backend:\n          service:\n            name: am\n            port:\n              number: 9443\n' },
      { name: 'more specific paths to other ports take /carbon and /services', code: 'kind: Ingress\nmetadata:\n  name: m\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /carbon\n        pathType: Prefix\n        backend:\n          service:\n            name: blackhole\n            port:\n              number: 8080\n      - path: /services\n        pathType: Prefix\n        backend:\n          service:\n            name: blackhole\n            port:\n              number: 8080\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: am\n            port:\n              number: 9443\n' },
      { name: 'an HTTPRoute to the portal path only', code: 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  parentRefs:\n  - name: public\n  rules:\n  - matches:\n    - path:\n        type: PathPrefix\n        value: /devportal\n    backendRefs:\n    - name: am\n      port: 9443\n' },
    ],
    invalid: [
      {
        name: 'v1beta1 serviceName/servicePort to 9443',
        code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: apim\n  annotations:\n    kubernetes.io/ingress.class: "nginx"\nspec:\n  rules:\n  - host: wso2apim\n    http:\n      paths:\n      - path: /\n        backend:\n          serviceName: apim-service\n          servicePort: 9443\n',
        errors: [{ range: [14, 23, 14, 27], message: /Ingress `apim` for host `wso2apim` routes path `\/` — so \/carbon and \/services — to Service `apim-service` port `9443`: port 9443, .*ingress class `nginx` is not listed/ }],
      },
      {
        name: 'a named port resolved through the Service in the same file; MI management port',
        code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: mi\nspec:\n  ports:\n  - name: mgmt\n    port: 443\n    targetPort: 9164\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: mi-management\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: mi\n            port:\n              name: mgmt\n',
        errors: [{ range: [24, 20, 24, 24], message: /port `mgmt` \(Service `mi` targetPort 9164\): port 9164, Micro Integrator's management API port\. .*names no ingress class/ }],
      },
      {
        name: 'an HTTPRoute without matches forwards every path',
        code: 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  parentRefs:\n  - name: public\n  hostnames: ["is.example.com"]\n  rules:\n  - backendRefs:\n    - name: is\n      port: 9763\n',
        errors: [{ range: [11, 12, 11, 16], message: /HTTPRoute `r` for host `is\.example\.com` routes path `\/` — so \/carbon and \/services — to Service `is` port `9763`: port 9763, .*Gateway `public`/ }],
      },
    ],
  },
});
