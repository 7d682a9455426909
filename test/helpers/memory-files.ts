// Values-file access over an in-memory tree (path → text), for tests of the values machinery: `list` answers a
// folder with the first path segment of every file below it, as the disk access does.
import type { FileAccess } from '../../shared-rules/engine/values/cases';

export function memory(files: Record<string, string>): FileAccess {
  return {
    read: (f) => files[f],
    list: (d) => {
      const names = new Set<string>();
      for (const f of Object.keys(files)) if (f.startsWith(d + '/')) names.add(f.slice(d.length + 1).split('/')[0]);
      return names.size ? [...names].sort() : undefined;
    },
  };
}
