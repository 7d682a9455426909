// One file of a lint run: read, lint, fix, fingerprints. The same function runs in process (--jobs 1) and in the
// worker threads (lint-pool.ts), so 1 and N workers give the same outcomes; the main thread only reports them.
// An outcome holds no file text unless a fix changed it (structured clones are flat copies: no sliced string
// keeps a whole file alive in the main thread).
import * as path from 'node:path';
import { lintText, type LintFinding, type LintResult } from '../../shared-rules/engine/lint';
import type { SuppressedFinding } from '../../shared-rules/engine/suppressions';
import { fixText } from '../../shared-rules/engine/fixes';
import type { TextChange } from '../../shared-rules/engine/fix-changes';
import { classify } from '../../shared-rules/engine/files';
import { fingerprints } from '../../shared-rules/engine/fingerprint';
import { readConfigFile } from '../../shared-rules/engine/read-config';
import type { Settings } from '../../shared-rules/engine/settings';
import { setDiskSnapshot, type SnapshotData } from '../../shared-rules/engine/disk-snapshot';
import { selectRules, type RuleSelection } from './rule-selection';

/** What a worker needs to lint as the main thread would: plain data only (it is structured-cloned). */
export interface LintJob {
  settings: Settings;
  rules: string[];
  ignoreRules: string[];
  /** --fix or --fix-dry-run: compute the safely fixed text. */
  fix: boolean;
  /** False when nothing is linted (a bad --baseline): files are still read, for the notices. */
  lint: boolean;
  /** Fingerprints are computed where the text is (SARIF, Code Quality, baselines); relative to `root`. */
  prints?: { root: string; sarif: boolean; quiet: boolean; legacy: boolean };
  /** The walk's folder listings (disk-snapshot.ts): product detection asks them instead of the disk. */
  listings?: SnapshotData;
}

export interface Prints {
  /** Fingerprints of findings + hidden (v2). */
  all: string[];
  /** v1 fingerprints of the findings, for a baseline written before v2. */
  legacy: string[];
}

export type FileOutcome =
  | { file: string; notice: string }
  | { file: string; skip: true }
  | {
    file: string;
    findings: LintFinding[];
    suppressed: SuppressedFinding[];
    values?: LintResult['values'];
    prints?: Prints;
    /** Set when a fix changed the text: both texts, what was fixed, by rule, and where (for --fix-dry-run's diff). */
    changed?: { original: string; text: string; fixed: string; changes: TextChange[] };
  };

/** SARIF also lists the findings hidden by carbonlint-disable comments (errors only with --quiet). */
export function hiddenOf(suppressed: SuppressedFinding[], p: { sarif: boolean; quiet: boolean }): SuppressedFinding[] {
  return p.sarif ? suppressed.filter((f) => !p.quiet || f.severity === 'error') : [];
}

/** v2 fingerprints of findings then hidden ones (so the others' occurrence indexes are the same as without them), and v1 ones when asked. */
export function printsOf(file: string, text: string, findings: LintFinding[], suppressed: SuppressedFinding[], p: NonNullable<LintJob['prints']>): Prints {
  const rel = path.relative(p.root, file).split(path.sep).join('/');
  const hidden = hiddenOf(suppressed, p);
  return {
    all: fingerprints(rel, text, hidden.length ? [...findings, ...hidden] : findings),
    legacy: p.legacy ? fingerprints(rel, text, findings, 1) : [],
  };
}

/** What --fix changed, by rule: safe-fixable findings before minus those left after. */
export function fixedRules(before: LintFinding[], after: LintFinding[]): string {
  const count = (fs: LintFinding[]) => fs.filter((f) => f.fix?.safe).reduce((m, f) => m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1), new Map<string, number>());
  const a = count(before);
  const b = count(after);
  return [...a].map(([id, n]) => [id, n - (b.get(id) ?? 0)] as const).filter(([, n]) => n > 0).map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ');
}

/** A linter for one job: the rule selection is made once. */
export function fileLinter(job: LintJob): (file: string) => FileOutcome {
  const selection: RuleSelection = selectRules(job.rules, job.ignoreRules);
  if (job.listings) setDiskSnapshot(job.listings);
  const { settings } = job;
  const lint = (file: string, text: string, byteLength?: number, invalidUtf8At?: number) => {
    const r = lintText(file, text, { settings, rules: selection.lint, byteLength, invalidUtf8At });
    if (selection.keep) {
      r.findings = r.findings.filter(selection.keep);
      if (r.suppressed) r.suppressed = r.suppressed.filter(selection.keep);
    }
    return r;
  };
  return (file) => {
    // Only a regular file is read (judged on the open descriptor, never blocking); over the limit, only its head.
    const read = readConfigFile(file, settings.maxFileSize);
    if (!read.ok) return { file, notice: read.reason };
    if (!job.lint) return { file, skip: true };
    const original = read.text;
    if (!classify(file, original, settings.associations)) return { file, skip: true };
    let text = original;
    let changes: TextChange[] = [];
    const first = lint(file, original, read.size, read.invalidUtf8At);
    if (job.fix) ({ output: text, changes } = fixText(file, original, { settings, rules: selection.fix, safeOnly: true, only: selection.keep }));
    const final = text === original ? first : lint(file, text);
    const suppressed = final.suppressed ?? [];
    const out: FileOutcome = { file, findings: final.findings, suppressed };
    if (final.values) out.values = final.values;
    if (job.prints) out.prints = printsOf(file, text, final.findings, suppressed, job.prints);
    if (text !== original) out.changed = { original, text, fixed: fixedRules(first.findings, final.findings), changes };
    return out;
  };
}
