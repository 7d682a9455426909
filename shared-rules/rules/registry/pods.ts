// Kubernetes pod spec rules (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod; Helm templates of them).
import type { Rule } from '../../engine/rule';
import containerRunsAsRoot from '../container-runs-as-root';
import privilegedContainer from '../privileged-container';

export const podRules: Rule[] = [containerRunsAsRoot, privilegedContainer] as Rule[];
