// §9 A Helm chart folder against the plain files it embeds (issue 15's figure, issue 22's cut): the IS 7.0.x chart
// vendored in test/fixtures/deploy (confs/deployment.toml, a template with 28 if-chains and 226 placeholders, with
// its values.yaml) linted as the CLI and the editor lint it — every branch rendered, placeholders resolved from
// values.yaml — against the plain file each template renders to with those values (renderedWithValues: what
// `helm template` would put in the ConfigMap, as far as the engine resolves it), linted as a plain file of an IS
// 7.0.0 home, in the same rounds (CPU, interleaved). A second row splits off values resolution (`values: false`); a
// third times the values rendering's lint alone (the lint calls resolveValues makes, recorded and replayed as they
// are), against the same plain file(s): how much of the 2× budget that one lint uses by itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { interleave, fmtMs, fmtX } from './stats.mjs';

const CHART = 'test/fixtures/deploy/wso2__kubernetes-is@7.0.x';

/**
 * The template engine's code runs in no other in-process section: with 3 unrecorded rounds the chart was measured
 * partly in V8's unoptimised tiers while the plain file's code (warm from §1) was not, and 30 recorded rounds left a
 * median ratio that moved by ±0.1 — two full runs of one commit gave 1.83× and 2.12× (chart CPU 1.4 and 2.3 ms). In
 * one process the ratio settles within ~50 rounds (chart CPU 3.3 → 1.6 ms); 50-round blocks after that scatter
 * between 1.76× and 2.03×. So: 100 unrecorded rounds, then 200 recorded (~1 s in all).
 */
const WARMUP = 100;
const PLAIN_HOME = '/nonexistent/carbonlint-bench/wso2is-7.0.0/repository/conf';

/** Every file of the chart folder the engine checks, with its text (absolute paths: values.yaml is found beside). */
function chartFiles(repo, engine) {
  const root = path.join(repo, CHART);
  return fs.readdirSync(root, { recursive: true })
    .map((rel) => path.join(root, rel))
    .filter((abs) => fs.statSync(abs).isFile())
    .sort()
    .map((abs) => ({ abs, text: fs.readFileSync(abs, 'utf8') }))
    .filter((f) => engine.classify(f.abs, f.text) !== undefined);
}

/**
 * The lint calls a chart file's values resolution makes (template-lint.ts resolveValues: the values rendering(s),
 * linted without suppressions), recorded from lintTemplate called as lintText calls it; undefined for an engine
 * bundle that does not export lintTemplate (an older tree).
 */
function valuesLints(engine, files) {
  if (!engine.lintTemplate || !engine.templateSyntax) return undefined;
  const calls = [];
  for (const f of files) {
    const settings = engine.resolveSettings();
    const kind = engine.classify(f.abs, f.text, settings.associations);
    const syntax = kind && engine.templateSyntax(f.abs, kind, f.text);
    if (!syntax) continue;
    const product = engine.detectProduct(f.abs, f.text, settings.product);
    engine.lintTemplate(f.abs, f.text, kind, syntax, { settings, product }, (file, text, options) => {
      if (options.suppressions === false) calls.push({ file, text, options });
      return engine.lintText(file, text, options);
    });
  }
  return calls.length ? calls : undefined;
}

export function chartVsPlain({ repo, engine }, rounds) {
  const chart = chartFiles(repo, engine);
  const plain = chart.map((f) => ({ abs: path.join(PLAIN_HOME, path.basename(f.abs)), text: engine.renderedWithValues(f.abs, f.text, 'curly') }))
    .filter((f) => f.text !== undefined);
  if (!chart.length || plain.length !== chart.length) throw new Error(`chart files or their renderings missing (${chart.length} / ${plain.length})`);
  const lintAll = (files, options) => () => {
    for (const f of files) engine.lintText(f.abs, f.text, options);
  };
  const values = valuesLints(engine, chart);
  const r = interleave({
    chart: lintAll(chart, {}),
    'chart without values': lintAll(chart, { values: false }),
    plain: lintAll(plain, {}),
    ...(values ? { 'values lint alone': () => { for (const c of values) engine.lintText(c.file, c.text, c.options); } } : {}),
  }, { rounds, warmup: WARMUP, reference: 'plain' });
  return { r, chart, plain, values };
}

export async function benchChart(ctx) {
  const { r, chart, plain, values } = chartVsPlain(ctx, ctx.quick ? 30 : 200);
  const kb = (files) => `${(files.reduce((n, f) => n + f.text.length, 0) / 1024).toFixed(0)} KB`;
  return {
    rows: [
      {
        id: '9', what: `Helm chart folder (IS 7.0.x chart: ${chart.length} checked file(s), ${kb(chart)}, values.yaml resolved) vs the plain file(s) it renders to with those values (${kb(plain)})`,
        value: `${fmtX(r.ratio.chart)} (CPU ${fmtMs(r.median.chart)} vs ${fmtMs(r.median.plain)})`, target: '≤ 2×', met: r.ratio.chart <= 2,
      },
      { id: '9', what: 'same chart, placeholders not resolved (branches only) vs the same plain file(s)', value: `${fmtX(r.ratio['chart without values'])} (CPU ${fmtMs(r.median['chart without values'])})`, target: '', met: null },
      ...(values ? [{
        id: '9', what: `its values rendering's lint alone (${values.length} lint call(s) of resolveValues, replayed) vs the same plain file(s): the part of the 2× budget that one lint uses`,
        value: `${fmtX(r.ratio['values lint alone'])} (CPU ${fmtMs(r.median['values lint alone'])})`, target: '', met: null,
      }] : []),
    ],
    raw: { median: r.median, ratio: r.ratio },
  };
}
