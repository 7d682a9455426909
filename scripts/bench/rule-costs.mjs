// Where the lint time goes, per rule: each rule's marginal CPU time on the corpus files of its kind (lintText with
// only that rule, minus lintText with no rule, in the same rounds), and the no-rule remainder (classify, product
// detection, parse, suppressions). Printed as notes under the table to explain a miss.
import { KINDS, byKind } from './corpus.mjs';
import { interleave, fmtMs } from './stats.mjs';

export function ruleCosts({ engine, corpus, quick }) {
  const settings = engine.resolveSettings();
  const lines = [];
  for (const kind of KINDS) {
    const files = byKind(corpus, kind);
    const rules = engine.allRules.filter((r) => r.meta.kind === kind);
    const run = (opts) => () => {
      for (const f of files) engine.lintText(f.abs, f.text, { settings, ...opts });
    };
    const subjects = { none: run({ rules: [] }), all: run({}), ...Object.fromEntries(rules.map((r) => [r.meta.id, run({ rules: [r] })])) };
    const r = interleave(subjects, { rounds: quick ? 3 : 9, warmup: 1, reference: 'none' });
    const base = r.median.none;
    const costs = rules.map((x) => [x.meta.id, (r.ratio[x.meta.id] - 1) * base]).sort((a, b) => b[1] - a[1]);
    const top = costs.filter(([, ms]) => ms > 0.05 * r.median.all).slice(0, 6);
    lines.push(`${kind} (${files.length} files): all rules ${fmtMs(r.median.all)} CPU, of which no-rule work (classify, product, parse, suppressions) ${fmtMs(base)}`
      + (top.length ? `; costliest rules: ${top.map(([id, ms]) => `${id} ${fmtMs(ms)}`).join(', ')}` : ''));
  }
  return lines;
}
