// Output formats of the CLI. Messages come from the engine and never carry a secret's value.
import * as path from 'node:path';
import type { LintFinding } from '../../shared-rules/engine/lint';
import type { Paint } from './color';

export interface FileResult {
  file: string;
  findings: LintFinding[];
}

export function formatJson(results: FileResult[], cwd: string): string {
  const rows = results.flatMap((r) =>
    r.findings.map((f) => ({
      file: path.relative(cwd, r.file) || r.file,
      rule: f.ruleId,
      guideline: f.guideline,
      severity: f.severity,
      message: f.message,
      range: f.range,
      fixable: !!f.fix,
    })),
  );
  return JSON.stringify(rows, null, 2) + '\n';
}

/** ESLint-like report: findings grouped by file, then a summary; `notes` are printed dimmed at the end. */
export function formatStylish(results: FileResult[], cwd: string, c: Paint, notes: string[] = []): string {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  const out: string[] = [];
  for (const r of results) {
    if (!r.findings.length) continue;
    out.push(c('underline', path.relative(cwd, r.file) || r.file));
    const rows = r.findings.map((f) => {
      counts[f.severity]++;
      if (f.fix?.safe) fixable++;
      return [`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, f.message, f.ruleId, f.guidelineId ?? ''];
    });
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    for (const [pos, sev, msg, rule, g] of rows) {
      out.push(`  ${c('dim', pos.padEnd(w0))}  ${c(sev as 'error', sev.padEnd(w1))}  ${msg}  ${c('dim', g ? `${rule} (${g})` : rule)}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const tail = notes.map((n) => c('dim', n));
  if (total === 0) return [c('bold', `✓ No problems in ${results.length} file${results.length === 1 ? '' : 's'}.`), ...tail].join('\n') + '\n';
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info + counts.hint} info) in ${results.length} files checked`;
  out.push(c(counts.error ? 'error' : 'warning', c('bold', summary)));
  if (fixable) out.push(c('dim', `  ${fixable} can be fixed safely with --fix.`));
  return [...out, ...tail].join('\n') + '\n';
}
