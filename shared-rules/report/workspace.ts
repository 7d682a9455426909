// A workspace folder → its readiness report: walk, lint each file (open editors' unsaved text wins), build.
// Used by `carbonlint report` and by the language server's carbonlint/report request.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../engine/lint';
import { classify } from '../engine/files';
import { readConfigFile } from '../engine/read-config';
import { collectFiles, type WalkError } from '../engine/walk';
import { resolveSettings, type Settings } from '../engine/settings';
import { allRules } from '../rules';
import { buildReport, type LintedFile } from './build';
import { legacyFileOf } from '../engine/legacy-files';
import { loadProject } from './load-project';
import type { ReadinessReport } from './model';
import { productAdvisories, workspaceReleases } from './advisories';

export interface WorkspaceReportOptions {
  /** --config FILE; else the nearest .carbonlint.json at or above the root. */
  config?: string;
  /** Overrides the product (as --product does). */
  product?: string;
  /** Overrides confirmations.maxAgeDays. */
  staleAfterDays?: number;
  now?: Date;
  toolVersion: string;
  /** Text of open, possibly unsaved documents by absolute path. */
  overrides?: ReadonlyMap<string, string>;
  onFile?: (done: number, total: number) => void;
  /** The CLI's working folder (walk.ts `within`): a root named under it that leads out of it is refused. */
  within?: string;
}

export interface WorkspaceReportResult {
  report: ReadinessReport;
  settings: Settings;
  /** Missing paths: the CLI exits 2 on these. */
  errors: WalkError[];
  /** Entries not read (special files, unreadable, links out of the workspace): notices, also in the report. */
  skipped: WalkError[];
  configFile?: string;
}

export function lintFiles(root: string, files: readonly string[], settings: Settings, overrides?: ReadonlyMap<string, string>, errors: WalkError[] = [], onFile?: (done: number, total: number) => void): LintedFile[] {
  const out: LintedFile[] = [];
  // Findings caused by template values belong to the values files: one entry per values file, after the templates.
  const values = new Map<string, LintedFile>();
  files.forEach((file, i) => {
    onFile?.(i + 1, files.length);
    let text = overrides?.get(file);
    let byteLength: number | undefined;
    let invalidUtf8At: number | undefined;
    if (text === undefined) {
      // Only regular files, never a blocking open, never more than the size limit (then only the head, for the notice).
      const read = readConfigFile(file, settings.maxFileSize);
      if (!read.ok) {
        errors.push({ path: file, message: read.reason });
        return;
      }
      text = read.text;
      byteLength = read.size;
      invalidUtf8At = read.invalidUtf8At;
    }
    if (!classify(file, text)) return;
    const r = lintText(file, text, { settings, byteLength, invalidUtf8At });
    if (!r.kind) return;
    const rel = path.relative(root, file).split(path.sep).join('/') || path.basename(file);
    const legacyFile = legacyFileOf(file, text)?.file;
    out.push({ path: rel, kind: r.kind, product: r.product, findings: r.findings, ...(r.skipped ? { skipped: r.skipped } : {}), ...(legacyFile ? { legacyFile } : {}), ...(r.placeholders ? { placeholders: r.placeholders } : {}) });
    for (const v of r.values ?? []) {
      const vrel = path.relative(root, v.file).split(path.sep).join('/') || path.basename(v.file);
      let e = values.get(vrel);
      if (!e) values.set(vrel, (e = { path: vrel, kind: r.kind, product: r.product, findings: [] }));
      if (!e.findings.some((f) => f.span.start === v.finding.span.start && f.ruleId === v.finding.ruleId && f.message === v.finding.message)) e.findings.push(v.finding);
    }
  });
  return [...out, ...[...values.values()].sort((a, b) => (a.path < b.path ? -1 : 1))];
}

export function workspaceReport(root: string, o: WorkspaceReportOptions): WorkspaceReportResult {
  const abs = path.resolve(root);
  const project = loadProject(fs.existsSync(abs) && fs.statSync(abs).isFile() ? path.dirname(abs) : abs, o.config);
  const settings = resolveSettings(project.settings, o.product ? { product: o.product } : undefined);
  const errors: WalkError[] = [];
  const skipped: WalkError[] = [];
  const files = collectFiles([abs], errors, { excluded: project.excluded, skipped, within: o.within });
  const base = fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
  const linted = lintFiles(base, files, settings, o.overrides, skipped, o.onFile);
  const rel = (p: string) => path.relative(base, p).split(path.sep).join('/') || path.basename(p);
  const confirmations = o.staleAfterDays ? { ...project.confirmations, maxAgeDays: o.staleAfterDays } : project.confirmations;
  const report = buildReport({
    files: linted, rules: allRules, settings, confirmations, now: o.now ?? new Date(), toolVersion: o.toolVersion,
    root: path.basename(abs) || abs, configErrors: project.errors, notRead: skipped.map((s) => ({ path: rel(s.path), reason: s.message })),
  });
  if (settings.advisories.severity !== 'off') {
    const root = fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
    report.advisories = workspaceReleases(root, files, settings.product).map((h) => productAdvisories(h, root));
  }
  return { report, settings, errors, skipped, ...(project.file ? { configFile: project.file } : {}) };
}
