// Answers for the client's status item and rule list (custom requests; the client only displays them).
import type { LintResult } from '../../shared-rules/engine/lint';
import { productLabel } from '../../shared-rules/engine/product';
import { allRules } from '../../shared-rules/rules';
import type { FileStatus, RuleSummary } from './protocol';
import type { FileConfig } from './config';

export function fileStatus(result: LintResult | undefined, cfg: FileConfig | undefined, notChecked?: string): FileStatus {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of result?.findings ?? []) counts[f.severity]++;
  const status: FileStatus = { recognised: !!result?.kind, kind: result?.kind, counts, suppressed: result?.suppressed?.length ?? 0 };
  if (result?.kind && result.product.product !== 'unknown') {
    const { source, distribution } = result.product;
    status.product = { label: productLabel(result.product), source, distribution };
  }
  const skipped = notChecked ?? result?.skipped;
  if (skipped) status.notChecked = skipped;
  if (cfg?.project) status.projectFile = cfg.project.file;
  return status;
}

export function ruleSummaries(): RuleSummary[] {
  return allRules.map(({ meta }) => ({
    id: meta.id, title: meta.title, guidelineId: meta.guidelineId, guideline: meta.guideline, severity: meta.severity, kind: meta.kind, fixSafety: meta.docs.fixSafety,
  }));
}
