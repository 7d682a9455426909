// Answers for the client's status item and rule list (custom requests; the client only displays them).
import type { LintResult } from '../../shared-rules/engine/lint';
import { productLabel } from '../../shared-rules/engine/product';
import { allRules } from '../../shared-rules/rules';
import type { FileStatus, RuleSummary } from './protocol';
import type { FileConfig } from './config';
import * as path from 'node:path';
import { detectRelease, textReader } from '../../shared-rules/engine/product-home';
import { readFileBounded } from '../../shared-rules/engine/resources';
import { PRODUCT_TITLES } from '../../shared-rules/data/advisories';

const read = textReader((p) => readFileBounded(p, 1024 * 1024));

/** "API Manager 4.2.0 · U2 level 12", with where each came from; undefined when the release is unknown. */
export function releaseStatus(fileName: string, result: LintResult): FileStatus['release'] {
  if ((result.product.product === 'unknown' && !result.product.legacy?.name) || !path.isAbsolute(fileName)) return undefined;
  const h = detectRelease(fileName, result.product, read);
  if (!h.product || !h.version) return undefined;
  const label = `${PRODUCT_TITLES[h.product] ?? h.product} ${h.version} · ${h.updateLevel !== undefined ? `update level ${h.updateLevel}` : 'update level unknown'}`;
  const detail = h.facts.map((f) => `${f.what === 'updateLevel' ? 'level' : f.what} from ${f.source}`).join(' · ') + (h.updateLevel === undefined ? ' · no updates/config.json' : '');
  return { label, detail };
}

export function fileStatus(result: LintResult | undefined, cfg: FileConfig | undefined, notChecked?: string, fileName?: string): FileStatus {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of result?.findings ?? []) counts[f.severity]++;
  const status: FileStatus = { recognised: !!result?.kind, kind: result?.kind, counts, suppressed: result?.suppressed?.length ?? 0 };
  // EI and ESB (Carbon 4.4) are 'unknown' to the TOML-era families; their legacy detection names them.
  if (result?.kind && (result.product.product !== 'unknown' || result.product.legacy?.name)) {
    const { source, distribution } = result.product;
    status.product = { label: productLabel(result.product), source, distribution };
    const release = fileName ? releaseStatus(fileName, result) : undefined;
    if (release) status.release = release;
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
