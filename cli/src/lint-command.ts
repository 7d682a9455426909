// `carbonlint [paths…]`: read and lint/fix file by file, then write — so an error (exit 2) writes nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintFinding, LintResult } from '../../shared-rules/engine/lint';
import type { SuppressedFinding } from '../../shared-rules/engine/suppressions';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { SarifBuilder, type SarifFile } from '../../shared-rules/engine/sarif';
import { baselineChunks, createBaseline, readBaseline } from '../../shared-rules/engine/baseline';
import { BaselineCollector } from './baseline-collector';
import { redactLines, MASK } from '../../shared-rules/engine/redact';
import { allRules } from '../../shared-rules/rules';
import { collectFiles, type WalkError } from '../../shared-rules/engine/walk';
import { stylishFile, stylishReport, stylishTotals } from './format';
import {
  assemble, checkstyleElements, CHECKSTYLE_ENVELOPE, githubElements, gitlabElements, jsonElements, JSON_ENVELOPE, junitElements, JUNIT_ENVELOPE,
  LINES_ENVELOPE, type Envelope, type FileContext,
} from './formats';
import { writeAtomic } from './atomic';
import { colorEnabled, painter } from './color';
import { Progress } from './progress';
import { fileDiff } from './diff';
import { checkOutput, emit } from './output';
import { readConfigFile } from '../../shared-rules/engine/read-config';
import { streamedList, streamedStylish, type ReportSink } from './report-sink';
import { openSpool } from './report-spool';
import { stdoutWriter } from './stdout-writer';
import { openOutput } from './output-file';
import { CliError } from './errors';
import { loadCliProject } from './project';
import { TOOL_VERSION, REPOSITORY_URL, docsBase } from './version';
import { SEVERITIES, type Format, type LintOptions } from './options';
import { selectRules } from './rule-selection';
import { unmatchedInputs } from './unmatched';
import { hiddenOf, printsOf, type LintJob, type Prints } from './lint-file';
import { lintOutcomes } from './lint-pool';
import { snapshotBuilder, type SnapshotData } from '../../shared-rules/engine/disk-snapshot';
import type { TextChange } from '../../shared-rules/engine/fix-changes';

/** A file --fix or --fix-dry-run changes: the only texts kept until the end. */
interface Changed {
  file: string;
  original: string;
  text: string;
  /** Where the fixes changed the text: --fix-dry-run's diff starts from these instead of searching. */
  changes: TextChange[];
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Baselines of 100,000 findings are about 20 MB. */
const BASELINE_MAX_BYTES = 64 << 20;

export async function lintCommand(o: LintOptions): Promise<number> {
  const project = loadCliProject(o.inputs, o.config);
  const selection = selectRules(o.rules, o.ignoreRules);
  const settings = resolveSettings(project.settings, selection.settings, o.product ? { product: o.product } : undefined);
  const rules = selection.listed;
  const cwd = process.cwd();
  const root = path.resolve(o.sarifRoot ?? cwd);
  if (o.sarifRoot && !fs.existsSync(root)) throw new CliError(`--sarif-root ${o.sarifRoot}: no such folder`);

  checkOutput(o.output);
  if (o.updateBaseline) checkOutput(o.baseline, '--baseline');
  const walkErrors: WalkError[] = [];
  const skippedEntries: WalkError[] = [];
  // Lint by absolute path: product detection looks at the layout around a file (bin/ scripts beside conf/),
  // which a relative path would hide. Output stays relative to the working folder.
  const listings = walkListings();
  const files = collectFiles(o.inputs, walkErrors, { excluded: project.excluded, skipped: skippedEntries, associations: settings.associations, onListing: listings.add, within: cwd }).map((f) => path.resolve(f));
  if (walkErrors.length) throw new CliError(walkErrors.map((e) => `${e.path}: ${e.message}`).join('\ncarbonlint: '));
  if (o.errorOnUnmatched) {
    const unmatched = unmatchedInputs(o.inputs, files, settings.maxFileSize, settings.associations);
    if (unmatched.length) throw new CliError(unmatched.join('\ncarbonlint: '));
  }
  // What could not be read (special files, unreadable folders, links out of the workspace, bad names) is a notice:
  // the rest is linted, and the exit code follows the findings.
  const notices = skippedEntries.map((e) => `${e.path}: ${e.message}`);
  const within = writeRoots(o.inputs);
  let accepted = new Set<string>();
  let legacyBaseline = false;
  // Reported after the read errors, as when every file was read before the baseline (and then nothing is linted).
  let baselineError: CliError | undefined;
  if (o.baseline && !o.updateBaseline) {
    // The baseline is usually committed to the repository: a regular file only (a FIFO there must not block).
    const read = readConfigFile(o.baseline, BASELINE_MAX_BYTES);
    const code = read.ok ? undefined : /^cannot read \((\w+)\)$/.exec(read.reason)?.[1];
    if (!read.ok) baselineError = new CliError(`--baseline ${o.baseline}: ${code ? `cannot read (${code}); create it with --update-baseline` : read.reason}`);
    else if (read.tooLarge) baselineError = new CliError(`--baseline ${o.baseline}: larger than ${BASELINE_MAX_BYTES} bytes; not read`);
    else {
      try {
        const b = readBaseline(read.text);
        accepted = b.accepted;
        legacyBaseline = b.version === 1;
      } catch (e) {
        baselineError = new CliError(`--baseline ${o.baseline}: ${(e as Error).message}`);
      }
    }
  }

  // Files are read and linted one at a time, and only what the output needs is kept: the rendered rows for
  // stylish and json (printed at once by a plain check, see report-sink.ts), findings and fingerprints for SARIF,
  // the texts of the files a fix changes. A run that writes writes nothing before every file has been read and
  // linted, so an error (exit 2) still writes nothing.
  const paint = painter(colorEnabled(o.output ? {} : process.stdout));
  const report = !o.fixDryRun;
  const sarif = report && o.format === 'sarif';
  const needFingerprints = sarif || (report && o.format === 'gitlab') || !!o.baseline || !!o.updateBaseline;
  const writeErrors: string[] = [];
  const writes = o.fix || o.updateBaseline || !!o.output;
  const progress = new Progress();
  const changed: Changed[] = [];
  const fixes: string[] = [];
  // Entries live until the end, compact (baseline-collector.ts): each message kept once as a flat string. The engine
  // builds a message from pieces of the file's text, which would keep every file's text alive (--update-baseline of
  // 10,200 files: 394 MB peak; flat copies 305 MB; shared 237 MB).
  const baselineEntries = new BaselineCollector();
  const totals = stylishTotals();
  const base = docsBase();
  const fileContext: Omit<FileContext, 'fingerprints'> = { cwd, documented: new Set(allRules.map((r) => r.meta.id)), docsBase: base };
  const sarifBuilder = sarif
    ? new SarifBuilder({ root, toolVersion: TOOL_VERSION, docsBase: base, informationUri: REPOSITORY_URL, rules, settings, baseline: o.baseline })
    : undefined;
  const envelope = reportEnvelope(o.format, sarifBuilder);
  // A plain check prints each file's part of the report as it goes (a bad --baseline stops before any file is linted),
  // waiting for stdout to drain when it is behind, so memory does not grow with the workspace.
  // --output streams too, into a temp file renamed over it at the very end (output-file.ts); a report to stdout
  // waits when the run writes files (--fix, --update-baseline), so that an error (exit 2) prints nothing: it streams
  // into an unlinked temp file then, copied to stdout at the end (report-spool.ts), never held in memory.
  const toFile = report && !!o.output && !baselineError;
  const stream = report && !baselineError && (toFile || !writes);
  const outFile = toFile ? openOutput(o.output!) : undefined;
  const out = outFile ? { write: outFile.write, drained: async () => {} } : stdoutWriter(process.stdout, () => progress.done()); // the progress line is cleared before each part
  const spool = report && !baselineError && !stream ? openSpool() : undefined;
  try {
    return await lintFiles();
  } catch (e) {
    outFile?.abort();
    throw e;
  } finally {
    spool?.close();
  }

  async function lintFiles(): Promise<number> {
    const write = spool ? spool.write : stream ? out.write : () => {}; // nothing is reported after a bad --baseline
    const sink: ReportSink = envelope ? streamedList(write, envelope) : streamedStylish(write);
    let errors = 0;
    let warnings = 0;
    let failing = 0; // shown findings at or above --fail-on
    let suppressed = 0;
    /** One file's part of the output: baseline, counts, then the report format (fingerprints come with the findings: lint-file.ts). */
    const reportFile = (file: string, prints: Prints | undefined, findings: LintFinding[], suppressedHere: SuppressedFinding[]) => {
    const rel = path.relative(root, file).split(path.sep).join('/');
    // SARIF also lists the findings hidden by carbonlint-disable comments; they come after the others, so the
    // others' fingerprints (occurrence indexes) are the same as without them.
    const hidden = hiddenOf(suppressedHere, { sarif, quiet: o.quiet });
    const allFps = prints?.all ?? [];
    const fps = hidden.length ? allFps.slice(0, findings.length) : allFps;
    const baselined = new Set<number>();
    if (o.updateBaseline) {
      findings.forEach((f, j) => {
        baselineEntries.add({ fingerprint: fps[j], rule: f.ruleId, file: rel, message: f.message });
        baselined.add(j);
      });
    } else if (accepted.size) {
      // A baseline written before fingerprints v2 is matched by its own (v1) fingerprints, computed only for this.
      const legacy = prints?.legacy ?? [];
      findings.forEach((_f, j) => (accepted.has(fps[j]) || accepted.has(legacy[j])) && baselined.add(j));
    }
    suppressed += baselined.size;
    // What counts (and is shown in stylish/json): findings not in the baseline, errors only with --quiet.
    const isVisible = (f: LintFinding, j: number) => !baselined.has(j) && (!o.quiet || f.severity === 'error');
    const visible = findings.filter(isVisible);
    for (const f of visible) {
      if (SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf(o.failOn)) failing++;
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    if (!report) return;
    if (sarifBuilder) {
      const keep = findings.map((_f, j) => j).filter((j) => !o.quiet || findings[j].severity === 'error');
      const part: SarifFile = {
        path: file,
        findings: [...keep.map((j) => findings[j]), ...hidden],
        fingerprints: [...keep.map((j) => fps[j]), ...allFps.slice(findings.length)],
        baselined: new Set(keep.map((j, k) => (baselined.has(j) ? k : -1)).filter((k) => k >= 0)),
        inSource: new Map(hidden.map((f, k) => [keep.length + k, f.suppression.reason] as const)),
      };
      sink.add(sarifBuilder.results(part).map((r) => JSON.stringify(r, null, 2).replace(/\n/g, '\n        ')));
    } else if (o.format !== 'stylish') {
      const visibleFps = needFingerprints ? findings.map((f, j) => (isVisible(f, j) ? fps[j] : '')).filter((x) => x) : undefined;
      // Object.assign, not { ...fileContext, fingerprints }: on Node 20 a spread followed by a key its source lacks
      // takes V8's slow path, ~1 µs a copy even at this one-shape site (Object.assign ~0.1 µs; measured).
      const ctx: FileContext = Object.assign({}, fileContext, { fingerprints: visibleFps });
      const render = RENDERERS[o.format as Exclude<Format, 'stylish' | 'sarif'>];
      sink.add(render(file, visible, ctx));
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
    // Read, lint and fix happen in lint-file.ts, in this thread or in workers (--jobs); outcomes come in file order.
    const prints = needFingerprints ? { root, sarif, quiet: o.quiet, legacy: legacyBaseline } : undefined;
    const job: LintJob = { settings, rules: o.rules, ignoreRules: o.ignoreRules, fix: o.fix || o.fixDryRun, lint: !baselineError, prints, listings: listings.kept() };
    let i = 0;
    for await (const r of lintOutcomes(files, job, o.jobs)) {
      await out.drained();
      progress.update(++i, files.length);
      const file = r.file;
      if ('notice' in r) {
        notices.push(`${file}: ${r.notice}`);
        continue;
      }
      if ('skip' in r) continue;
      if (r.changed) {
        fixes.push(`${path.relative(cwd, file) || file} (${r.changed.fixed || 'formatting'})`);
        changed.push({ file, original: r.changed.original, text: r.changed.text, changes: r.changed.changes });
      }
      collectValues(r.values);
      reportFile(file, r.prints, r.findings, r.suppressed);
    }
    for (const [file, m] of [...valuesFindings].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      await out.drained();
      // A values file is read as any other: a regular file only, within the size limit.
      const read = readConfigFile(file, settings.maxFileSize);
      if (!read.ok || read.tooLarge) continue;
      const findings = [...m.values()].sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
      reportFile(file, prints && printsOf(file, read.text, findings, [], prints), findings, []);
    }
    progress.done();
    if (baselineError) throw baselineError;

    // Everything is known: now write (fixes, baseline), then report.
    if (o.fixDryRun) {
      let masked = false;
      let withheld = 0;
      const diffs = changed.map((c) => {
        const oldShown = redactLines(c.original);
        const newShown = redactLines(c.text);
        const d = fileDiff(c.original, c.text, path.relative(cwd, c.file).split(path.sep).join('/'), { showOld: (i) => oldShown[i], showNew: (i) => newShown[i], paint, changes: c.changes });
        withheld += d.withheld;
        masked ||= d.text.includes(MASK);
        return d.text;
      }).join('');
      // Said in the output itself, as comment lines `git apply` and `patch` skip.
      const note = masked
        ? `# carbonlint: secret values are shown as ${MASK}\n# carbonlint: a masked line never enters the patch, so \`git apply\` applies it as printed\n` +
          (withheld ? `# carbonlint: ${plural(withheld, 'change')} touching such a line ${withheld === 1 ? 'is' : 'are'} shown as # comments only; --fix applies ${withheld === 1 ? 'it' : 'them'}\n` : '')
        : '';
      emit(diffs ? note + diffs : '', o.output);
      for (const f of fixes) process.stderr.write(`carbonlint: would fix ${f}\n`);
      process.stderr.write(`carbonlint: --fix-dry-run: ${plural(fixes.length, 'file')} would change; none was written\n`);
    } else if (o.fix) {
      // Every file is tried; each one that could not be written is reported (exit 2), the others keep their fixes.
      const written = new Set<string>();
      changed.forEach((c, i) => {
        // The same file reached twice (itself and through a symlink in the workspace) is written once.
        const real = realOrSelf(c.file);
        if (written.has(real)) return;
        written.add(real);
        try {
          writeAtomic(c.file, c.text, { expected: c.original, within });
          process.stderr.write(`carbonlint: fixed ${fixes[i]}\n`);
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          writeErrors.push(`${path.relative(cwd, c.file) || c.file}: cannot write the fixes (${err.code === 'ESKIPPED' ? err.message : err.code ?? err.message})`);
        }
      });
    }
    if (o.updateBaseline) {
      emit(baselineChunks(createBaseline([]), baselineEntries.sorted()), o.baseline);
      process.stderr.write(`carbonlint: baseline ${o.baseline}: ${plural(baselineEntries.length, 'finding')} accepted\n`);
    }

    if (report) {
      let text: string;
      if (envelope) {
        text = sink.finish((elements) => assemble(envelope, elements));
      } else {
        const notes: string[] = [];
        if (suppressed) notes.push(`${plural(suppressed, 'finding')} accepted by the baseline ${o.baseline} (not shown).`);
        if (notices.length) notes.push(`Not read: ${notices.length} ${notices.length === 1 ? 'file or folder' : 'files or folders'} (listed on stderr: not a regular file, unreadable, or outside the workspace).`);
        if (legacyBaseline) notes.push(`The baseline ${o.baseline} has fingerprints of an older version (matched as they are); --update-baseline rewrites it.`);
        if (o.maxWarnings !== undefined && warnings > o.maxWarnings) notes.push(`Too many warnings: ${warnings}, at most ${o.maxWarnings} allowed (--max-warnings).`);
        if (o.failOn !== 'error' && failing) notes.push(`${plural(failing, 'finding')} at ${o.failOn} or above (--fail-on ${o.failOn}).`);
        text = sink.finish((blocks) => stylishReport(blocks, totals, paint, notes));
      }
      if (spool) {
        spool.write(text);
        await spool.copyTo(out);
      } else {
        out.write(text);
        outFile?.commit();
      }
      await out.drained();
    }
    for (const n of notices) process.stderr.write(`carbonlint: skipped ${n}\n`);
    if (writeErrors.length) {
      process.stderr.write(`carbonlint: ${writeErrors.join('\ncarbonlint: ')}\n`);
      return 2;
    }
    if (errors > 0 || failing > 0) return 1;
    if (o.maxWarnings !== undefined && warnings > o.maxWarnings) return 1;
    return 0;
  }
}

/** The per-file renderer of each list format (stylish and SARIF have their own). */
export const RENDERERS = { json: jsonElements, gitlab: gitlabElements, github: githubElements, checkstyle: checkstyleElements, junit: junitElements };

/** The envelope of a CI format (the SARIF one prints the rules the results used at its end); none for stylish. */
export function reportEnvelope(format: LintOptions['format'], sarif?: SarifBuilder): Envelope | undefined {
  if (sarif) {
    // The document with an empty result list, cut where the results go (they come first in the run).
    const [open] = (JSON.stringify(sarif.document([]), null, 2) + '\n').split('"results": []');
    const rest = () => (JSON.stringify(sarif.document([]), null, 2) + '\n').split('"results": []')[1];
    return { open: `${open}"results": [\n        `, sep: ',\n        ', close: () => `\n      ]${rest()}`, empty: () => `${open}"results": []${rest()}` };
  }
  switch (format) {
    case 'json':
    case 'gitlab':
      return JSON_ENVELOPE;
    case 'github':
      return LINES_ENVELOPE;
    case 'checkstyle':
      return CHECKSTYLE_ENVELOPE;
    case 'junit':
      return JUNIT_ENVELOPE;
    default:
      return undefined;
  }
}

/** The walk's listings for disk-snapshot.ts, up to a budget of names (a huge tree then asks the disk as before). */
const LISTED_NAMES_MAX = 500_000;
function walkListings(): { add: (dir: string, names: string[]) => void; kept: () => SnapshotData | undefined } {
  let builder: ReturnType<typeof snapshotBuilder> | undefined = snapshotBuilder();
  let total = 0;
  return {
    add: (dir, names) => {
      total += names.length;
      if (total > LISTED_NAMES_MAX) builder = undefined;
      builder?.add(dir, names);
    },
    // Partial listings would still be right (an unlisted folder is asked), but a run over the budget keeps none.
    // Handed over once: the lint keeps its own compact copy.
    kept: () => {
      const data = builder?.data();
      builder = undefined;
      return data;
    },
  };
}

function realOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** The real folders --fix may write in: each folder given, and the folder of each file given. */
function writeRoots(inputs: string[]): string[] {
  // Once each: files of one folder given one by one (pre-commit) share their root.
  return [...new Set(inputs.flatMap((input) => {
    try {
      // A file's own folder, not its link target's: a symlinked file given by name may still not lead out.
      return [fs.statSync(input).isDirectory() ? fs.realpathSync(input) : fs.realpathSync(path.dirname(path.resolve(input)))];
    } catch {
      return [];
    }
  }))];
}
