// A rule sees the rendering, not the template: a message that names a line of its text — "(line 12)", the parser's
// first definition of a duplicate table or key, the assignment a JVM flag comes from — names a line of the rendering,
// which dropped branches and blanked tags have shifted. Such references are rewritten to the template's line.
import { LineIndex } from './text';
import type { VirtualDocument } from './virtual';

// Only this exact form: rules that quote another file's line ("its USER on line 3" of a Dockerfile, a base64
// value's "decoded line 2") word it differently and are left as they are.
const LINE_REF = /\(line (\d{1,9})\)/g;

// One line index per rendering, however many of its findings name a line (a file of duplicates: one a table).
const linesOf = new WeakMap<VirtualDocument, LineIndex>();
function renderedLines(vdoc: VirtualDocument): LineIndex {
  let lines = linesOf.get(vdoc);
  if (!lines) linesOf.set(vdoc, (lines = new LineIndex(vdoc.text)));
  return lines;
}

/** `message` with each "(line N)" of the rendering `vdoc` turned into the matching line of the template (`index`). */
export function templateLineRefs(message: string, vdoc: VirtualDocument, index: LineIndex): string {
  if (!message.includes('(line ')) return message;
  return message.replace(LINE_REF, (whole, n: string) => {
    const rendered = renderedLines(vdoc);
    const line = Number(n) - 1;
    if (line < 0 || line >= rendered.lineCount) return whole;
    // The line's first visible character: its start may follow a tag that was dropped on the line before.
    let at = rendered.offsetAt({ line, character: 0 });
    const end = line + 1 < rendered.lineCount ? rendered.offsetAt({ line: line + 1, character: 0 }) : vdoc.text.length;
    while (at < end && (vdoc.text[at] === ' ' || vdoc.text[at] === '\t')) at++;
    return `(line ${index.positionAt(vdoc.toSource(at)).line + 1})`;
  });
}
