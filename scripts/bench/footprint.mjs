// §5 Footprint: the VSIX as `npm run package` builds it, bundle sizes, the server's start (spawn → answer to
// initialize) and the CLI on one file as a whole process — each against `node -e 0` measured in the same rounds.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProcess, runNode } from './proc.mjs';
import { startServer } from './lsp-client.mjs';
import { interleaveAsync, fmtMs, fmtX } from './stats.mjs';

function packageVsix(repo) {
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repo, encoding: 'utf8', timeout: 300_000 });
  const vsix = path.join(repo, 'dist', 'carbonlint.vsix');
  if (r.status !== 0 || !fs.existsSync(vsix)) {
    const why = `${r.stderr || ''}${r.stdout || ''}`.trim().split('\n').filter(Boolean).slice(-2).join(' / ') || `exit ${r.status}`;
    return { error: `npm run package failed: ${why.slice(0, 300)}` };
  }
  return { bytes: fs.statSync(vsix).size };
}

export async function benchFootprint({ repo, bundles, corpus, quick, skipPackage }) {
  const rows = [];
  if (skipPackage) {
    rows.push({ id: '5', what: 'VSIX size (npm run package)', value: 'skipped (--no-package)', target: '≤ 1 MB', met: null });
  } else {
    const v = packageVsix(repo);
    rows.push(v.error
      ? { id: '5', what: 'VSIX size (npm run package)', value: v.error, target: '≤ 1 MB', met: false }
      : { id: '5', what: 'VSIX size (npm run package)', value: `${(v.bytes / 1024).toFixed(0)} KB`, target: '≤ 1 MB', met: v.bytes <= 1048576 });
  }
  const kb = (f) => `${(fs.statSync(f).size / 1024).toFixed(0)} KB`;
  rows.push({ id: '5', what: 'bundle sizes, minified as shipped: server.js / cli.js', value: `${kb(bundles.server)} / ${kb(bundles.cli)}`, target: '', met: null });

  const one = corpus.find((f) => f.kind === 'toml' && /apim-4\.7\.0/.test(f.rel)) ?? corpus.find((f) => f.kind === 'toml');
  const r = await interleaveAsync({
    node: () => runProcess(process.execPath, ['-e', '0']),
    server: async () => {
      const c = await startServer(bundles.server);
      const ms = c.initializeMs;
      await c.stop();
      return { ms };
    },
    cli: () => runNode(bundles.cli, [one.abs]),
  }, { rounds: quick ? 3 : 10, warmup: 1, reference: 'node' });
  rows.push(
    { id: '5', what: 'server start: spawn → answer to initialize', value: `${fmtMs(r.median.server)} (${fmtX(r.ratio.server)} \`node -e 0\`, which took ${fmtMs(r.median.node)})`, target: '', met: null },
    { id: '5', what: `CLI whole process on one file (${one.rel})`, value: `${fmtMs(r.median.cli)} (${fmtX(r.ratio.cli)} \`node -e 0\`)`, target: '', met: null },
  );
  return { rows, raw: { median: r.median, ratio: r.ratio } };
}
