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
  // The same facts indexed by path: `dependents` runs on every keystroke in any open file, and a loop over every
  // template of a large workspace (2,550 charts: ~0.12 ms) was a fifth of a keystroke's lint.
  private readers = new Map<string, Set<string>>();
  private listers = new Map<string, Set<string>>();

  /** `overlay`: the editor's text of an open file, or undefined (then the disk is read). */
  constructor(private readonly overlay: (file: string) => string | undefined) {}

  /** A FileAccess for linting `template`: it records what it reads, replacing what was recorded before. */
  access(template: string): FileAccess {
    this.drop(template);
    const deps: Deps = { files: new Set(), dirs: new Set() };
    this.byTemplate.set(template, deps);
    // Only while this is the template's current record (an older FileAccess must not add to the index).
    const room = () => this.byTemplate.get(template) === deps && deps.files.size + deps.dirs.size < MAX_PATHS_PER_TEMPLATE;
    return {
      read: (file) => {
        if (room() && !deps.files.has(file)) {
          deps.files.add(file);
          add(this.readers, file, template);
        }
        return this.overlay(file) ?? diskAccess.read(file);
      },
      list: (dir) => {
        if (room() && !deps.dirs.has(dir)) {
          deps.dirs.add(dir);
          add(this.listers, dir, template);
        }
        return diskAccess.list(dir);
      },
    };
  }

  /** The linted file used no values after all (not a template, or no placeholder): nothing to follow. */
  settle(template: string, usedValues: boolean): void {
    if (!usedValues) this.drop(template);
  }

  forget(template: string): void {
    this.drop(template);
  }

  /** The templates that read `changed`, or listed the folder it is in (or is: a folder created or deleted). */
  dependents(changed: string): string[] {
    const out = new Set<string>();
    for (const templates of [this.readers.get(changed), this.listers.get(path.dirname(changed)), this.listers.get(changed)]) {
      for (const t of templates ?? []) if (t !== changed) out.add(t);
    }
    return [...out];
  }

  private drop(template: string): void {
    const d = this.byTemplate.get(template);
    if (!d) return;
    this.byTemplate.delete(template);
    for (const f of d.files) remove(this.readers, f, template);
    for (const dir of d.dirs) remove(this.listers, dir, template);
  }
}

function add(index: Map<string, Set<string>>, key: string, template: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(template);
}

function remove(index: Map<string, Set<string>>, key: string, template: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(template);
  if (set.size === 0) index.delete(key);
}
