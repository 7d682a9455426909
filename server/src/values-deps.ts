// Which templates use which values files, learned by watching what values resolution reads: each template is
// linted with a recording FileAccess, so values.yaml, defaults/main.yml, group_vars/*, host_vars/*, params.pp,
// init.pp, hiera.yaml and its data, inventories and playbooks are all known as dependencies without a list of
// names here. A changed path re-lints the templates that read it (or listed its folder: a created or deleted
// group_vars file changes what is read). Reads see the editor's text of an open file first (unsaved edits count).
import * as path from 'node:path';
import type { FileAccess } from '../../shared-rules/engine/values/cases';
import { diskAccess } from '../../shared-rules/engine/values/disk';

/** A template reads a few dozen paths; past this many it is still re-linted, but not for every folder listed. */
const MAX_PATHS_PER_TEMPLATE = 2000;

interface Deps {
  files: Set<string>;
  dirs: Set<string>;
}

export class ValuesDependencies {
  private byTemplate = new Map<string, Deps>();

  /** `overlay`: the editor's text of an open file, or undefined (then the disk is read). */
  constructor(private readonly overlay: (file: string) => string | undefined) {}

  /** A FileAccess for linting `template`: it records what it reads, replacing what was recorded before. */
  access(template: string): FileAccess {
    const deps: Deps = { files: new Set(), dirs: new Set() };
    this.byTemplate.set(template, deps);
    const room = () => deps.files.size + deps.dirs.size < MAX_PATHS_PER_TEMPLATE;
    return {
      read: (file) => {
        if (room()) deps.files.add(file);
        return this.overlay(file) ?? diskAccess.read(file);
      },
      list: (dir) => {
        if (room()) deps.dirs.add(dir);
        return diskAccess.list(dir);
      },
    };
  }

  /** The linted file used no values after all (not a template, or no placeholder): nothing to follow. */
  settle(template: string, usedValues: boolean): void {
    if (!usedValues) this.byTemplate.delete(template);
  }

  forget(template: string): void {
    this.byTemplate.delete(template);
  }

  /** The templates that read `changed`, or listed the folder it is in (or is: a folder created or deleted). */
  dependents(changed: string): string[] {
    const dir = path.dirname(changed);
    const out: string[] = [];
    for (const [template, d] of this.byTemplate) {
      if (template === changed) continue;
      if (d.files.has(changed) || d.dirs.has(dir) || d.dirs.has(changed)) out.push(template);
    }
    return out;
  }
}
