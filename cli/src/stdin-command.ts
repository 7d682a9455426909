// `carbonlint --stdin --stdin-filename PATH`: lint one text read from stdin as if it were the file PATH (its name
// decides the kind, its place the product, as for a file on disk). With --fix the fixed text goes to stdout
// (whole, changed or not, so an editor or a pipe can replace the buffer with it) and the report of what remains
// goes to stderr (or --output FILE).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../shared-rules/engine/lint';
import { fixText } from '../../shared-rules/engine/fixes';
import { classify } from '../../shared-rules/engine/files';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { fingerprints } from '../../shared-rules/engine/fingerprint';
import { toSarif } from '../../shared-rules/engine/sarif';
import { parseBaseline } from '../../shared-rules/engine/baseline';
import { formatJson, formatStylish } from './format';
import { colorEnabled, painter } from './color';
import { emit } from './output';
import { CliError } from './errors';
import { loadCliProject } from './project';
import { selectRules } from './rule-selection';
import { WHAT_WE_READ } from './unmatched';
import { TOOL_VERSION, docsBase } from './version';
import { SEVERITIES, type LintOptions } from './options';

export function stdinCommand(o: LintOptions, readStdin: () => string = () => fs.readFileSync(0, 'utf8')): number {
  const name = o.stdinFilename!;
  const file = path.resolve(name);
  const cwd = process.cwd();
  const project = loadCliProject([name], o.config);
  const selection = selectRules(o.rules, o.ignoreRules);
  const settings = resolveSettings(project.settings, selection.settings, o.product ? { product: o.product } : undefined);
  let accepted = new Set<string>();
  if (o.baseline) {
    try {
      accepted = parseBaseline(fs.readFileSync(o.baseline, 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(`--baseline ${o.baseline}: ${code ? `cannot read (${code}); create it with --update-baseline` : (e as Error).message}`);
    }
  }
  const text = readStdin();
  const toReport = (s: string) => (o.output ? emit(s, o.output) : o.fix ? process.stderr.write(s) : process.stdout.write(s));
  const paint = painter(colorEnabled(o.output ? {} : o.fix ? process.stderr : process.stdout));
  if (!classify(file, text)) {
    if (o.errorOnUnmatched) throw new CliError(`--stdin-filename ${name}: not a file CarbonLint reads (it reads ${WHAT_WE_READ})`);
    if (o.fix) process.stdout.write(text);
    toReport(o.format === 'json' ? '[]\n' : o.format === 'sarif' ? '' : formatStylish([], cwd, paint));
    return 0;
  }
  const lint = (t: string) => {
    const r = lintText(file, t, { settings, rules: selection.lint });
    if (selection.keep) r.findings = r.findings.filter(selection.keep);
    return r;
  };
  let final = text;
  if (o.fix) {
    final = fixText(file, text, { settings, rules: selection.fix, safeOnly: true, only: selection.keep }).output;
    process.stdout.write(final);
  }
  const findings = lint(final).findings;
  const rel = path.relative(path.resolve(o.sarifRoot ?? cwd), file).split(path.sep).join('/');
  const fps = o.baseline || o.format === 'sarif' ? fingerprints(rel, final, findings) : [];
  const keep = findings.map((_f, j) => j).filter((j) => !accepted.has(fps[j]) && (!o.quiet || findings[j].severity === 'error'));
  const visible = keep.map((j) => findings[j]);
  let out: string;
  if (o.format === 'sarif') {
    const sarifFile = { path: file, findings: visible, fingerprints: keep.map((j) => fps[j]) };
    out = JSON.stringify(toSarif([sarifFile], { root: path.resolve(o.sarifRoot ?? cwd), toolVersion: TOOL_VERSION, docsBase: docsBase(), rules: selection.listed, settings, baseline: o.baseline }), null, 2) + '\n';
  } else if (o.format === 'json') {
    out = formatJson([{ file, findings: visible }], cwd);
  } else {
    out = formatStylish([{ file, findings: visible }], cwd, paint);
  }
  toReport(out);
  const warnings = visible.filter((f) => f.severity === 'warning').length;
  const failing = visible.filter((f) => SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf(o.failOn)).length;
  if (failing || visible.some((f) => f.severity === 'error')) return 1;
  if (o.maxWarnings !== undefined && warnings > o.maxWarnings) return 1;
  return 0;
}
