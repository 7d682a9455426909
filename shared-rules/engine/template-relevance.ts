// Which template branches a kind's rules can see a difference in. A Helm template of a pod manifest has many
// if-chains (annotations, volumes, pull secrets) that no pod rule reads; rendering each of them as its own variant
// costs a YAML parse apiece (the slow parser), so for the `pod` kind such chains are not explored.
import type { FileKind } from './rule';

/**
 * What a pod rule reads, or template output alone on its line (it may add a securityContext); control tags
 * (`if`, `else`, `end`, `with`, `range`, …) are not output. Linear: the alternatives start with distinct text.
 */
const POD_RELEVANT = /securityContext|runAsUser|runAsNonRoot|privileged|allowPrivilegeEscalation|image[ \t]*:|containers[ \t]*:|kind[ \t]*:|^[ \t]*(\{\{(?![- \t]*(?:if|else|end|with|range|define|block)\b|[- \t]*\/\*)[^\n]*\}\}[ \t]*$)/gm;

/** Offsets of every relevant match in `text` (sorted), or undefined when every branch matters for this kind. */
export function relevantOffsets(kind: FileKind, text: string): number[] | undefined {
  if (kind !== 'pod') return undefined;
  const out: number[] = [];
  // A whole-line tag counts where its `{{` is: the indentation before an `{{ end }}` belongs to the branch it closes.
  for (const m of text.matchAll(POD_RELEVANT)) out.push(m[1] ? m.index! + m[0].length - m[1].length : m.index!);
  return out;
}

/** Whether a match lies in [start, end) (binary search). */
export function anyIn(sorted: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < end;
}
