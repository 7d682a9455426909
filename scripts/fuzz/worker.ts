// A fuzz worker (child process of scripts/fuzz.ts): checks the chunks of input indices it is sent and reports
// every outcome. A separate process so that a real hang or an out-of-memory crash is seen and survived by the parent.
import { makePlan } from './plan';
import { checkInput } from './oracle';
import { loadSeeds } from './seeds';
import { lintText } from '../../shared-rules/engine/lint';

export interface ChunkMessage {
  type: 'chunk';
  from: number;
  to: number;
}

export interface ResultMessage {
  type: 'result';
  i: number;
  source: string;
  bytes: number;
  ms: number;
  ratio: number;
  findings: number;
  fixes: number;
  violations: Array<{ type: string; detail: string }>;
}

const [seedArg, systematicArg] = process.argv.slice(2);
const plan = makePlan(Number(seedArg), { systematic: systematicArg !== 'false' });

process.on('message', (m: ChunkMessage) => {
  if (m.type !== 'chunk') return;
  for (let i = m.from; i < m.to; i++) {
    process.send!({ type: 'start', i });
    const input = plan.inputAt(i);
    let msg: ResultMessage;
    try {
      const o = checkInput(input);
      msg = { type: 'result', i, source: input.source, bytes: o.bytes, ms: o.ms, ratio: o.ratio, findings: o.findings, fixes: o.fixesChecked, violations: o.violations };
    } catch (e) {
      // The oracle itself must not stop the run; what threw is reported like a crash of the engine.
      msg = { type: 'result', i, source: input.source, bytes: input.text.length, ms: 0, ratio: 0, findings: 0, fixes: 0, violations: [{ type: 'crash', detail: `oracle: ${(e as Error).stack ?? e}` }] };
    }
    process.send!(msg);
  }
  process.send!({ type: 'done' });
});
// Warm up (JIT) on the seeds first, so the first inputs' times measure the engine, not the compiler.
for (let k = 0; k < 3; k++) for (const s of loadSeeds()) lintText(s.file, s.text);
process.send!({ type: 'ready', systematic: plan.systematic });
