// The files mutations start from: every checked file of the shared corpus, plus the bundled examples and the vendored
// Carbon 4.4 homes (so the fuzzer still has seeds on a machine without the corpus).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classify } from '../../shared-rules/engine/files';
import type { FileKind } from '../../shared-rules/engine/rule';
import { CORPUS, REPO, corpusFiles } from '../../test/helpers/shared';

export interface Seed {
  /** Absolute path: linting under the real name keeps product detection as it is for the real file. */
  file: string;
  text: string;
  kind: FileKind;
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
}

let cached: Seed[] | undefined;

export function loadSeeds(): Seed[] {
  if (cached) return cached;
  // The vendored Carbon 4.4 homes, container files and pod manifests (issues 19, 20) too.
  const files = [...corpusFiles().map((f) => path.join(CORPUS, f)), ...walk(path.join(REPO, 'examples')), ...walk(path.join(REPO, 'test', 'fixtures', 'legacy')), ...walk(path.join(REPO, 'test', 'fixtures', 'containers')), ...walk(path.join(REPO, 'test', 'fixtures', 'pods'))].sort();
  cached = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const kind = classify(file, text);
    if (kind) cached.push({ file, text, kind });
  }
  return cached;
}
