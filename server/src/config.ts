// What applies to one file: the editor settings of its workspace folder over its project file over the
// defaults (defaults < .carbonlint.json < editor), and whether a pattern excludes it.
import * as path from 'node:path';
import { resolveSettings, type Settings } from '../../shared-rules/engine/settings';
import { compileGlob } from '../../shared-rules/engine/glob';
import { relativeTo } from '../../shared-rules/engine/workspace';
import type { EditorConfig, EditorSettings } from './settings';
import type { LoadedProject, ProjectFiles } from './project-file';
import { URI } from './uri';
import { nearest, pathKey } from './path-keys';

export interface Folder {
  uri: string;
  path: string;
}

export interface FileConfig {
  enabled: boolean;
  workspaceScan: boolean;
  settings: Settings;
  /** The pattern that leaves the file alone, e.g. `"legacy/**" in carbonlint.exclude`. */
  excludedBy?: string;
  project?: LoadedProject;
  folder?: Folder;
}

// compileGlob keeps a bounded cache of compiled patterns; an invalid one matches nothing (settings report it).
function matches(glob: string, rel: string): boolean {
  if (!glob.trim()) return false;
  const c = compileGlob(glob);
  return !('error' in c) && c.matchesPathOrParent(rel);
}

export function firstMatch(globs: readonly string[], rel: string | undefined): string | undefined {
  return rel === undefined ? undefined : globs.find((g) => matches(g, rel));
}

export class Folders {
  list: Folder[] = [];
  /** The folders by resolved path: a file looks up its own folders, not every workspace folder (asked per file). */
  private byPath = new Map<string, Folder>();

  set(folders: ReadonlyArray<{ uri: string }>): void {
    this.list = folders.filter((f) => URI.isFile(f.uri)).map((f) => ({ uri: f.uri, path: URI.toPath(f.uri) }));
    this.byPath.clear();
    for (const f of this.list) {
      const k = pathKey(f.path);
      const had = this.byPath.get(k);
      if (!had || f.path.length > had.path.length) this.byPath.set(k, f);
    }
  }

  /** The innermost workspace folder holding the path. */
  containing(p: string): Folder | undefined {
    return nearest(p, this.byPath);
  }
}

export class ConfigResolver {
  constructor(private readonly editor: EditorConfig, private readonly projects: ProjectFiles, private readonly folders: Folders) {}

  editorFor(folder: Folder | undefined, uri: string): Promise<EditorSettings> {
    return this.editor.get(folder?.uri ?? uri);
  }

  async forUri(uri: string): Promise<FileConfig> {
    const file = URI.isFile(uri) ? URI.toPath(uri) : undefined;
    const folder = file ? this.folders.containing(file) : undefined;
    const ed = await this.editorFor(folder, uri);
    const project = file ? this.projects.forFile(file) : undefined;
    const settings = resolveSettings(project?.config.settings, ed.settings);
    let excludedBy: string | undefined;
    if (file && folder) {
      const g = firstMatch(ed.exclude, relativeTo(folder.path, file));
      if (g) excludedBy = `"${g}" in carbonlint.exclude`;
    }
    if (file && project && !excludedBy) {
      const g = firstMatch(project.config.exclude, relativeTo(path.dirname(project.file), file));
      if (g) excludedBy = `"${g}" in ${project.file}`;
    }
    return { enabled: ed.enable, workspaceScan: ed.workspaceScan, settings, excludedBy, project, folder };
  }

  /** For the walk: folders and files a scan leaves out before reading anything (files.exclude, carbonlint.exclude). */
  async scanFilter(folder: Folder): Promise<{ editor: EditorSettings; excluded(abs: string): boolean }> {
    const editor = await this.editor.get(folder.uri);
    const globs = [...editor.filesExclude, ...editor.exclude];
    return { editor, excluded: (abs) => firstMatch(globs, relativeTo(folder.path, abs)) !== undefined };
  }
}
