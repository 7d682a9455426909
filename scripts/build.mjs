// Bundles the client, the server and the CLI with esbuild, and writes the offline rule docs.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
// The security advisories (raw Markdown → shared-rules/data/advisories/generated.json); a no-op when it is current.
// In-process (no second Node start-up): a stat of the inputs when nothing changed.
(await import('./advisories/convert.mjs')).run({ quiet: true });
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning' };

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js' }),
]);
fs.chmodSync('dist/cli.js', 0o755);
// The docs the diagnostics link to (codeDescription) ship beside the bundles, so they work offline.
execFileSync(process.execPath, ['dist/cli.js', 'docs', '--out', 'docs/rules'], { stdio: 'inherit' });
