// FileAccess on the real disk (CLI, server): reads only regular files, and no more than a values file may hold.
// A values file is found by name next to a template (values.yaml, defaults/main.yml, params.pp), so a hostile
// repository could plant a link there: a link is never followed (it could lead out of the workspace), and the
// read goes through the bounded, non-blocking reader (a FIFO never blocks, the size is checked on the descriptor).
import * as fs from 'node:fs';
import type { FileAccess } from './cases';
import { MAX_VALUES_BYTES } from './yaml-layer';
import { readConfigFile } from '../read-config';

export const diskAccess: FileAccess = {
  read(file) {
    try {
      // A missing file is the common answer (values.yml or values.yaml, a Chart.yaml further up): no exception for it.
      const st = fs.lstatSync(file, { throwIfNoEntry: false });
      if (!st || st.isSymbolicLink()) return undefined;
    } catch {
      return undefined;
    }
    const r = readConfigFile(file, MAX_VALUES_BYTES * 4);
    if (!r.ok) return undefined;
    // A too-large values file is still "there" (a notice says so) but never read whole.
    return r.tooLarge ? ' '.repeat(MAX_VALUES_BYTES + 1) : r.text;
  },
  // A regular file, not a link (as `read` takes it); its contents are not read, so a Chart.yaml that cannot be
  // opened (no permission) still marks a chart — which `read` would not say. Two system calls fewer per lint.
  isFile(file) {
    try {
      return fs.lstatSync(file, { throwIfNoEntry: false })?.isFile() === true;
    } catch {
      return false;
    }
  },
  list(dir) {
    try {
      return fs.readdirSync(dir).sort();
    } catch {
      return undefined;
    }
  },
};
