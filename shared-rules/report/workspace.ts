// A workspace folder → its readiness report: walk, lint each file (open editors' unsaved text wins), build.
// Used by `carbonlint report` and by the language server's carbonlint/report request.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../engine/lint';
import { classify } from '../engine/files';
import { collectFiles, type WalkError } from '../engine/walk';
import { resolveSettings, type Settings } from '../engine/settings';
import { allRules } from '../rules';
import { buildReport, type LintedFile } from './build';
import { loadProject } from './load-project';
import type { ReadinessReport } from './model';

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
}

export interface WorkspaceReportResult {
  report: ReadinessReport;
  settings: Settings;
  /** Missing or unreadable paths: the CLI exits 2 on these. */
  errors: WalkError[];
  configFile?: string;
}

export function lintFiles(root: string, files: readonly string[], settings: Settings, overrides?: ReadonlyMap<string, string>, errors: WalkError[] = [], onFile?: (done: number, total: number) => void): LintedFile[] {
  const out: LintedFile[] = [];
  // Findings caused by template values belong to the values files: one entry per values file, after the templates.
  const values = new Map<string, LintedFile>();
  files.forEach((file, i) => {
    onFile?.(i + 1, files.length);
    let text = overrides?.get(file);
    if (text === undefined) {
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        errors.push({ path: file, message: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
        return;
      }
    }
    if (!classify(file, text)) return;
    const r = lintText(file, text, { settings });
    if (!r.kind) return;
    const rel = path.relative(root, file).split(path.sep).join('/') || path.basename(file);
    out.push({ path: rel, kind: r.kind, product: r.product, findings: r.findings, ...(r.skipped ? { skipped: r.skipped } : {}), ...(r.placeholders ? { placeholders: r.placeholders } : {}) });
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
  const files = collectFiles([abs], errors, { excluded: project.excluded });
  const linted = lintFiles(fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? abs : path.dirname(abs), files, settings, o.overrides, errors, o.onFile);
  const confirmations = o.staleAfterDays ? { ...project.confirmations, maxAgeDays: o.staleAfterDays } : project.confirmations;
  const report = buildReport({
    files: linted, rules: allRules, settings, confirmations, now: o.now ?? new Date(), toolVersion: o.toolVersion,
    root: path.basename(abs) || abs, configErrors: project.errors,
  });
  return { report, settings, errors, ...(project.file ? { configFile: project.file } : {}) };
}
