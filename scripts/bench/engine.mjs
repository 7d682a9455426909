// §1 Engine vs the fastest parse: lintText (parse + every rule) of every corpus file, in process, on the shipped
// bundle, against smol-toml parsing only the TOML files, interleaved round by round; CPU time of this process.
import { createRequire } from 'node:module';
import { KINDS, byKind } from './corpus.mjs';
import { interleave, fmtUs, fmtX, fmtMs } from './stats.mjs';
import { ruleCosts } from './rule-costs.mjs';

const require = createRequire(import.meta.url);

export function benchEngine({ engine, corpus, quick }) {
  const smol = require('smol-toml');
  const settings = engine.resolveSettings();
  const files = Object.fromEntries(KINDS.map((k) => [k, byKind(corpus, k)]));
  const toml = files.toml;
  const lintAll = (list) => () => {
    for (const f of list) engine.lintText(f.abs, f.text, { settings });
  };
  const subjects = {
    smol: () => {
      for (const f of toml) {
        try {
          smol.parse(f.text);
        } catch { /* templated or broken files: smol-toml stops at the error, as a plain parser does */ }
      }
    },
    ...Object.fromEntries(KINDS.map((k) => [k, lintAll(files[k])])),
    // Breakdown of the TOML lint: the parse into the model alone, and the product detection alone.
    'toml parse': () => {
      for (const f of toml) engine.parseModel('toml', f.text, f.abs);
    },
    'toml product': () => {
      for (const f of toml) engine.detectProduct(f.abs, f.text, settings.product);
    },
  };
  const r = interleave(subjects, { rounds: quick ? 10 : 40, warmup: 3, reference: 'smol' });
  const perFile = Object.fromEntries(KINDS.map((k) => [k, r.median[k] / files[k].length]));
  const tomlBytes = toml.reduce((n, f) => n + f.text.length, 0);
  const rows = [
    {
      id: '1', what: `lintText of the ${toml.length} corpus TOML files vs smol-toml parse only (${(tomlBytes / 1024).toFixed(0)} KB)`,
      value: `${fmtX(r.ratio.toml)} (CPU ${fmtMs(r.median.toml)} vs ${fmtMs(r.median.smol)})`, target: '≤ 2×', met: r.ratio.toml <= 2,
    },
    ...KINDS.map((k) => ({ id: '1', what: `CPU µs per file, ${k} (${files[k].length} files)`, value: fmtUs(perFile[k]), target: '', met: null })),
    { id: '1', what: 'of the TOML lint: parse into the model (parseModel) vs smol-toml', value: fmtX(r.ratio['toml parse']), target: '', met: null },
    { id: '1', what: 'of the TOML lint: product detection (detectProduct) vs smol-toml', value: fmtX(r.ratio['toml product']), target: '', met: null },
  ];
  const notes = ruleCosts({ engine, corpus, quick }).map((l) => `§1 CPU per corpus pass, ${l}`);
  return { rows, notes, raw: { median: r.median, ratio: r.ratio, perFile } };
}
