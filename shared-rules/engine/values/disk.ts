// FileAccess on the real disk (CLI, server): reads only regular files, and no more than a values file may hold.
import * as fs from 'node:fs';
import type { FileAccess } from './cases';
import { MAX_VALUES_BYTES } from './yaml-layer';

export const diskAccess: FileAccess = {
  read(file) {
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) return undefined;
      // A too-large values file is still "there" (a notice says so) but never read whole.
      if (st.size > MAX_VALUES_BYTES * 4) return ' '.repeat(MAX_VALUES_BYTES + 1);
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
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
