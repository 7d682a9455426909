// §4 Scaling: each shape at 1×, 10×, 100×, linted in process. Per round the 1× input is linted 100 times, the 10×
// 10 times and the 100× once (the same bytes each), so growth = CPU time per 100× file ÷ CPU time per 1× file;
// linear is 100, and the target is ≤ 120 (no quadratic path). GC pauses are shown apart: a whole-file model of
// a 1 MB input survives young-generation collections and gets copied and promoted, which small files never pay.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { SHAPES, replicateToml } from './generators.mjs';
import { median, measure, fmtMs } from './stats.mjs';
import { gcRecorder } from './gc.mjs';

const FACTORS = [1, 10, 100];
const LIMIT_MS = 20_000; // a quadratic path would take minutes: stop measuring it after one slow round
const require = createRequire(import.meta.url);

export async function growth(engine, settings, fileName, texts, rounds) {
  const gc = gcRecorder();
  const samples = FACTORS.map(() => []);
  for (let r = -1; r < rounds; r++) {
    let slow = false;
    FACTORS.forEach((f, i) => {
      const reps = 100 / f;
      const m = measure(() => {
        for (let k = 0; k < reps; k++) engine.lintText(fileName, texts[i], { settings });
      });
      if (r >= 0) samples[i].push({ ...m, reps });
      if (m.wall > LIMIT_MS) slow = true;
    });
    if (slow) break;
  }
  await gc.flush();
  gc.stop();
  const t = samples.map((xs) => median(xs.map((m) => m.cpu / m.reps)));
  // GC pauses are wall time: their share of the 100× run's wall time (a CPU split is not available).
  const gcShare = median(samples[2].map((m) => gc.within(m.from, m.to) / m.wall));
  return { t, g10: t[1] / t[0], g100: t[2] / t[0], gcShare };
}

/** The shapes with their 1×/10×/100× texts; `base` is the corpus deployment.toml that gets replicated. */
export function shapes(base) {
  return [
    { name: `deployment.toml (${base.rel}, ${(base.text.length / 1024).toFixed(1)} KB, replicated)`, file: 'deployment.toml', texts: FACTORS.map((f) => replicateToml(base.text, f)) },
    ...Object.entries(SHAPES).map(([name, s]) => ({ name, file: s.file, texts: FACTORS.map((f) => s.make(s.n * f)) })),
  ];
}

export const DIR = '/nonexistent/carbonlint-bench/wso2am-4.2.0/repository/conf';

export async function benchScaling({ engine, bundles, corpus, quick }) {
  const settings = engine.resolveSettings();
  const rounds = quick ? 3 : 7;
  const base = tomlBase(corpus);
  const rows = [];
  const raw = {};
  for (const [i, s] of shapes(base).entries()) {
    const g = await growth(engine, settings, path.join(DIR, s.file), s.texts, rounds);
    raw[s.name] = { bytes: s.texts.map((t) => t.length), cpuMs: g.t, growth: g.g100, gcShare: g.gcShare };
    const sizes = s.texts.map((t) => `${(t.length / 1024).toFixed(0)} KB`).join(' / ');
    // A miss is measured again with a 64 MB young generation: if growth is then linear, the excess was the
    // collector copying a large live model, not an algorithm of the engine.
    const tuned = g.g100 > 120 ? ` — with a 64 MB young generation: ${(await growthInChild(bundles.dir, base.abs, i, rounds)).toFixed(0)}×` : '';
    rows.push({
      id: '4', what: `growth at 100× size: ${s.name} (${sizes})`,
      value: `${g.g100.toFixed(0)}× time (10×: ${g.g10.toFixed(1)}×; GC pauses ${(100 * g.gcShare).toFixed(0)}% of the 100× run; ${g.t.map(fmtMs).join(' / ')})${tuned}`,
      target: '≤ 120×', met: g.g100 <= 120,
    });
  }
  return { rows, raw };
}

function growthInChild(bundleDir, baseFile, shapeIndex, rounds) {
  const child = fileURLToPath(new URL('./scaling-child.mjs', import.meta.url));
  const out = execFileSync(process.execPath, ['--max-semi-space-size=64', '--min-semi-space-size=64', child, bundleDir, baseFile, String(shapeIndex), String(rounds)], { encoding: 'utf8' });
  return JSON.parse(out).g100;
}

/** The corpus deployment.toml closest to 10 KB that a plain TOML parser accepts (so replicas stay valid). */
export function tomlBase(corpus, bytes = 10240) {
  const parse = plainTomlParser();
  const ok = corpus.filter((f) => f.kind === 'toml' && parse(f.text));
  ok.sort((a, b) => Math.abs(a.text.length - bytes) - Math.abs(b.text.length - bytes) || (a.rel < b.rel ? -1 : 1));
  return ok[0];
}

function plainTomlParser() {
  const smol = require('smol-toml');
  return (text) => {
    try {
      smol.parse(text);
      return true;
    } catch {
      return false;
    }
  };
}
