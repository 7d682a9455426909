// The code under test, bundled exactly as shipped (esbuild, minified, as `npm run package` does), into a temp
// folder so that a build by someone else in dist/ cannot change it mid-run. The engine bundle exposes lintText
// and classify, plus parseModel, detectProduct and allRules for breakdowns (the bundles the editor and the CLI run have no exports).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { onExit } from './cleanup.mjs';

// The options of scripts/build.mjs with --production.
const SHIPPED = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, minify: true, logLevel: 'warning' };

export async function buildBundles(repo) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-bench-'));
  const entry = path.join(dir, 'engine-entry.ts');
  fs.writeFileSync(entry, [
    `export { lintText } from ${JSON.stringify(path.join(repo, 'shared-rules/engine/lint'))};`,
    `export { classify } from ${JSON.stringify(path.join(repo, 'shared-rules/engine/files'))};`,
    `export { resolveSettings } from ${JSON.stringify(path.join(repo, 'shared-rules/engine/settings'))};`,
    // For the breakdown of a miss: the parse alone and the product detection alone.
    `export { parseModel } from ${JSON.stringify(path.join(repo, 'shared-rules/engine/models'))};`,
    `export { detectProduct } from ${JSON.stringify(path.join(repo, 'shared-rules/engine/product'))};`,
    `export { allRules } from ${JSON.stringify(path.join(repo, 'shared-rules/rules'))};`,
    // §8: --fix-dry-run's work, the fixes (with their changes) and the diff printed from them.
    `export { fixText } from ${JSON.stringify(path.join(repo, 'shared-rules/engine/fixes'))};`,
    `export { fileDiff } from ${JSON.stringify(path.join(repo, 'cli/src/diff'))};`,
    // §9: the plain file a chart's template renders to with its values.
    `export { renderedWithValues } from ${JSON.stringify(path.join(repo, 'shared-rules/engine/template-lint'))};`,
    // §9's split: a template linted with a recording lint function, to time its values rendering's lint alone.
    `export { lintTemplate } from ${JSON.stringify(path.join(repo, 'shared-rules/engine/template-lint'))};`,
    `export { templateSyntax } from ${JSON.stringify(path.join(repo, 'shared-rules/engine/template-names'))};`,
  ].join('\n'));
  const build = (entryPoint, out) => esbuild.build({ ...SHIPPED, absWorkingDir: repo, entryPoints: [entryPoint], outfile: path.join(dir, out) });
  await Promise.all([
    build(entry, 'engine.js'),
    build('server/src/main.ts', 'server.js'),
    build('cli/src/main.ts', 'cli.js'),
  ]);
  const require = createRequire(import.meta.url);
  return {
    dir,
    engine: require(path.join(dir, 'engine.js')),
    server: path.join(dir, 'server.js'),
    cli: path.join(dir, 'cli.js'),
    cleanup: onExit(() => fs.rmSync(dir, { recursive: true, force: true })),
  };
}
