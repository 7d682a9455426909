// The stylish format (the CI formats are in formats.ts). Messages come from the engine and never carry a secret's value.
import * as path from 'node:path';
import type { LintFinding } from '../../shared-rules/engine/lint';
import type { Paint } from './color';

export interface FileResult {
  file: string;
  findings: LintFinding[];
}

export interface StylishTotals {
  error: number;
  warning: number;
  info: number;
  hint: number;
  fixable: number;
  files: number;
}

export function stylishTotals(): StylishTotals {
  return { error: 0, warning: 0, info: 0, hint: 0, fixable: 0, files: 0 };
}

/** One checked file's block of the stylish report (lines, empty when it has no findings); counts it into `totals`. */
export function stylishFile(file: string, findings: readonly LintFinding[], cwd: string, c: Paint, totals: StylishTotals): string[] {
  totals.files++;
  if (!findings.length) return [];
  const out: string[] = [c('underline', path.relative(cwd, file) || file)];
  const rows = findings.map((f) => {
    totals[f.severity]++;
    if (f.fix?.safe) totals.fixable++;
    return [`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, f.message, f.ruleId, f.guidelineId ?? ''];
  });
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  for (const [pos, sev, msg, rule, g] of rows) {
    out.push(`  ${c('dim', pos.padEnd(w0))}  ${c(sev as 'error', sev.padEnd(w1))}  ${msg}  ${c('dim', g ? `${rule} (${g})` : rule)}`);
  }
  out.push('');
  return out;
}

/** The stylish report from the files' blocks (in file order) and their totals; `notes` are printed dimmed at the end. */
export function stylishReport(blocks: readonly string[], counts: StylishTotals, c: Paint, notes: string[] = []): string {
  const out = [...blocks];
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const tail = notes.map((n) => c('dim', n));
  if (total === 0) return [c('bold', `✓ No problems in ${counts.files} file${counts.files === 1 ? '' : 's'}.`), ...tail].join('\n') + '\n';
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info + counts.hint} info) in ${counts.files} files checked`;
  out.push(c(counts.error ? 'error' : 'warning', c('bold', summary)));
  if (counts.fixable) out.push(c('dim', `  ${counts.fixable} can be fixed safely with --fix.`));
  return [...out, ...tail].join('\n') + '\n';
}

/** ESLint-like report: findings grouped by file, then a summary; `notes` are printed dimmed at the end. */
export function formatStylish(results: FileResult[], cwd: string, c: Paint, notes: string[] = []): string {
  const totals = stylishTotals();
  const blocks = results.flatMap((r) => stylishFile(r.file, r.findings, cwd, c, totals));
  return stylishReport(blocks, totals, c, notes);
}
