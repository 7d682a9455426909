// `.carbonlint.json` in the editor: the nearest one at or above a file (as the CLI finds it), read once and kept
// until the file changes on disk; its problems become diagnostics on the file itself, at the offending key.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_FILE_MAX_BYTES, readConfigFile } from '../../shared-rules/engine/read-config';
import { Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver/node';
import { PROJECT_CONFIG_NAME, parseProjectConfig, type ConfigError, type ProjectConfig } from '../../shared-rules/engine/project-config';
import { anchorAssociations } from '../../shared-rules/engine/associations';
import { LineIndex } from '../../shared-rules/engine/text';
import { CONFIGURABLE_RULE_IDS } from '../../shared-rules/rules';
import { jsonLocations, type Span } from './json-locations';

export interface LoadedProject {
  file: string;
  config: ProjectConfig;
  errors: ConfigError[];
  text: string;
}


export class ProjectFiles {
  private nearest = new Map<string, string | null>();
  private loaded = new Map<string, LoadedProject | null>();

  /** Called when a project file is (re)read: the server publishes its problems. */
  constructor(private readonly onLoad: (p: LoadedProject) => void) {}

  /** The project file in force for a file (by absolute path), if any. */
  forFile(file: string): LoadedProject | undefined {
    const found = this.find(path.dirname(file));
    return found ? this.load(found) : undefined;
  }

  load(file: string): LoadedProject | undefined {
    const cached = this.loaded.get(file);
    if (cached !== undefined) return cached ?? undefined;
    // A regular file only (a FIFO named .carbonlint.json must not block the server), and not a huge one.
    const read = readConfigFile(file, PROJECT_FILE_MAX_BYTES);
    if (!read.ok || read.tooLarge) {
      this.loaded.set(file, null);
      return undefined;
    }
    const text = read.text;
    const { config, errors } = parseProjectConfig(text, CONFIGURABLE_RULE_IDS);
    anchorAssociations(config.settings, path.dirname(file));
    const p = { file, config, errors, text };
    this.loaded.set(file, p);
    this.onLoad(p);
    return p;
  }

  /** Forget everything (a project file was created, changed or deleted somewhere). */
  invalidate(): void {
    this.nearest.clear();
    this.loaded.clear();
  }

  private find(dir: string): string | undefined {
    const chain: string[] = [];
    let found: string | null | undefined;
    for (let d = dir; ; d = path.dirname(d)) {
      found = this.nearest.get(d);
      if (found !== undefined) break;
      chain.push(d);
      const f = path.join(d, PROJECT_CONFIG_NAME);
      if (fs.existsSync(f)) {
        found = f;
        break;
      }
      if (path.dirname(d) === d) {
        found = null;
        break;
      }
    }
    for (const d of chain) this.nearest.set(d, found);
    return found ?? undefined;
  }
}

/** Diagnostics for a project file's problems, each at the key (or entry) it names; linear in the file's size. */
export function projectDiagnostics(p: LoadedProject): Diagnostic[] {
  const index = new LineIndex(p.text);
  let spans: Map<string, Span> | undefined;
  return p.errors.map((e) => ({
    range: keyRange(p.text, index, e, () => (spans ??= jsonLocations(p.text))),
    severity: DiagnosticSeverity.Error,
    source: 'carbonlint',
    code: 'project-config',
    message: e.key ? `${e.key}: ${e.message}` : `${PROJECT_CONFIG_NAME} ${e.message}`,
  }));
}

function keyRange(text: string, index: LineIndex, e: ConfigError, locations: () => Map<string, Span>): Range {
  let at = -1;
  let len = 1;
  if (e.key) {
    // The deepest located part of the dotted key: "rules.plaintext-pasword", else "rules".
    const spans = locations();
    for (let k = e.key; ; k = k.slice(0, k.lastIndexOf('.'))) {
      const s = spans.get(k);
      if (s) {
        at = s.at;
        len = s.len;
        break;
      }
      if (!k.includes('.')) break;
    }
  } else {
    const m = /position (\d+)/.exec(e.message);
    if (m) at = Math.min(Number(m[1]), text.length);
  }
  if (at < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return index.range({ start: at, end: Math.min(text.length, at + len) });
}
