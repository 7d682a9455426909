// Code actions from the findings: each finding's quick fix, "Disable <rule> for this line / file", and fix-all
// (source.fixAll.carbonlint, for editor.codeActionsOnSave). Edits are versioned: a stale one is refused.
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintFinding, LintResult } from '../../shared-rules/engine/lint';
import { disableFileEdit, disableLineEdit } from '../../shared-rules/engine/suppression-edits';
import type { Settings } from '../../shared-rules/engine/settings';
import { toDiagnostic } from './diagnostics';
import { fixAllEdit } from './fix-all';
import { URI } from './uri';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.carbonlint`;

/** Whether `kind` is asked for by `only` (a request for "source" includes "source.fixAll.carbonlint"). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

function versioned(doc: TextDocument, edits: TextEdit[]) {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
}

export function fixAllAction(doc: TextDocument, settings: Settings, kind: string = FIX_ALL_KIND): CodeAction | undefined {
  const fix = fixAllEdit(doc, settings);
  if (!fix) return undefined;
  return { title: 'Fix all safe CarbonLint problems', kind, edit: versioned(doc, [fix.edit]) };
}

export function codeActions(doc: TextDocument, lint: LintResult, settings: Settings, range: Range, only: readonly string[] | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  if (only && wants(only, FIX_ALL_KIND) && !wants(only, CodeActionKind.QuickFix)) {
    const all = fixAllAction(doc, settings);
    return all ? [all] : [];
  }
  if (!wants(only, CodeActionKind.QuickFix)) return actions;
  const here = lint.findings.filter((f) => overlaps(f.range, range));
  for (const f of here) {
    if (!f.fix) continue;
    actions.push({
      title: f.fix.title, kind: CodeActionKind.QuickFix, isPreferred: f.fix.preferred, diagnostics: [toDiagnostic(f, doc.uri)],
      edit: versioned(doc, f.fix.edits.map((e) => ({ range: e.range, newText: e.newText }))),
    });
  }
  const fixable = lint.findings.filter((f) => f.fix?.safe).length;
  if (fixable > 1 && here.some((f) => f.fix?.safe)) {
    const all = fixAllAction(doc, settings, CodeActionKind.QuickFix);
    if (all) actions.push(all);
  }
  if (lint.kind) actions.push(...disableActions(doc, lint.kind, here));
  return actions;
}

/** One pair of "Disable" actions per rule found here (guideline findings only: parse errors are not opinions). */
function disableActions(doc: TextDocument, kind: NonNullable<LintResult['kind']>, here: LintFinding[]): CodeAction[] {
  const out: CodeAction[] = [];
  const text = doc.getText();
  const name = URI.toPath(doc.uri);
  const seen = new Set<string>();
  for (const f of here) {
    if (f.guidelineId === null || seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const diagnostics = here.filter((g) => g.ruleId === f.ruleId).map((g) => toDiagnostic(g, doc.uri));
    const edits: Array<[string, ReturnType<typeof disableLineEdit>]> = [
      [`Disable ${f.ruleId} for this line`, disableLineEdit(name, kind, text, f.ruleId, f.span.start)],
      [`Disable ${f.ruleId} for this file`, disableFileEdit(name, kind, text, f.ruleId)],
    ];
    for (const [title, e] of edits) {
      if (!e) continue;
      out.push({ title, kind: CodeActionKind.QuickFix, diagnostics, edit: versioned(doc, [{ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }]) });
    }
  }
  return out;
}
