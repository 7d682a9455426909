// file: URIs ↔ paths (the engine names files by path; other schemes keep their URI as the name).
import { fileURLToPath, pathToFileURL } from 'node:url';

export const URI = {
  toPath(uri: string): string {
    if (typeof uri !== 'string') return String(uri); // a malformed message must not throw here
    if (!uri.startsWith('file:')) return uri;
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  },
  /** The file: URI of an absolute path, spelled as VS Code spells it (so diagnostics land on the open editor). */
  fromPath(p: string): string {
    return pathToFileURL(p).toString();
  },
  isFile(uri: string): boolean {
    return typeof uri === 'string' && uri.startsWith('file:');
  },
};
