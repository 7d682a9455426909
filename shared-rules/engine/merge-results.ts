// One manifest, two readings: the files its ConfigMaps embed and its pod specs (a multi-document YAML may hold both).
import type { LintResult } from './lint';

/** The union of two lint results of the same file (the first one's kind and product lead). */
export function mergeResults(a: LintResult | undefined, b: LintResult | undefined): LintResult | undefined {
  if (!a || !b) return a ?? b;
  const out: LintResult = { ...a, findings: [...a.findings, ...b.findings].sort((x, y) => x.span.start - y.span.start || x.ruleId.localeCompare(y.ruleId)) };
  if (a.values || b.values) out.values = [...(a.values ?? []), ...(b.values ?? [])];
  if (a.suppressed || b.suppressed) out.suppressed = [...(a.suppressed ?? []), ...(b.suppressed ?? [])];
  return out;
}
