// Engine findings → LSP diagnostics. No rule knowledge here: everything comes from the findings.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity, DiagnosticRelatedInformation, DiagnosticTag } from 'vscode-languageserver/node';
import type { LintFinding } from '../../shared-rules/engine/lint';
import { UNUSED_SUPPRESSION } from '../../shared-rules/engine/suppressions';
import { ruleById } from '../../shared-rules/rules';
import { URI } from './uri';

export const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

// Built once per rule id (a URL per diagnostic per keystroke was measurable while typing); ids are the rules' own.
const docUris = new Map<string, string | undefined>();

/** The rule documentation shipped beside the server bundle (docs/rules/<id>.md), readable offline. */
export function ruleDocUri(ruleId: string): string | undefined {
  if (docUris.has(ruleId)) return docUris.get(ruleId);
  const uri = ruleById(ruleId) ? pathToFileURL(path.join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).toString() : undefined;
  if (uri !== undefined || docUris.size < 1024) docUris.set(ruleId, uri); // unknown ids (file-level codes) are few, but bounded
  return uri;
}

export function toDiagnostic(f: LintFinding, uri: string): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: 'carbonlint',
    code: f.ruleId,
    message: f.guideline ? `${f.message} (${f.guidelineId}: ${f.guideline})` : f.message,
  };
  const href = ruleDocUri(f.ruleId);
  if (href) d.codeDescription = { href };
  if (f.ruleId === UNUSED_SUPPRESSION) d.tags = [DiagnosticTag.Unnecessary]; // drawn faded, like unused code
  if (f.related?.length) d.relatedInformation = f.related.map((r) => DiagnosticRelatedInformation.create({ uri: r.file ? URI.fromPath(r.file) : uri, range: r.range }, r.message));
  return d;
}
