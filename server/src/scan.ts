// The workspace scan: findings for every recognised file in the workspace folders, opened or not, kept current
// as files change on disk. It never holds up the editor: files are read asynchronously and linted one at a
// time, and the loop gives the event loop back between files, so a document being edited (linted on
// setImmediate) waits for at most one file. Shows LSP work-done progress and can be cancelled.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver/node';
import { classify, mayClassify } from '../../shared-rules/engine/files';
import { mayBeNginx } from '../../shared-rules/engine/nginx-files';
import { associatedKind } from '../../shared-rules/engine/template-names';
import { lintText } from '../../shared-rules/engine/lint';
import { PROJECT_CONFIG_NAME } from '../../shared-rules/engine/project-config';
import { SKIPPED_FOLDERS, isInside, relativeTo, walkFolder } from '../../shared-rules/engine/workspace';
import { readConfigFileAsync, tooLargeMessage } from '../../shared-rules/engine/read-config';
import type { ConfigResolver, Folder, Folders } from './config';
import { toDiagnostic } from './diagnostics';
import { templateHints, type ValuesDiagnostics } from './values-diagnostics';
import type { ValuesDependencies } from './values-deps';
import { describeError } from './errors';
import type { ProjectFiles } from './project-file';
import { ScanStateNotification, type ScanState } from './protocol';
import { URI } from './uri';
import { nearest, pathKey } from './path-keys';

export interface ScanHost {
  connection: Connection;
  folders: Folders;
  config: ConfigResolver;
  projects: ProjectFiles;
  isOpen(uri: string): boolean;
  /** Findings on values files, contributed by the templates that use them. */
  values?: ValuesDiagnostics;
  /** What each template reads to resolve its values (re-linted when one changes). */
  deps?: ValuesDependencies;
}

interface Run {
  cancelled: boolean;
  seen: Set<string>;
}

const SLICE_MS = 12;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceScanner {
  /** URIs whose diagnostics come from the file on disk (no editor has it open), with their finding counts. */
  private fromDisk = new Map<string, number>();
  private run?: Run;
  state: ScanState = { state: 'off', files: 0, checked: 0, findings: 0 };

  constructor(private readonly host: ScanHost) {}

  get scanning(): boolean {
    return this.run !== undefined;
  }

  cancel(): void {
    if (this.run) this.run.cancelled = true;
  }

  /** Scans every folder again (a running scan is cancelled first); stale findings of vanished files are cleared. */
  async scanAll(): Promise<void> {
    this.cancel();
    const run: Run = { cancelled: false, seen: new Set() };
    this.run = run;
    const { connection } = this.host;
    const progress = await connection.window.createWorkDoneProgress();
    progress.token.onCancellationRequested(() => (run.cancelled = true));
    progress.begin('CarbonLint', 0, 'Looking for configuration files…', true);
    const started = Date.now();
    this.setState({ state: 'scanning', files: 0, checked: 0, findings: this.findings() });
    try {
      const files = await this.collect(run, (n) => progress.report(`Looking for configuration files… ${n} found`));
      let lastReport = 0;
      let slice = performance.now();
      for (let i = 0; i < files.length && !run.cancelled; i++) {
        await this.checkFile(files[i], true);
        const now = Date.now();
        if (now - lastReport > 250) {
          lastReport = now;
          progress.report(Math.floor((i * 100) / files.length), `${i + 1}/${files.length} files`);
          this.setState({ state: 'scanning', files: files.length, checked: i + 1, findings: this.findings() });
        }
        if (performance.now() - slice > SLICE_MS) {
          await yieldToEventLoop();
          slice = performance.now();
        }
      }
      if (!run.cancelled) {
        for (const uri of [...this.fromDisk.keys()]) if (!run.seen.has(uri) && !this.host.isOpen(uri)) this.clear(uri);
      }
      const verb = run.cancelled ? 'cancelled after' : 'checked';
      connection.console.log(`Workspace scan ${verb} ${run.seen.size} of ${files.length} files in ${Date.now() - started} ms: ${this.findings()} findings.`);
      // The progress ends before the final state is announced, so a client that sees "done" has seen the end too.
      progress.done();
      this.setState({ state: run.cancelled ? 'cancelled' : 'done', files: files.length, checked: run.seen.size, findings: this.findings() });
    } catch (error) {
      progress.done();
      throw error;
    } finally {
      if (this.run === run) this.run = undefined;
    }
  }

  /** Candidate files of every folder where scanning is on; project files found on the way are loaded. */
  private async collect(run: Run, found: (n: number) => void): Promise<string[]> {
    const files: string[] = [];
    const enabled = new Set<string>();
    for (const folder of this.host.folders.list) {
      const filter = await this.host.config.scanFilter(folder);
      if (!filter.editor.enable || !filter.editor.workspaceScan) continue;
      enabled.add(folder.uri);
      const walk = walkFolder(folder.path, { excluded: filter.excluded, cancelled: () => run.cancelled, extraNames: [PROJECT_CONFIG_NAME], accept: (p) => this.associated(p) });
      for await (const file of walk) {
        if (path.basename(file) === PROJECT_CONFIG_NAME) this.host.projects.load(file);
        else if (files.push(file) % 100 === 0) found(files.length);
      }
    }
    return files;
  }

  /**
   * Lints one file from disk and publishes its findings — unless an editor has it open (the editor's text
   * wins), or it is excluded, or scanning is off for its folder (then any findings from disk are cleared).
   */
  async checkFile(abs: string, fromScan = false): Promise<void> {
    const uri = URI.fromPath(abs);
    if (fromScan && this.run?.seen.has(uri)) return; // nested workspace folders: once is enough
    this.run?.seen.add(uri); // checked during this scan, so not stale at its end
    if (this.host.isOpen(uri)) return;
    const cfg = await this.host.config.forUri(uri);
    if (!cfg.folder || !cfg.enabled || !cfg.workspaceScan || cfg.excludedBy || (await this.filteredOut(cfg.folder, abs))) return this.clear(uri);
    const max = cfg.settings.maxFileSize;
    // A link out of the workspace folder is not read (a hostile repository's link to /etc or ~).
    const real = await fsp.realpath(abs).catch(() => undefined);
    const folderReal = await fsp.realpath(cfg.folder.path).catch(() => cfg.folder!.path);
    if (real === undefined || !isInside(folderReal, real)) return this.clear(uri);
    // Only a regular file, judged on the open descriptor (a FIFO or /dev/zero is never read, the open never blocks);
    // over the limit, only its head is read.
    const read = await readConfigFileAsync(abs, max);
    if (!read.ok) {
      if (fromScan) this.host.connection.console.log(`Skipped ${abs}: ${read.reason}.`);
      return this.clear(uri);
    }
    const { text, size } = read;
    if (this.host.isOpen(uri)) return; // opened while we read
    if (read.tooLarge) {
      if (!classify(abs, text, cfg.settings.associations)) return this.clear(uri);
      const message = tooLargeMessage(size, max);
      return this.publish(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'carbonlint', code: 'file-too-large', message }], 1);
    }
    let result;
    try {
      const deps = this.host.deps;
      result = lintText(abs, text, { settings: cfg.settings, byteLength: size, invalidUtf8At: read.invalidUtf8At, ...(deps ? { values: deps.access(abs) } : {}) });
      deps?.settle(abs, result.placeholders !== undefined);
    } catch (e) {
      this.host.connection.console.error(`Could not check ${abs}: ${describeError(e)}`);
      return this.clear(uri);
    }
    if (!result.kind) return this.clear(uri);
    this.host.values?.update(uri, result);
    this.publish(uri, [...result.findings.map((f) => toDiagnostic(f, uri)), ...templateHints(result)], result.findings.length);
  }

  /** A path created on disk: a file is checked; a folder (moved or copied in) is walked. */
  async checkCreated(abs: string): Promise<void> {
    const isDir = await fsp.stat(abs).then((s) => s.isDirectory(), () => false);
    if (!isDir) return this.candidate(abs) ? this.checkFile(abs) : undefined;
    const folder = this.host.folders.containing(abs);
    if (!folder || (await this.filteredOut(folder, abs))) return;
    const filter = await this.host.config.scanFilter(folder);
    for await (const file of walkFolder(abs, { excluded: filter.excluded, boundary: folder.path, accept: (p) => this.associated(p) })) await this.checkFile(file);
  }

  /** A file worth reading: a recognised name, or one the project file's "associations" give a kind. */
  candidate(abs: string): boolean {
    return mayClassify(path.basename(abs)) || mayBeNginx(abs) || this.associated(abs);
  }

  private associated(abs: string): boolean {
    const list = this.host.projects.forFile(abs)?.config.settings.associations;
    return !!list?.length && associatedKind(abs, list) !== undefined;
  }

  /**
   * Paths deleted on disk: their findings, and those of everything that was under them, go. One pass over the
   * known files for a whole burst of deletions, each file's folders looked up in the set of deleted paths: a pass
   * per deleted path made deleting a folder quadratic (8,000 files: 112 s with the server unresponsive).
   */
  forget(deleted: readonly string[]): void {
    if (!deleted.length) return;
    const gone = new Map(deleted.map((p) => [pathKey(p), true]));
    for (const uri of [...this.fromDisk.keys()]) {
      const p = URI.toPath(uri);
      if (nearest(p, gone) && !this.host.isOpen(uri)) {
        this.clear(uri);
        this.host.values?.update(uri, undefined); // what a deleted template put on its values files goes too
        this.host.deps?.forget(p);
      }
    }
  }

  /** Checks again the files from disk (not open in the editor) that `concerned` picks. */
  async recheck(concerned: (abs: string) => boolean): Promise<void> {
    for (const uri of [...this.fromDisk.keys()]) {
      const p = URI.toPath(uri);
      if (!this.host.isOpen(uri) && concerned(p)) await this.checkFile(p);
    }
  }

  /** The editor took the file over (opened): its findings now come from the open document. */
  release(uri: string): void {
    this.fromDisk.delete(uri);
  }

  /** The editor closed the file: its findings on disk replace the editor's, or nothing does. */
  async closed(uri: string): Promise<void> {
    if (URI.isFile(uri)) await this.checkFile(URI.toPath(uri));
    if (!this.fromDisk.has(uri) && !this.host.isOpen(uri)) void this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  clearAll(): void {
    this.cancel();
    for (const uri of [...this.fromDisk.keys()]) if (!this.host.isOpen(uri)) this.clear(uri);
  }

  /** files.exclude, carbonlint.exclude and dependency/VCS folders, for paths that did not come from a walk. */
  private async filteredOut(folder: Folder, abs: string): Promise<boolean> {
    const rel = relativeTo(folder.path, abs);
    if (rel === undefined || rel.split('/').some((seg) => SKIPPED_FOLDERS.has(seg))) return true;
    return (await this.host.config.scanFilter(folder)).excluded(abs);
  }

  private publish(uri: string, diagnostics: Parameters<Connection['sendDiagnostics']>[0]['diagnostics'], count: number): void {
    this.fromDisk.set(uri, count);
    void this.host.connection.sendDiagnostics({ uri, diagnostics });
  }

  private clear(uri: string): void {
    if (!this.fromDisk.delete(uri)) return;
    void this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private findings(): number {
    let n = 0;
    for (const c of this.fromDisk.values()) n += c;
    return n;
  }

  private setState(s: ScanState): void {
    this.state = s;
    void this.host.connection.sendNotification(ScanStateNotification, s);
  }
}
