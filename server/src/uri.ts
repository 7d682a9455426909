// file: URIs ↔ paths (the engine names files by path; other schemes keep their URI as the name).
import { fileURLToPath } from 'node:url';

export const URI = {
  toPath(uri: string): string {
    if (!uri.startsWith('file:')) return uri;
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  },
};
