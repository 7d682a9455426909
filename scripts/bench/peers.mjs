// §6 Peers on the same files in the same rounds, whole process each: shellcheck (Debian) on the corpus scripts,
// taplo (npm @taplo/cli, WebAssembly build) on the corpus TOML; CarbonLint's CLI on the same file lists.
import { runProcess, runNode } from './proc.mjs';
import { byKind } from './corpus.mjs';
import { interleaveAsync, fmtMs, fmtX } from './stats.mjs';

export async function benchPeers({ bundles, corpus, tools, quick }) {
  const rounds = quick ? 2 : 5;
  const rows = [];
  const scripts = byKind(corpus, 'shell').map((f) => f.abs);
  const toml = byKind(corpus, 'toml').map((f) => f.abs);
  const ours = (files) => () => runNode(bundles.cli, files);
  if (tools.shellcheck) {
    const r = await interleaveAsync({ peer: () => runProcess(tools.shellcheck, scripts), ours: ours(scripts) }, { rounds, reference: 'peer' });
    rows.push({ id: '6', what: `${scripts.length} corpus scripts: CarbonLint CLI time ÷ shellcheck ${tools.shellcheckVersion ?? ''}`, value: `${fmtX(r.ratio.ours)} (${fmtMs(r.median.ours)} vs ${fmtMs(r.median.peer)})`, target: '', met: null });
  } else {
    rows.push({ id: '6', what: 'CarbonLint CLI vs shellcheck', value: 'skipped: shellcheck not installed', target: '', met: null });
  }
  if (tools.taplo) {
    const r = await interleaveAsync({
      lint: () => runNode(tools.taplo, ['lint', '--no-schema', '--no-auto-config', ...toml]),
      fmt: () => runNode(tools.taplo, ['fmt', '--check', '--no-auto-config', ...toml]),
      ours: ours(toml),
    }, { rounds, reference: 'lint' });
    const fmtRatio = r.ratio.ours / r.ratio.fmt;
    rows.push(
      { id: '6', what: `${toml.length} corpus TOML files: CarbonLint CLI time ÷ taplo ${tools.taploVersion ?? ''} lint`, value: `${fmtX(r.ratio.ours)} (${fmtMs(r.median.ours)} vs ${fmtMs(r.median.lint)})`, target: '', met: null },
      { id: '6', what: 'same files: CarbonLint CLI time ÷ taplo fmt --check', value: `${fmtX(fmtRatio)} (taplo fmt --check ${fmtMs(r.median.fmt)})`, target: '', met: null },
    );
  } else {
    rows.push({ id: '6', what: 'CarbonLint CLI vs taplo', value: 'skipped: @taplo/cli not installed (npm ci)', target: '', met: null });
  }
  return { rows };
}
