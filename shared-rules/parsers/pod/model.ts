// The pod specs of a Kubernetes manifest (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod): each
// container with its image and the securityContext fields that decide the process user, with source spans.
import type { Span } from '../../engine/text';
import type { ParseProblem } from '../diagnostics';

/** A scalar as written: `known` is false when template output (or a non-scalar) stands in for it. */
export interface PodField {
  span: Span;
  value: unknown;
  known: boolean;
}

export interface SecurityContext {
  /** The `securityContext` key. */
  keySpan: Span;
  /** Set for a block mapping: the column of its keys and where a new key line goes (end of the key's line). */
  block?: { childIndent: number; insertAt: number };
  /** An empty flow mapping `{}` (a fix may replace it). */
  emptyFlow?: Span;
  /** Not a mapping written here (template output, an alias): anything may be in it. */
  unknown: boolean;
  runAsUser?: PodField;
  runAsNonRoot?: PodField;
  allowPrivilegeEscalation?: PodField;
  privileged?: PodField;
}

export interface Container {
  name?: string;
  /** The `name` value, else the item's first key: where a finding about the whole container goes. */
  anchor: Span;
  image?: PodField & { text: string };
  /** `initContainers` rather than `containers`. */
  init: boolean;
  /** Column of the container's keys, and where a new key line goes (end of a one-line `name:` or first scalar pair). */
  keyIndent: number;
  insertAt?: number;
  securityContext?: SecurityContext;
  /** Template output stands for whole lines inside the container: keys may be there that this file does not show. */
  unknown: boolean;
}

export interface Workload {
  kind: string;
  name?: string;
  kindSpan: Span;
  pod?: SecurityContext;
  /** Template output stands for whole lines of the pod spec (a pod securityContext may be there). */
  podUnknown: boolean;
  containers: Container[];
}

export interface PodDocument {
  workloads: Workload[];
  /** The YAML did not read cleanly (its first error is a problem): what is absent cannot be told. */
  broken: boolean;
  problems: ParseProblem[];
}
