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
// An edit that writes a digest (the SHA-256 of app_password into `hash`) carries a hash of a secret: left out.
const HEX_DIGEST = /[0-9a-f]{32}/i;

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
  /** Absolute URL of the rule docs folder, ending in "/" (helpUri = docsBase + id + ".md"); '' for no helpUri. */
  docsBase: string;
  /** The tool's home page (driver.informationUri). */
  informationUri?: string;
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

/** GitHub code scanning truncates (and warns about) a fullDescription over 1024 characters: cut at a word. */
export const MAX_FULL_DESCRIPTION = 1024;
export function limitText(text: string, max = MAX_FULL_DESCRIPTION): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** security-severity from the level the result is reported at (GitHub: ≥9 critical, ≥7 high, ≥4 medium, else low). */
function securitySeverity(severity: Severity, guidelineId: string | null): string {
  return severity === 'error' && guidelineId && CRITICAL_GUIDELINES.has(guidelineId) ? '9.1' : SECURITY_SEVERITY[severity];
}

function ruleDescriptor(rule: Rule, settings: Settings, docsBase: string) {
  const { meta } = rule;
  const level = settings.rules[meta.id];
  const effective: Severity = level && level !== 'off' ? level : meta.severity;
  return {
    id: meta.id,
    name: pascal(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: limitText(meta.docs.what) },
    ...(docsBase ? { helpUri: `${docsBase}${meta.id}.md` } : {}),
    help: { text: `${meta.docs.what}\n\n${meta.docs.why}\n\n${meta.docs.fix}`, markdown: ruleMarkdown(rule, { heading: false }) },
    defaultConfiguration: level === 'off' ? { enabled: false, level: LEVEL[meta.severity] } : { level: LEVEL[level ?? meta.severity] },
    properties: {
      tags: ['security', meta.guidelineId, meta.guideline],
      'security-severity': securitySeverity(effective, meta.guidelineId),
      precision: 'high',
      guideline: meta.guideline,
      guidelineId: meta.guidelineId,
      fileKind: meta.kind,
    },
  };
}

/** File-level codes (syntax errors, skipped files, a failing rule) have no rule module: a descriptor with help. */
function noticeDescriptor(id: string) {
  const help = NOTICE_HELP.get(id) ?? 'A file-level notice: the file could not be parsed or checked completely. It is not a guideline finding; the message says what happened.';
  const text = `${help}\n\nNotices are not security findings: they say where CarbonLint could not check, so that a clean result is not mistaken for a checked file.`;
  return {
    id,
    name: pascal(id),
    shortDescription: { text: `CarbonLint notice: ${id}` },
    fullDescription: { text: limitText(help) },
    help: { text, markdown: text },
    defaultConfiguration: { level: 'note' as const },
    properties: { tags: ['carbonlint-notice'] },
  };
}

const NOTICE_HELP = new Map<string, string>([
  ['toml-syntax', 'The TOML file has a syntax error: the product would refuse to start, and CarbonLint checked only what it could read. Fix the syntax at the position shown.'],
  ['toml-internal', 'The TOML parser failed on this file; CarbonLint checked only what it could read.'],
  ['properties-syntax', 'The properties file has a line that cannot be read as a key and a value (for example an invalid \\u escape). Fix the line shown.'],
  ['xml-syntax', 'The XML file is not well-formed: Tomcat would refuse it, and CarbonLint checked only what it could read. Fix the markup at the position shown.'],
  ['xml-doctype-ignored', 'The XML file declares a DOCTYPE. CarbonLint never loads external DTDs or entities; the declaration is ignored.'],
  ['xml-entity-ignored', 'The XML file declares or uses an entity. CarbonLint does not expand entities (an entity can hide or inflate content); the value is ignored.'],
  ['file-too-large', 'The file is larger than the size limit (maxFileSize) and was not checked. Raise the limit in .carbonlint.json if the file is genuine.'],
  ['file-binary', 'The file looks binary (it holds NUL bytes) and was not checked.'],
  ['too-many-findings', 'The file has more findings than maxFindingsPerFile; the rest are counted in this notice. Fix the first ones, or raise the limit.'],
  ['internal-error', 'A rule failed on this file; its other rules ran. Please report the problem with the rule id shown.'],
  ['unused-suppression', 'A carbonlint-disable comment suppresses nothing: the finding it was written for is gone. Remove the comment.'],
  ['template-renderings', 'The template has more branch renderings (over 32) or value cases such as Ansible hosts (over 8) than are checked one by one: the message says how many and what was checked instead (the template as one text, or the first hosts).'],
]);

/**
 * Builds SARIF a file at a time (the CLI streams results as it scans): `results(file)` gives a file's results and
 * registers the rules they use; `document(results)` is the whole log, with `results` first in the run so that a
 * stream can print them before the rules (known only at the end).
 */
export class SarifBuilder {
  private readonly rules: object[] = [];
  private readonly ruleIndex = new Map<string, number>();

  constructor(private readonly opts: SarifOptions) {
    for (const r of opts.rules) {
      this.ruleIndex.set(r.meta.id, this.rules.length);
      this.rules.push(ruleDescriptor(r, opts.settings, opts.docsBase));
    }
  }

  results(file: SarifFile): object[] {
    const { opts, rules, ruleIndex } = this;
    const results: object[] = [];
    const location = artifactLocation(file.path, opts.root);
    file.findings.forEach((f, i) => {
      if (!ruleIndex.has(f.ruleId)) {
        ruleIndex.set(f.ruleId, rules.length);
        rules.push(noticeDescriptor(f.ruleId));
      }
      const accepted = file.baselined?.has(i) ?? false;
      const fix = f.fix && !f.fix.edits.some((e) => holdsSecret(e.newText) || HEX_DIGEST.test(e.newText)) ? f.fix : undefined;
      results.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: LEVEL[f.severity],
        ...(f.guidelineId ? { properties: { 'security-severity': securitySeverity(f.severity, f.guidelineId) } } : {}),
        message: { text: f.guidelineId ? `${f.message} (${f.guidelineId}: ${f.guideline})` : f.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(f.range) } }],
        // GitHub's own key, given so that upload-sarif does not compute it from the line's text (a secret's value
        // included): ours is already a hash of rule and location only, stable when lines move.
        partialFingerprints: { [FINGERPRINT_KEY]: file.fingerprints[i], primaryLocationLineHash: `${file.fingerprints[i].slice(0, 16)}:1` },
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
    return results;
  }

  document(results: readonly object[]): object {
    const { opts } = this;
    return {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [{
        results,
        tool: {
          driver: {
            name: 'CarbonLint',
            version: opts.toolVersion,
            semanticVersion: opts.toolVersion,
            ...(opts.informationUri || opts.docsBase ? { informationUri: opts.informationUri ?? opts.docsBase.replace(/docs\/rules\/$/, '') } : {}),
            rules: this.rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(opts.root.endsWith(path.sep) ? opts.root : opts.root + path.sep).href } },
        columnKind: 'utf16CodeUnits',
      }],
    };
  }
}

export function toSarif(files: readonly SarifFile[], opts: SarifOptions): object {
  const b = new SarifBuilder(opts);
  return b.document(files.flatMap((f) => b.results(f)));
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
