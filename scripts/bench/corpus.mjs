// The shared corpus (the vendored test/fixtures/shared copy, or $CARBONLINT_SHARED/corpus), keystores excluded, with each file's kind.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function corpusDir(repo) {
  return path.join(process.env.CARBONLINT_SHARED ?? path.join(repo, 'test', 'fixtures', 'shared'), 'corpus');
}

/** [{ rel, abs, text, kind }] for every file the engine checks, sorted by path. */
export function loadCorpus(repo, engine) {
  const root = corpusDir(repo);
  if (!fs.existsSync(root)) throw new Error(`the shared corpus is not at ${root} (set CARBONLINT_SHARED)`);
  return fs.readdirSync(root, { recursive: true })
    .filter((rel) => !rel.startsWith('keystores') && fs.statSync(path.join(root, rel)).isFile())
    .sort()
    .map((rel) => {
      const abs = path.join(root, rel);
      const text = fs.readFileSync(abs, 'utf8');
      return { rel, abs, text, kind: engine.classify(abs, text) };
    })
    .filter((f) => f.kind !== undefined);
}

export const KINDS = ['toml', 'properties', 'xml', 'shell'];
export const byKind = (files, kind) => files.filter((f) => f.kind === kind);
