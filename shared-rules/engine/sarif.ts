// Findings → SARIF 2.1.0, in the subset GitHub code scanning reads (rules with help and security-severity,
// repository-relative locations, partialFingerprints). Secrets never appear: no snippets, and a fix whose
// inserted text would carry a secret's value is left out.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintFinding, LintEdit } from './lint';
import type { Rule, Severity } from './rule';
import type { Settings } from './settings';
import type { Range } from './text';
import { ruleMarkdown } from './docs';
import { holdsSecret } from './redact';
import { FINGERPRINT_KEY } from './fingerprint';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export interface SarifFile {
  /** Absolute path. */
  path: string;
  findings: readonly LintFinding[];
  /** One per finding (fingerprint.ts). */
  fingerprints: readonly string[];
  /** Indexes of findings accepted by the baseline. */
  baselined?: ReadonlySet<number>;
  /** Indexes of findings hidden by a carbonlint-disable comment, with the comment's reason. */
  inSource?: ReadonlyMap<number, string | undefined>;
}

export interface SarifOptions {
  /** Locations are relative to this folder (the repository root in CI). */
  root: string;
  toolVersion: string;
  /** Absolute URL of the rule docs folder, ending in "/" (helpUri = docsBase + id + ".md"). */
  docsBase: string;
  rules: readonly Rule[];
  settings: Settings;
  /** Set when a baseline was applied: results get baselineState, accepted ones a suppression. */
  baseline?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
// GitHub buckets: ≥9 critical, ≥7 high, ≥4 medium, else low. Well-known default credentials are critical.
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '3.0', hint: '1.0' };
const CRITICAL_GUIDELINES = new Set(['G18', 'G27']);

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
}

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function ruleDescriptor(rule: Rule, settings: Settings, docsBase: string) {
  const { meta } = rule;
  const level = settings.rules[meta.id];
  return {
    id: meta.id,
    name: pascal(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.docs.what },
    helpUri: `${docsBase}${meta.id}.md`,
    help: { text: `${meta.docs.what}\n\n${meta.docs.why}\n\n${meta.docs.fix}`, markdown: ruleMarkdown(rule, { heading: false }) },
    defaultConfiguration: level === 'off' ? { enabled: false, level: LEVEL[meta.severity] } : { level: LEVEL[level ?? meta.severity] },
    properties: {
      tags: ['security', meta.guidelineId, meta.guideline],
      'security-severity': CRITICAL_GUIDELINES.has(meta.guidelineId) && meta.severity === 'error' ? '9.1' : SECURITY_SEVERITY[meta.severity],
      precision: 'high',
      guideline: meta.guideline,
      guidelineId: meta.guidelineId,
      fileKind: meta.kind,
    },
  };
}

/** File-level codes (syntax errors, skipped files, a failing rule) have no rule module: a minimal descriptor. */
function noticeDescriptor(id: string) {
  return {
    id,
    name: pascal(id),
    shortDescription: { text: `CarbonLint notice: ${id}` },
    fullDescription: { text: 'A file-level notice (the file could not be parsed or checked completely); it is not a guideline finding.' },
    defaultConfiguration: { level: 'note' as const },
    properties: { tags: ['carbonlint-notice'] },
  };
}

export function toSarif(files: readonly SarifFile[], opts: SarifOptions): object {
  const rules: object[] = [];
  const ruleIndex = new Map<string, number>();
  for (const r of opts.rules) {
    ruleIndex.set(r.meta.id, rules.length);
    rules.push(ruleDescriptor(r, opts.settings, opts.docsBase));
  }
  const results: object[] = [];
  for (const file of files) {
    const location = artifactLocation(file.path, opts.root);
    file.findings.forEach((f, i) => {
      if (!ruleIndex.has(f.ruleId)) {
        ruleIndex.set(f.ruleId, rules.length);
        rules.push(noticeDescriptor(f.ruleId));
      }
      const accepted = file.baselined?.has(i) ?? false;
      const fix = f.fix && !f.fix.edits.some((e) => holdsSecret(e.newText)) ? f.fix : undefined;
      results.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.guidelineId ? `${f.message} (${f.guidelineId}: ${f.guideline})` : f.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(f.range) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: file.fingerprints[i] },
        ...(f.related?.length
          ? { relatedLocations: f.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: { artifactLocation: r.file ? artifactLocation(r.file, opts.root) : location, region: region(r.range) } })) }
          : {}),
        ...(fix
          ? {
              fixes: [{
                description: { text: fix.safe ? fix.title : `${fix.title} (review before applying)` },
                artifactChanges: [{ artifactLocation: location, replacements: fix.edits.map((e) => replacement(e)) }],
              }],
            }
          : {}),
        ...(opts.baseline ? { baselineState: accepted ? 'unchanged' : 'new' } : {}),
        ...suppressions(file, i, accepted, opts.baseline),
      });
    });
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'CarbonLint',
          version: opts.toolVersion,
          semanticVersion: opts.toolVersion,
          informationUri: opts.docsBase.replace(/docs\/rules\/$/, ''),
          rules,
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(opts.root.endsWith(path.sep) ? opts.root : opts.root + path.sep).href } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

/** SARIF suppressions: a carbonlint-disable comment (inSource) and/or acceptance in the baseline (external). */
function suppressions(file: SarifFile, i: number, accepted: boolean, baseline?: string) {
  const out: object[] = [];
  if (file.inSource?.has(i)) {
    const why = file.inSource.get(i);
    out.push({ kind: 'inSource', status: 'accepted', ...(why ? { justification: why } : {}) });
  }
  if (accepted) out.push({ kind: 'external', status: 'accepted', justification: `Accepted in the baseline ${baseline}` });
  return out.length ? { suppressions: out } : {};
}

function replacement(e: LintEdit) {
  return {
    deletedRegion: { ...region(e.range), charOffset: e.start, charLength: e.end - e.start },
    insertedContent: { text: e.newText },
  };
}

/** Repository-relative URI when the file is under the root (what code scanning needs), else an absolute file URI. */
function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
