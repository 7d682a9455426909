// Where the shared corpus lives: the vendored copy in test/fixtures/shared (see its SOURCES.md), so a bare clone
// runs every test; CARBONLINT_SHARED points the tests at another copy (e.g. the live ../shared).
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
export const SHARED = process.env.CARBONLINT_SHARED ?? path.join(REPO, 'test/fixtures/shared');
export const CORPUS = path.join(SHARED, 'corpus');
export const GUIDELINES = path.join(SHARED, 'guidelines.md');
export const HAVE_CORPUS = fs.existsSync(CORPUS);
export const NO_CORPUS = HAVE_CORPUS ? false : `the shared corpus is not at ${CORPUS} (set CARBONLINT_SHARED)`;

/** Every file under the corpus (keystores excluded), relative paths, sorted. */
export function corpusFiles(): string[] {
  if (!HAVE_CORPUS) return [];
  return (fs.readdirSync(CORPUS, { recursive: true }) as string[])
    .filter((f) => !f.startsWith('keystores') && fs.statSync(path.join(CORPUS, f)).isFile() && !f.endsWith('SOURCES.md'))
    .sort();
}
