// Engine findings → LSP diagnostics and code actions. No rule knowledge here: everything comes from the findings.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, DiagnosticRelatedInformation, type Range,
} from 'vscode-languageserver/node';
import type { LintFinding } from '../../shared-rules/engine/lint';
import { ruleById } from '../../shared-rules/rules';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/** The rule documentation shipped beside the server bundle (docs/rules/<id>.md), readable offline. */
export function ruleDocUri(ruleId: string): string | undefined {
  if (!ruleById(ruleId)) return undefined;
  return pathToFileURL(path.join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).toString();
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
  if (f.related?.length) d.relatedInformation = f.related.map((r) => DiagnosticRelatedInformation.create({ uri, range: r.range }, r.message));
  return d;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** Quick fixes for the findings that touch `range`, as versioned edits so a stale one is refused by the client. */
export function quickFixes(findings: readonly LintFinding[], uri: string, version: number, range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const f of findings) {
    if (!f.fix || !overlaps(f.range, range)) continue;
    actions.push({
      title: f.fix.title,
      kind: CodeActionKind.QuickFix,
      isPreferred: f.fix.preferred,
      diagnostics: [toDiagnostic(f, uri)],
      edit: {
        documentChanges: [{ textDocument: { uri, version }, edits: f.fix.edits.map((e) => ({ range: e.range, newText: e.newText })) }],
      },
    });
  }
  return actions;
}
