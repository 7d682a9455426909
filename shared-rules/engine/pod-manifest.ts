// Recognising a Kubernetes manifest (plain or a Helm template) whose pod specs may run a WSO2/MWARE product, cheaply:
// a workload `kind:` line and a product word anywhere in the text. Everything else in a workspace's YAML is never
// parsed as a pod manifest. (No imports: files.ts uses it.)
export const POD_KIND_LINE = /^kind[ \t]*:[ \t]*["']?(Deployment|StatefulSet|DaemonSet|ReplicaSet|ReplicationController|Job|CronJob|Pod)["']?[ \t]*(?:#.*)?$/m;
/** A product word: wso2am, wso2/wso2is, docker.wso2.com, mware-…, apim. */
export const PRODUCT_WORD = /wso2|mware|apim/i;

export function isPodManifestText(text: string): boolean {
  return POD_KIND_LINE.test(text) && PRODUCT_WORD.test(text);
}
