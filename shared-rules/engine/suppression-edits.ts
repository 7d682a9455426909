// The edits behind "Disable <rule> for this line / for this file": a suppression comment in the file's own
// syntax, indented like the statement it precedes, or the rule added to a suppression already there.
import type { FileKind } from './rule';
import { commentMarkers, scanSource, syntaxOf, type SourceLines } from './comment-syntax';
import { parseDirectives, type Directive } from './suppressions';
import { endsWithBreak, eolOf, LineIndex, type OffsetEdit } from './text';

function source(fileName: string, kind: FileKind, text: string): { src: SourceLines; directives: Directive[] } {
  const src = scanSource(syntaxOf(kind, fileName), text, new LineIndex(text));
  return { src, directives: parseDirectives(text, src) };
}

/** A first line nothing may precede: a shebang, an XML declaration. */
function pinnedFirstLine(text: string): boolean {
  return text.startsWith('#!') || /^\uFEFF?<\?xml\b/.test(text);
}

function addTo(d: Directive, ruleId: string): OffsetEdit | undefined {
  if (d.rules.some((r) => r.id === ruleId)) return undefined;
  return { start: d.listSpan.end, end: d.listSpan.end, newText: `, ${ruleId}` };
}

/** Suppresses `ruleId` on the statement containing `offset`; undefined when no comment can precede it. */
export function disableLineEdit(fileName: string, kind: FileKind, text: string, ruleId: string, offset: number): OffsetEdit | undefined {
  const { src, directives } = source(fileName, kind, text);
  const target = src.statementStart(src.index.positionAt(offset).line);
  if (target === 0 && pinnedFirstLine(text)) return undefined;
  const above = directives.find((d) => d.type === 'disable-next-line' && d.comment.alone && d.comment.endLine === target - 1 && d.rules.length);
  if (above) return addTo(above, ruleId);
  const start = src.index.lineStarts[target] + (target === 0 && text.startsWith('\uFEFF') ? 1 : 0);
  const indent = /^[ \t]*/.exec(text.slice(start, start + 200))![0];
  const { open, close } = commentMarkers(src.syntax);
  return { start, end: start, newText: `${indent}${open}carbonlint-disable-next-line ${ruleId}${close}${eolOf(text)}` };
}

/** Suppresses `ruleId` in the whole file: added to an existing carbonlint-disable-file, or a new one at the top. */
export function disableFileEdit(fileName: string, kind: FileKind, text: string, ruleId: string): OffsetEdit | undefined {
  const { src, directives } = source(fileName, kind, text);
  const existing = directives.find((d) => d.type === 'disable-file' && d.rules.length);
  if (existing) return addTo(existing, ruleId);
  const eol = eolOf(text);
  const { open, close } = commentMarkers(src.syntax);
  const comment = `${open}carbonlint-disable-file ${ruleId}${close}`;
  const bom = text.startsWith('\uFEFF') ? 1 : 0; // stays the first character
  if (!pinnedFirstLine(text)) return { start: bom, end: bom, newText: comment + eol };
  const next = src.statementEnd(0) + 1;
  const at = next < src.index.lineCount ? src.index.lineStarts[next] : text.length;
  return at === text.length && !endsWithBreak(text) ? { start: at, end: at, newText: eol + comment + eol } : { start: at, end: at, newText: comment + eol };
}
