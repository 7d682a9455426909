// §9 A Helm chart folder against the plain files it embeds (issue 15's figure, issue 22's cut): the IS 7.0.x chart
// vendored in test/fixtures/deploy (confs/deployment.toml, a template with 28 if-chains and 226 placeholders, with
// its values.yaml) linted as the CLI and the editor lint it — every branch rendered, placeholders resolved from
// values.yaml — against the plain file each template renders to with those values (renderedWithValues: what
// `helm template` would put in the ConfigMap, as far as the engine resolves it), linted as a plain file of an IS
// 7.0.0 home, in the same rounds (CPU, interleaved). A second row splits off values resolution (`values: false`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { interleave, fmtMs, fmtX } from './stats.mjs';

const CHART = 'test/fixtures/deploy/wso2__kubernetes-is@7.0.x';
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

export function chartVsPlain({ repo, engine }, rounds) {
  const chart = chartFiles(repo, engine);
  const plain = chart.map((f) => ({ abs: path.join(PLAIN_HOME, path.basename(f.abs)), text: engine.renderedWithValues(f.abs, f.text, 'curly') }))
    .filter((f) => f.text !== undefined);
  if (!chart.length || plain.length !== chart.length) throw new Error(`chart files or their renderings missing (${chart.length} / ${plain.length})`);
  const lintAll = (files, options) => () => {
    for (const f of files) engine.lintText(f.abs, f.text, options);
  };
  const r = interleave({
    chart: lintAll(chart, {}),
    'chart without values': lintAll(chart, { values: false }),
    plain: lintAll(plain, {}),
  }, { rounds, warmup: 3, reference: 'plain' });
  return { r, chart, plain };
}

export async function benchChart(ctx) {
  const { r, chart, plain } = chartVsPlain(ctx, ctx.quick ? 10 : 30);
  const kb = (files) => `${(files.reduce((n, f) => n + f.text.length, 0) / 1024).toFixed(0)} KB`;
  return {
    rows: [
      {
        id: '9', what: `Helm chart folder (IS 7.0.x chart: ${chart.length} checked file(s), ${kb(chart)}, values.yaml resolved) vs the plain file(s) it renders to with those values (${kb(plain)})`,
        value: `${fmtX(r.ratio.chart)} (CPU ${fmtMs(r.median.chart)} vs ${fmtMs(r.median.plain)})`, target: '≤ 2×', met: r.ratio.chart <= 2,
      },
      { id: '9', what: 'same chart, placeholders not resolved (branches only) vs the same plain file(s)', value: `${fmtX(r.ratio['chart without values'])} (CPU ${fmtMs(r.median['chart without values'])})`, target: '', met: null },
    ],
    raw: { median: r.median, ratio: r.ratio },
  };
}
