// `carbonlint [paths…]`: read everything first, then lint/fix, then write — so an error (exit 2) writes nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, type LintFinding } from '../../shared-rules/engine/lint';
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
import { formatJson, formatStylish, type FileResult } from './format';
import { writeAtomic } from './atomic';
import { colorEnabled, painter } from './color';
import { Progress } from './progress';
import { unifiedDiff } from './diff';
import { emit } from './output';
import { CliError } from './errors';
import { loadCliProject } from './project';
import { TOOL_VERSION, docsBase } from './version';
import type { LintOptions } from './options';

interface Checked {
  file: string;
  original: string;
  text: string;
  findings: LintFinding[];
  /** Hidden by carbonlint-disable comments: listed (as suppressed) in SARIF only. */
  suppressed: SuppressedFinding[];
  fingerprints: string[];
  baselined: Set<number>;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function readAll(files: string[]): Map<string, string> {
  const texts = new Map<string, string>();
  const errors: string[] = [];
  for (const f of files) {
    try {
      texts.set(f, fs.readFileSync(f, 'utf8'));
    } catch (e) {
      errors.push(`${f}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  if (errors.length) throw new CliError(errors.join('\ncarbonlint: '));
  return texts;
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
  const files = collectFiles(o.inputs, walkErrors, { excluded: project.excluded }).map((f) => path.resolve(f));
  if (walkErrors.length) throw new CliError(walkErrors.map((e) => `${e.path}: ${e.message}`).join('\ncarbonlint: '));
  const texts = readAll(files);
  let accepted = new Set<string>();
  if (o.baseline && !o.updateBaseline) {
    try {
      accepted = parseBaseline(fs.readFileSync(o.baseline, 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(`--baseline ${o.baseline}: ${code ? `cannot read (${code}); create it with --update-baseline` : (e as Error).message}`);
    }
  }

  const progress = new Progress();
  const checked: Checked[] = [];
  const fixes: string[] = [];
  files.forEach((file, i) => {
    progress.update(i + 1, files.length);
    const original = texts.get(file)!;
    if (!classify(file, original)) return;
    let text = original;
    const first = lintText(file, original, { settings, rules });
    const before = first.findings;
    if (o.fix || o.fixDryRun) {
      text = fixText(file, original, { settings, rules, safeOnly: true }).output;
    }
    const final = text === original ? first : lintText(file, text, { settings, rules });
    const findings = final.findings;
    if (text !== original) fixes.push(`${path.relative(cwd, file) || file} (${fixedRules(before, findings) || 'formatting'})`);
    const fps = fingerprints(path.relative(root, file).split(path.sep).join('/'), text, findings);
    const baselined = new Set<number>();
    findings.forEach((_f, j) => accepted.has(fps[j]) && baselined.add(j));
    checked.push({ file, original, text, findings, suppressed: final.suppressed ?? [], fingerprints: fps, baselined });
  });
  progress.done();

  // Everything is known: now write (fixes, baseline), then report.
  const paint = painter(colorEnabled(o.output ? {} : process.stdout));
  if (o.fixDryRun) {
    let masked = false;
    const diffs = checked.map((c) => {
      if (c.text === c.original) return '';
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
    for (const c of checked) {
      if (c.text === c.original) continue;
      try {
        writeAtomic(c.file, c.text);
      } catch (e) {
        throw new CliError(`${c.file}: cannot write the fixes (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
    }
    for (const f of fixes) process.stderr.write(`carbonlint: fixed ${f}\n`);
  }
  if (o.updateBaseline) {
    const entries = checked.flatMap((c) => c.findings.map((f, j) => ({
      fingerprint: c.fingerprints[j], rule: f.ruleId, file: path.relative(root, c.file).split(path.sep).join('/'), message: f.message,
    })));
    emit(serializeBaseline(createBaseline(entries)), o.baseline);
    for (const c of checked) c.findings.forEach((_f, j) => c.baselined.add(j));
    process.stderr.write(`carbonlint: baseline ${o.baseline}: ${plural(entries.length, 'finding')} accepted\n`);
  }

  // What counts (and is shown in stylish/json): findings not in the baseline, errors only with --quiet.
  const visible = (c: Checked) => c.findings.filter((f, j) => !c.baselined.has(j) && (!o.quiet || f.severity === 'error'));
  const results: FileResult[] = checked.map((c) => ({ file: c.file, findings: visible(c) }));
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  const suppressed = checked.reduce((n, c) => n + c.baselined.size, 0);

  if (!o.fixDryRun) {
    let out: string;
    if (o.format === 'sarif') {
      const sarifFiles = checked.map((c) => {
        const keep = c.findings.map((f, j) => j).filter((j) => !o.quiet || c.findings[j].severity === 'error');
        const hidden = c.suppressed.filter((f) => !o.quiet || f.severity === 'error');
        // Suppressed findings come after the others, so the others' fingerprints (occurrence indexes) stay as they are.
        const all = [...c.findings, ...hidden];
        const fps = fingerprints(path.relative(root, c.file).split(path.sep).join('/'), c.text, all);
        const findings = [...keep.map((j) => c.findings[j]), ...hidden];
        return {
          path: c.file,
          findings,
          fingerprints: [...keep.map((j) => c.fingerprints[j]), ...fps.slice(c.findings.length)],
          baselined: new Set(keep.map((j, k) => (c.baselined.has(j) ? k : -1)).filter((k) => k >= 0)),
          inSource: new Map(hidden.map((f, k) => [keep.length + k, f.suppression.reason] as const)),
        };
      });
      out = JSON.stringify(toSarif(sarifFiles, { root, toolVersion: TOOL_VERSION, docsBase: docsBase(), rules, settings, baseline: o.baseline }), null, 2) + '\n';
    } else if (o.format === 'json') {
      out = formatJson(results, cwd);
    } else {
      const notes: string[] = [];
      if (suppressed) notes.push(`${plural(suppressed, 'finding')} accepted by the baseline ${o.baseline} (not shown).`);
      if (o.maxWarnings !== undefined && warnings > o.maxWarnings) notes.push(`Too many warnings: ${warnings}, at most ${o.maxWarnings} allowed (--max-warnings).`);
      out = formatStylish(results, cwd, paint, notes);
    }
    emit(out, o.output);
  }
  if (errors > 0) return 1;
  if (o.maxWarnings !== undefined && warnings > o.maxWarnings) return 1;
  return 0;
}
