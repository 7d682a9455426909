// Kubernetes manifests that route traffic in (Ingress, Gateway API HTTPRoute) and the Services beside them, read
// with the `yaml` package so that every node keeps its range.
import type { Document } from 'yaml';
import type { ParseProblem } from '../diagnostics';

export interface IngressDocument {
  /** Every YAML document of the file (at most MAX_DOCUMENTS), in file order. */
  docs: Document.Parsed[];
  problems: ParseProblem[];
}
