// Writes a file so that a failure midway leaves the original intact: temp file in the same folder, then rename.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeAtomic(file: string, content: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.carbonlint-${process.pid}.tmp`);
  try {
    // Keep an existing file's mode (scripts stay executable); a new file (--output, baselines) gets the default.
    let mode: number | undefined;
    try {
      mode = fs.statSync(file).mode;
    } catch {
      mode = undefined;
    }
    fs.writeFileSync(tmp, content, mode === undefined ? {} : { mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    // Remove our temp file if we made one; never let the clean-up hide the real error (or remove a directory).
    try {
      if (fs.lstatSync(tmp).isFile()) fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing of ours to remove */
    }
    throw e;
  }
}
