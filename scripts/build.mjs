// Bundles the client, the server and the CLI with esbuild, and writes the offline rule docs.
// --production (npm pack's prepack, the VSIX): minified, no source maps (stale ones removed), and dist/NOTICE
// listing every third-party package the bundles carry, with its licence text.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { writeNotice } from './notice.mjs';

const production = process.argv.includes('--production');
// The security advisories (raw Markdown → shared-rules/data/advisories/generated.json); a no-op when it is current.
// In-process (no second Node start-up): a stat of the inputs when nothing changed.
(await import('./advisories/convert.mjs')).run({ quiet: true });
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning', metafile: true };

const results = await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js' }),
]);
fs.chmodSync('dist/cli.js', 0o755);
if (production) for (const f of fs.readdirSync('dist')) if (f.endsWith('.js.map')) fs.rmSync(`dist/${f}`);
writeNotice(results.map((r) => r.metafile), 'dist/NOTICE');
// The docs the diagnostics link to (codeDescription) ship beside the bundles, so they work offline.
execFileSync(process.execPath, ['dist/cli.js', 'docs', '--out', 'docs/rules'], { stdio: 'inherit' });
