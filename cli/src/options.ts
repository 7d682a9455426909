// The lint command's options, parsed and checked before anything is read or written (bad ones exit 2).
import { parseArgs } from 'node:util';
import { CONFIGURABLE_RULE_IDS } from '../../shared-rules/rules';
import type { Severity } from '../../shared-rules/engine/rule';
import { checkProduct } from './products';
import { UsageError } from './errors';

import { FORMATS } from './formats';
import { MAX_JOBS } from './lint-pool';

export type Format = (typeof FORMATS)[number];

export interface LintOptions {
  inputs: string[];
  format: Format;
  output?: string;
  fix: boolean;
  fixDryRun: boolean;
  maxWarnings?: number;
  quiet: boolean;
  rules: string[];
  ignoreRules: string[];
  product?: string;
  config?: string;
  baseline?: string;
  updateBaseline: boolean;
  sarifRoot?: string;
  help: boolean;
  version: boolean;
  /** Lint the text on stdin as the file `stdinFilename` (which decides its kind and product). */
  stdin: boolean;
  stdinFilename?: string;
  /** Exit 1 when a shown finding is at or above this severity (default: error). */
  failOn: Severity;
  /** A named path CarbonLint reads nothing from is an error (exit 2) unless this is set. */
  errorOnUnmatched: boolean;
  /** --jobs N: lint on N threads, this one and N−1 workers (1: this thread only); undefined: automatic (lint-pool.ts). */
  jobs?: number;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export const PRODUCT_PATTERN = /^(auto|(apim|is|mi)(-\d+\.\d+(\.\d+)?)?)$/;

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_x, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/** Throws for an unknown rule id, suggesting the nearest known one. */
export function checkRuleIds(ids: readonly string[]): void {
  const known = [...CONFIGURABLE_RULE_IDS];
  for (const id of ids) {
    if (known.includes(id)) continue;
    const near = known.map((k) => [k, distance(id, k)] as const).sort((x, y) => x[1] - y[1])[0];
    throw new UsageError(`unknown rule "${id}"${near && near[1] <= 4 ? ` (did you mean "${near[0]}"?)` : ''}; \`carbonlint rules\` lists them`);
  }
}

export function parseLintOptions(argv: string[]): LintOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      output: { type: 'string', short: 'o' },
      fix: { type: 'boolean', default: false },
      'fix-dry-run': { type: 'boolean', default: false },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      rule: { type: 'string', multiple: true, default: [] },
      'ignore-rule': { type: 'string', multiple: true, default: [] },
      product: { type: 'string' },
      config: { type: 'string', short: 'c' },
      baseline: { type: 'string' },
      'update-baseline': { type: 'boolean', default: false },
      'sarif-root': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
      stdin: { type: 'boolean', default: false },
      'stdin-filename': { type: 'string' },
      'fail-on': { type: 'string' },
      'no-error-on-unmatched-pattern': { type: 'boolean', default: false },
      jobs: { type: 'string', short: 'j' },
    },
  });
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (use ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS[FORMATS.length - 1]})`);
  if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run');
  if (values['fix-dry-run'] && format !== 'stylish') throw new UsageError('--fix-dry-run prints a diff; it cannot be combined with --format');
  if (values['update-baseline'] && !values.baseline) throw new UsageError('--update-baseline needs --baseline FILE (the file to write)');
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, 0 or more (got "${values['max-warnings']}")`);
  }
  if (values.product !== undefined) checkProduct(values.product);
  const failOn = (values['fail-on'] ?? 'error') as Severity;
  if (!SEVERITIES.includes(failOn)) throw new UsageError(`--fail-on "${values['fail-on']}": use ${SEVERITIES.join(', ')}`);
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename names the text read with --stdin');
  if (values.stdin) {
    if (!values['stdin-filename']) throw new UsageError('--stdin needs --stdin-filename PATH: its name decides the file kind and the product');
    if (positionals.length) throw new UsageError('--stdin reads one text from stdin; do not name paths as well');
    if (values['fix-dry-run']) throw new UsageError('with --stdin, --fix prints the fixed text to stdout (--fix-dry-run is for files)');
    if (values['update-baseline']) throw new UsageError('--update-baseline needs files, not --stdin');
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS)) throw new UsageError(`--jobs needs a whole number from 1 to ${MAX_JOBS} (got "${values.jobs}")`);
  const rules = values.rule as string[];
  const ignoreRules = values['ignore-rule'] as string[];
  checkRuleIds([...rules, ...ignoreRules]);
  return {
    inputs: positionals.length ? positionals : ['.'],
    format: format as Format,
    output: values.output,
    fix: values.fix as boolean,
    fixDryRun: values['fix-dry-run'] as boolean,
    maxWarnings,
    quiet: values.quiet as boolean,
    rules,
    ignoreRules,
    product: values.product,
    config: values.config,
    baseline: values.baseline,
    updateBaseline: values['update-baseline'] as boolean,
    sarifRoot: values['sarif-root'],
    help: values.help as boolean,
    version: values.version as boolean,
    stdin: values.stdin as boolean,
    stdinFilename: values['stdin-filename'],
    failOn,
    errorOnUnmatched: !values['no-error-on-unmatched-pattern'],
    jobs,
  };
}
