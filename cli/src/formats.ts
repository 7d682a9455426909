// The CI formats beside stylish: json, sarif, junit, checkstyle, gitlab (Code Quality) and github (workflow
// commands). Each is an envelope (what comes before, between and after the elements) and the elements of one file,
// so the CLI can print a file's part as soon as it is linted (report-sink.ts) and the bytes are the same whether
// the report is streamed or kept. Messages never carry a secret's value; paths and messages are escaped per format.
import * as path from 'node:path';
import type { LintFinding } from '../../shared-rules/engine/lint';
import type { Severity } from '../../shared-rules/engine/rule';

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'checkstyle', 'gitlab', 'github'] as const;

export interface Envelope {
  open: string;
  sep: string;
  /** After the last element (called at the end: SARIF's rules are known only then). */
  close: () => string;
  /** The whole report when there is no element. */
  empty: () => string;
}

/** The report from its elements: what a stream prints piece by piece, in one string. */
export function assemble(env: Envelope, elements: readonly string[]): string {
  return elements.length ? env.open + elements.join(env.sep) + env.close() : env.empty();
}

export interface FileContext {
  /** Paths are shown relative to this folder (the working folder). */
  cwd: string;
  /** Rule ids that have a docs page (docs/rules/<id>.md); others (file-level notices) get docsUrl null. */
  documented: ReadonlySet<string>;
  /** Absolute URL of the rule docs folder, ending in "/". */
  docsBase: string;
  /** One fingerprint per finding (fingerprint.ts), for gitlab. */
  fingerprints?: readonly string[];
}

const rel = (file: string, cwd: string) => (path.relative(cwd, file) || file).split(path.sep).join('/');
const line = (f: LintFinding) => f.range.start.line + 1;
const column = (f: LintFinding) => f.range.start.character + 1;

// ---- json -------------------------------------------------------------------------------------------------------

export const JSON_ENVELOPE: Envelope = { open: '[\n  ', sep: ',\n  ', close: () => '\n]\n', empty: () => '[]\n' };

/** JSON rows: `line`/`column` are 1-based (as editors show them); `range` is the LSP range (0-based, end exclusive). */
export function jsonElements(file: string, findings: readonly LintFinding[], ctx: FileContext): string[] {
  // The same bytes as JSON.stringify(row, null, 2) indented by two (json-row.test.ts compares them), written
  // directly: the path is escaped once per file and no row object or indented copy is made (5% of a --format json run).
  const fileJson = JSON.stringify(rel(file, ctx.cwd));
  return findings.map((f) => {
    const r = f.range;
    return `{\n    "file": ${fileJson},\n    "rule": ${JSON.stringify(f.ruleId)},${opt('guideline', f.guideline)}${opt('guidelineId', f.guidelineId)}`
      + `\n    "severity": ${JSON.stringify(f.severity)},\n    "message": ${JSON.stringify(f.message)},`
      + `\n    "line": ${num(r.start.line + 1)},\n    "column": ${num(r.start.character + 1)},`
      + `\n    "range": {\n      "start": ${pos(r.start)},\n      "end": ${pos(r.end)}\n    },`
      + `\n    "fixable": ${f.fix ? 'true' : 'false'},\n    "docsUrl": ${ctx.documented.has(f.ruleId) ? JSON.stringify(`${ctx.docsBase}${f.ruleId}.md`) : 'null'}\n  }`;
  });
}

/** A property JSON.stringify would write: omitted when undefined. */
const opt = (name: string, v: string | null | undefined) => (v === undefined ? '' : `\n    "${name}": ${JSON.stringify(v)},`);
/** JSON.stringify of a number: null when not finite. */
const num = (n: number) => (Number.isFinite(n) ? String(n) : 'null');
const pos = (p: { line: number; character: number }) =>
  `{\n        "line": ${num(p.line)},\n        "character": ${num(p.character)}\n      }`;

// ---- gitlab (Code Quality) --------------------------------------------------------------------------------------

const CODE_QUALITY_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };
// Well-known default credentials (G18 admin, G27 … ) are the ones an attacker tries first.
const CRITICAL = new Set(['G18', 'G27']);

export function gitlabElements(file: string, findings: readonly LintFinding[], ctx: FileContext): string[] {
  return findings.map((f, i) => JSON.stringify({
    description: f.guidelineId ? `${f.message} (${f.guidelineId})` : f.message,
    check_name: f.ruleId,
    fingerprint: ctx.fingerprints?.[i] ?? '',
    severity: f.severity === 'error' && f.guidelineId && CRITICAL.has(f.guidelineId) ? 'critical' : CODE_QUALITY_SEVERITY[f.severity],
    location: { path: rel(file, ctx.cwd), lines: { begin: line(f) } },
    categories: ['Security'],
    type: 'issue',
  }, null, 2).replace(/\n/g, '\n  '));
}

// ---- github (workflow commands) ---------------------------------------------------------------------------------

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
/** A workflow command's message: %, CR and LF are escaped (as @actions/core does). */
export const escapeGithubData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A workflow command's property value: also ":" and "," (they separate properties). */
export const escapeGithubProperty = (s: string) => escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubElements(file: string, findings: readonly LintFinding[], ctx: FileContext): string[] {
  return findings.map((f) => {
    const props = [
      `file=${escapeGithubProperty(rel(file, ctx.cwd))}`,
      `line=${line(f)}`,
      `col=${column(f)}`,
      `endLine=${f.range.end.line + 1}`,
      `endColumn=${f.range.end.character + 1}`,
      `title=${escapeGithubProperty(f.guidelineId ? `${f.ruleId} (${f.guidelineId})` : f.ruleId)}`,
    ];
    return `::${GITHUB_COMMAND[f.severity]} ${props.join(',')}::${escapeGithubData(f.message)}\n`;
  });
}

export const LINES_ENVELOPE: Envelope = { open: '', sep: '', close: () => '', empty: () => '' };

// ---- XML: checkstyle and junit ----------------------------------------------------------------------------------

// Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export function escapeXml(s: string): string {
  return s.replace(XML_INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';
const CHECKSTYLE_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

export const CHECKSTYLE_ENVELOPE: Envelope = {
  open: `${XML_HEAD}<checkstyle version="4.3">\n`,
  sep: '',
  close: () => '</checkstyle>\n',
  empty: () => `${XML_HEAD}<checkstyle version="4.3">\n</checkstyle>\n`,
};

/** One <file> element per checked file (with no <error> when it is clean, as ESLint does). */
export function checkstyleElements(file: string, findings: readonly LintFinding[], ctx: FileContext): string[] {
  const errors = findings.map((f) =>
    `    <error line="${line(f)}" column="${column(f)}" severity="${CHECKSTYLE_SEVERITY[f.severity]}" message="${escapeXml(f.guidelineId ? `${f.message} (${f.guidelineId})` : f.message)}" source="carbonlint.${escapeXml(f.ruleId)}"/>\n`);
  return [`  <file name="${escapeXml(rel(file, ctx.cwd))}">\n${errors.join('')}  </file>\n`];
}

export const JUNIT_ENVELOPE: Envelope = {
  open: `${XML_HEAD}<testsuites name="CarbonLint">\n`,
  sep: '',
  close: () => '</testsuites>\n',
  empty: () => `${XML_HEAD}<testsuites name="CarbonLint">\n</testsuites>\n`,
};

/** One <testsuite> per checked file: a failing <testcase> per finding, or one passing test case when it is clean. */
export function junitElements(file: string, findings: readonly LintFinding[], ctx: FileContext): string[] {
  const name = escapeXml(rel(file, ctx.cwd));
  const cases = findings.length
    ? findings.map((f) => {
        const where = `${rel(file, ctx.cwd)}:${line(f)}:${column(f)}`;
        const text = `${where} ${f.severity} ${f.message} (${f.guidelineId ? `${f.ruleId}, ${f.guidelineId}` : f.ruleId})`;
        return `    <testcase name="${escapeXml(`${f.ruleId} at ${line(f)}:${column(f)}`)}" classname="${name}">\n` +
          `      <failure message="${escapeXml(f.message)}" type="${f.severity}">${escapeXml(text)}</failure>\n    </testcase>\n`;
      })
    : [`    <testcase name="carbonlint" classname="${name}"/>\n`];
  return [`  <testsuite name="${name}" tests="${cases.length}" failures="${findings.length}" errors="0">\n${cases.join('')}  </testsuite>\n`];
}
