// Fix-all: every safe fix in the document, applied pass after pass by the engine (fixes that overlap are never
// applied together; each pass re-lints), sent as ONE edit over the changed part of the document.
import type { TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixText } from '../../shared-rules/engine/fixes';
import type { Settings } from '../../shared-rules/engine/settings';
import { URI } from './uri';

export function fixAllEdit(doc: TextDocument, settings: Settings): { edit: TextEdit; applied: number } | undefined {
  const text = doc.getText();
  const { output, applied } = fixText(URI.toPath(doc.uri), text, { settings, safeOnly: true });
  if (output === text) return undefined;
  // Only the changed middle is replaced: the cursor, folds and markers outside it stay where they were.
  let s = 0;
  while (s < text.length && s < output.length && text[s] === output[s]) s++;
  let e = 0;
  while (e < text.length - s && e < output.length - s && text[text.length - 1 - e] === output[output.length - 1 - e]) e++;
  if (s > 0 && splitsPair(text, s)) s--; // never cut a \r\n or a surrogate pair in two
  if (e > 0 && splitsPair(text, text.length - e)) e--;
  return {
    edit: { range: { start: doc.positionAt(s), end: doc.positionAt(text.length - e) }, newText: output.slice(s, output.length - e) },
    applied,
  };
}

function splitsPair(text: string, at: number): boolean {
  const a = text.charCodeAt(at - 1);
  return (text[at - 1] === '\r' && text[at] === '\n') || (a >= 0xd800 && a <= 0xdbff);
}
