// Findings caused by a resolved template value are shown on the values file (values.yaml, host_vars/x.yml,
// params.pp), which is not itself a checked file: each template that uses the file contributes its findings,
// and the values file shows their union, with a related pointer to the template line. Updated whenever a
// template is linted (open document or workspace scan).
import * as path from 'node:path';
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { LintResult } from '../../shared-rules/engine/lint';
import { toDiagnostic } from './diagnostics';
import { URI } from './uri';

export class ValuesDiagnostics {
  /** values-file URI → template URI → diagnostics it contributes. */
  private byFile = new Map<string, Map<string, Diagnostic[]>>();
  /** template URI → the values files it contributes to (every lint of every file asks; a loop over byFile did not scale). */
  private byTemplate = new Map<string, Set<string>>();

  /** `own`: the file's own findings when it is open and checked too (they are published together). */
  constructor(private readonly connection: Connection, private readonly own: (uri: string) => Diagnostic[] = () => []) {}

  /** What templates currently put on `uri` (deduplicated). */
  of(uri: string): Diagnostic[] {
    const m = this.byFile.get(uri);
    return m ? this.union(m) : [];
  }

  /** A template was (re)linted: replace what it contributes. */
  update(templateUri: string, result: Pick<LintResult, 'values'> | undefined): void {
    const next = new Map<string, Diagnostic[]>();
    for (const v of result?.values ?? []) {
      const uri = URI.fromPath(v.file);
      const d = toDiagnostic(v.finding, uri);
      if (v.finding.guideline !== null && !d.relatedInformation) d.relatedInformation = [DiagnosticRelatedInformation.create({ uri: templateUri, range: v.template.range }, 'The template line that uses this value')];
      next.set(uri, [...(next.get(uri) ?? []), d]);
    }
    const touched = new Set<string>([...next.keys(), ...(this.byTemplate.get(templateUri) ?? [])]);
    if (next.size) this.byTemplate.set(templateUri, new Set(next.keys()));
    else this.byTemplate.delete(templateUri);
    for (const uri of touched) {
      let m = this.byFile.get(uri);
      if (!m) this.byFile.set(uri, (m = new Map()));
      const mine = next.get(uri);
      if (mine) m.set(templateUri, mine);
      else m.delete(templateUri);
      this.publish(uri, m);
    }
  }

  private publish(uri: string, m: Map<string, Diagnostic[]>): void {
    const diagnostics = this.union(m);
    if (!m.size) this.byFile.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [...this.own(uri), ...diagnostics] });
  }

  private union(m: Map<string, Diagnostic[]>): Diagnostic[] {
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    for (const list of m.values()) {
      for (const d of list) {
        const key = `${d.range.start.line}:${d.range.start.character}:${String(d.code)}:${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        diagnostics.push(d);
      }
    }
    return diagnostics;
  }
}

/**
 * The pointer back: on the template line that uses a value, a hint (not listed in Problems) naming the values line
 * where the finding is reported, with a related link to it.
 */
export function templateHints(result: Pick<LintResult, 'values'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const v of result.values ?? []) {
    if (v.finding.guideline === null) continue;
    const key = `${v.template.span.start}:${v.finding.ruleId}:${v.file}:${v.finding.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = `${path.basename(v.file)}:${v.finding.range.start.line + 1}`;
    out.push({
      range: v.template.range, severity: DiagnosticSeverity.Hint, source: 'carbonlint', code: v.finding.ruleId,
      message: `The value used here, set at ${where}, is reported there: ${v.finding.ruleId}`,
      relatedInformation: [DiagnosticRelatedInformation.create({ uri: URI.fromPath(v.file), range: v.finding.range }, 'Where the value is set (and reported)')],
    });
  }
  return out;
}
