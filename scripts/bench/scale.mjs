// §3 Workspace scale: a generated workspace of N files. The CLI as a whole process (wall, CPU, peak RSS), with a
// process that only walks and reads the same files as the same-run reference; then the language server's initial
// scan of it (initialize with the folder → the scan's end), its RSS, and edit latency in an open file meanwhile.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from './proc.mjs';
import { startServer, fileUri, positionAt } from './lsp-client.mjs';
import { makeWorkspace } from './workspace.mjs';
import { interleaveAsync, median, percentile, fmtMs, fmtMB, fmtX } from './stats.mjs';

const READ_ALL = fileURLToPath(new URL('./read-all.mjs', import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const NOT_AVAILABLE_MS = 15_000;

async function cliRows(bundles, ws, tools, quick) {
  const r = await interleaveAsync({
    cli: () => runNode(bundles.cli, [ws.root], { timeTool: tools.time }),
    read: () => runNode(READ_ALL, [ws.root], { timeTool: tools.time }),
  }, { rounds: quick ? 1 : 3, warmup: 0, reference: 'read' });
  const runs = r.runs.cli;
  const code = runs[0].code;
  if (code !== 0 && code !== 1) throw new Error(`the CLI exited ${code} on the workspace: ${runs[0].stderr.trim().split('\n').pop()}`);
  const wall = r.median.cli;
  const rss = median(runs.map((x) => x.peakRss));
  const cpu = median(runs.map((x) => x.cpu));
  const n = ws.files.length.toLocaleString('en');
  return [
    { id: '3', what: `CLI whole process, ${n} files (${fmtMB(ws.bytes)}): wall`, value: `${fmtMs(wall)} (CPU ${fmtMs(cpu)}; ${fmtX(r.ratio.cli)} a walk-and-read-only process)`, target: '≤ 5 s', met: quick ? null : wall <= 5000 },
    { id: '3', what: 'CLI peak RSS, same run', value: fmtMB(rss), target: '≤ 200 MB', met: quick ? null : rss <= 200 * 1048576 },
  ];
}

/** Waits for the end of the initial scan: scanState done, progress end, or diagnostics for every file. */
async function scanEnd(c, files, started) {
  for (;;) {
    const done = c.scanStates.find((s) => s.state === 'done' || s.state === 'cancelled');
    if (done) return { t: done.t, how: 'carbonlint/scanState done' };
    const begun = new Set(c.progress.filter((p) => p.kind === 'begin').map((p) => p.token));
    const end = c.progress.find((p) => p.kind === 'end' && begun.has(p.token));
    if (end) return { t: end.t, how: 'work-done progress end' };
    if (new Set(c.published.map((p) => p.uri)).size >= files) return { t: c.published[c.published.length - 1].t, how: 'diagnostics for every file' };
    const idle = performance.now() - started > NOT_AVAILABLE_MS && c.published.length === 0 && c.progress.length === 0 && c.scanStates.length === 0;
    if (idle) return undefined;
    await sleep(20);
  }
}

async function scanOnce(bundles, ws, { edit }) {
  const c = await startServer(bundles.server, { folders: [ws.root] });
  try {
    const started = c.initializedAt;
    const latencies = [];
    let typing;
    if (edit) {
      // Open one of the workspace's files as soon as the scan runs, and type in it every 50 ms until it ends.
      await c.next(() => true, NOT_AVAILABLE_MS);
      const file = ws.files.find((f) => f.endsWith('deployment.toml'));
      const uri = fileUri(file);
      const text = fs.readFileSync(file, 'utf8');
      await c.open(uri, text);
      const at = text.indexOf('"', text.search(/^[ \t]*[A-Za-z_][\w.-]*[ \t]*=[ \t]*"/m)) + 1;
      typing = (async () => {
        for (let v = 2; latencies.length < 400 && !c.scanStates.some((s) => s.state === 'done'); v++) {
          const p = positionAt(text, at);
          const range = v % 2 === 0 ? { start: p, end: p } : { start: p, end: { ...p, character: p.character + 1 } };
          latencies.push(await c.change(uri, v, range, v % 2 === 0 ? 'x' : ''));
          await sleep(50);
        }
      })();
    }
    const end = await scanEnd(c, ws.files.length, started);
    await typing;
    if (!end) return undefined;
    return { ms: end.t - started, how: end.how, rss: c.rss(), files: new Set(c.published.map((p) => p.uri)).size, latencies };
  } finally {
    await c.stop();
  }
}

async function serverRows(bundles, ws, quick) {
  const n = ws.files.length.toLocaleString('en');
  const scans = [];
  // Two timed scans (a third, with edits, follows): each takes about as long as the CLI's whole run.
  for (let r = 0; r < (quick ? 1 : 2); r++) {
    const s = await scanOnce(bundles, ws, { edit: false });
    if (!s) return [{ id: '3', what: `server initial scan, ${n} files`, value: 'not available yet (no scan progress, state or diagnostics within 15 s of initialized)', target: '', met: null }];
    scans.push(s);
  }
  const withEdits = await scanOnce(bundles, ws, { edit: true });
  const lat = withEdits?.latencies ?? [];
  const ms = median(scans.map((s) => s.ms));
  const rss = median(scans.map((s) => s.rss));
  return [
    { id: '3', what: `server initial scan, ${n} files: initialized → ${scans[0].how}`, value: `${fmtMs(ms)} (diagnostics for ${scans[0].files.toLocaleString('en')} files)`, target: '', met: null },
    { id: '3', what: 'server RSS after the scan', value: fmtMB(rss), target: '≤ 150 MB', met: quick ? null : rss <= 150 * 1048576 },
    {
      id: '3', what: `edit latency in an open file while the scan runs (${lat.length} edits, 50 ms apart): p95`,
      value: lat.length ? `${fmtMs(percentile(lat, 95))} (p50 ${fmtMs(percentile(lat, 50))}, max ${fmtMs(Math.max(...lat))})` : 'no edit landed before the scan ended',
      target: '≤ 50 ms', met: lat.length && !quick ? percentile(lat, 95) <= 50 : null,
    },
  ];
}

export async function benchScale({ bundles, corpus, tools, quick, log }) {
  const files = quick ? 1000 : 10_000;
  const ws = makeWorkspace(corpus, files);
  try {
    log(`  workspace: ${ws.files.length} files, ${fmtMB(ws.bytes)} in ${ws.root}`);
    const rows = await cliRows(bundles, ws, tools, quick);
    log('  CLI done; server scan…');
    rows.push(...(await serverRows(bundles, ws, quick)));
    return { rows, raw: { root: path.basename(ws.root), files: ws.files.length, bytes: ws.bytes } };
  } finally {
    ws.cleanup();
  }
}
