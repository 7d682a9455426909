// The product containers of a pod manifest and the securityContext values in force for each (container over pod).
import type { Container, PodDocument, PodField, SecurityContext, Workload } from '../../parsers/pod/model';
import type { OffsetEdit } from '../../engine/text';
import { imageRepository, imageVerdict, isProductContainerName, type ImageVerdict } from './product-image';
import { oneLine } from './message';

export interface ProductContainer {
  workload: Workload;
  container: Container;
  /** What the image says (a container recognised by its name has an `unknown` image). */
  image: ImageVerdict;
  /** How it is known to run a product. */
  by: 'image' | 'name';
}

/**
 * Containers that run a WSO2/MWARE product: the image names one; or the image is template output not resolved here
 * (or absent) and the container's name names one. A known image that is not a product's (nginx, busybox) is never one.
 */
export function productContainers(doc: PodDocument): ProductContainer[] {
  const out: ProductContainer[] = [];
  for (const workload of doc.workloads) {
    for (const container of workload.containers) {
      const image = imageVerdict(container.image?.known === false && !container.image.text.includes('${_') ? undefined : container.image?.text);
      if (image === 'vendor' || image === 'product') out.push({ workload, container, image, by: 'image' });
      else if (image === 'unknown' && isProductContainerName(container.name)) out.push({ workload, container, image, by: 'name' });
    }
  }
  return out;
}

export type Level = 'container' | 'pod';

/** A securityContext field in force for the container: the container's own, else the pod's. */
export function effective(pc: ProductContainer, key: keyof Pick<SecurityContext, 'runAsUser' | 'runAsNonRoot'>): { field: PodField; level: Level } | undefined {
  const own = pc.container.securityContext?.[key];
  if (own) return { field: own, level: 'container' };
  const pod = pc.workload.pod?.[key];
  return pod ? { field: pod, level: 'pod' } : undefined;
}

/** `container \`wso2is\` of Deployment \`wso2is\`` (names from the file, on one line and bounded). */
export function containerLabel(pc: ProductContainer): string {
  const short = (s: string) => oneLine(s.length > 60 ? `${s.slice(0, 60)}…` : s);
  const c = pc.container.name !== undefined ? `container \`${short(pc.container.name)}\`` : 'an unnamed container';
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
