// §8 Linear inputs (issue 22): each shape of generators.mjs LINEAR_SHAPES at half its size and at its size, linted in
// process, interleaved (the two sizes alternate, the order swapped each round). Growth = median over rounds of
// CPU(2×) ÷ CPU(1×) within the round; linear is 2, target ≤ 2.6. The file-size limit is raised for these
// texts (up to 10 MB): the point is the engine's cost, not the notice.
import * as path from 'node:path';
import { LINEAR_SHAPES } from './generators.mjs';
import { median, measure, fmtMs } from './stats.mjs';
import { DIR } from './scaling.mjs';

const LIMIT_MS = 60_000; // a quadratic path would take minutes: stop after one slow round

// --fix-dry-run (issue 22): a generated startup script whose launch lines all get fixes (two flags each, in two
// passes), every line a launch line or every tenth; measured is the dry run's own work, fixText then the diff
// printed from its changes. The findings cap is raised so that every line is fixed, as a project file can.
const LAUNCH = (i) => `"$JAVA_HOME/bin/java" $JAVA_OPTS -Xms256m -Dnode=${i} -Djava.io.tmpdir="$CARBON_HOME/tmp" org.wso2.carbon.bootstrap.Bootstrap $*\n`;
const script = (n, every) => `#!/bin/sh\nCARBON_HOME=x\n${Array.from({ length: n }, (_, i) => (i % every ? `echo "step ${i}"\n` : LAUNCH(i))).join('')}`;
const dryRun = (engine, file, text, settings) => {
  const fixed = engine.fixText(file, text, { settings, safeOnly: true });
  engine.fileDiff(text, fixed.output, 'bin/wso2server.sh', { changes: fixed.changes });
};
export const DRY_RUN_SHAPES = {
  '--fix-dry-run: script, every line a fixed launch line': { file: 'wso2server.sh', unit: 'lines', n: 16_000, maxFindings: 1e6, make: (n) => script(n, 1), run: dryRun },
  '--fix-dry-run: script, every tenth line a fixed launch line': { file: 'wso2server.sh', unit: 'lines', n: 64_000, maxFindings: 1e6, make: (n) => script(n, 10), run: dryRun },
};

/** One shape: CPU ms of the 1× and 2× inputs per round, and the median ratio. `scale` shrinks the sizes (--quick). */
export function linearGrowth(engine, shape, { rounds, scale = 1 }) {
  const settings = engine.resolveSettings({ maxFileSize: 64 * 1024 * 1024, maxFindingsPerFile: shape.maxFindings ?? 1000 });
  const n2 = Math.max(2, Math.round(shape.n * scale));
  const texts = [shape.make(n2 >> 1), shape.make(n2)];
  const file = path.join(DIR, shape.file);
  const work = shape.run ?? ((e, f, text, s) => e.lintText(f, text, { settings: s }));
  const t = [[], []];
  const ratios = [];
  for (let r = -1; r < rounds; r++) {
    const order = r % 2 === 0 ? [1, 0] : [0, 1];
    const m = [];
    for (const i of order) m[i] = measure(() => work(engine, file, texts[i], settings));
    if (r >= 0) {
      t[0].push(m[0].cpu);
      t[1].push(m[1].cpu);
      ratios.push(m[1].cpu / m[0].cpu);
    }
    if (m[1].wall > LIMIT_MS) break;
  }
  return { bytes: texts.map((x) => x.length), units: [n2 >> 1, n2], cpu: t.map(median), ratio: median(ratios) };
}

export async function benchLinear({ engine, quick }) {
  const rows = [];
  const raw = {};
  for (const [name, shape] of Object.entries({ ...LINEAR_SHAPES, ...DRY_RUN_SHAPES })) {
    const g = linearGrowth(engine, shape, { rounds: quick ? 3 : 5, scale: quick ? 0.25 : 1 });
    raw[name] = g;
    const mb = (b) => `${(b / 1048576).toFixed(2)} MB`;
    rows.push({
      id: '8', what: `2× input: ${name} (${g.units.map((u) => u.toLocaleString('en-US')).join(' → ')} ${shape.unit}, ${g.bytes.map(mb).join(' → ')})`,
      value: `${g.ratio.toFixed(2)}× time (CPU ${g.cpu.map(fmtMs).join(' → ')})`,
      target: '≤ 2.6×', met: g.ratio <= 2.6,
    });
  }
  return { rows, raw };
}
