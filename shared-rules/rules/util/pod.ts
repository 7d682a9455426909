// The product containers of a pod manifest and the securityContext values in force for each (container over pod).
import type { Container, PodDocument, PodField, SecurityContext, Workload } from '../../parsers/pod/model';
import type { OffsetEdit } from '../../engine/text';
import type { RuleResources } from '../../engine/rule';
import { imageRepository, imageVerdict, isProductContainerName, type ImageVerdict } from './product-image';
import { oneLine } from './message';

export interface ProductContainer {
  workload: Workload;
  container: Container;
  /** What the image says (a container recognised by its name has an `unknown` image). */
  image: ImageVerdict;
  /** How it is known to run a product: its image, its name, or it is the one container of a product chart's pod whose image is template output. */
  by: 'image' | 'name' | 'chart';
}

/**
 * Containers that run a WSO2/MWARE product: the image names one; or the image is template output not resolved here
 * (or absent) and the container's name names one. A known image that is not a product's (nginx, busybox) is never one.
 */
/** `productChart` is asked (once, lazily: it reads Chart.yaml) only when a pod has such a container. */
export function productContainers(doc: PodDocument, productChart: () => boolean = () => false): ProductContainer[] {
  const out: ProductContainer[] = [];
  let chart: boolean | undefined;
  for (const workload of doc.workloads) {
    const verdicts = workload.containers.map((c) => imageVerdict(c.image?.known === false && !c.image.text.includes('${_') ? undefined : c.image?.text));
    // In a product's chart, the one main container whose image is template output is the product's.
    const unknownMain = workload.containers.filter((c, i) => !c.init && verdicts[i] === 'unknown' && !isProductContainerName(c.name));
    workload.containers.forEach((container, i) => {
      const image = verdicts[i];
      if (image === 'vendor' || image === 'product') out.push({ workload, container, image, by: 'image' });
      else if (image === 'unknown' && isProductContainerName(container.name)) out.push({ workload, container, image, by: 'name' });
      else if (image === 'unknown' && unknownMain.length === 1 && unknownMain[0] === container && (chart ??= productChart())) out.push({ workload, container, image, by: 'chart' });
    });
  }
  return out;
}

/** Chart.yaml's `name:` or `description:` names a product (identity-server, am-single-node "…WSO2 API Manager…"). Linear. */
const PRODUCT_CHART = /^(?:name|description)[ \t]*:[^\n]*?(?:wso2|mware|apim|identity[- ]server|micro[- ]integrator|api[- ]manager)/im;

/**
 * Whether a Helm template belongs to a product's chart: the Chart.yaml above its `templates/` folder names a product.
 * Read through the rule resources (bounded, regular files only); the first 64 KB are enough.
 */
export function inProductChart(fileName: string, resources: RuleResources | undefined): boolean {
  if (!resources) return false;
  const parts = fileName.split(/[\\/]/);
  const t = parts.lastIndexOf('templates');
  if (t < 1) return false;
  const sep = fileName.includes('\\') && !fileName.includes('/') ? '\\' : '/';
  const bytes = resources.readFile([...parts.slice(0, t), 'Chart.yaml'].join(sep));
  if (!bytes) return false;
  return PRODUCT_CHART.test(Buffer.from(bytes.subarray(0, 64 * 1024)).toString('utf8'));
}

export type Level = 'container' | 'pod';

/** A securityContext field in force for the container: the container's own, else the pod's. */
export function effective(pc: ProductContainer, key: keyof Pick<SecurityContext, 'runAsUser' | 'runAsNonRoot'>): { field: PodField; level: Level } | undefined {
  const own = pc.container.securityContext?.[key];
  if (own) return { field: own, level: 'container' };
  // Template output may set it in the container (overriding the pod): not known.
  if (pc.container.securityContext?.unknown || pc.container.unknown) return { field: { span: pc.container.anchor, value: undefined, known: false }, level: 'container' };
  const pod = pc.workload.pod?.[key];
  return pod ? { field: pod, level: 'pod' } : undefined;
}

/** `container \`wso2is\` of Deployment \`wso2is\`` (names from the file, on one line and bounded). */
export function containerLabel(pc: ProductContainer): string {
  const short = (s: string) => oneLine(s.length > 60 ? `${s.slice(0, 60)}…` : s);
  const c = pc.container.name !== undefined ? `container \`${short(pc.container.name)}\`` : 'container';
  const w = pc.workload.name !== undefined ? `${pc.workload.kind} \`${short(pc.workload.name)}\`` : pc.workload.kind;
  return `${pc.container.init ? 'init ' : ''}${c} of ${w}`;
}

export function imageLabel(pc: ProductContainer): string {
  const t = pc.container.image?.text;
  if (t === undefined || pc.image === 'unknown') return 'its image is not known here';
  const repo = oneLine(imageRepository(t));
  return `its image \`${repo.length > 80 ? `${repo.slice(0, 80)}…` : repo}\``;
}

/** The edit that adds `runAsNonRoot: true` to the container's securityContext (creating it), or undefined. */
export function addRunAsNonRoot(text: string, c: Container, eol: string): OffsetEdit | undefined {
  const sc = c.securityContext;
  if (sc) {
    if (sc.block) return { start: sc.block.insertAt, end: sc.block.insertAt, newText: `${eol}${' '.repeat(sc.block.childIndent)}runAsNonRoot: true` };
    if (sc.emptyFlow) return { ...sc.emptyFlow, newText: '{runAsNonRoot: true}' };
    return undefined;
  }
  if (c.insertAt === undefined) return undefined;
  const ind = ' '.repeat(c.keyIndent);
  return { start: c.insertAt, end: c.insertAt, newText: `${eol}${ind}securityContext:${eol}${ind}  runAsNonRoot: true` };
}
