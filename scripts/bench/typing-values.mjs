// §2, values files: typing in the open values.yaml of a Helm chart (the IS 7.0.x chart of test/fixtures/deploy,
// copied to a temporary workspace) at a fast typist's pace. Each edit's latency is didChange → the values file's
// own diagnostics; the closed template that reads it is re-checked in the background (after a pause in typing,
// server/src/coalesced-checks.ts), and how often it was linted is counted.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer, fileUri } from './lsp-client.mjs';
import { percentile } from './stats.mjs';

const CHART = path.join('test', 'fixtures', 'deploy', 'wso2__kubernetes-is@7.0.x');
const EDITS = 40;
const GAP_MS = 15;

export async function typeInValues(repo, serverJs) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-bench-values-'));
  fs.cpSync(path.join(repo, CHART), root, { recursive: true });
  const c = await startServer(serverJs, { folders: [root] });
  try {
    const until = Date.now() + 60_000;
    while (!c.scanStates.some((s) => s.state === 'done') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const file = path.join(root, 'values.yaml');
    const text = `${fs.readFileSync(file, 'utf8')}\n# note: `;
    const lines = text.split('\n');
    const line = lines.length - 1;
    const uri = fileUri(file);
    await c.open(uri, text);
    const from = c.published.length;
    const cpu0 = c.cpu();
    const lat = [];
    for (let k = 0; k < EDITS; k++) {
      const at = { line, character: lines[line].length + k };
      const sent = performance.now();
      lat.push(await c.change(uri, k + 2, { start: at, end: at }, 'x'));
      const wait = GAP_MS - (performance.now() - sent);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await new Promise((r) => setTimeout(r, 1000)); // the template's re-check after the pause
    const cpu = c.cpu() - cpu0;
    const templateLints = c.published.slice(from).filter((p) => p.uri !== uri).length;
    return { p50: percentile(lat, 50), p90: percentile(lat, 90), templateLints, cpu, edits: EDITS, gap: GAP_MS };
  } finally {
    await c.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
