// `carbonlint report [PATH]`: the production-readiness report for a product folder or workspace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { workspaceReport } from '../../shared-rules/report/workspace';
import { renderMarkdown } from '../../shared-rules/report/render-md';
import { renderHtml } from '../../shared-rules/report/render-html';
import { renderJson } from '../../shared-rules/report/render-json';
import { CliError, UsageError } from './errors';
import { Progress } from './progress';
import { checkOutput, emit } from './output';
import { checkProduct } from './products';
import { loadCliProject } from './project';
import { TOOL_VERSION } from './version';

export const REPORT_USAGE = `carbonlint report [PATH] [--format md|html|json] [--output FILE] [--config FILE] [--product P] [--stale-after DAYS]`;

export function reportCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'md' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      product: { type: 'string' },
      'stale-after': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`Usage: ${REPORT_USAGE}\n`);
    return 0;
  }
  const format = values.format as string;
  if (!['md', 'html', 'json'].includes(format)) throw new UsageError(`unknown report format "${format}" (use md, html or json)`);
  if (positionals.length > 1) throw new UsageError('report takes one folder');
  if (values.product !== undefined) checkProduct(values.product);
  let staleAfterDays: number | undefined;
  if (values['stale-after'] !== undefined) {
    staleAfterDays = Number(values['stale-after']);
    if (!Number.isInteger(staleAfterDays) || staleAfterDays < 1) throw new UsageError(`--stale-after needs a whole number of days (got "${values['stale-after']}")`);
  }
  const target = path.resolve(positionals[0] ?? '.');
  if (!fs.existsSync(target)) throw new CliError(`${positionals[0] ?? '.'}: no such file or directory`);
  loadCliProject([target], values.config); // a bad project file exits 2 before anything is written

  const progress = new Progress();
  checkOutput(values.output);
  const { report, errors, skipped } = workspaceReport(target, {
    config: values.config, product: values.product, staleAfterDays, toolVersion: TOOL_VERSION, onFile: (d, t) => progress.update(d, t, 'reading'), within: process.cwd(),
  });
  progress.done();
  if (errors.length) throw new CliError(errors.map((e) => `${e.path}: ${e.message}`).join('\ncarbonlint: '));
  // Not read: a notice here and a "Not checked" list in the report; the exit code does not change for them.
  for (const s of skipped) process.stderr.write(`carbonlint: skipped ${s.path}: ${s.message}\n`);

  // Links are relative to where the report is read: the output file's folder, else the current folder.
  const root = fs.statSync(target).isDirectory() ? target : path.dirname(target);
  const from = values.output ? path.dirname(path.resolve(values.output)) : process.cwd();
  const link = (file: string, line?: number) => {
    const rel = path.relative(from, path.join(root, file)).split(path.sep).map(encodeURIComponent).join('/');
    return format === 'md' && line ? `${rel}#L${line}` : rel;
  };
  const text = format === 'json' ? renderJson(report) : format === 'html' ? renderHtml(report, link) : renderMarkdown(report, link);
  emit(text, values.output);
  const c = report.counts;
  if (values.output) process.stderr.write(`carbonlint: report written to ${values.output}: ${c.failed} failed, ${c.manual} manual (${c.unconfirmed + c.partial + c.stale} to confirm), ${c.passed} passed, ${c.notApplicable} not applicable\n`);
  return 0;
}
