// The readiness report as JSON: the model itself (model.ts), for dashboards and audit tooling.
import type { ReadinessReport } from './model';

export function renderJson(r: ReadinessReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}
