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
import { SarifBuilder } from '../../shared-rules/engine/sarif';
import { readBaseline } from '../../shared-rules/engine/baseline';
import { readConfigFile } from '../../shared-rules/engine/read-config';
import { allRules } from '../../shared-rules/rules';
import { formatStylish } from './format';
import { assemble } from './formats';
import { RENDERERS, reportEnvelope } from './lint-command';
import { colorEnabled, painter } from './color';
import { emit } from './output';
import { CliError } from './errors';
import { loadCliProject } from './project';
import { selectRules } from './rule-selection';
import { WHAT_WE_READ } from './unmatched';
import { TOOL_VERSION, REPOSITORY_URL, docsBase } from './version';
import { SEVERITIES, type Format, type LintOptions } from './options';

export function stdinCommand(o: LintOptions, readStdin: () => string = () => fs.readFileSync(0, 'utf8')): number {
  const name = o.stdinFilename!;
  const file = path.resolve(name);
  const cwd = process.cwd();
  const project = loadCliProject([name], o.config);
  const selection = selectRules(o.rules, o.ignoreRules);
  const settings = resolveSettings(project.settings, selection.settings, o.product ? { product: o.product } : undefined);
  let accepted = new Set<string>();
  let legacyBaseline = false;
  if (o.baseline) {
    // A regular file only (a FIFO there must not block); its content is never quoted in an error.
    const read = readConfigFile(o.baseline, 64 << 20);
    if (!read.ok) throw new CliError(`--baseline ${o.baseline}: ${read.reason}; create it with --update-baseline`);
    if (read.tooLarge) throw new CliError(`--baseline ${o.baseline}: too large; not read`);
    try {
      const b = readBaseline(read.text);
      accepted = b.accepted;
      legacyBaseline = b.version === 1;
    } catch (e) {
      throw new CliError(`--baseline ${o.baseline}: ${(e as Error).message}`);
    }
  }
  const text = readStdin();
  const toReport = (s: string) => (o.output ? emit(s, o.output) : o.fix ? process.stderr.write(s) : process.stdout.write(s));
  const paint = painter(colorEnabled(o.output ? {} : o.fix ? process.stderr : process.stdout));
  if (!classify(file, text)) {
    if (o.errorOnUnmatched) throw new CliError(`--stdin-filename ${name}: not a file CarbonLint reads (it reads ${WHAT_WE_READ})`);
    if (o.fix) process.stdout.write(text);
    toReport(render([]));
    return 0;
  }
  // The report in any format, from the same renderers as a scan of files (one file, no streaming needed).
  function render(keep: number[]): string {
    if (o.format === 'stylish') return formatStylish(keep.length ? [{ file, findings: keep.map((j) => lastFindings[j]) }] : [], cwd, paint);
    const base = docsBase();
    const sarif = o.format === 'sarif'
      ? new SarifBuilder({ root: path.resolve(o.sarifRoot ?? cwd), toolVersion: TOOL_VERSION, docsBase: base, informationUri: REPOSITORY_URL, rules: selection.listed, settings, baseline: o.baseline })
      : undefined;
    const envelope = reportEnvelope(o.format, sarif)!;
    if (!keep.length) return envelope.empty();
    const shown = keep.map((j) => lastFindings[j]);
    const shownFps = keep.map((j) => lastFps[j]);
    const elements = sarif
      ? sarif.results({ path: file, findings: shown, fingerprints: shownFps, baselined: new Set(), inSource: new Map() }).map((r) => JSON.stringify(r, null, 2).replace(/\n/g, '\n        '))
      : RENDERERS[o.format as Exclude<Format, 'stylish' | 'sarif'>](file, shown, { cwd, documented: new Set(allRules.map((r) => r.meta.id)), docsBase: base, fingerprints: shownFps });
    return assemble(envelope, elements);
  }
  let lastFindings: ReturnType<typeof lintText>['findings'] = [];
  let lastFps: string[] = [];
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
  lastFindings = findings;
  const rel = path.relative(path.resolve(o.sarifRoot ?? cwd), file).split(path.sep).join('/');
  const fps = o.baseline || o.format === 'sarif' || o.format === 'gitlab' ? fingerprints(rel, final, findings) : [];
  lastFps = fps;
  const legacy = legacyBaseline ? fingerprints(rel, final, findings, 1) : [];
  const keep = findings.map((_f, j) => j).filter((j) => !accepted.has(fps[j]) && !accepted.has(legacy[j]) && (!o.quiet || findings[j].severity === 'error'));
  const visible = keep.map((j) => findings[j]);
  toReport(render(keep));
  const warnings = visible.filter((f) => f.severity === 'warning').length;
  const failing = visible.filter((f) => SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf(o.failOn)).length;
  if (failing || visible.some((f) => f.severity === 'error')) return 1;
  if (o.maxWarnings !== undefined && warnings > o.maxWarnings) return 1;
  return 0;
}
