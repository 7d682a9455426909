// `carbonlint [paths…]`: read and lint/fix file by file, then write — so an error (exit 2) writes nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, type LintFinding, type LintResult } from '../../shared-rules/engine/lint';
import type { SuppressedFinding } from '../../shared-rules/engine/suppressions';
import { fixText } from '../../shared-rules/engine/fixes';
import { classify } from '../../shared-rules/engine/files';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { fingerprints } from '../../shared-rules/engine/fingerprint';
import { toSarif } from '../../shared-rules/engine/sarif';
import { createBaseline, parseBaseline, serializeBaseline } from '../../shared-rules/engine/baseline';
import { redactLines, MASK } from '../../shared-rules/engine/redact';
import { allRules } from '../../shared-rules/rules';
import { collectFiles, type WalkError } from '../../shared-rules/engine/walk';
import { jsonElements, jsonReport, stylishFile, stylishReport, stylishTotals } from './format';
import { writeAtomic } from './atomic';
import { colorEnabled, painter } from './color';
import { Progress } from './progress';
import { unifiedDiff } from './diff';
import { emit } from './output';
import { keptReport, streamedJson, streamedStylish } from './report-sink';
import { CliError } from './errors';
import { loadCliProject } from './project';
import { TOOL_VERSION, docsBase } from './version';
import type { LintOptions } from './options';

/** A file --fix or --fix-dry-run changes: the only texts kept until the end. */
interface Changed {
  file: string;
  original: string;
  text: string;
}

/** What SARIF needs of a file (its findings, not its text). */
interface SarifFile {
  path: string;
  findings: Array<LintFinding | SuppressedFinding>;
  fingerprints: string[];
  baselined: Set<number>;
  inSource: Map<number, string | undefined>;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** The first 64 KiB of a file too large to check: enough for the size notice, never the whole file in memory. */
function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    return buf.toString('utf8', 0, fs.readSync(fd, buf, 0, buf.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

function readError(file: string, e: unknown): string {
  return `${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
}

/** What --fix changed, by rule: safe-fixable findings before minus those left after. */
function fixedRules(before: LintFinding[], after: LintFinding[]): string {
  const count = (fs: LintFinding[]) => fs.filter((f) => f.fix?.safe).reduce((m, f) => m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1), new Map<string, number>());
  const a = count(before);
  const b = count(after);
  return [...a].map(([id, n]) => [id, n - (b.get(id) ?? 0)] as const).filter(([, n]) => n > 0).map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ');
}

export function lintCommand(o: LintOptions): number {
  const project = loadCliProject(o.inputs, o.config);
  const settings = resolveSettings(project.settings, o.product ? { product: o.product } : undefined);
  const rules = allRules.filter((r) => (!o.rules.length || o.rules.includes(r.meta.id)) && !o.ignoreRules.includes(r.meta.id));
  const cwd = process.cwd();
  const root = path.resolve(o.sarifRoot ?? cwd);
  if (o.sarifRoot && !fs.existsSync(root)) throw new CliError(`--sarif-root ${o.sarifRoot}: no such folder`);

  const walkErrors: WalkError[] = [];
  // Lint by absolute path: product detection looks at the layout around a file (bin/ scripts beside conf/),
  // which a relative path would hide. Output stays relative to the working folder.
  const files = collectFiles(o.inputs, walkErrors, { excluded: project.excluded, associations: settings.associations }).map((f) => path.resolve(f));
  if (walkErrors.length) throw new CliError(walkErrors.map((e) => `${e.path}: ${e.message}`).join('\ncarbonlint: '));
  let accepted = new Set<string>();
  // Reported after the read errors, as when every file was read before the baseline (and then nothing is linted).
  let baselineError: CliError | undefined;
  if (o.baseline && !o.updateBaseline) {
    try {
      accepted = parseBaseline(fs.readFileSync(o.baseline, 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      baselineError = new CliError(`--baseline ${o.baseline}: ${code ? `cannot read (${code}); create it with --update-baseline` : (e as Error).message}`);
    }
  }

  // Files are read and linted one at a time, and only what the output needs is kept: the rendered rows for
  // stylish and json (printed at once by a plain check, see report-sink.ts), findings and fingerprints for SARIF,
  // the texts of the files a fix changes. A run that writes writes nothing before every file has been read and
  // linted, so an error (exit 2) still writes nothing.
  const paint = painter(colorEnabled(o.output ? {} : process.stdout));
  const report = !o.fixDryRun;
  const sarif = report && o.format === 'sarif';
  const needFingerprints = sarif || !!o.baseline || !!o.updateBaseline;
  const readErrors: string[] = [];
  const writes = o.fix || o.updateBaseline || !!o.output;
  const progress = new Progress();
  const changed: Changed[] = [];
  const fixes: string[] = [];
  const baselineEntries: Array<{ fingerprint: string; rule: string; file: string; message: string }> = [];
  const sarifFiles: SarifFile[] = [];
  const totals = stylishTotals();
  // A plain check prints each file's part of the report as it goes (a bad --baseline stops before any file is linted).
  const stream = report && !sarif && !writes && !baselineError;
  const toStdout = (text: string) => {
    progress.done(); // the progress line (a terminal's stderr) is cleared before the report goes on
    process.stdout.write(text);
  };
  const sink = !stream ? keptReport() : o.format === 'json' ? streamedJson(toStdout) : streamedStylish(toStdout);
  let errors = 0;
  let warnings = 0;
  let suppressed = 0;
  /** One file's part of the output: fingerprints, baseline, counts, then SARIF/json/stylish. */
  const reportFile = (file: string, text: string, findings: LintFinding[], suppressedHere: SuppressedFinding[]) => {
    const rel = path.relative(root, file).split(path.sep).join('/');
    // SARIF also lists the findings hidden by carbonlint-disable comments; they come after the others, so the
    // others' fingerprints (occurrence indexes) are the same as without them.
    const hidden = sarif ? suppressedHere.filter((f) => !o.quiet || f.severity === 'error') : [];
    const allFps = needFingerprints ? fingerprints(rel, text, hidden.length ? [...findings, ...hidden] : findings) : [];
    const fps = hidden.length ? allFps.slice(0, findings.length) : allFps;
    const baselined = new Set<number>();
    if (o.updateBaseline) {
      findings.forEach((f, j) => {
        baselineEntries.push({ fingerprint: fps[j], rule: f.ruleId, file: rel, message: f.message });
        baselined.add(j);
      });
    } else if (accepted.size) {
      findings.forEach((_f, j) => accepted.has(fps[j]) && baselined.add(j));
    }
    suppressed += baselined.size;
    // What counts (and is shown in stylish/json): findings not in the baseline, errors only with --quiet.
    const visible = findings.filter((f, j) => !baselined.has(j) && (!o.quiet || f.severity === 'error'));
    for (const f of visible) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    if (!report) return;
    if (sarif) {
      const keep = findings.map((_f, j) => j).filter((j) => !o.quiet || findings[j].severity === 'error');
      sarifFiles.push({
        path: file,
        findings: [...keep.map((j) => findings[j]), ...hidden],
        fingerprints: [...keep.map((j) => fps[j]), ...allFps.slice(findings.length)],
        baselined: new Set(keep.map((j, k) => (baselined.has(j) ? k : -1)).filter((k) => k >= 0)),
        inSource: new Map(hidden.map((f, k) => [keep.length + k, f.suppression.reason] as const)),
      });
    } else if (o.format === 'json') {
      sink.add(jsonElements(file, visible, cwd));
    } else {
      // One string per file, made by join (a flat copy): the lines' pieces — messages that quote the file — would
      // otherwise keep the whole file text alive until the end. The report joins the blocks with the same '\n'.
      const lines = stylishFile(file, visible, cwd, paint, totals);
      if (lines.length) sink.add(lines.join('\n'));
    }
  };
  // Findings caused by a resolved template value belong to the values file (values.yaml, host_vars/x.yml, params.pp);
  // they are gathered from every template that uses the value and reported once the templates are done.
  const valuesFindings = new Map<string, Map<string, LintFinding>>();
  const collectValues = (vs: LintResult['values']) => {
    for (const v of vs ?? []) {
      let m = valuesFindings.get(v.file);
      if (!m) valuesFindings.set(v.file, (m = new Map()));
      m.set(`${v.finding.span.start}\u0000${v.finding.ruleId}\u0000${v.finding.message}`, v.finding);
    }
  };
  files.forEach((file, i) => {
    progress.update(i + 1, files.length);
    let original: string;
    let size: number;
    try {
      // stat first: a FIFO or device would block a read forever, and a huge file must not be read whole.
      const st = fs.statSync(file);
      if (!st.isFile()) {
        readErrors.push(`${file}: not a regular file, not read`);
        return;
      }
      size = st.size;
      original = size > settings.maxFileSize ? readHead(file) : fs.readFileSync(file, 'utf8');
    } catch (e) {
      readErrors.push(readError(file, e));
      return;
    }
    // A run that writes (fixes, a baseline, --output) stops at the first unreadable file, so nothing is written;
    // a plain check reads on and reports the rest, then exits 2 for the files it could not read.
    if ((readErrors.length && writes) || baselineError) return;
    if (!classify(file, original, settings.associations)) return;
    let text = original;
    const first = lintText(file, original, { settings, rules, byteLength: size });
    const before = first.findings;
    if (o.fix || o.fixDryRun) {
      text = fixText(file, original, { settings, rules, safeOnly: true }).output;
    }
    const final = text === original ? first : lintText(file, text, { settings, rules });
    const findings = final.findings;
    if (text !== original) {
      fixes.push(`${path.relative(cwd, file) || file} (${fixedRules(before, findings) || 'formatting'})`);
      changed.push({ file, original, text });
    }
    collectValues(final.values);
    reportFile(file, text, findings, final.suppressed ?? []);
  });
  for (const [file, m] of [...valuesFindings].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    reportFile(file, text, [...m.values()].sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId)), []);
  }
  progress.done();
  if (readErrors.length && writes) throw new CliError(readErrors.join('\ncarbonlint: '));
  if (baselineError) throw baselineError;

  // Everything is known: now write (fixes, baseline), then report.
  if (o.fixDryRun) {
    let masked = false;
    const diffs = changed.map((c) => {
      const oldShown = redactLines(c.original);
      const newShown = redactLines(c.text);
      masked ||= oldShown.some((l) => l.includes(MASK)) || newShown.some((l) => l.includes(MASK));
      return unifiedDiff(c.original, c.text, path.relative(cwd, c.file).split(path.sep).join('/'), { showOld: (i) => oldShown[i], showNew: (i) => newShown[i], paint });
    }).join('');
    const note = masked ? `# carbonlint: secret values are shown as ${MASK}\n` : '';
    emit(diffs ? note + diffs : '', o.output);
    for (const f of fixes) process.stderr.write(`carbonlint: would fix ${f}\n`);
    process.stderr.write(`carbonlint: --fix-dry-run: ${plural(fixes.length, 'file')} would change; none was written\n`);
  } else if (o.fix) {
    for (const c of changed) {
      try {
        writeAtomic(c.file, c.text);
      } catch (e) {
        throw new CliError(`${c.file}: cannot write the fixes (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
    }
    for (const f of fixes) process.stderr.write(`carbonlint: fixed ${f}\n`);
  }
  if (o.updateBaseline) {
    emit(serializeBaseline(createBaseline(baselineEntries)), o.baseline);
    process.stderr.write(`carbonlint: baseline ${o.baseline}: ${plural(baselineEntries.length, 'finding')} accepted\n`);
  }

  if (report) {
    let out: string;
    if (sarif) {
      out = JSON.stringify(toSarif(sarifFiles, { root, toolVersion: TOOL_VERSION, docsBase: docsBase(), rules, settings, baseline: o.baseline }), null, 2) + '\n';
    } else if (o.format === 'json') {
      out = sink.finish(jsonReport);
    } else {
      const notes: string[] = [];
      if (suppressed) notes.push(`${plural(suppressed, 'finding')} accepted by the baseline ${o.baseline} (not shown).`);
      if (o.maxWarnings !== undefined && warnings > o.maxWarnings) notes.push(`Too many warnings: ${warnings}, at most ${o.maxWarnings} allowed (--max-warnings).`);
      out = sink.finish((blocks) => stylishReport(blocks, totals, paint, notes));
    }
    emit(out, o.output);
  }
  if (readErrors.length) {
    process.stderr.write(`carbonlint: ${readErrors.join('\ncarbonlint: ')}\n`);
    return 2;
  }
  if (errors > 0) return 1;
  if (o.maxWarnings !== undefined && warnings > o.maxWarnings) return 1;
  return 0;
}
